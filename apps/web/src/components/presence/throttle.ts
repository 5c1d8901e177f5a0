/**
 * Calls at most once per interval, and always with the latest arguments at the end, so the
 * last position of a pointer or a scroll is never dropped.
 */
export function throttle<A extends unknown[]>(fn: (...args: A) => void, intervalMs: number): { call: (...args: A) => void; cancel: () => void } {
  let last = 0;
  let pending: A | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = () => {
    timer = null;
    if (!pending) return;
    last = Date.now();
    const args = pending;
    pending = null;
    fn(...args);
  };
  return {
    call: (...args: A) => {
      pending = args;
      const wait = intervalMs - (Date.now() - last);
      if (wait <= 0) flush();
      else timer ??= setTimeout(flush, wait);
    },
    cancel: () => {
      if (timer) clearTimeout(timer);
      timer = null;
      pending = null;
    },
  };
}
