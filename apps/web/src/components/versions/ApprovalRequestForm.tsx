import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_TEXT_LENGTH } from '@klantreis/schema';
import { versionsApi, type VersionInfo } from '../../api/versionsApi.ts';
import { useOwnIdentity, usePresenceStore } from '../../stores/presenceStore.ts';
import { useVersionsStore } from '../../stores/versionsStore.ts';

/** "Anna, Bram de Vries" → ["Anna", "Bram de Vries"]: names are split on commas only. */
export function parseNames(text: string): string[] {
  return [...new Set(text.split(/[,;\n]/).map((name) => name.trim()).filter(Boolean))];
}

/** Asks chosen people, by name, to approve one version; the people in the map are offered. */
export function ApprovalRequestForm({ journeyId, version, onDone }: { journeyId: string; version: VersionInfo; onDone: () => void }) {
  const { t } = useTranslation();
  const me = useOwnIdentity();
  const peers = usePresenceStore((s) => s.peers);
  const [approvers, setApprovers] = useState('');
  const [message, setMessage] = useState('');
  const [error, setError] = useState<string | null>(null);
  const suggestions = [...new Set(peers.map((p) => p.name))].filter((name) => !parseNames(approvers).includes(name));
  const listId = `approver-suggestions-${version.id}`;

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const names = parseNames(approvers);
    if (names.length === 0) return;
    try {
      await versionsApi.requestApproval(journeyId, { versionId: version.id, requestedBy: me.name, approvers: names, message });
      await useVersionsStore.getState().changed(journeyId);
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
          {suggestions.map((name) => (
            <option key={name} value={[...parseNames(approvers), name].join(', ')}>
              {name}
            </option>
          ))}
        </datalist>
      </label>
      {suggestions.length > 0 && (
        <div className="chips" role="group" aria-label={t('approval.inMap')}>
          {suggestions.map((name) => (
            <button key={name} type="button" className="chip" onClick={() => setApprovers([...parseNames(approvers), name].join(', '))}>
              + {name}
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
