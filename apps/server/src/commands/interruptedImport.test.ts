// Issue 9.5: a crash during an import's commit left a row whose folder was missing (the row was
// written before the folder moved), and the journey's metrics answered 500 until the import was
// deleted; staging folders and upload files of interrupted imports were never removed. Now the
// files move first and the row follows; a start-up removes what a crash left.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { SHARED_EVENT_LOGS } from '../../../../testing/sharedData.ts';
import { startServerProcess, type ServerProcess } from '../collaboration/reliability/serverProcess.ts';
import { authorizedFetch } from '../testCredentials.ts';

const LOG = join(SHARED_EVENT_LOGS, 'running-example.csv');

async function json<T>(response: Response, status: number): Promise<T> {
  const text = await response.text();
  expect(response.status, text.slice(0, 300)).toBe(status);
  return JSON.parse(text) as T;
}

describe('imports interrupted by kill -9', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'klantreis-interrupted-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('leave either the whole import or none of it, and nothing behind, cycle after cycle', { timeout: 120_000 }, async () => {
    let server: ServerProcess = await startServerProcess(dataDir);
    const api = (path: string, init?: RequestInit) => authorizedFetch(`${server.url}${path}`, init);
    const { id } = await json<{ id: string }>(await api('/api/journeys', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"title":"Gemeten"}' }), 201);
    const analytics = join(dataDir, 'analytics');
    const journeyFolder = join(analytics, encodeURIComponent(id));
    const importLog = async (fileName: string, body: string) => {
      const upload = await json<{ id: string }>(await api(`/api/journeys/${id}/uploads?kind=events&fileName=${fileName}`, { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body }), 201);
      await json(await api(`/api/journeys/${id}/uploads/${upload.id}/check`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }), 202);
      for (let state = 'checking'; state === 'checking'; await sleep(20)) state = (await json<{ state: string }>(await api(`/api/journeys/${id}/uploads/${upload.id}`), 200)).state;
      return upload.id;
    };
    try {
      // One import that is there from the start, for a killed build of its own index to leave a folder in.
      const first = await importLog('first.csv', readFileSync(LOG, 'utf8').trimEnd() + '\n'.repeat(20));
      const { id: firstImport } = await json<{ id: string }>(await api(`/api/journeys/${id}/uploads/${first}/commit`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }), 201);
      for (let cycle = 0; cycle < 6; cycle++) {
        // Each cycle the same log with one more line, so no commit is refused as a duplicate.
        const file = readFileSync(LOG, 'utf8').trimEnd() + '\n'.repeat(cycle + 1);
        const upload = await importLog(`log${cycle}.csv`, file);
        // The kill lands somewhere in the commit, or just before or after it.
        void api(`/api/journeys/${id}/uploads/${upload}/commit`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }).catch(() => {});
        await sleep(cycle * 3);
        await server.kill9();
        // What a crash at the worst moments leaves: a staging folder, an import folder without
        // its row, an upload's temporary file, the folders of an index build of the journey's
        // imports and of an import's own (buildJourneyIndex names them so).
        mkdirSync(join(journeyFolder, 'staging', `left-${cycle}`), { recursive: true });
        const partialIndexes = [join(journeyFolder, `index.partial-left${cycle}`), join(journeyFolder, 'events', firstImport, `index.partial-left${cycle}`)];
        for (const partial of partialIndexes) {
          mkdirSync(partial, { recursive: true });
          writeFileSync(join(partial, 'cases.duckdb'), 'half');
        }
        mkdirSync(join(journeyFolder, 'events', `imp_orphan${cycle}`), { recursive: true });
        mkdirSync(join(analytics, 'uploads'), { recursive: true });
        writeFileSync(join(analytics, 'uploads', `left-${cycle}.csv`), 'x');

        server = await startServerProcess(dataDir);
        const imports = await json<{ id: string }[]>(await api(`/api/journeys/${id}/imports`), 200);
        const folders = readdirSync(join(journeyFolder, 'events')).sort();
        expect(folders, 'every import folder has its row, and every row its folder').toEqual(imports.map((i) => i.id).sort());
        expect(existsSync(join(journeyFolder, 'staging')) ? readdirSync(join(journeyFolder, 'staging')) : []).toEqual([]);
        expect(existsSync(join(analytics, 'uploads')) ? readdirSync(join(analytics, 'uploads')) : []).toEqual([]);
        expect(partialIndexes.filter((partial) => existsSync(partial)), 'the folders of killed index builds').toEqual([]);
        expect(imports.map((i) => i.id)).toContain(firstImport);
        const metrics = await json<{ metrics: { coverage: { events: number } } }>(await api(`/api/journeys/${id}/metrics`), 200);
        expect(metrics.metrics.coverage.events).toBe(42 * imports.length);
      }
    } finally {
      await server.stop();
    }
  });
});

describe('the disk open uploads may hold', () => {
  it('refuses an upload that would take open uploads past the cap (507), and takes it once one is discarded', async () => {
    const { buildTestServer } = await import('../testServer.ts');
    const server = await buildTestServer({ kind: 'sqlite' }, { maxUploadBytes: 1024 * 1024, maxOpenUploadBytes: 1024 * 1024 + 1000 });
    try {
      const api = (path: string, init?: RequestInit) => authorizedFetch(`${server.url}${path}`, init);
      const { id } = await json<{ id: string }>(await api('/api/journeys', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"title":"Vol"}' }), 201);
      const send = (name: string, size: number) =>
        api(`/api/journeys/${id}/uploads?kind=events&fileName=${name}`, { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: 'x'.repeat(size) });
      const first = await json<{ id: string }>(await send('een.csv', 1024 * 1024), 201);
      const refused = await json<{ error: string }>(await send('twee.csv', 600_000), 507);
      expect(refused.error).toContain('twee.csv does not fit: open uploads may hold 1 MB together');
      expect(readdirSync(join(server.server.analytics.analyticsDir, 'uploads'))).toHaveLength(1);
      expect((await api(`/api/journeys/${id}/uploads/${first.id}`, { method: 'DELETE' })).status).toBe(204);
      await json(await send('twee.csv', 600_000), 201);
    } finally {
      await server.close();
    }
  });
});
