import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_TITLE_LENGTH } from '@klantreis/schema';
import { accountsApi } from '../../api/accountsApi.ts';
import { usePresenceStore } from '../../stores/presenceStore.ts';
import { refreshMe, useMe } from '../../queries/session.ts';

/**
 * The name the others see at this person's cursor, selection, comments and approvals. For a
 * signed-in person that is their account's name, so the form renames the account.
 */
export function ParticipantNameForm({ onDone, submitLabel }: { onDone?: () => void; submitLabel: string }) {
  const { t } = useTranslation();
  const account = usePresenceStore((s) => s.account);
  const stored = usePresenceStore((s) => s.participant.name);
  const [name, setName] = useState(account?.name ?? stored);
  const [failed, setFailed] = useState(false);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (name.trim() === '') return;
    if (account) {
      try {
        await accountsApi.updateProfile({ name: name.trim() });
        await refreshMe();
      } catch {
        setFailed(true);
        return;
      }
    } else {
      usePresenceStore.getState().setName(name);
    }
    onDone?.();
  }

  return (
    <form className="participant-name-form" onSubmit={(event) => void onSubmit(event)} data-testid="participant-name-form">
      <label>
        {t('presence.yourName')}
        <input name="participant-name" value={name} maxLength={MAX_TITLE_LENGTH} autoComplete="name" required onChange={(e) => setName(e.target.value)} />
      </label>
      {account && <p className="hint">{t('presence.accountName')}</p>}
      {failed && <p role="alert">{t('presence.renameFailed')}</p>}
      <button type="submit" className="primary">
        {submitLabel}
      </button>
    </form>
  );
}
