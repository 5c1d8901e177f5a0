// Backup and restore round trips on SQLite and PostgreSQL, run as the real CLI on real data
// (journeys, a version, an event log and survey answers imported with the CLI): the restored
// data folder (or database) holds the same journeys, snapshots, versions and imports, the same
// import files byte for byte, and gives the same metrics. Backups are made while a store is
// open and writing, as a running server's would be. Refusals leave the target as it was.
import { execFile, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tar from 'tar';
import { describe, expect, inject, it } from 'vitest';
import { AnalyticsImportStore, openStore, VersionStore, type JourneyStore } from '@klantreis/db';
import { createBlankJourney, createStepRecord, type JourneyDocument } from '@klantreis/schema';
import { createTestDatabase } from '../../../testing/testDatabase.ts';

const BIN = fileURLToPath(new URL('../bin/klantreis.js', import.meta.url));
const postgresUrl = inject('postgresUrl');

interface Place {
  KLANTREIS_DATA: string;
  DATABASE_URL?: string;
}

function klantreis(args: string[], place: Place): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { env: { ...process.env, DATABASE_URL: '', ...place } }, (error, stdout, stderr) =>
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

async function ok(args: string[], place: Place): Promise<string> {
  const result = await klantreis(args, place);
  expect(result.stderr, `klantreis ${args.join(' ')}`).toBe('');
  expect(result.code).toBe(0);
  return result.stdout;
}

const tempDir = (name: string) => mkdtempSync(join(tmpdir(), `klantreis-backup-${name}-`));
const openPlace = (place: Place) => openStore({ dataDir: place.KLANTREIS_DATA, databaseUrl: place.DATABASE_URL || undefined });

/**
 * Two journeys (one with mapped steps, an event log, survey answers and metrics worked out, so
 * the analytics folder also holds the derived index and cache) and a third in the trash.
 */
async function fill(place: Place): Promise<{ measured: string; trashed: string }> {
  const work = tempDir('input');
  const journey = createBlankJourney('Compensatie', 'nl');
  const phaseId = journey.phases[0]!.id;
  journey.steps.push(
    createStepRecord({ phaseId, index: 'a0', title: 'Aanvraag', activityPatterns: ['aanvraag'] }),
    createStepRecord({ phaseId, index: 'a1', title: 'Besluit', activityPatterns: ['besluit'], journeyEnd: true }),
  );
  const ids: string[] = [];
  for (const document of [journey, createBlankJourney('Tweede reis', 'en'), createBlankJourney('Weggegooid', 'nl')]) {
    const file = join(work, `${ids.length}.json`);
    writeFileSync(file, JSON.stringify(document));
    ids.push((await ok(['import', file], place)).trim());
  }
  const [measured, , trashed] = ids as [string, string, string];
  const log = join(work, 'log.csv');
  writeFileSync(log, 'case,activity,timestamp\n1,aanvraag,2024-01-01T10:00:00Z\n1,besluit,2024-01-02T10:00:00Z\n2,aanvraag,2024-01-03T10:00:00Z\n3,aanvraag,2024-02-03T10:00:00Z\n3,besluit,2024-02-05T12:00:00Z\n');
  await ok(['import-log', measured, log], place);
  const survey = join(work, 'enquete.csv');
  writeFileSync(survey, 'case,step,score\n1,Aanvraag,4\n3,Besluit,2\n');
  await ok(['import-survey', measured, survey, '--scale', 'csat'], place);
  await ok(['metrics', measured, '--json'], place);
  const store = await openPlace(place);
  try {
    expect(await store.moveToTrash(trashed)).toBe(true);
  } finally {
    await store.close();
  }
  return { measured, trashed };
}

/**
 * fill() once for the SQLite tests, each of which works on a copy of that data folder: its
 * six CLI runs took a third of each test's time. Made on first use, so one test runs alone too.
 */
let filledSqlite: Promise<{ dir: string; measured: string; trashed: string }> | undefined;
async function filledSqliteCopy(name: string): Promise<{ place: Place; measured: string; trashed: string }> {
  filledSqlite ??= (async () => {
    const dir = tempDir('filled');
    return { dir, ...(await fill({ KLANTREIS_DATA: dir })) };
  })();
  const { dir, measured, trashed } = await filledSqlite;
  const place: Place = { KLANTREIS_DATA: tempDir(name) };
  cpSync(dir, place.KLANTREIS_DATA, { recursive: true });
  return { place, measured, trashed };
}

/** Everything of the store a restore must bring back, in a stable order. */
async function contents(store: JourneyStore) {
  const versions = new VersionStore(store.db);
  const imports = new AnalyticsImportStore(store.db);
  const journeys = [...(await store.listJourneys()), ...(await store.listJourneys({ trash: true }))].sort((a, b) => a.id.localeCompare(b.id));
  return Promise.all(
    journeys.map(async ({ id }) => {
      const row = (await store.getJourney(id))!;
      const listed = await versions.listVersions(id);
      return {
        id,
        title: row.title,
        deleted: row.deletedAt !== null,
        snapshot: JSON.parse(row.snapshot) as unknown,
        versions: await Promise.all(listed.map((version) => versions.getVersion(id, version.id))),
        imports: await imports.list(id),
      };
    }),
  );
}

async function contentsOf(place: Place) {
  const store = await openPlace(place);
  try {
    return await contents(store);
  } finally {
    await store.close();
  }
}

/** Every file under `dir`, relative, with a hash of its bytes. */
function tree(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (at: string) => {
    if (!existsSync(at)) return;
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) walk(path);
      else files[relative(dir, path)] = createHash('sha256').update(readFileSync(path)).digest('hex');
    }
  };
  walk(dir);
  return files;
}

