import { afterEach, describe, expect, it } from 'vitest';
import { addStep } from '@klantreis/sync';
import type { PhaseId, StepId } from '@klantreis/schema';
import { buildEditorClient, buildTestServer, eventually, type TestServer } from '../testServer.ts';
import { exposedGc, memoryReducingCollection } from './idleMemoryRelease.ts';
import { authorizedFetch } from '../testCredentials.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('memory is given back once the last document has closed', () => {
  let server: TestServer | null = null;
  afterEach(async () => {
    await server?.close();
    server = null;
  });

  async function createJourney(url: string): Promise<{ id: string; phaseId: PhaseId }> {
    const created = await authorizedFetch(`${url}/api/journeys`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: 'Idle' }) });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    const journey = (await (await authorizedFetch(`${url}/api/journeys/${id}`)).json()) as { phases: { id: PhaseId }[] };
    return { id, phaseId: journey.phases[0]!.id };
  }

  it('releases once after the quiet time, never while an editor is connected, and again after the next session', async () => {
    server = await buildTestServer({ kind: 'sqlite' }, { idleMemoryReleaseMs: 300 });
    const { memoryRelease, collaboration } = server.server;
    const { id, phaseId } = await createJourney(server.url);
    // The REST call opened and closed the document: let that quiet time pass first.
    await eventually(() => expect(collaboration.hocuspocus.getDocumentsCount()).toBe(0));
    await sleep(500);
    const before = memoryRelease.releases;

    const editor = await buildEditorClient(server.url, id);
    addStep(editor.doc, { id: 'step:idle1' as StepId, phaseId, title: 'Belt', position: 0 });
    await sleep(900);
    expect(memoryRelease.releases, 'released while an editor was connected').toBe(before);

    editor.provider.destroy();
    await eventually(() => expect(collaboration.hocuspocus.getDocumentsCount()).toBe(0));
    await eventually(() => expect(memoryRelease.releases).toBe(before + 1), 3_000);
    await sleep(700);
    expect(memoryRelease.releases, 'released more than once for one quiet period').toBe(before + 1);

    // A second session, closed again: one more release; its edits are all stored.
    const second = await buildEditorClient(server.url, id);
    expect(second.doc.getMap('records').has('step:idle1')).toBe(true);
    second.provider.destroy();
    await eventually(() => expect(memoryRelease.releases).toBe(before + 2), 3_000);
  });

  it('a server that has just started releases once it has been idle', async () => {
    // (The test server signs its owner in after it starts, which can take longer than the
    // quiet time: the one release may already have happened when it is ready.)
    server = await buildTestServer({ kind: 'sqlite' }, { idleMemoryReleaseMs: 300 });
    expect(server.server.memoryRelease.releases).toBeLessThanOrEqual(1);
    await eventually(() => expect(server!.server.memoryRelease.releases).toBe(1), 3_000);
    await sleep(600);
    expect(server.server.memoryRelease.releases).toBe(1);
  });

  it('a document opened during the quiet time cancels the release', async () => {
    server = await buildTestServer({ kind: 'sqlite' }, { idleMemoryReleaseMs: 600 });
    const { memoryRelease, collaboration } = server.server;
    const { id } = await createJourney(server.url);
    await eventually(() => expect(collaboration.hocuspocus.getDocumentsCount()).toBe(0));
    await sleep(800);
    const before = memoryRelease.releases;
    const first = await buildEditorClient(server.url, id);
    first.provider.destroy();
    await eventually(() => expect(collaboration.hocuspocus.getDocumentsCount()).toBe(0));
    const second = await buildEditorClient(server.url, id);
    await sleep(900);
    expect(memoryRelease.releases).toBe(before);
    second.provider.destroy();
    await eventually(() => expect(memoryRelease.releases).toBe(before + 1), 3_000);
  });
});

describe('memoryReducingCollection', () => {
  it('gives back the resident pages of a grown heap, which a regular collection keeps', async () => {
    const resident = () => process.memoryUsage().rss;
    const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
    const start = resident();
    // Grow the heap by ~300 MB of small objects, then drop them.
    let garbage: object[][] | null = Array.from({ length: 150 }, () => Array.from({ length: 20_000 }, (_, i) => ({ i, text: `x${i}` })));
    expect(garbage.length).toBe(150);
    const grown = resident();
    expect(mb(grown - start)).toBeGreaterThan(150);
    garbage = null;
    exposedGc()();
    exposedGc()();
    await sleep(500);
    const afterRegular = resident();
    memoryReducingCollection();
    const afterReducing = resident();
    // The regular collections leave most of it resident; the reducing one gives most of it back.
    expect(mb(afterRegular - start), 'a regular collection now gives pages back: is the release still needed?').toBeGreaterThan(mb((grown - start) / 2));
    expect(mb(afterReducing - start)).toBeLessThan(mb((grown - start) / 4));
  });
});
