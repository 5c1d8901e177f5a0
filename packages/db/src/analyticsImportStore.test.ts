import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createBlankJourney } from '@klantreis/schema';
import { journeyToUpdate } from '@klantreis/sync';
import { createTestDatabase } from '../../../testing/testDatabase.ts';
import { AnalyticsImportStore, type NewAnalyticsImport } from './analyticsImportStore.ts';
import type { JourneyStore } from './journeyStore.ts';
import { openPostgresStore } from './postgresStore.ts';
import { openSqliteStore } from './sqliteStore.ts';

const postgresUrl = inject('postgresUrl');
const backends: [string, () => Promise<JourneyStore>][] = [
  ['SQLite', async () => openSqliteStore(join(mkdtempSync(join(tmpdir(), 'klantreis-db-')), 'test.sqlite'))],
];
if (postgresUrl) backends.push(['PostgreSQL', async () => openPostgresStore(await createTestDatabase(postgresUrl))]);

describe.each(backends)('AnalyticsImportStore on %s', (_name, open) => {
  let store: JourneyStore;
  let imports: AnalyticsImportStore;
  beforeAll(async () => {
    store = await open();
    imports = new AnalyticsImportStore(store.db);
  });
  afterAll(async () => {
    await store.close();
  });

  async function journey(): Promise<string> {
    const document = createBlankJourney('Meten');
    const id = `jr_${Math.random().toString(36).slice(2)}`;
    await store.createJourney({ id, document, state: journeyToUpdate(document) });
    return id;
  }

  const eventLog = (journeyId: string, contentHash: string): NewAnalyticsImport => ({
    journeyId,
    kind: 'events',
    fileName: 'running-example.csv',
    contentHash,
    rows: 42,
    rejected: 0,
    cases: 6,
    firstAt: '2010-12-30T13:32:00.000000Z',
    lastAt: '2011-01-24T13:56:00.000000Z',
    details: { mapping: { caseId: 'case:concept:name' } },
  });

  it('adds, lists in import order, finds by content and deletes', async () => {
    const id = await journey();
    const first = await imports.add(eventLog(id, 'a'.repeat(64)));
    const second = await imports.add({ ...eventLog(id, 'b'.repeat(64)), kind: 'survey', cases: null, firstAt: null, lastAt: null });
    expect((await imports.list(id)).map((i) => i.id)).toEqual([first.id, second.id]);
    expect((await imports.list(id, 'survey')).map((i) => i.id)).toEqual([second.id]);
    expect(await imports.get(id, first.id)).toEqual(first);
    expect((await imports.findByContent(id, 'events', 'a'.repeat(64)))?.id).toBe(first.id);
    expect(await imports.findByContent(id, 'survey', 'a'.repeat(64))).toBeUndefined();
    expect(await imports.delete(id, first.id)).toBe(true);
    expect(await imports.delete(id, first.id)).toBe(false);
    expect((await imports.list(id)).map((i) => i.id)).toEqual([second.id]);
  });

  it('refuses the same content twice for one journey, allows it for another, and forgets a purged journey', async () => {
    const one = await journey();
    const two = await journey();
    await imports.add(eventLog(one, 'c'.repeat(64)));
    await expect(imports.add(eventLog(one, 'c'.repeat(64)))).rejects.toThrow();
    await imports.add(eventLog(two, 'c'.repeat(64)));
    await store.moveToTrash(one);
    await store.purge(one);
    expect(await imports.list(one)).toEqual([]);
    expect(await imports.list(two)).toHaveLength(1);
  });
});
