import { useContext, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { sortByIndex, type JourneyDocument } from '@klantreis/schema';
import { stepDisplayTitle } from '../../canvas/mapLayout.ts';
import { useEditorStore } from '../../stores/editorStore.ts';
import { useOwnIdentity } from '../../stores/presenceStore.ts';
import { JourneyPeopleContext } from '../../hooks/useJourneyAccess.ts';
import { useMe } from '../../queries/session.ts';
import { relativeTime } from '../relativeTime.ts';
import { MentionText } from './MentionText.tsx';
import { accountsMentioned } from '@klantreis/core/mentions';

type Filter = 'open' | 'mine' | 'resolved';
const FILTERS: readonly Filter[] = ['open', 'mine', 'resolved'];

/**
 * Every comment thread of the journey, step by step in map order: what is still open, what
 * mentions me, what was resolved. A thread's step opens its comments on the map.
 */
export function CommentsOverview({ journey }: { journey: JourneyDocument }) {
  const { t } = useTranslation();
  const me = useOwnIdentity();
  const myId = useMe()?.user.id;
  const people = useContext(JourneyPeopleContext);
  const [filter, setFilter] = useState<Filter>('open');
  // Each comment is looked at once: threads, their replies and whether they mention me.
  const { threads, replyCount, mentionsMe } = useMemo(() => {
    const replyCount = new Map<string, number>();
    const mentionsMe = new Set<string>();
    for (const comment of journey.comments) {
      const threadId = comment.parentId ?? comment.id;
      if (comment.parentId !== null) replyCount.set(threadId, (replyCount.get(threadId) ?? 0) + 1);
      // As the server tells people: a name someone else has too does not mention me.
      if (myId ? accountsMentioned(comment.mentions, people).has(myId) : comment.mentions.includes(me.name)) mentionsMe.add(threadId);
    }
    return { threads: journey.comments.filter((c) => c.parentId === null), replyCount, mentionsMe };
  }, [journey.comments, me.name, myId, people]);
  const shown = (thread: (typeof threads)[number]) => {
    if (filter === 'resolved') return thread.resolved;
    if (thread.resolved) return false;
    return filter === 'open' || mentionsMe.has(thread.id);
  };
  const steps = sortByIndex(journey.steps);
  const groups = steps
    .map((step, i) => ({ step, number: i + 1, threads: threads.filter((thread) => thread.stepId === step.id && shown(thread)) }))
    .filter((group) => group.threads.length > 0);
  const counts: Record<Filter, number> = {
    open: threads.filter((c) => !c.resolved).length,
    mine: threads.filter((c) => !c.resolved && mentionsMe.has(c.id)).length,
    resolved: threads.filter((c) => c.resolved).length,
  };

  function openStep(stepId: string) {
    const editor = useEditorStore.getState();
    editor.showSteps([stepId]);
    editor.setSideTab('comments');
  }

  return (
    <section className="comments comments--overview" aria-labelledby="comments-overview-title" data-testid="comments-overview">
      <div className="panel__head">
        <h2 id="comments-overview-title">{t('comments.overview.title')}</h2>
      </div>
      <p className="hint">{t('comments.overview.hint')}</p>
      <div className="severity-filter" role="group" aria-label={t('comments.overview.filter')}>
        {FILTERS.map((f) => (
          <button key={f} type="button" aria-pressed={filter === f} onClick={() => setFilter(f)} data-filter={f}>
            {t(`comments.overview.filters.${f}`, { count: counts[f] })}
          </button>
        ))}
      </div>
      {groups.length === 0 ? (
        <p className="hint">{t(`comments.overview.none.${filter}`)}</p>
      ) : (
        <ol className="comments-overview">
          {groups.map(({ step, number, threads: stepThreads }) => (
            <li key={step.id} data-testid="comments-overview-step" data-step-id={step.id}>
              <button type="button" className="link comments-overview__step" onClick={() => openStep(step.id)}>
                {stepDisplayTitle(step, number, t('step.untitled'))}
              </button>
              <ul className="threads">
                {stepThreads.map((thread) => (
                  <li key={thread.id} className="comment" data-testid="comments-overview-thread">
                    <p className="comment__meta">
                      <strong>{thread.author || t('presence.anonymous')}</strong> · {relativeTime(t, thread.createdAt)}
                      {replyCount.has(thread.id) && <> · {t('comments.overview.replies', { count: replyCount.get(thread.id) })}</>}
                    </p>
                    <MentionText text={thread.text} mentions={thread.mentions} />
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
