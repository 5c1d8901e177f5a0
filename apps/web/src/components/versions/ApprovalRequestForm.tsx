import { useMemo, useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { MAX_TEXT_LENGTH } from '@klantreis/schema';
import { versionsApi, type VersionInfo } from '../../api/versionsApi.ts';
import { journeyPeopleQuery } from '../../queries/journeys.ts';
import { useMe } from '../../queries/session.ts';
import { useVersionsChange } from '../../queries/versions.ts';

/** "Anna, Bram de Vries" → ["Anna", "Bram de Vries"]: names are split on commas only. */
export function parseNames(text: string): string[] {
  return [...new Set(text.split(/[,;\n]/).map((name) => name.trim()).filter(Boolean))];
}

/**
 * Asks chosen people to approve one version: accounts with a role on the journey that may
 * decide (commenters and up), offered by name; the server keeps them by e-mail address.
 */
export function ApprovalRequestForm({ journeyId, version, onDone }: { journeyId: string; version: VersionInfo; onDone: () => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const change = useVersionsChange(journeyId);
  const everyone = useQuery(journeyPeopleQuery(journeyId)).data;
  const people = useMemo(() => (everyone ?? []).filter((p) => p.role !== 'viewer' && p.userId !== me?.user.id), [everyone, me?.user.id]);
  const [approvers, setApprovers] = useState('');
  const [message, setMessage] = useState('');
  const [error, setError] = useState<string | null>(null);
  const suggestions = people.map((p) => p.email).filter((email) => !parseNames(approvers).includes(email));
  const nameOf = (email: string) => people.find((p) => p.email === email)?.name ?? email;
  const listId = `approver-suggestions-${version.id}`;

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const names = parseNames(approvers);
    if (names.length === 0) return;
    try {
      await change(() => versionsApi.requestApproval(journeyId, { versionId: version.id, approvers: names, message }));
      onDone();
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    }
  }

  return (
    <form className="form approval-request" onSubmit={(e) => void onSubmit(e)} data-testid="approval-request-form">
      <label>
        {t('approval.approvers')}
        <input name="approvers" list={listId} value={approvers} required placeholder={t('approval.approversPlaceholder')} onChange={(e) => setApprovers(e.target.value)} />
        <datalist id={listId}>
          {suggestions.map((email) => (
            <option key={email} value={[...parseNames(approvers), email].join(', ')}>
              {nameOf(email)}
            </option>
          ))}
        </datalist>
      </label>
      {suggestions.length > 0 && (
        <div className="chips" role="group" aria-label={t('approval.inMap')}>
          {suggestions.map((email) => (
            <button key={email} type="button" className="chip" title={email} onClick={() => setApprovers([...parseNames(approvers), email].join(', '))}>
              + {nameOf(email)}
            </button>
          ))}
        </div>
      )}
      <label>
        {t('approval.message')}
        <textarea name="approval-message" rows={2} maxLength={MAX_TEXT_LENGTH} value={message} onChange={(e) => setMessage(e.target.value)} />
      </label>
      <div className="row">
        <button type="submit" className="primary">
          {t('approval.send')}
        </button>
        <button type="button" onClick={onDone}>
          {t('approval.cancel')}
        </button>
      </div>
      {error && (
        <p role="alert" className="error">
          {t('versions.failed', { error })}
        </p>
      )}
    </form>
  );
}
