import { useTranslation } from 'react-i18next';
import type { ConnectionStatus as Status } from '../hooks/useCollaborativeJourney.ts';

/**
 * Always visible: live, connecting, or offline; and, whenever the server has not confirmed
 * every edit yet, how many are waiting, so nobody closes the laptop thinking all is saved.
 */
export function ConnectionStatus({ status, unsyncedChanges }: { status: Status; unsyncedChanges: number }) {
  const { t } = useTranslation();
  const waiting = status !== 'connected' && unsyncedChanges > 0;
  return (
    <span className={`status status--${status}`} role="status" data-testid="connection-status" data-status={status} data-unsynced={unsyncedChanges > 0}>
      {t(`editor.status.${status}`)}
      {waiting && <> · {t('editor.status.unsynced', { count: unsyncedChanges })}</>}
    </span>
  );
}
