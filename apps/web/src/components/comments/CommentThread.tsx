import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CommentRecord } from '@klantreis/schema';
import { addComment, setThreadResolved } from '@klantreis/sync';
import { useJourneyEdit } from '../../hooks/useJourneyEdit.ts';
import { useOwnIdentity } from '../../stores/presenceStore.ts';
import { refreshMe, useMe } from '../../queries/session.ts';
import { relativeTime } from '../relativeTime.ts';
import { CommentComposer } from './CommentComposer.tsx';
import { MentionText } from './MentionText.tsx';
import type { MentionCandidate } from './mentionResolution.ts';

function Comment({ comment }: { comment: CommentRecord }) {
  const { t } = useTranslation();
  return (
    <div className="comment" data-testid="comment" data-comment-id={comment.id}>
      <p className="comment__meta">
        <strong>{comment.author || t('presence.anonymous')}</strong> · {relativeTime(t, comment.createdAt)}
      </p>
      <MentionText text={comment.text} mentions={comment.mentions} />
    </div>
  );
}

/** A thread: its first comment, the replies, a reply field, and resolve or reopen. */
export function CommentThread({
  thread,
  replies,
  targetLabel,
  candidates,
}: {
  thread: CommentRecord;
  replies: readonly CommentRecord[];
  targetLabel: string;
  candidates: readonly MentionCandidate[];
}) {
  const { t } = useTranslation();
  const edit = useJourneyEdit('comment');
  const me = useOwnIdentity();
  const authorId = useMe()?.user.id;
  const [replying, setReplying] = useState(false);
  return (
    <li className={`thread${thread.resolved ? ' thread--resolved' : ''}`} data-testid="comment-thread" data-resolved={thread.resolved}>
      <p className="thread__target">{targetLabel}</p>
      <Comment comment={thread} />
      {replies.map((reply) => (
        <Comment key={reply.id} comment={reply} />
      ))}
      <div className="row thread__actions">
        <button type="button" aria-expanded={replying} onClick={() => setReplying(!replying)}>
          {t('comments.reply')}
        </button>
        <button type="button" onClick={() => edit((doc, origin) => setThreadResolved(doc, thread.id, !thread.resolved, origin))}>
          {thread.resolved ? t('comments.reopen') : t('comments.resolve')}
        </button>
      </div>
      {replying && (
        <CommentComposer
          candidates={candidates}
          label={t('comments.replyLabel')}
          submitLabel={t('comments.send')}
          onSubmit={(text, mentions) => {
            edit((doc, origin) => addComment(doc, { targetId: thread.targetId, parentId: thread.id, author: me.name, authorId, text, mentions }, origin));
            setReplying(false);
          }}
        />
      )}
    </li>
  );
}
