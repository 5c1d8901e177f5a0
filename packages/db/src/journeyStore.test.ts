import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import * as Y from 'yjs';
import { createBlankJourney } from '@klantreis/schema';
import { journeyToUpdate } from '@klantreis/sync';
import { createTestDatabase } from '../../../testing/testDatabase.ts';
import type { JourneyStore } from './journeyStore.ts';
import { openPostgresStore } from './postgresStore.ts';
import { openSqliteStore, sqliteIntegrityCheck } from './sqliteStore.ts';

const postgresUrl = inject('postgresUrl');
const backends: [string, () => Promise<JourneyStore>][] = [
  ['SQLite', async () => openSqliteStore(join(mkdtempSync(join(tmpdir(), 'klantreis-db-')), 'test.sqlite'))],
];
if (postgresUrl) backends.push(['PostgreSQL', async () => openPostgresStore(await createTestDatabase(postgresUrl))]);

describe.each(backends)('JourneyStore on %s', (_name, open) => {
  let store: JourneyStore;
  beforeAll(async () => {
    store = await open();
  });
  afterAll(async () => {
    await store.close();
  });

  async function createJourney(title: string) {
    const document = createBlankJourney(title);
    const id = `jr_${Math.random().toString(36).slice(2)}`;
    await store.createJourney({ id, document, state: journeyToUpdate(document) });
    return { id, document };
  }

  it('creates, lists, searches and reads a journey', async () => {
    const { id } = await createJourney('IKEA-bezoek 100%_ok');
    await createJourney('Something else');
    const found = await store.listJourneys({ search: 'ikea' });
    expect(found.map((j) => j.id)).toContain(id);
    expect(found.every((j) => j.title.toLowerCase().includes('ikea'))).toBe(true);
    expect((await store.listJourneys({ search: '100%_' })).map((j) => j.id)).toEqual([id]);
    expect((await store.listJourneys({ search: '%' })).length).toBe(1);
    const row = await store.getJourney(id);
    expect(JSON.parse(row!.snapshot).journey.title).toBe('IKEA-bezoek 100%_ok');
    expect(row!.summary).toMatchObject({ phaseCount: 1, stepCount: 0, scores: [] });
  });

  it('stores every update and gives them back in order after the merged state', async () => {
    const { id } = await createJourney('Updates');
    const doc = new Y.Doc();
    const stored = await store.loadDocument(id);
    Y.applyUpdate(doc, stored!.state!);
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    for (let i = 0; i < 5; i++) doc.getMap('meta').set(`k${i}`, i);
    for (const update of updates) await store.appendUpdate(id, update);
    const loaded = await store.loadDocument(id);
    expect(loaded!.updates).toHaveLength(5);
    const replay = new Y.Doc();
    Y.applyUpdate(replay, loaded!.state!);
    for (const u of loaded!.updates) Y.applyUpdate(replay, u);
    expect(replay.getMap('meta').toJSON()).toEqual(doc.getMap('meta').toJSON());

    await store.compact(id, Y.encodeStateAsUpdate(replay), loaded!.lastSeq);
    const compacted = await store.loadDocument(id);
    expect(compacted!.updates).toHaveLength(0);
    expect(await store.countUpdates(id)).toBe(0);
    const again = new Y.Doc();
    Y.applyUpdate(again, compacted!.state!);
    expect(again.getMap('meta').toJSON()).toEqual(doc.getMap('meta').toJSON());
  });

  it('stores a batch of updates of several journeys in one go, and compaction keeps the later ones', async () => {
    const first = await createJourney('Batch one');
    const second = await createJourney('Batch two');
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    for (let i = 0; i < 4; i++) doc.getMap('meta').set(`k${i}`, i);
    await store.appendUpdates([
      { journeyId: first.id, update: updates[0]! },
      { journeyId: second.id, update: updates[1]! },
      { journeyId: first.id, update: updates[2]! },
    ]);
    await store.appendUpdates([]);
    const loaded = await store.loadDocument(first.id);
    expect(loaded!.updates).toEqual([updates[0], updates[2]]);
    expect((await store.loadDocument(second.id))!.updates).toEqual([updates[1]]);

    await store.appendUpdates([{ journeyId: first.id, update: updates[3]! }]);
    await store.compact(first.id, Y.mergeUpdates([loaded!.state!, ...loaded!.updates]), loaded!.lastSeq);
    expect((await store.loadDocument(first.id))!.updates).toEqual([updates[3]]);
  });

  it('moves a journey to the trash, restores it and purges it', async () => {
    const { id } = await createJourney('Trash me');
    expect(await store.moveToTrash(id)).toBe(true);
    expect((await store.listJourneys()).map((j) => j.id)).not.toContain(id);
    expect((await store.listJourneys({ trash: true })).map((j) => j.id)).toContain(id);
    expect(await store.restoreFromTrash(id)).toBe(true);
    expect((await store.listJourneys()).map((j) => j.id)).toContain(id);
    expect(await store.purge(id)).toBe(true);
    expect(await store.getJourney(id)).toBeUndefined();
    expect(await store.loadDocument(id)).toBeUndefined();
    expect(await store.moveToTrash('jr_missing')).toBe(false);
  });

  it('saves a snapshot with its title and summary', async () => {
    const { id, document } = await createJourney('Before');
    await store.saveSnapshot(id, { ...document, journey: { ...document.journey, title: 'After' } });
    const row = await store.getJourney(id);
    expect(row!.title).toBe('After');
    expect(row!.updatedAt).toBeGreaterThanOrEqual(row!.createdAt);
  });
});

