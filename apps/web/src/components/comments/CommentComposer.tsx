import { useId, useLayoutEffect, useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_TEXT_LENGTH } from '@klantreis/schema';
import { insertMention, mentionQueryAt } from './mentions.ts';
import { keepPicks, matchingCandidates, resolveMentions, type MentionCandidate, type MentionPick, type MentionProblem } from './mentionResolution.ts';

/**
 * A comment field with @mention suggestions: typing "@" and the start of a name offers the
 * people with access (and the names seen in the map); choosing one writes the whole name and
 * mentions that person, also when someone else has the same name (the suggestions then show
 * their e-mail addresses). The keys work as in a chat: ↓ ↑ move through the suggestions, Enter
 * or Tab takes the highlighted one, Escape closes them (then Enter is a new line again).
 * A mention that would reach nobody (a shared name typed by hand, a name nobody with access
 * has) is named in words at the first Post, which then reads "Post anyway".
 */
export function CommentComposer({ candidates, label, submitLabel, onSubmit }: {
  candidates: readonly MentionCandidate[];
  label: string;
  submitLabel: string;
  onSubmit: (text: string, mentions: string[]) => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [caret, setCaret] = useState(0);
  const area = useRef<HTMLTextAreaElement>(null);
  /** Where the caret goes once the text a chosen suggestion wrote is in the field. */
  const caretAfterChoice = useRef<number | null>(null);
  const [active, setActive] = useState(0);
  /** The start of the @-word whose suggestions Escape closed. */
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  /** The people picked from the suggestions, where their "@name" is in the text. */
  const [picks, setPicks] = useState<MentionPick[]>([]);
  /** The problems the person was warned of at Post: posting them again posts anyway. */
  const [warnedOf, setWarnedOf] = useState<string | null>(null);
  const listId = useId();
  const warningId = useId();
  const query = mentionQueryAt(text, caret);
  const suggestions = query && query.start !== dismissedAt ? matchingCandidates(candidates, query.query) : [];
  const resolved = useMemo(() => resolveMentions(text, candidates, picks), [text, candidates, picks]);
  const problemsKey = resolved.problems.map((p) => p.name).join('\n');
  // Once warned, the warning follows the text, but not the name still being picked from the list.
  const typingAt = suggestions.length > 0 ? query?.start : undefined;
  const shown = useMemo(() => (typingAt === undefined ? resolved.problems : resolveMentions(text, candidates, picks, typingAt).problems), [resolved, text, candidates, picks, typingAt]);
  const warning = warnedOf !== null && shown.length > 0;
  const highlighted = Math.min(active, Math.max(0, suggestions.length - 1));
  const optionId = (i: number) => `${listId}-${i}`;

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (suggestions.length === 0) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((highlighted + step + suggestions.length) % suggestions.length);
    } else if ((event.key === 'Enter' && !event.shiftKey) || event.key === 'Tab') {
      event.preventDefault();
      choose(suggestions[highlighted]!.candidate);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      setDismissedAt(query?.start ?? null);
    }
  }

  function choose({ name, userId }: MentionCandidate) {
    if (!query) return;
    const next = insertMention(text, query.start, caret, name);
    const kept = keepPicks(picks, text, next.text);
    setPicks(userId ? [...kept, { start: query.start, name, userId }] : kept);
    setText(next.text);
    setCaret(next.caret);
    setActive(0);
    caretAfterChoice.current = next.caret;
  }

  // Right after the chosen name is written into the field, before any next key is handled: put
  // off to a later frame, a caret set back to the end of the name would land among what was typed
  // after it meanwhile (a fast typist, a busy computer) and scramble the text.
  useLayoutEffect(() => {
    const at = caretAfterChoice.current;
    if (at === null) return;
    caretAfterChoice.current = null;
    area.current?.focus();
    area.current?.setSelectionRange(at, at);
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (text.trim() === '') return;
    if (resolved.problems.length > 0 && warnedOf !== problemsKey) {
      setWarnedOf(problemsKey);
      // The warning names the mention being typed too: its suggestions close.
      setDismissedAt(query?.start ?? null);
      return;
    }
    onSubmit(text.trim(), resolved.mentions);
    setText('');
    setCaret(0);
    setPicks([]);
    setWarnedOf(null);
  }

  function problemText(problem: MentionProblem): string {
    return problem.reason === 'shared' ? t('comments.mentionShared', { name: problem.name, n: problem.count }) : t('comments.mentionNobody', { name: problem.name });
  }

  return (
    <form className="comment-composer" onSubmit={submit} data-testid="comment-composer">
      <label>
        {label}
        <textarea
          ref={area}
          name="comment-text"
          rows={2}
          value={text}
          maxLength={MAX_TEXT_LENGTH}
          placeholder={t('comments.placeholder')}
          onChange={(e) => {
            setPicks(keepPicks(picks, text, e.target.value));
            setText(e.target.value);
            setCaret(e.target.selectionStart);
          }}
          onSelect={(e) => setCaret(e.currentTarget.selectionStart)}
          onKeyDown={onKeyDown}
          aria-controls={suggestions.length > 0 ? listId : undefined}
          aria-activedescendant={suggestions.length > 0 ? optionId(highlighted) : undefined}
          aria-describedby={warning ? warningId : undefined}
        />
      </label>
      {suggestions.length > 0 && (
        <div className="mention-suggestions" role="listbox" id={listId} aria-label={t('comments.mentionSuggestions')} data-testid="mention-suggestions">
          {suggestions.map(({ candidate, detail }, i) => (
            <button
              key={candidate.userId ?? candidate.name}
              id={optionId(i)}
              type="button"
              role="option"
              aria-selected={i === highlighted}
              tabIndex={-1}
              className={i === highlighted ? 'chip chip--active' : 'chip'}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => choose(candidate)}
            >
              @{candidate.name}
              {detail && (
                <>
                  {' '}
                  <span className="mention-suggestions__detail">{detail === 'email' ? candidate.email : t('comments.mentionNoAccess')}</span>
                </>
              )}
            </button>
          ))}
        </div>
      )}
      {/* Always there, so that screen readers announce what appears in it. */}
      <div role="status" id={warningId} className={warning ? 'mention-status mention-warning' : 'mention-status'} data-testid="mention-warning">
        {warning && (
          <>
            {shown.map((problem) => (
              <p key={problem.name}>{problemText(problem)}</p>
            ))}
            <p>{t('comments.mentionFix')}</p>
          </>
        )}
      </div>
      <button type="submit" className="primary" disabled={text.trim() === ''}>
        {warning && warnedOf === problemsKey ? t('comments.sendAnyway') : submitLabel}
      </button>
    </form>
  );
}
