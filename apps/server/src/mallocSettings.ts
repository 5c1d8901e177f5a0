/**
 * glibc malloc settings for the long-running server on Linux. glibc reads them once, before any
 * JavaScript runs, so they are set by whoever starts the process: `npm start` (launch.ts), the
 * load bench, and a deployment's own environment (README, "Running in production").
 *
 * Why: under a workshop's load, memory allocated outside the JavaScript heap (every Yjs update's
 * bytes, websocket frames, the store's update thread) is spread over per-thread arenas and kept
 * there after it is freed. Measured with `node bench/collab/load.ts 20 20 20 0 2` on top of
 * IdleMemoryRelease: glibc's defaults ended 14–24% above the idle start; two arenas and a fixed
 * 128 KiB trim and mmap threshold (large blocks come from and go back to the system directly,
 * and a free top of the heap is returned) ended 7–11% above it, at the same broadcast latency.
 * Values already in the environment win.
 */
export const SERVER_MALLOC_ENV: Readonly<Record<string, string>> = {
  MALLOC_ARENA_MAX: '2',
  MALLOC_TRIM_THRESHOLD_: '131072',
  MALLOC_MMAP_THRESHOLD_: '131072',
};

/** `env` with the settings above added where it has none of its own. */
export function withServerMallocEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...SERVER_MALLOC_ENV, ...env };
}
