// Issue 9.7: a full disk was reported as "internal error", and errors showed the server's
// absolute paths. The data folder here is a 4 MB tmpfs (the tests run as root, as CI does).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestServer, type TestServer } from '../testServer.ts';
import { readableReason, withoutServerPaths } from './uploadArea.ts';
import { authorizedFetch } from '../testCredentials.ts';

describe('a full disk', () => {
  const mountPoint = mkdtempSync(join(tmpdir(), 'klantreis-full-'));
  let server: TestServer;
  beforeAll(async () => {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', mountPoint]);
    server = await buildTestServer({ kind: 'sqlite', dir: mountPoint });
  });
  afterAll(async () => {
    // The data is the mount's: kept by the server, gone with the mount.
    await server?.close({ keepData: true });
    // Lazily: the store's update thread may hold its file a moment longer.
    execFileSync('umount', ['--lazy', mountPoint]);
    rmSync(mountPoint, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
  });

  it('is said as such (507), the upload leaves nothing behind, and the server goes on', async () => {
    const { id } = (await (await authorizedFetch(`${server.url}/api/journeys`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"title":"Vol"}' })).json()) as { id: string };
    const response = await authorizedFetch(`${server.url}/api/journeys/${id}/uploads?kind=events&fileName=groot.csv`, {
      method: 'POST',
      headers: { 'content-type': 'application/octet-stream' },
      body: 'case,activity,timestamp\n' + 'c1,stap,2024-01-01T10:00:00Z\n'.repeat(300_000),
    });
    const body = await response.text();
    expect(response.status, body).toBe(507);
    expect(body).toContain("the server's disk is full");
    expect(body).not.toContain(mountPoint);
    expect((await authorizedFetch(`${server.url}/api/journeys/${id}`)).status).toBe(200);
  });
});

describe('messages for the person who sent a file', () => {
  it('show no path of the server', () => {
    expect(withoutServerPaths('IO Error: No files found that match the pattern "/srv/klantreis/data/analytics/j1/events/imp_1/part-*.parquet"')).toBe(
      'IO Error: No files found that match the pattern "part-*.parquet"',
    );
    expect(withoutServerPaths("ENOENT: no such file or directory, open '/tmp/klantreis-x/uploads/3f-log.csv'")).toBe("ENOENT: no such file or directory, open '3f-log.csv'");
    expect(withoutServerPaths('line 3: 10/12/2024 is not a date, see https://example.org/a/b')).toBe('line 3: 10/12/2024 is not a date, see https://example.org/a/b');
    expect(readableReason(Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' }))).toBe("the server's disk is full");
  });
});
