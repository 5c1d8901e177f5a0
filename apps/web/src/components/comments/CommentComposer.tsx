import { useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_TEXT_LENGTH } from '@klantreis/schema';
import { insertMention, matchingNames, mentionQueryAt, mentionsIn } from './mentions.ts';

/**
 * A comment field with @mention suggestions: typing "@" and the start of a name offers the
 * people seen in the map and in the comments; choosing one writes the whole name. The keys work
 * as in a chat: ↓ ↑ move through the suggestions, Enter or Tab takes the highlighted one, Escape
 * closes them (then Enter is a new line again).
 */
export function CommentComposer({ names, label, submitLabel, onSubmit }: {
  names: readonly string[];
  label: string;
  submitLabel: string;
  onSubmit: (text: string, mentions: string[]) => void;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [caret, setCaret] = useState(0);
  const area = useRef<HTMLTextAreaElement>(null);
  const [active, setActive] = useState(0);
  /** The start of the @-word whose suggestions Escape closed. */
  const [dismissedAt, setDismissedAt] = useState<number | null>(null);
  const listId = useId();
  const query = mentionQueryAt(text, caret);
  const suggestions = query && query.start !== dismissedAt ? matchingNames(names, query.query) : [];
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
      choose(suggestions[highlighted]!);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      setDismissedAt(query?.start ?? null);
    }
  }

  function choose(name: string) {
    if (!query) return;
    const next = insertMention(text, query.start, caret, name);
    setText(next.text);
    setCaret(next.caret);
    setActive(0);
    requestAnimationFrame(() => {
      area.current?.focus();
      area.current?.setSelectionRange(next.caret, next.caret);
    });
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (text.trim() === '') return;
    onSubmit(text.trim(), mentionsIn(text, names));
    setText('');
    setCaret(0);
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
            setText(e.target.value);
            setCaret(e.target.selectionStart);
          }}
          onSelect={(e) => setCaret(e.currentTarget.selectionStart)}
          onKeyDown={onKeyDown}
          aria-controls={suggestions.length > 0 ? listId : undefined}
          aria-activedescendant={suggestions.length > 0 ? optionId(highlighted) : undefined}
        />
      </label>
      {suggestions.length > 0 && (
        <div className="mention-suggestions" role="listbox" id={listId} aria-label={t('comments.mentionSuggestions')} data-testid="mention-suggestions">
          {suggestions.map((name, i) => (
            <button
              key={name}
              id={optionId(i)}
              type="button"
              role="option"
              aria-selected={i === highlighted}
              tabIndex={-1}
              className={i === highlighted ? 'chip chip--active' : 'chip'}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => choose(name)}
            >
              @{name}
            </button>
          ))}
        </div>
      )}
      <button type="submit" className="primary" disabled={text.trim() === ''}>
        {submitLabel}
      </button>
    </form>
  );
}
