import { describe, expect, it } from 'vitest';
import { GLIBC_MALLOC_ENV, JEMALLOC_CONF, serverAllocator } from './mallocSettings.ts';

const DEBIAN_JEMALLOC = '/usr/lib/x86_64-linux-gnu/libjemalloc.so.2';
const installed = (path: string) => path === DEBIAN_JEMALLOC;
const absent = () => false;

describe('serverAllocator', () => {
  it('preloads jemalloc with its background thread when it is installed', () => {
    const { allocator, env } = serverAllocator({ PATH: '/bin' }, 'linux', installed);
    expect(allocator).toBe('jemalloc');
    expect(env).toEqual({ PATH: '/bin', LD_PRELOAD: DEBIAN_JEMALLOC, MALLOC_CONF: JEMALLOC_CONF });
  });

  it('tunes glibc malloc when jemalloc is not installed, or when asked to', () => {
    expect(serverAllocator({}, 'linux', absent)).toEqual({ allocator: 'glibc', env: GLIBC_MALLOC_ENV });
    expect(serverAllocator({ KLANTREIS_ALLOCATOR: 'glibc' }, 'linux', installed).allocator).toBe('glibc');
  });

  it('leaves what the environment sets, and other systems, as they are', () => {
    expect(serverAllocator({ MALLOC_ARENA_MAX: '4' }, 'linux', absent).env.MALLOC_ARENA_MAX).toBe('4');
    expect(serverAllocator({ MALLOC_CONF: 'narenas:1' }, 'linux', installed).env.MALLOC_CONF).toBe('narenas:1');
    expect(serverAllocator({ LD_PRELOAD: '/opt/tcmalloc.so' }, 'linux', installed)).toEqual({ allocator: 'as-set', env: { LD_PRELOAD: '/opt/tcmalloc.so' } });
    expect(serverAllocator({ PATH: '/bin' }, 'darwin', installed)).toEqual({ allocator: 'as-set', env: { PATH: '/bin' } });
  });
});
