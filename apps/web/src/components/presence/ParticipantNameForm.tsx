import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_TITLE_LENGTH } from '@klantreis/schema';
import { usePresenceStore } from '../../stores/presenceStore.ts';

/** The name the others see at this person's cursor, selection, comments and approvals. */
export function ParticipantNameForm({ onDone, submitLabel }: { onDone?: () => void; submitLabel: string }) {
  const { t } = useTranslation();
  const stored = usePresenceStore((s) => s.participant.name);
  const [name, setName] = useState(stored);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (name.trim() === '') return;
    usePresenceStore.getState().setName(name);
    onDone?.();
  }

  return (
    <form className="participant-name-form" onSubmit={onSubmit} data-testid="participant-name-form">
      <label>
        {t('presence.yourName')}
        <input name="participant-name" value={name} maxLength={MAX_TITLE_LENGTH} autoComplete="name" required onChange={(e) => setName(e.target.value)} />
      </label>
      <button type="submit" className="primary">
        {submitLabel}
      </button>
    </form>
  );
}
