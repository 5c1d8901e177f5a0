import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startServerProcess, type ServerProcess } from './collaboration/reliability/serverProcess.ts';

/** The server process `npm start`'s launcher started, and its environment (Linux /proc). */
function launchedServer(launcherPid: number): { pid: number; env: Map<string, string> } {
  const children = readFileSync(`/proc/${launcherPid}/task/${launcherPid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean);
  expect(children).toHaveLength(1);
  const pid = Number(children[0]);
  const env = new Map(
    readFileSync(`/proc/${pid}/environ`, 'utf8')
      .split('\0')
      .filter(Boolean)
      .map((entry) => [entry.slice(0, entry.indexOf('=')), entry.slice(entry.indexOf('=') + 1)] as [string, string]),
  );
  return { pid, env };
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

  it('runs the server with the malloc settings, and a SIGTERM stops both with exit code 0', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'klantreis-launch-'));
    const env = { ...process.env };
    for (const name of ['MALLOC_ARENA_MAX', 'MALLOC_TRIM_THRESHOLD_', 'MALLOC_MMAP_THRESHOLD_']) env[name] = undefined;
    launcher = await startServerProcess(dataDir, { entry: 'launch', env });
    const server = launchedServer(launcher.pid);
    expect(server.env.get('MALLOC_ARENA_MAX')).toBe('2');
    expect(server.env.get('MALLOC_TRIM_THRESHOLD_')).toBe('131072');
    expect(server.env.get('MALLOC_MMAP_THRESHOLD_')).toBe('131072');
    expect((await fetch(`${launcher.url}/api/health`)).status).toBe(200);

    await launcher.stop();
    expect(launcher.exitCode()).toBe(0);
    expect(isRunning(server.pid)).toBe(false);
  });

  it('leaves a setting the environment already has as it is', async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'klantreis-launch-'));
    launcher = await startServerProcess(dataDir, { entry: 'launch', env: { MALLOC_ARENA_MAX: '4' } });
    expect(launchedServer(launcher.pid).env.get('MALLOC_ARENA_MAX')).toBe('4');
  });
});
