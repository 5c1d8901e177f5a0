import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startServerProcess, type ServerProcess } from './collaboration/reliability/serverProcess.ts';
import { serverAllocator } from './mallocSettings.ts';
import { authorizedFetch } from './testCredentials.ts';

// CI installs Debian's libjemalloc2 (.ci/run): there the launcher must preload it.
const expectJemalloc = process.env.CI === 'true' || serverAllocator({}).allocator === 'jemalloc';

/** The server process `npm start`'s launcher started, its environment and its loaded libraries (Linux /proc). */
function launchedServer(launcherPid: number): { pid: number; env: Map<string, string>; libraries: string } {
  const children = readFileSync(`/proc/${launcherPid}/task/${launcherPid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
  expect(children).toHaveLength(1);
  const pid = Number(children[0]);
  const env = new Map(
    readFileSync(`/proc/${pid}/environ`, 'utf8')
      .split('\0')
      .filter(Boolean)
      .map((entry) => [entry.slice(0, entry.indexOf('=')), entry.slice(entry.indexOf('=') + 1)] as [string, string]),
  );
  return { pid, env, libraries: readFileSync(`/proc/${pid}/maps`, 'utf8') };
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('npm start (launch.ts)', () => {
  let dataDir = '';
  let launcher: ServerProcess | null = null;
  afterEach(async () => {
    // SIGTERM, which the launcher passes on: a SIGKILL would leave its server running.
    await launcher?.stop();
    launcher = null;
    rmSync(dataDir, { recursive: true, force: true });
  });

  const unset = (names: string[]): NodeJS.ProcessEnv => Object.fromEntries(names.map((name) => [name, undefined]));
  const ALLOCATOR_VARIABLES = ['LD_PRELOAD', 'MALLOC_CONF', 'MALLOC_ARENA_MAX', 'MALLOC_TRIM_THRESHOLD_', 'MALLOC_MMAP_THRESHOLD_', 'KLANTREIS_ALLOCATOR'];

  it('runs the server on jemalloc (when installed; always in CI), and a SIGTERM stops both with exit code 0', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'klantreis-launch-'));
    launcher = await startServerProcess(dataDir, { entry: 'launch', env: unset(ALLOCATOR_VARIABLES) });
    const server = launchedServer(launcher.pid);
    if (expectJemalloc) {
      expect(server.env.get('MALLOC_CONF')).toBe('background_thread:true');
      expect(server.libraries).toMatch(/libjemalloc\.so\.2/);
    } else {
      expect(server.env.get('MALLOC_ARENA_MAX')).toBe('2');
    }
    expect((await authorizedFetch(`${launcher.url}/api/health`)).status).toBe(200);
    expect((await authorizedFetch(`${launcher.url}/api/journeys`)).status).toBe(200);

    await launcher.stop();
    expect(launcher.exitCode()).toBe(0);
    expect(isRunning(server.pid)).toBe(false);
  });

  it('tunes glibc malloc when asked to, leaving a setting the environment already has as it is', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'klantreis-launch-'));
    launcher = await startServerProcess(dataDir, { entry: 'launch', env: { ...unset(ALLOCATOR_VARIABLES), KLANTREIS_ALLOCATOR: 'glibc', MALLOC_ARENA_MAX: '4' } });
    const server = launchedServer(launcher.pid);
    expect(server.env.get('MALLOC_ARENA_MAX')).toBe('4');
    expect(server.env.get('MALLOC_TRIM_THRESHOLD_')).toBe('131072');
    expect(server.libraries).not.toMatch(/libjemalloc/);
  });
});
