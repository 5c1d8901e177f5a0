import { splitMentions } from './mentions.ts';

/** A comment's text with its @mentions highlighted. */
export function MentionText({ text, mentions }: { text: string; mentions: readonly string[] }) {
  return (
    <p className="comment__text">
      {splitMentions(text, mentions).map((part, i) =>
        part.mention ? (
          <mark key={i} className="mention">
            {part.text}
          </mark>
        ) : (
          <span key={i}>{part.text}</span>
        ),
      )}
    </p>
  );
}
