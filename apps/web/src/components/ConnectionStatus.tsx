import { useTranslation } from 'react-i18next';
import type { ConnectionStatus as Status } from '../hooks/useCollaborativeJourney.ts';
import type { SaveProblem } from '../hooks/saveProblem.ts';

/**
 * Always visible: live, connecting, or offline; and, whenever the server has not confirmed
 * every edit yet, how many are waiting, so nobody closes the laptop thinking all is saved.
 * A save problem overrides the connection: a refused change (saving has stopped, see
 * `SaveRefusedBanner`), or a failed store, which is retried while the socket comes and goes.
 */
export function ConnectionStatus({ status, unsyncedChanges, saveProblem = null }: { status: Status; unsyncedChanges: number; saveProblem?: SaveProblem }) {
  const { t } = useTranslation();
  const label = saveProblem === 'refused' ? t('editor.status.refused') : saveProblem === 'store-failed' ? t('editor.status.storeFailed') : t(`editor.status.${status}`);
  const waiting = saveProblem !== 'refused' && (status !== 'connected' || saveProblem === 'store-failed') && unsyncedChanges > 0;
  return (
    <span
      className={`status status--${saveProblem ?? status}`}
      role="status"
      data-testid="connection-status"
      data-status={status}
      data-save-problem={saveProblem ?? undefined}
      data-unsynced={unsyncedChanges > 0}
    >
      {label}
      {waiting && <> · {t('editor.status.unsynced', { count: unsyncedChanges })}</>}
    </span>
  );
}
