import { startTransition, useEffect, useRef, useState } from 'react';

/**
 * False while a component's first frame is drawn, true once that frame is painted (set in a
 * transition, so React may spread the work over frames): for what the map needs soon but not in
 * its first frame, such as the columns beyond the view (useColumnWindow) and the rows' sizers
 * (laneSizer.ts), which cost 40-100 ms of a 200-step map's open. `whenPainted` runs in the same
 * transition, for state that must change with it.
 */
export function useAfterFirstPaint(whenPainted?: () => void): boolean {
  const [painted, setPainted] = useState(false);
  const callback = useRef(whenPainted);
  callback.current = whenPainted;
  useEffect(() => {
    if (painted) return undefined;
    return afterNextPaint(() =>
      startTransition(() => {
        setPainted(true);
        callback.current?.();
      }),
    );
  }, [painted]);
  return painted;
}

/**
 * Runs `run` once the next frame has been painted; returns what cancels it. A frame's callback
 * runs before that frame is painted; a task queued from it runs after. (A tab in the background
 * paints no frame: there it waits until the tab is shown.)
 */
export function afterNextPaint(run: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(run);
  });
  return () => {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}
