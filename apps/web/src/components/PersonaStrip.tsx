import { useTranslation } from 'react-i18next';
import type { JourneyDocument } from '@klantreis/schema';
import { useCan } from '../hooks/useJourneyAccess.ts';
import { useEditorStore } from '../stores/editorStore.ts';
import { PersonaAvatar } from './PersonaAvatar.tsx';

/**
 * Whose journey this is, above the map: each persona attached to the journey with picture,
 * name and the first line of who they are and what they want, so that a room looking at the
 * map knows for whom it was drawn. Opens the personas dialog; says so when there is none yet.
 */
export function PersonaStrip({ journey }: { journey: JourneyDocument }) {
  const { t } = useTranslation();
  const canEdit = useCan('journey.edit');
  const attached = journey.personas.filter((p) => journey.journey.personaIds.includes(p.id));
  const open = () => useEditorStore.getState().setPersonasOpen(true);
  if (attached.length === 0 && !canEdit) return null;
  return (
    <section className="persona-strip" aria-label={t('personaStrip.label')} data-testid="persona-strip">
      <span className="persona-strip__lead">{t('personaStrip.whose')}</span>
      {attached.length === 0 ? (
        <button type="button" className="persona-strip__none" onClick={open}>
          {t('personaStrip.choose')}
        </button>
      ) : (
        <ul className="persona-strip__list">
          {attached.map((persona) => {
            const about = firstLine(persona.description) || firstLine(persona.goals);
            return (
              <li key={persona.id}>
                <button type="button" className="persona-strip__persona" onClick={open} title={[persona.name, persona.description, persona.goals].filter(Boolean).join('\n\n')}>
                  <PersonaAvatar persona={persona} size={28} />
                  <span className="persona-strip__name">{persona.name}</span>
                  {about && <span className="persona-strip__about">{about}</span>}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

function firstLine(text: string): string {
  return text.split('\n').map((line) => line.trim()).find(Boolean) ?? '';
}
