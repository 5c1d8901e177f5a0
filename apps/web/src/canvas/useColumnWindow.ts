import { useLayoutEffect, useState, type RefObject } from 'react';
import { columnRange, sameRange, type ColumnRange } from './columnWindow.ts';
import { DOCKED_PANEL_MIN_WIDTH, sidePanelWidth } from './mapZoom.ts';

/** The scroller's width before it is measured: the window's, less the side panel where it docks. */
function expectedWidth(): number {
  if (typeof window === 'undefined') return 1600;
  const width = window.innerWidth;
  return width >= DOCKED_PANEL_MIN_WIDTH ? width - sidePanelWidth(width) : width;
}

/**
 * The range of step columns to draw, following the scroller's scroll position, size and the
 * zoom. Before the scroller is there it assumes the window's width beside a docked panel,
 * scrolled to the start, which is mostly the range measured then, so that the first drawing is
 * not drawn again. A new range is set only when it changes, which the blocks of `columnRange`
 * make every few columns.
 */
export function useColumnWindow(scrollRef: RefObject<HTMLElement | null>, count: number, zoom: number): ColumnRange {
  const [range, setRange] = useState<ColumnRange>(() => columnRange({ scrollLeft: 0, width: expectedWidth(), zoom }, count));

  useLayoutEffect(() => {
    const scroller = scrollRef.current;
    if (!scroller) return undefined;
    const update = () => {
      const next = columnRange({ scrollLeft: scroller.scrollLeft, width: scroller.clientWidth, zoom }, count);
      setRange((now) => (sameRange(now, next) ? now : next));
    };
    update();
    scroller.addEventListener('scroll', update, { passive: true });
    const observer = new ResizeObserver(update);
    observer.observe(scroller);
    return () => {
      scroller.removeEventListener('scroll', update);
      observer.disconnect();
    };
  }, [scrollRef, count, zoom]);

  return range;
}
