import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_TEXT_LENGTH } from '@klantreis/schema';
import { versionsApi, type ApprovalRequest, type Decision } from '../../api/versionsApi.ts';
import { useMe } from '../../queries/session.ts';
import { useVersions, useVersionsChange } from '../../queries/versions.ts';
import { relativeTime } from '../relativeTime.ts';

/** The person asked to approve decides: approve, or ask for changes, which needs a comment. */
function DecisionForm({ journeyId, request }: { journeyId: string; request: ApprovalRequest }) {
  const { t } = useTranslation();
  const [comment, setComment] = useState('');
  const [error, setError] = useState<string | null>(null);
  const change = useVersionsChange(journeyId);

  async function decide(decision: Decision) {
    if (decision === 'changes-requested' && comment.trim() === '') {
      setError(t('approval.commentNeeded'));
      return;
    }
    try {
      await change(() => versionsApi.decide(journeyId, request.id, { decision, comment }));
      setComment('');
      setError(null);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    }
  }

  return (
    <form className="form decision-form" onSubmit={(e: FormEvent) => e.preventDefault()} data-testid="decision-form">
      <label>
        {t('approval.comment')}
        <textarea name="decision-comment" rows={2} maxLength={MAX_TEXT_LENGTH} value={comment} onChange={(e) => setComment(e.target.value)} />
      </label>
      <div className="row">
        <button type="button" className="primary" onClick={() => void decide('approved')}>
          {t('approval.approve')}
        </button>
        <button type="button" onClick={() => void decide('changes-requested')}>
          {t('approval.requestChanges')}
        </button>
      </div>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </form>
  );
}

/** Every approval round on the journey, newest first, with each approver's latest word. */
export function ApprovalRounds({ journeyId, versionNames }: { journeyId: string; versionNames: ReadonlyMap<string, string> }) {
  const { t } = useTranslation();
  const myEmail = useMe()?.user.email ?? '';
  const { approval } = useVersions(journeyId);
  const names = approval?.names ?? {};
  const requests = approval?.requests ?? [];
  if (requests.length === 0) return <p className="hint">{t('approval.none')}</p>;
  return (
    <ol className="approval-rounds">
      {requests.map((request) => {
        const latest = new Map(request.decisions.map((d) => [d.approver, d]));
        const mine = latest.get(myEmail);
        return (
          <li key={request.id} className={`approval-round approval-round--${request.state}`} data-testid="approval-round" data-state={request.state}>
            <p className="approval-round__head">
              <strong>{versionNames.get(request.versionId) ?? request.versionId}</strong>
              <span className={`state-pill state-pill--${request.state}`}>{t(`approval.state.${request.state}`)}</span>
            </p>
            <p className="hint">{t('approval.requestedBy', { name: request.requestedBy || t('presence.anonymous'), when: relativeTime(t, request.createdAt) })}</p>
            {request.message && <p className="approval-round__message">{request.message}</p>}
            <ul className="approvers">
              {request.approvers.map((approver) => {
                const decision = latest.get(approver);
                return (
                  <li key={approver} data-approver={approver} data-decision={decision?.decision ?? 'pending'}>
                    {names[approver] ?? approver}: {t(`approval.state.${decision?.decision ?? 'pending'}`)}
                    {decision?.comment && <q className="approvers__comment">{decision.comment}</q>}
                  </li>
                );
              })}
            </ul>
            {request.approvers.includes(myEmail) && (!mine || mine.decision !== 'approved') && <DecisionForm journeyId={journeyId} request={request} />}
          </li>
        );
      })}
    </ol>
  );
}
