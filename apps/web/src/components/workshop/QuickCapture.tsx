import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CAPTURE_KINDS, MAX_TEXT_LENGTH, type CaptureKind } from '@klantreis/schema';
import { addCapture } from '@klantreis/sync';
import { useJourneyEdit } from '../../hooks/useJourneyEdit.ts';
import { useOwnIdentity } from '../../stores/presenceStore.ts';
import { refreshMe, useMe } from '../../queries/session.ts';

/** Everyone drops a step or a pain point into the inbox, without deciding where it goes. */
export function QuickCapture() {
  const { t } = useTranslation();
  const edit = useJourneyEdit();
  const me = useOwnIdentity();
  const authorId = useMe()?.user.id;
  const [kind, setKind] = useState<CaptureKind>('step');
  const [text, setText] = useState('');

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (text.trim() === '') return;
    edit((doc, origin) => addCapture(doc, { kind, text: text.trim(), author: me.name, authorId }, origin));
    setText('');
  }

  return (
    <form className="form quick-capture" onSubmit={onSubmit} data-testid="quick-capture">
      <fieldset className="segmented-field">
        <legend>{t('workshop.captureKind')}</legend>
        {CAPTURE_KINDS.map((k) => (
          <label key={k} className="checkbox">
            <input type="radio" name="capture-kind" value={k} checked={kind === k} onChange={() => setKind(k)} />
            {t(`workshop.kinds.${k}`)}
          </label>
        ))}
      </fieldset>
      <label>
        {t('workshop.captureText')}
        <textarea name="capture-text" rows={2} maxLength={MAX_TEXT_LENGTH} value={text} onChange={(e) => setText(e.target.value)} />
      </label>
      <button type="submit" className="primary" disabled={text.trim() === ''}>
        {t('workshop.addToInbox')}
      </button>
    </form>
  );
}
