// Issue 9.7: a JSON body with a syntax error was refused without line and column, and a 30 MB
// deeply nested body took the server to 1 GB before it was refused.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBlankJourney } from '@klantreis/schema';
import { startServerProcess, type ServerProcess } from '../../collaboration/reliability/serverProcess.ts';
import { authorizedFetch } from '../../testCredentials.ts';

/** The peak resident memory of a process so far (VmHWM), in MB. */
function peakRssMb(pid: number): number {
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return Number(match![1]) / 1024;
}

describe('JSON bodies sent to the real server', () => {
  let dataDir: string;
  let server: ServerProcess;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'klantreis-json-'));
    server = await startServerProcess(dataDir);
  });
  afterAll(async () => {
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const post = (path: string, body: string) => authorizedFetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

  it('names the line and column of a syntax error, on every route', async () => {
    const created = await post('/api/journeys', '{\n  "title": "Reis",\n  "locale": \n}');
    expect(created.status).toBe(400);
    expect(((await created.json()) as { error: string }).error).toBe('the body is not valid JSON: line 4, column 1: unexpected "}" where a value should be');

    const file = JSON.stringify(createBlankJourney('Import', 'nl'), null, 2).replace('"title": "Import"', '"title": "Import",');
    const imported = await post('/api/journeys/import', file);
    expect(imported.status).toBe(400);
    const { error, issues } = (await imported.json()) as { error: string; issues: { path: string; message: string }[] };
    expect(error).toMatch(/^the body is not valid JSON: line \d+, column \d+: /);
    expect(issues[0]!.path).toBe('body');
  });

  it('refuses an empty body and a body nested deeper than a journey, naming where', async () => {
    expect((await post('/api/journeys', '')).status).toBe(400);
    const deep = await post('/api/journeys', `{"title": ${'['.repeat(100)}${']'.repeat(100)}}`);
    expect(deep.status).toBe(400);
    expect(((await deep.json()) as { error: string }).error).toBe('the body is not valid JSON: line 1, column 74: nested more than 64 levels deep');
  });

  it('refuses 30 MB of nested brackets without its memory growing past 300 MB', async () => {
    const before = peakRssMb(server.pid);
    const nested = '['.repeat(15_000_000) + ']'.repeat(15_000_000);
    const response = await post('/api/journeys/import', nested);
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toContain('nested more than 64 levels deep');
    const peak = peakRssMb(server.pid);
    expect(peak, `peak RSS ${peak.toFixed(0)} MB (${before.toFixed(0)} MB before)`).toBeLessThan(300);
    expect((await authorizedFetch(`${server.url}/api/health`)).status).toBe(200);
  });
});
