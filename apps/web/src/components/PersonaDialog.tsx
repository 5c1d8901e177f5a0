import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_TEXT_LENGTH, MAX_TITLE_LENGTH, type JourneyDocument, type PersonaRecord } from '@klantreis/schema';
import { addPersona, deletePersona, setPersonaAttached, updateRecord } from '@klantreis/sync';
import { useJourneyEdit } from '../hooks/useJourneyEdit.ts';
import { useEditorStore } from '../stores/editorStore.ts';
import { PersonaAvatar } from './PersonaAvatar.tsx';

const PERSONA_COLORS = ['#5c6bc0', '#00796b', '#c2185b', '#6d4c41', '#455a64', '#7b1fa2'];

/** A picture is scaled down to 128 px in the browser, so a phone photo fits in the document. */
async function pictureDataUrl(file: File): Promise<string> {
  const bitmap = await createImageBitmap(file);
  const scale = Math.min(1, 128 / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(bitmap.width * scale);
  canvas.height = Math.round(bitmap.height * scale);
  canvas.getContext('2d')!.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  return canvas.toDataURL('image/jpeg', 0.85);
}

function PersonaEditor({ persona, attached }: { persona: PersonaRecord; attached: boolean }) {
  const { t } = useTranslation();
  const edit = useJourneyEdit();
  const [pictureError, setPictureError] = useState(false);
  const update = (patch: Partial<PersonaRecord>) => edit((doc, origin) => updateRecord(doc, persona.id, patch, origin));

  // Shows its own errors and never rejects, so the event handlers that call it may `void` it.
  async function onPicture(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    try {
      update({ picture: await pictureDataUrl(file) });
      setPictureError(false);
    } catch {
      setPictureError(true);
    }
  }

  return (
    <li className="persona" data-persona-id={persona.id}>
      <PersonaAvatar persona={persona} size={56} />
      <div className="form">
        <label>
          {t('persona.name')}
          <input value={persona.name} maxLength={MAX_TITLE_LENGTH} onChange={(e) => update({ name: e.target.value })} />
        </label>
        <label>
          {t('persona.description')}
          <textarea value={persona.description} rows={2} maxLength={MAX_TEXT_LENGTH} onChange={(e) => update({ description: e.target.value })} />
        </label>
        <label>
          {t('persona.goals')}
          <textarea value={persona.goals} rows={2} maxLength={MAX_TEXT_LENGTH} onChange={(e) => update({ goals: e.target.value })} />
        </label>
        <div className="row">
          <label>
            {t('persona.picture')}
            <input type="file" accept="image/png,image/jpeg,image/webp,image/gif" onChange={(event) => void onPicture(event)} />
          </label>
          {persona.picture && (
            <button type="button" onClick={() => update({ picture: null })}>
              {t('persona.removePicture')}
            </button>
          )}
          <label>
            {t('persona.color')}
            <input type="color" value={persona.color} onChange={(e) => update({ color: e.target.value })} />
          </label>
        </div>
        {pictureError && <p role="alert" className="error">{t('persona.pictureTooLarge')}</p>}
        <div className="row">
          <label className="checkbox">
            <input type="checkbox" checked={attached} onChange={(e) => edit((doc, origin) => setPersonaAttached(doc, persona.id, e.target.checked, origin))} />
            {t('persona.attached')}
          </label>
          <button type="button" className="danger" onClick={() => edit((doc, origin) => deletePersona(doc, persona.id, origin))}>
            {t('persona.delete')}
          </button>
        </div>
      </div>
    </li>
  );
}

export function PersonaDialog({ journey }: { journey: JourneyDocument }) {
  const { t } = useTranslation();
  const edit = useJourneyEdit();
  const open = useEditorStore((s) => s.personasOpen);
  const setOpen = useEditorStore((s) => s.setPersonasOpen);
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    if (open) dialog.current?.showModal();
    else dialog.current?.close();
  }, [open]);

  return (
    <dialog ref={dialog} className="dialog dialog--wide" aria-labelledby="personas-title" onClose={() => setOpen(false)}>
      <div className="panel__head">
        <h2 id="personas-title">{t('persona.title')}</h2>
        <button type="button" onClick={() => setOpen(false)}>
          {t('persona.close')}
        </button>
      </div>
      {journey.personas.length === 0 && <p>{t('persona.none')}</p>}
      <ul className="personas">
        {/* By id, not by name: a persona must not jump away while someone types its name. */}
        {[...journey.personas].sort((a, b) => (a.id < b.id ? -1 : 1)).map((persona) => (
          <PersonaEditor key={persona.id} persona={persona} attached={journey.journey.personaIds.includes(persona.id)} />
        ))}
      </ul>
      <button
        type="button"
        className="primary"
        onClick={() =>
          edit((doc, origin) => addPersona(doc, { name: t('persona.add'), color: PERSONA_COLORS[journey.personas.length % PERSONA_COLORS.length]! }, true, origin))
        }
      >
        + {t('persona.add')}
      </button>
    </dialog>
  );
}
