import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';

// The portfolio's table draws only the rows in and near its scroll box (a window), so that a
// portfolio of 1,000 journeys is drawn in the time of a screenful: laying out every row of the
// table took about 1 s of the browser's time and 1 s of React's on this machine (bench/portfolio).
// Rows differ in height (a title on two lines); each drawn row is measured, the others are
// counted at the height of a typical row until they have been drawn once.

/** A row's height before it has been drawn: a title on two lines (px, as measured at 1440 px). */
export const ROW_ESTIMATE_PX = 51;
/** Rows drawn beyond the box's edges, so that scrolling and tabbing find rows already there. */
export const OVERSCAN_PX = 500;

export interface RowWindow {
  /** The first row drawn, and the one after the last. */
  start: number;
  end: number;
  /** The height of the rows left out above and below (spacers keep the scroll height). */
  before: number;
  after: number;
}

/** Which of the rows of `heights` meet the band [top, bottom) of the table's body. */
export function rowsInBand(heights: readonly number[], top: number, bottom: number): RowWindow {
  let offset = 0;
  let start = heights.length;
  let before = 0;
  for (let i = 0; i < heights.length; i++) {
    if (offset + heights[i]! > top) {
      start = i;
      before = offset;
      break;
    }
    offset += heights[i]!;
  }
  if (start === heights.length) before = offset;
  let end = start;
  let bottomOfDrawn = before;
  while (end < heights.length && bottomOfDrawn < bottom) bottomOfDrawn += heights[end++]!;
  let after = 0;
  for (let i = end; i < heights.length; i++) after += heights[i]!;
  return { start, end, before, after };
}

/**
 * The rows of `keys` to draw in the table inside `box` (its scroll container): those within
 * OVERSCAN_PX of what the box shows. Rows are found in the table by `data-window-key` and
 * measured after each drawing.
 */
export function useRowWindow(box: RefObject<HTMLElement | null>, keys: readonly string[]): RowWindow {
  const heights = useRef(new Map<string, number>());
  // Where the box is scrolled and how tall it is; the window's height until it is measured.
  const [view, setView] = useState(() => ({ top: 0, height: window.innerHeight, bodyTop: 0 }));
  const [, setMeasured] = useState(0);
  // Scrolled to the end: kept there while the rows drawn there are measured (their real heights
  // differ a little from the count, and the table's end would move away from the box's).
  const atEnd = useRef(false);

  useEffect(() => {
    const element = box.current;
    if (!element) return undefined;
    let frame = 0;
    const read = () => {
      frame = 0;
      atEnd.current = element.scrollTop > 0 && element.scrollTop + element.clientHeight >= element.scrollHeight - 2;
      const body = element.querySelector('thead');
      setView({ top: element.scrollTop, height: element.clientHeight, bodyTop: body ? body.getBoundingClientRect().height : 0 });
    };
    const soon = () => {
      if (frame === 0) frame = requestAnimationFrame(read);
    };
    read();
    element.addEventListener('scroll', soon, { passive: true });
    const resize = new ResizeObserver(soon);
    resize.observe(element);
    return () => {
      element.removeEventListener('scroll', soon);
      resize.disconnect();
      cancelAnimationFrame(frame);
    };
  }, [box]);

  // After each drawing: the drawn rows' real heights, and again if any differed from the count.
  useLayoutEffect(() => {
    const element = box.current;
    if (!element) return;
    let changed = false;
    for (const row of element.querySelectorAll<HTMLElement>('tr[data-window-key]')) {
      const key = row.dataset.windowKey!;
      const height = row.getBoundingClientRect().height;
      if (height > 0 && Math.abs((heights.current.get(key) ?? ROW_ESTIMATE_PX) - height) > 0.5) {
        heights.current.set(key, height);
        changed = true;
      }
    }
    if (changed) setMeasured((n) => n + 1);
    if (atEnd.current && element.scrollTop + element.clientHeight < element.scrollHeight - 2) element.scrollTop = element.scrollHeight;
  });

  const top = view.top - view.bodyTop;
  return rowsInBand(
    keys.map((key) => heights.current.get(key) ?? ROW_ESTIMATE_PX),
    top - OVERSCAN_PX,
    top + view.height + OVERSCAN_PX,
  );
}
