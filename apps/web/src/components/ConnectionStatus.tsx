import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConnectionStatus as Status } from '../hooks/useCollaborativeJourney.ts';
import type { SaveProblem } from '../hooks/saveProblem.ts';

/**
 * Always visible: live, connecting, or offline; and, whenever the server has not confirmed
 * every edit yet, how many are waiting, so nobody closes the laptop thinking all is saved.
 * A save problem overrides the connection: a refused change (saving has stopped, see
 * `SaveRefusedBanner`), or a failed store, which is retried while the socket comes and goes.
 * Connected, an edit is confirmed within milliseconds once stored; when the server has not
 * confirmed every edit for a second (its database is slow), it says "Saving…", not "Saved".
 */
export function ConnectionStatus({
  status,
  unsyncedChanges,
  ownEditsUnconfirmed,
  saveProblem = null,
}: {
  status: Status;
  unsyncedChanges: number;
  /** Whether this editor changed anything the server has not confirmed (a first sync of a big map alone is not "Saving…"). */
  ownEditsUnconfirmed: boolean;
  saveProblem?: SaveProblem;
}) {
  const { t } = useTranslation();
  const saving = useLastingFor(status === 'connected' && saveProblem === null && unsyncedChanges > 0 && ownEditsUnconfirmed, SAVING_AFTER_MS);
  const label =
    saveProblem === 'refused'
      ? t('editor.status.refused')
      : saveProblem === 'store-failed'
        ? t('editor.status.storeFailed')
        : saving
          ? t('editor.status.saving')
          : t(`editor.status.${status}`);
  const waiting = saveProblem !== 'refused' && (status !== 'connected' || saveProblem === 'store-failed') && unsyncedChanges > 0;
  return (
    <span
      className={`status status--${saveProblem ?? status}`}
      role="status"
      data-testid="connection-status"
      data-status={status}
      data-save-problem={saveProblem ?? undefined}
      data-unsynced={unsyncedChanges > 0}
      data-saving={saving}
    >
      {label}
      {waiting && <> · {t('editor.status.unsynced', { count: unsyncedChanges })}</>}
    </span>
  );
}

/** How long the server may take to confirm an edit before the status says "Saving…" instead of "Saved". */
const SAVING_AFTER_MS = 1_000;

/** Whether `condition` has held, without a break, for `ms` now. */
function useLastingFor(condition: boolean, ms: number): boolean {
  const [lasting, setLasting] = useState(false);
  useEffect(() => {
    if (!condition) {
      setLasting(false);
      return undefined;
    }
    const timer = setTimeout(() => setLasting(true), ms);
    return () => clearTimeout(timer);
  }, [condition, ms]);
  return condition && lasting;
}
