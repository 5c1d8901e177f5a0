import { startTransition, useEffect, useState } from 'react';

/**
 * False while a component's first frame is drawn, true once that frame is painted (set in a
 * transition, so React may spread the work over frames): for what the map needs soon but not in
 * its first frame, such as the rows' sizers (laneSizer.ts), which cost 40-100 ms of a 200-step map's open.
 */
export function useAfterFirstPaint(): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    if (painted) return undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => startTransition(() => setPainted(true)));
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [painted]);
  return painted;
}