describe('SQLite update thread', () => {
  it('commits batches on its own connection, stops when idle and starts again for the next batch', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'klantreis-thread-'));
    const store = await openSqliteStore(join(dir, 'thread.sqlite'), { updateThreadIdleMs: 50 });
    const document = createBlankJourney('Draad');
    await store.createJourney({ id: 'jr_thread', document, state: journeyToUpdate(document) });
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (u: Uint8Array) => updates.push(u));
    for (let i = 0; i < 3; i++) doc.getMap('meta').set(`k${i}`, i);
    await store.appendUpdates([{ journeyId: 'jr_thread', update: updates[0]! }]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    await Promise.all([
      store.appendUpdates([{ journeyId: 'jr_thread', update: updates[1]! }]),
      store.appendUpdates([{ journeyId: 'jr_thread', update: updates[2]! }]),
    ]);
    expect((await store.loadDocument('jr_thread'))!.updates).toEqual(updates);
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('SQLite integrity check', () => {
  it('answers ok for a sound file and names the damage in a broken one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'klantreis-integrity-'));
    const file = join(dir, 'check.sqlite');
    const store = await openSqliteStore(file);
    await store.close();
    expect(sqliteIntegrityCheck(file)).toBe('ok');
    // Overwrite the second page (the first table's root) with garbage.
    const bytes = readFileSync(file);
    const pageSize = bytes.readUInt16BE(16);
    bytes.fill(0x5a, pageSize, pageSize * 2);
    writeFileSync(file, bytes);
    // SQLite either lists the damage or refuses to read the file at all.
    let verdict: string;
    try {
      verdict = sqliteIntegrityCheck(file);
    } catch (error) {
      verdict = (error as Error).message;
    }
    expect(verdict).not.toBe('ok');
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('SQLite settings', () => {
  it('uses WAL and synchronous=FULL', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'klantreis-db-'));
    const store = await openSqliteStore(join(dir, 'k.sqlite'));
    const { sql } = await import('kysely');
    const mode = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(store.db);
    const sync = await sql<{ synchronous: number }>`pragma synchronous`.execute(store.db);
    expect(mode.rows[0]!.journal_mode).toBe('wal');
    expect(sync.rows[0]!.synchronous).toBe(2);
    await store.close();
    rmSync(dir, { recursive: true });
  });
});
