import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_TEXT_LENGTH } from '@klantreis/schema';
import { insertMention, matchingNames, mentionQueryAt, mentionsIn } from './mentions.ts';

/**
 * A comment field with @mention suggestions: typing "@" and the start of a name offers the
 * people seen in the map and in the comments; choosing one writes the whole name.
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
  const query = mentionQueryAt(text, caret);
  const suggestions = query ? matchingNames(names, query.query) : [];

  function choose(name: string) {
    if (!query) return;
    const next = insertMention(text, query.start, caret, name);
    setText(next.text);
    setCaret(next.caret);
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
        />
      </label>
      {suggestions.length > 0 && (
        <div className="mention-suggestions" role="group" aria-label={t('comments.mentionSuggestions')} data-testid="mention-suggestions">
          {suggestions.map((name) => (
            <button key={name} type="button" className="chip" onClick={() => choose(name)}>
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
