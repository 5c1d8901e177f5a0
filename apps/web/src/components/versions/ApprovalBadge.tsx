import { useTranslation } from 'react-i18next';
import { useEditorStore } from '../../stores/editorStore.ts';
import { useParams } from '@tanstack/react-router';
import { useVersions } from '../../queries/versions.ts';
import { versionLabel } from './versionLabel.ts';

/** The top bar's word on approval: which version is approved, and whether the map changed since. */
export function ApprovalBadge() {
  const { t, i18n } = useTranslation();
  // In the editor's toolbar: the open journey is the route's.
  const { approval } = useVersions(useParams({ strict: false }).journeyId ?? '');
  const approved = approval?.approvedVersion ?? null;
  const pending = approval?.requests.filter((r) => r.state === 'pending').length ?? 0;
  if (!approved && pending === 0) return null;
  // Named as the versions list names it: an automatic version or one kept before a restore by
  // what it is and when, in the UI language, not by the name the server stores.
  const text = approved ? t('approval.badgeApproved', { name: versionLabel(approved, t, i18n.language) }) : t('approval.badgePending', { count: pending });
  const status = approved?.changedSince ? t('approval.badgeChangedSince') : null;
  return (
    <button
      type="button"
      className={`approval-badge${approved ? (approved.changedSince ? ' approval-badge--changed' : ' approval-badge--approved') : ''}`}
      onClick={() => useEditorStore.getState().setSideTab('versions')}
      // The whole text on hover: a long name is cut short in the bar.
      title={status ? `${text} ${status}` : text}
      data-testid="approval-badge"
      data-changed={approved?.changedSince ?? false}
    >
      {/* Only the name is cut short: whether the map changed since stays in view. */}
      <span className="approval-badge__text">{text}</span>
      {status && (
        <>
          {' '}
          <span className="approval-badge__status">{status}</span>
        </>
      )}
    </button>
  );
}
