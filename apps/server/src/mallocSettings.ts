import { existsSync } from 'node:fs';

/**
 * The memory allocator of the long-running server on Linux, chosen by whoever starts the process
 * (the allocator is fixed before any JavaScript runs): `npm start` (launch.ts), the load bench,
 * and a deployment's own environment (README, Configuration).
 *
 * Why: under a workshop's load, memory allocated outside the JavaScript heap (every Yjs update's
 * bytes, websocket frames, the store's update thread) stayed with glibc's malloc after it was
 * freed. Measured with `node bench/collab/load.ts 30 20 20 0 3`, on top of IdleMemoryRelease
 * (the server idle, before and after each round):
 *
 *   glibc defaults                                  +14 … +24%
 *   glibc, 2 arenas, 128 KiB trim/mmap thresholds   +7 … +17% (+26% after a 60 s round)
 *   jemalloc, background_thread:true                +3 … +5%, the same broadcast latency
 *
 * jemalloc (Debian's libjemalloc2) returns freed pages on its own background thread, so it is
 * preloaded when installed; otherwise the tuned glibc settings apply. Values already in the
 * environment win, and `KLANTREIS_ALLOCATOR=glibc` keeps glibc.
 */

export const JEMALLOC_PATHS = [
  '/usr/lib/x86_64-linux-gnu/libjemalloc.so.2',
  '/usr/lib/aarch64-linux-gnu/libjemalloc.so.2',
  '/usr/lib64/libjemalloc.so.2',
  '/usr/lib/libjemalloc.so.2',
] as const;

export const GLIBC_MALLOC_ENV: Readonly<Record<string, string>> = {
  MALLOC_ARENA_MAX: '2',
  MALLOC_TRIM_THRESHOLD_: '131072',
  MALLOC_MMAP_THRESHOLD_: '131072',
};

export const JEMALLOC_CONF = 'background_thread:true';

export interface ServerAllocator {
  /** `as-set`: not Linux, or the environment preloads a library of its own. */
  allocator: 'jemalloc' | 'glibc' | 'as-set';
  env: NodeJS.ProcessEnv;
}

/** `env` with the allocator settings for the server added where it has none of its own. */
export function serverAllocator(env: NodeJS.ProcessEnv, platform: NodeJS.Platform = process.platform, exists: (path: string) => boolean = existsSync): ServerAllocator {
  if (platform !== 'linux' || (env.LD_PRELOAD && env.KLANTREIS_ALLOCATOR !== 'glibc')) return { allocator: 'as-set', env };
  const jemalloc = env.KLANTREIS_ALLOCATOR === 'glibc' ? undefined : JEMALLOC_PATHS.find((path) => exists(path));
  if (jemalloc) return { allocator: 'jemalloc', env: { MALLOC_CONF: JEMALLOC_CONF, ...env, LD_PRELOAD: jemalloc } };
  return { allocator: 'glibc', env: { ...GLIBC_MALLOC_ENV, ...env } };
}
