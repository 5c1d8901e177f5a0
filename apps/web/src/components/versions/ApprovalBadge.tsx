import { useTranslation } from 'react-i18next';
import { useEditorStore } from '../../stores/editorStore.ts';
import { useParams } from '@tanstack/react-router';
import { useVersions } from '../../queries/versions.ts';

/** The top bar's word on approval: which version is approved, and whether the map changed since. */
export function ApprovalBadge() {
  const { t } = useTranslation();
  // In the editor's toolbar: the open journey is the route's.
  const { approval } = useVersions(useParams({ strict: false }).journeyId ?? '');
  const approved = approval?.approvedVersion ?? null;
  const pending = approval?.requests.filter((r) => r.state === 'pending').length ?? 0;
  if (!approved && pending === 0) return null;
  const text = approved
    ? approved.changedSince
      ? t('approval.badgeChanged', { name: approved.name })
      : t('approval.badgeApproved', { name: approved.name })
    : t('approval.badgePending', { count: pending });
  return (
    <button
      type="button"
      className={`approval-badge${approved ? (approved.changedSince ? ' approval-badge--changed' : ' approval-badge--approved') : ''}`}
      onClick={() => useEditorStore.getState().setSideTab('versions')}
      data-testid="approval-badge"
      data-changed={approved?.changedSince ?? false}
    >
      {text}
    </button>
  );
}
