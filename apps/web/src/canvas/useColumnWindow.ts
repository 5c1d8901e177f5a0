import { startTransition, useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { columnRange, sameRange, type ColumnRange } from './columnWindow.ts';
import { DOCKED_PANEL_MIN_WIDTH, sidePanelWidth } from './mapZoom.ts';
import { useAfterFirstPaint } from './useAfterFirstPaint.ts';

/** The scroller's width before it is measured: the window's, less the side panel where it docks. */
function expectedWidth(): number {
  if (typeof window === 'undefined') return 1600;
  const width = window.innerWidth;
  return width >= DOCKED_PANEL_MIN_WIDTH ? width - sidePanelWidth(width) : width;
}

/**
 * The range of step columns to draw, following the scroller's scroll position, size and the
 * zoom, and whether the map's first frame has been painted (`painted`). Until then only the
 * columns in view are drawn: opening a 200 × 12 map, the browser lays out and paints half as
 * much before the map shows (issue 14); the columns beyond the view follow right after, as a
 * transition React may interrupt (a key, a click) and spread over several frames.
 *
 * Before the scroller is there it assumes the window's width beside a docked panel, scrolled
 * to the start, which is mostly the range measured then, so that the first drawing is not
 * drawn again. A new range is set only when it changes, which the blocks of `columnRange` make
 * every few columns.
 */
export function useColumnWindow(scrollRef: RefObject<HTMLElement | null>, count: number, zoom: number): ColumnRange & { painted: boolean } {
  const [range, setRange] = useState<ColumnRange>(() => columnRange({ scrollLeft: 0, width: expectedWidth(), zoom }, count, false));
  const shown = useRef(range);
  shown.current = range;
  // The columns near the view follow in the same transition: set by the layout effect below,
  // they would be drawn at once.
  const painted = useAfterFirstPaint(() => {
    const scroller = scrollRef.current;
    if (scroller) setRange(columnRange({ scrollLeft: scroller.scrollLeft, width: scroller.clientWidth, zoom }, count));
  });

  useLayoutEffect(() => {
    const scroller = scrollRef.current;
    if (!scroller) return undefined;
    const next = () => columnRange({ scrollLeft: scroller.scrollLeft, width: scroller.clientWidth, zoom }, count, painted);
    const update = () => {
      const range = next();
      setRange((now) => (sameRange(now, range) ? now : range));
    };
    // The first frame keeps the range it assumed: measured here, in a layout effect, the
    // scroller's width would make the browser lay out that whole frame inside React's commit.
    // The observer below measures it once the frame is laid out (its first call comes right after
    // that layout, before the paint), and a range that differs is drawn right after.
    if (painted) update();
    // While scrolling, the columns coming into the window are drawn as a transition: React
    // renders them in slices between frames instead of in the frame of the scroll event (the
    // window reaches two views' widths beyond each edge, so they are drawn before they show). A
    // jump to columns not drawn at all (Tab from a lane's last cell to the next lane's first,
    // a curve point far away) draws them at once: the next key must find them there.
    const onScroll = () => {
      const range = next();
      const now = shown.current;
      if (range.start < now.end && now.start < range.end) startTransition(() => setRange((current) => (sameRange(current, range) ? current : range)));
      else setRange(range);
    };
    scroller.addEventListener('scroll', onScroll, { passive: true });
    const observer = new ResizeObserver(update);
    observer.observe(scroller);
    return () => {
      scroller.removeEventListener('scroll', onScroll);
      observer.disconnect();
    };
  }, [scrollRef, count, zoom, painted]);

  return useMemo(() => ({ ...range, painted }), [range, painted]);
}
