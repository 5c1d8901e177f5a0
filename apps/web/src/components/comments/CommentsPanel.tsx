import { useContext, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { cellId, type CellId, type JourneyDocument, type LaneId, type StepId, type StepRecord } from '@klantreis/schema';
import { addComment } from '@klantreis/sync';
import { laneDisplayName, stepDisplayTitle } from '../../canvas/mapLayout.ts';
import { useJourneyEdit } from '../../hooks/useJourneyEdit.ts';
import { useEditorStore } from '../../stores/editorStore.ts';
import { JourneyPeopleContext } from '../../hooks/useJourneyAccess.ts';
import { useOwnIdentity, usePresenceStore } from '../../stores/presenceStore.ts';
import { refreshMe, useMe } from '../../queries/session.ts';
import { CommentComposer } from './CommentComposer.tsx';
import { CommentThread } from './CommentThread.tsx';
import { mentionCandidates } from './mentionResolution.ts';

/** The comments on the selected step and its cells: threads, a new one, resolved ones folded away. */
export function CommentsPanel({ journey, step }: { journey: JourneyDocument; step: StepRecord }) {
  const { t } = useTranslation();
  const edit = useJourneyEdit('comment');
  const me = useOwnIdentity();
  // The account that writes (the server checks it is the signed-in one).
  const authorId = useMe()?.user.id;
  const peers = usePresenceStore((s) => s.peers);
  // Mentions reach an inbox when they name a person with access: each of them is offered, with the names seen in the map.
  const people = useContext(JourneyPeopleContext);
  const [target, setTarget] = useState<string>(step.id);
  const laneName = (laneId: string) => {
    const lane = journey.lanes.find((l) => l.id === laneId);
    return lane ? laneDisplayName(lane, (kind) => t(`lane.kinds.${kind}`)) : '';
  };
  const candidates = useMemo(
    () => mentionCandidates(people, [me.name, ...peers.map((p) => p.name)], journey.comments.map((c) => c.author)),
    [people, me.name, peers, journey.comments],
  );
  const onStep = journey.comments.filter((c) => c.stepId === step.id);
  const threads = onStep.filter((c) => c.parentId === null);
  const open = threads.filter((c) => !c.resolved);
  const resolved = threads.filter((c) => c.resolved);
  const targetLabel = (targetId: string) => (targetId.startsWith('cell:') ? t('comments.onCell', { lane: laneName(`lane:${targetId.slice(5, targetId.indexOf('~'))}`) }) : t('comments.onStep'));
  const stepNumber = journey.steps.findIndex((s) => s.id === step.id) + 1;
  const title = stepDisplayTitle(step, stepNumber, t('step.untitled'));

  const renderThread = (thread: (typeof threads)[number]) => (
    <CommentThread key={thread.id} thread={thread} replies={onStep.filter((c) => c.parentId === thread.id)} targetLabel={targetLabel(thread.targetId)} candidates={candidates} />
  );

  return (
    <section className="comments" aria-labelledby="comments-title" data-testid="comments-panel">
      <div className="panel__head">
        <h2 id="comments-title">{t('comments.title', { title })}</h2>
        <button type="button" className="link" onClick={() => useEditorStore.getState().selectStep(null)} data-testid="all-comments">
          {t('comments.overview.all', { count: journey.comments.filter((c) => c.parentId === null && !c.resolved).length })}
        </button>
      </div>
      <label className="comments__target">
        {t('comments.target')}
        <select name="comment-target" value={target} onChange={(e) => setTarget(e.target.value)}>
          <option value={step.id}>{t('comments.onStep')}</option>
          {journey.lanes
            .filter((l) => !l.hidden)
            .map((lane) => (
              <option key={lane.id} value={cellId(lane.id as LaneId, step.id as StepId)}>
                {t('comments.onCell', { lane: laneName(lane.id) })}
              </option>
            ))}
        </select>
      </label>
      <CommentComposer
        candidates={candidates}
        label={t('comments.new')}
        submitLabel={t('comments.send')}
        onSubmit={(text, mentions) => edit((doc, origin) => addComment(doc, { targetId: target as StepId | CellId, author: me.name, authorId, text, mentions }, origin))}
      />
      {open.length === 0 ? <p className="hint">{t('comments.none')}</p> : <ol className="threads">{open.map(renderThread)}</ol>}
      {resolved.length > 0 && (
        <details className="threads__resolved">
          <summary>{t('comments.resolvedCount', { count: resolved.length })}</summary>
          <ol className="threads">{resolved.map(renderThread)}</ol>
        </details>
      )}
    </section>
  );
}
