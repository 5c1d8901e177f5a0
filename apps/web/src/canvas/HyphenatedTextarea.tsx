import type { TextareaHTMLAttributes } from 'react';
import { GrowingTextarea } from './GrowingTextarea.tsx';
import { withSoftHyphens } from './softHyphens.ts';

/**
 * A textarea on the map (a phase's name or moment of truth, a lane's name) whose text, while it
 * is not being edited, breaks long words between syllables with a hyphen ("zelfbedienings-" /
 * "magazijn") instead of anywhere ("zelfbediening" / "smagazijn"). A textarea cannot show soft
 * hyphens without putting them in the value, which everyone edits, so the text is shown by a copy
 * over it that has them (softHyphens.ts), with the textarea's own class, so the same font,
 * padding and width; the textarea's own text shows again while it has the focus. The copy is
 * hidden from screen readers, which read the textarea. `grow`: as tall as its text
 * (GrowingTextarea); otherwise as tall as its rows, with the copy cut to that height (CSS).
 */
export function HyphenatedTextarea({ grow = false, ...props }: TextareaHTMLAttributes<HTMLTextAreaElement> & { grow?: boolean }) {
  const text = typeof props.value === 'string' ? props.value : '';
  return (
    <div className={grow ? 'hyphenated' : 'hyphenated hyphenated--rows'}>
      {grow ? <GrowingTextarea {...props} /> : <textarea {...props} />}
      <div className={`${props.className ?? ''} hyphenated__shown`} lang={props.lang} aria-hidden="true">
        {withSoftHyphens(text)}
      </div>
    </div>
  );
}