/** The import files (events and survey Parquet): what a backup must carry byte for byte. */
function importFiles(dataDir: string): Record<string, string> {
  return Object.fromEntries(Object.entries(tree(join(dataDir, 'analytics'))).filter(([path]) => /^[^/]+\/(events|survey)\//.test(path)));
}

/**
 * Runs the backup while a store on the same data is open and writing (as a running server's
 * is): a named version before it starts, and Yjs updates all the time it runs.
 */
async function backupWhileWriting(place: Place, journeyId: string, archive: string) {
  const store = await openPlace(place);
  try {
    const document = JSON.parse((await store.getJourney(journeyId))!.snapshot) as JourneyDocument;
    await new VersionStore(store.db).createVersion({ journeyId, name: 'Voor de back-up', kind: 'named', author: 'test', document });
    await store.saveSnapshot(journeyId, { ...document, journey: { ...document.journey, title: 'Compensatie (bijgewerkt)' } });
    const before = (await store.loadDocument(journeyId))!.updates.length;
    let writing = true;
    const writer = (async () => {
      while (writing) {
        // An empty Yjs update (no structs, no deletions): a real row that leaves the document as it is.
        await store.appendUpdate(journeyId, new Uint8Array([0, 0]));
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    })();
    const made = await klantreis(['backup', archive], place);
    writing = false;
    await writer;
    const after = (await store.loadDocument(journeyId))!.updates.length;
    return { made, before, after, contents: await contents(store) };
  } finally {
    await store.close();
  }
}

/** An archive made from `archive` with its manifest changed by `change`. */
async function withManifest(archive: string, change: (manifest: Record<string, unknown>) => void): Promise<string> {
  const dir = tempDir('repack');
  await tar.x({ file: archive, cwd: dir });
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
  change(manifest);
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  const changed = join(tempDir('changed'), 'changed.tar.gz');
  await tar.c({ gzip: true, file: changed, cwd: dir }, readdirSync(dir));
  return changed;
}

async function expectRefused(archive: string, place: Place, message: string | RegExp): Promise<void> {
  const before = tree(place.KLANTREIS_DATA);
  const refused = await klantreis(['restore', archive], place);
  expect(refused.code).toBe(1);
  if (typeof message === 'string') expect(refused.stderr).toContain(message);
  else expect(refused.stderr).toMatch(message);
  expect(refused.stdout).toBe('');
  expect(tree(place.KLANTREIS_DATA)).toEqual(before);
  expect(readdirSync(place.KLANTREIS_DATA).filter((name) => name.startsWith('.'))).toEqual([]);
}

describe('klantreis backup and restore', () => {
  it('sweeps the staging folder of a backup killed with kill -9, and the next backup is whole', async () => {
    const { place: from } = await filledSqliteCopy('killed');
    const archive = join(tempDir('archive'), 'backup.tar.gz');
    const staged = () => readdirSync(from.KLANTREIS_DATA).filter((name) => name.startsWith('.backup-'));
    // Killed as soon as it has made its staging folder, up to five tries (a small store is quick).
    let leftBehind: string[] = [];
    for (let attempt = 0; attempt < 5 && leftBehind.length === 0; attempt++) {
      const child = spawn(process.execPath, [BIN, 'backup', archive], { env: { ...process.env, DATABASE_URL: '', ...from }, stdio: 'ignore' });
      const exited = new Promise((resolve) => child.once('exit', resolve));
      while (child.exitCode === null && staged().length === 0) await new Promise((r) => setImmediate(r));
      child.kill('SIGKILL');
      await exited;
      leftBehind = staged();
    }
    expect(leftBehind).toHaveLength(1);
    // A staging folder whose process still runs (this one) is left alone.
    const machine = createHash('sha256').update(hostname()).digest('hex').slice(0, 8);
    const running = join(from.KLANTREIS_DATA, `.backup-${process.pid}.${machine}-running`);
    mkdirSync(running);
    // One made beside the archive (where the data folder could not hold it) by a process now gone.
    const gone = spawn(process.execPath, ['-e', ''], { stdio: 'ignore' });
    await new Promise((resolve) => gone.once('exit', resolve));
    const beside = join(dirname(archive), `.backup-${gone.pid}.${machine}-beside`);
    mkdirSync(beside);

    const made = await klantreis(['backup', archive], from);
    expect(made.code).toBe(0);
    expect(made.stderr).toContain(`removed ${join(from.KLANTREIS_DATA, leftBehind[0]!)}, left by a backup or restore that was stopped`);
    expect(staged()).toEqual([`.backup-${process.pid}.${machine}-running`]);
    expect(made.stderr).toContain(`removed ${beside}`);
    expect(existsSync(beside)).toBe(false);
    const into: Place = { KLANTREIS_DATA: join(tempDir('into'), 'data') };
    expect((await klantreis(['restore', archive], into)).stdout).toMatch(/^restored 3 journeys/);
  });

  it('round-trips an SQLite data folder made while it is written to', async () => {
    const { place: from, measured } = await filledSqliteCopy('from');
    writeFileSync(join(from.KLANTREIS_DATA, 'analytics', 'upload-in-progress'), 'not kept'); // a stray file at the top is kept
    mkdirSync(join(from.KLANTREIS_DATA, 'analytics', 'uploads'));
    writeFileSync(join(from.KLANTREIS_DATA, 'analytics', 'uploads', 'open-upload.csv'), 'case,activity\n'); // an open upload is not
    const archive = join(tempDir('archive'), 'backup.tar.gz');
    const { made, before, after, contents: source } = await backupWhileWriting(from, measured, archive);
    expect(made.stderr).toBe('');
    expect(made.stdout).toMatch(new RegExp(`^backup of 3 journeys, 2 analytics imports and 5 analytics files \\(.+\\) from SQLite written to ${archive} \\(.+\\)\\n$`));
    expect(existsSync(archive)).toBe(true);
    expect(existsSync(`${archive}.partial`)).toBe(false);
    expect(readdirSync(from.KLANTREIS_DATA).filter((name) => name.startsWith('.'))).toEqual([]);

    const into: Place = { KLANTREIS_DATA: join(tempDir('into'), 'data') }; // a folder not made yet
    const restored = await klantreis(['restore', archive], into);
    expect(restored.stderr).toBe('');
    expect(restored.stdout).toMatch(/^restored 3 journeys, 2 analytics imports and 5 analytics files \(.+\) from .*backup\.tar\.gz \(SQLite, made .+\) into .+\n$/);
    const back = await openPlace(into);
    try {
      // The same journeys, snapshots (with the change made just before), versions and imports.
      const restoredContents = await contents(back);
      expect(restoredContents).toEqual(source);
      expect(restoredContents.find((journey) => journey.id === measured)).toMatchObject({ title: 'Compensatie (bijgewerkt)', versions: [expect.objectContaining({ name: 'Voor de back-up' })] });
      expect(restoredContents.map((journey) => journey.deleted)).toContain(true);
      // The updates written while the backup ran: those before it at least, none after it.
      const updates = (await back.loadDocument(measured))!.updates.length;
      expect(updates).toBeGreaterThanOrEqual(before);
      expect(updates).toBeLessThanOrEqual(after);
    } finally {
      await back.close();
    }
    // The import files byte for byte (the event import with the index it built of its events); the
    // journey's derived index and cache and the open upload are not carried.
    const files = importFiles(into.KLANTREIS_DATA);
    expect(Object.keys(files)).toHaveLength(4);
    expect(files).toEqual(importFiles(from.KLANTREIS_DATA));
    expect(Object.keys(tree(join(into.KLANTREIS_DATA, 'analytics'))).sort()).toEqual([...Object.keys(files), 'upload-in-progress'].sort());
    // And the measurement, rebuilt from them, is the same.
    expect(await ok(['metrics', measured, '--json'], into)).toBe(await ok(['metrics', measured, '--json'], from));
    expect(await ok(['export', measured], into)).toBe(await ok(['export', measured], from));
  }, 180_000);

  it('refuses a folder with data, a damaged or foreign archive and a backup of the other database kind, changing nothing', async () => {
    const { place: from, measured } = await filledSqliteCopy('from');
    const archive = join(tempDir('archive'), 'backup.tar.gz');
    await ok(['backup', archive], from);
    const into: Place = { KLANTREIS_DATA: tempDir('into') };
    await ok(['restore', archive], into);

    // A folder with a database, or with analytics files only: refused, naming the path.
    await expectRefused(archive, into, `${join(into.KLANTREIS_DATA, 'klantreis.sqlite')} exists: restore into an empty data folder`);
    expect(JSON.parse(await ok(['list', '--json'], into))).toHaveLength(2);
    const analyticsOnly: Place = { KLANTREIS_DATA: tempDir('analytics-only') };
    mkdirSync(join(analyticsOnly.KLANTREIS_DATA, 'analytics', 'x'), { recursive: true });
    writeFileSync(join(analyticsOnly.KLANTREIS_DATA, 'analytics', 'x', 'mine.parquet'), 'mine');
    await expectRefused(archive, analyticsOnly, `${join(analyticsOnly.KLANTREIS_DATA, 'analytics')} is not empty`);

    // A truncated archive: refused naming the file, nothing written.
    const truncated = join(tempDir('archive'), 'truncated.tar.gz');
    writeFileSync(truncated, readFileSync(archive));
    truncateSync(truncated, Math.floor(statSync(truncated).size / 2));
    const empty: Place = { KLANTREIS_DATA: tempDir('empty') };
    await expectRefused(truncated, empty, new RegExp(`${truncated}: the archive is damaged or not a \\.tar\\.gz`));
    expect(readdirSync(empty.KLANTREIS_DATA)).toEqual([]);

    // Not a Klantreis backup, an unknown format version, a newer Klantreis's migrations.
    const foreignDir = tempDir('foreign');
    writeFileSync(join(foreignDir, 'notes.txt'), 'holiday pictures');
    const foreign = join(tempDir('archive'), 'foreign.tar.gz');
    await tar.c({ gzip: true, file: foreign, cwd: foreignDir }, ['notes.txt']);
    await expectRefused(foreign, empty, `${foreign}: not a Klantreis backup (it has no manifest.json)`);
    const future = await withManifest(archive, (manifest) => (manifest.version = 99));
    await expectRefused(future, empty, `${future}: backup format version 99 is unknown`);
    const newer = await withManifest(archive, (manifest) => (manifest.migrations = [...(manifest.migrations as string[]), '999_future']));
    await expectRefused(newer, empty, `${newer} was made by a newer Klantreis (database migrations 999_future are unknown here)`);
    const miscounted = await withManifest(archive, (manifest) => (manifest.analyticsFiles = 7));
    await expectRefused(miscounted, empty, `${miscounted}: the archive holds 4 analytics files`);
    expect(readdirSync(empty.KLANTREIS_DATA)).toEqual([]);

    // An SQLite backup is not restored into PostgreSQL by mistake.
    if (postgresUrl) {
      const databaseUrl = await createTestDatabase(postgresUrl);
      await expectRefused(archive, { KLANTREIS_DATA: tempDir('wrong-kind'), DATABASE_URL: databaseUrl }, `${archive} is a backup of an SQLite Klantreis, but DATABASE_URL is set`);
    }
    expect(JSON.parse(await ok(['list', '--json'], into)).map((j: { id: string }) => j.id)).toContain(measured);
  }, 180_000);

  it.skipIf(!postgresUrl)('round-trips a PostgreSQL database with pg_dump and pg_restore, and refuses a database that is not empty', async () => {
    const from: Place = { KLANTREIS_DATA: tempDir('pg-from'), DATABASE_URL: await createTestDatabase(postgresUrl!) };
    const { measured } = await fill(from);
    const archive = join(tempDir('archive'), 'pg.tar.gz');
    const { made, before, after, contents: source } = await backupWhileWriting(from, measured, archive);
    expect(made.stderr).toBe('');
    expect(made.stdout).toMatch(/^backup of 3 journeys, 2 analytics imports and 4 analytics files \(.+\) from PostgreSQL written to .+pg\.tar\.gz \(.+\)\n$/);
    expect(existsSync(`${archive}.partial`)).toBe(false);

    const into: Place = { KLANTREIS_DATA: tempDir('pg-into'), DATABASE_URL: await createTestDatabase(postgresUrl!) };
    const restored = await klantreis(['restore', archive], into);
    expect(restored.stderr).toBe('');
    expect(restored.stdout).toMatch(/^restored 3 journeys, 2 analytics imports and 4 analytics files \(.+\) from .+ \(PostgreSQL, made .+\) into the database of DATABASE_URL and .+\n$/);
    const back = await openPlace(into);
    try {
      expect(await contents(back)).toEqual(source);
      const updates = (await back.loadDocument(measured))!.updates.length;
      expect(updates).toBeGreaterThanOrEqual(before);
      expect(updates).toBeLessThanOrEqual(after);
    } finally {
      await back.close();
    }
    expect(importFiles(into.KLANTREIS_DATA)).toEqual(importFiles(from.KLANTREIS_DATA));
    expect(Object.keys(importFiles(into.KLANTREIS_DATA))).toHaveLength(4);
    expect(await ok(['metrics', measured, '--json'], into)).toBe(await ok(['metrics', measured, '--json'], from));

    // Into a database with data (and an empty folder): refused, the database unchanged.
    const again: Place = { ...into, KLANTREIS_DATA: tempDir('pg-again') };
    await expectRefused(archive, again, /the database of DATABASE_URL is not empty \(\d+ tables\): restore into an empty database/);
    expect(await contentsOf(into)).toEqual(source);
    // A PostgreSQL backup without DATABASE_URL: said so.
    await expectRefused(archive, { KLANTREIS_DATA: tempDir('pg-sqlite') }, `${archive} is a backup of a PostgreSQL Klantreis: set DATABASE_URL`);
  }, 180_000);
});
