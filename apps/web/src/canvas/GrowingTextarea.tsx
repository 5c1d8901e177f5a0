import { useLayoutEffect, useRef, type TextareaHTMLAttributes } from 'react';

/** Whether the browser grows a textarea with its text by CSS alone (`field-sizing: content`, Chromium 123+). */
function hasFieldSizing(): boolean {
  return typeof CSS !== 'undefined' && CSS.supports('field-sizing', 'content');
}

/**
 * A textarea as tall as its text, so a long phase name or moment of truth wraps instead of being
 * cut off in a narrow phase. The CSS asks for `field-sizing: content`; where the browser does not
 * know it (Firefox, Safari before 26) the height follows the text's scrollHeight here, again when
 * the text changes and when the width does (zoom, a column that narrows).
 */
export function GrowingTextarea(props: TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const { value } = props;

  useLayoutEffect(() => {
    const area = ref.current;
    if (!area || hasFieldSizing()) return;
    let width = -1;
    const fit = () => {
      width = area.clientWidth;
      const style = getComputedStyle(area);
      const borders = parseFloat(style.borderTopWidth) + parseFloat(style.borderBottomWidth);
      area.style.height = 'auto';
      area.style.height = `${area.scrollHeight + borders}px`;
    };
    fit();
    // Only a new width can change the height the text needs; the height this sets is not a cause.
    const observer = new ResizeObserver(() => {
      if (area.clientWidth !== width) fit();
    });
    observer.observe(area);
    return () => observer.disconnect();
  }, [value]);

  return <textarea ref={ref} {...props} />;
}
