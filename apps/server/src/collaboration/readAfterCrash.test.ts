// Issue 9.6: after kill -9 the REST API, the list and the CLI read a JSON snapshot that was
// refreshed a second or so after each change, so acknowledged steps were missing until someone
// opened the journey (30 of 30 restarts). After any restart, every read shows every
// acknowledged edit.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { openStore } from '@klantreis/db';
import type { JourneyDocument } from '@klantreis/schema';
import { addStep, journeyFromDoc } from '@klantreis/sync';
import * as Y from 'yjs';
import { buildTestServer } from '../testServer.ts';
import { createTestDatabase } from '../../../../testing/testDatabase.ts';
import { connectEditor } from './reliability/editorConnection.ts';
import { startServerProcess } from './reliability/serverProcess.ts';
import { authorizedFetch } from '../testCredentials.ts';

const CLI = fileURLToPath(new URL('../../../cli/bin/klantreis.js', import.meta.url));
const run = promisify(execFile);

describe('reads after kill -9 of the real server', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'klantreis-read-after-crash-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('show every acknowledged step in the REST read, the list and the CLI, cycle after cycle', { timeout: 90_000 }, async () => {
    let server = await startServerProcess(dataDir);
    const created = await authorizedFetch(`${server.url}/api/journeys`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: 'Na de crash' }) });
    const { id } = (await created.json()) as { id: string };
    let expectedSteps = 0;
    try {
      for (let cycle = 0; cycle < 3; cycle++) {
        const editor = connectEditor(server.url, id);
        await editor.synced();
        const phaseId = journeyFromDoc(editor.doc).phases[0]!.id;
        for (let i = 0; i < 15; i++) addStep(editor.doc, { phaseId, title: `Stap ${cycle}.${i}` });
        // Acknowledged: the server has stored every step. Killed before the snapshot's debounce.
        await editor.synced();
        expectedSteps += 15;
        await server.kill9();
        editor.close();

        const cli = (...args: string[]) => run(process.execPath, [CLI, ...args], { env: { ...process.env, KLANTREIS_DATA: dataDir, DATABASE_URL: '' } });
        const exported = JSON.parse((await cli('export', id)).stdout) as JourneyDocument;
        expect(exported.steps, 'klantreis export while the server is down').toHaveLength(expectedSteps);
        const listed = JSON.parse((await cli('list', '--json')).stdout) as { id: string; steps: number }[];
        expect(listed.find((j) => j.id === id)?.steps, 'klantreis list while the server is down').toBe(expectedSteps);

        server = await startServerProcess(dataDir);
        const read = (await (await authorizedFetch(`${server.url}/api/journeys/${id}`)).json()) as JourneyDocument;
        expect(read.steps, `GET /api/journeys/${id} after restart ${cycle + 1}`).toHaveLength(expectedSteps);
        const list = (await (await authorizedFetch(`${server.url}/api/journeys`)).json()) as { id: string; stepCount?: number; summary?: { stepCount: number } }[];
        const item = list.find((j) => j.id === id)!;
        expect(item.summary?.stepCount ?? item.stepCount, 'the list after the restart').toBe(expectedSteps);
      }
    } finally {
      await server.stop();
    }
  });
});

const postgresUrl = inject('postgresUrl');
describe.skipIf(!postgresUrl)('reads after a crash on PostgreSQL', () => {
  it('rebuild a snapshot that lacks stored updates before the server answers', async () => {
    const databaseUrl = await createTestDatabase(postgresUrl!);
    // A journey whose last update row was stored but whose snapshot was not refreshed: what a
    // server killed between the two leaves behind.
    const store = await openStore({ databaseUrl, dataDir: mkdtempSync(join(tmpdir(), 'klantreis-pg-crash-')) });
    const server = await buildTestServer({ kind: 'postgres', adminUrl: postgresUrl!, databaseUrl });
    const created = await authorizedFetch(`${server.url}/api/journeys`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: 'PG' }) });
    const { id } = (await created.json()) as { id: string };
    await server.close({ keepData: true });
    const doc = new Y.Doc();
    const stored = (await store.loadDocument(id))!;
    Y.applyUpdate(doc, stored.state!);
    for (const update of stored.updates) Y.applyUpdate(doc, update);
    const before = Y.encodeStateVector(doc);
    addStep(doc, { phaseId: journeyFromDoc(doc).phases[0]!.id, title: 'Opgeslagen, niet in de snapshot' });
    await store.appendUpdate(id, Y.encodeStateAsUpdate(doc, before));
    await store.setSetting('server.cleanStop', 'false');
    await store.close();

    const restarted = await buildTestServer({ kind: 'postgres', adminUrl: postgresUrl!, databaseUrl });
    try {
      const read = (await (await authorizedFetch(`${restarted.url}/api/journeys/${id}`)).json()) as JourneyDocument;
      expect(read.steps.map((s) => s.title)).toEqual(['Opgeslagen, niet in de snapshot']);
    } finally {
      await restarted.close();
    }
  });
});
