// `klantreis backup <file>` and `klantreis restore <file>` (issue 10): one archive (.tar.gz)
// with the database and the analytics folder, made while the server runs, and brought back
// into an empty data folder (or an empty PostgreSQL database).
//
// The archive (format "klantreis-backup", version 1) is a gzip-compressed tar (node-tar) of:
//   manifest.json      format, version, createdAt, dialect (sqlite | postgres), the database
//                      migrations applied, and counts (journeys, analytics imports and files, bytes)
//   klantreis.sqlite   dialect sqlite: a copy made with SQLite's online backup API
//   klantreis.pgdump   dialect postgres: `pg_dump --format=custom`
//   analytics/<journey>/{events,survey}/<import id>/…   the Parquet files of every import the
//                      database in the archive names (an event import's with the index it built
//                      of its own events, in its `index/`), and nothing else of the analytics folder:
//                      not open uploads, staging folders or half-written partials (transient),
//                      and not the journey index or metrics cache (derived, rebuilt when missing).
//
// Consistency: the database is copied first, as one read transaction (SQLite: the whole backup
// in one step; PostgreSQL: pg_dump on a snapshot exported by the transaction that also counts),
// then the import folders that copy names. Import files are never changed once in place (an
// import moves its folder in before it writes its row), so they are hard-linked into the staging
// folder where the file system allows it, and copied otherwise.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  closeSync,
  constants,
  copyFileSync,
  existsSync,
  fsyncSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import BetterSqlite3 from 'better-sqlite3';
import pg from 'pg';
import * as tar from 'tar';
import { openSqliteStore } from '@klantreis/db';
import { configFromEnv } from '@klantreis/server/config';
import { CliError } from './cliError.ts';

const run = promisify(execFile);
const FORMAT = 'klantreis-backup';
const FORMAT_VERSION = 1;
const MANIFEST = 'manifest.json';
const SQLITE_FILE = 'klantreis.sqlite';
const PG_DUMP_FILE = 'klantreis.pgdump';
const ANALYTICS = 'analytics';
const IMPORT_KINDS = ['events', 'survey'] as const;
/** In the analytics folder: open uploads (top level) and, per journey, what is transient or derived. */
const TOP_LEVEL_SKIPPED = new Set(['uploads']);
const JOURNEY_SKIPPED = new Set(['staging', 'index', 'metrics-cache']);

interface Manifest {
  format: typeof FORMAT;
  version: number;
  createdAt: string;
  dialect: 'sqlite' | 'postgres';
  /** The database migrations applied: a backup with one this Klantreis does not know is refused. */
  migrations: string[];
  journeys: number;
  imports: number;
  analyticsFiles: number;
  analyticsBytes: number;
}

/** A manifest as read: the first backups of version 1 did not count imports and bytes yet. */
type ReadManifest = Omit<Manifest, 'imports' | 'analyticsBytes'> & { imports?: number; analyticsBytes?: number };

interface ImportRow {
  id: string;
  journeyId: string;
  kind: string;
}

interface DatabaseFacts {
  migrations: string[];
  journeys: number;
  imports: ImportRow[];
}

function dialectName(dialect: Manifest['dialect']): string {
  return dialect === 'sqlite' ? 'SQLite' : 'PostgreSQL';
}

function counted(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} kB`;
  if (bytes < 1024 * 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${(bytes / 1024 / 1024 / 1024).toFixed(2)} GB`;
}

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException).code;
}

/** fsync a file, or a folder so that a rename in it is durable. */
function fsyncPath(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** The newest /usr/lib/postgresql/N/bin first (pg_dump must be at least the server's version), then PATH. */
function postgresBinary(name: 'pg_dump' | 'pg_restore'): string {
  let versioned: string[] = [];
  try {
    versioned = readdirSync('/usr/lib/postgresql')
      .filter((version) => /^\d+$/.test(version))
      .sort((a, b) => Number(b) - Number(a))
      .map((version) => `/usr/lib/postgresql/${version}/bin`);
  } catch {
    // Not a Debian layout: PATH only.
  }
  const dirs = [...versioned, ...(process.env.PATH ?? '').split(delimiter).filter(Boolean), '/usr/local/bin', '/usr/bin'];
  const found = dirs.map((dir) => join(dir, name)).find((path) => existsSync(path));
  if (!found) throw new CliError(`${name} is not installed (apt-get install postgresql-client): it is needed to back up or restore PostgreSQL`);
  return found;
}

/** The URL without its password (which goes to pg_dump and pg_restore in PGPASSWORD, not on their command line). */
function postgresTarget(databaseUrl: string): { url: string; env: NodeJS.ProcessEnv } {
  let url: URL;
  try {
    url = new URL(databaseUrl);
  } catch {
    return { url: databaseUrl, env: process.env };
  }
  const password = decodeURIComponent(url.password);
  url.password = '';
  return { url: url.toString(), env: password ? { ...process.env, PGPASSWORD: password } : process.env };
}

/** What a failed pg_dump or pg_restore said, without the command line (which names the database). */
function toolFailure(error: unknown): string {
  const stderr = String((error as { stderr?: string }).stderr ?? '').trim();
  return (stderr || (error as Error).message.split('\n')[0] || 'failed').split('\n').slice(-3).join(' ');
}

async function connect(databaseUrl: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: databaseUrl });
  try {
    await client.connect();
  } catch (error) {
    throw new CliError(`cannot connect to the database of DATABASE_URL: ${(error as Error).message}`);
  }
  return client;
}

/** Tables outside PostgreSQL's own schemas: a restore goes only into a database without any. */
async function postgresTableCount(client: pg.Client): Promise<number> {
  const result = await client.query<{ n: string }>("select count(*) as n from information_schema.tables where table_schema not in ('pg_catalog', 'information_schema')");
  return Number(result.rows[0]!.n);
}

/** The facts of the manifest, or null when this is no Klantreis database. */
async function postgresFacts(client: pg.Client): Promise<DatabaseFacts | null> {
  const present = await client.query<{ migrations: string | null; imports: string | null }>("select to_regclass('public.kysely_migration')::text as migrations, to_regclass('public.analytics_imports')::text as imports");
  if (present.rows[0]!.migrations === null) return null;
  const migrations = (await client.query<{ name: string }>('select name from kysely_migration order by name')).rows.map((row) => row.name);
  const journeys = Number((await client.query<{ n: string }>('select count(*) as n from journeys')).rows[0]!.n);
  const imports =
    present.rows[0]!.imports === null
      ? []
      : (await client.query<{ id: string; journey_id: string; kind: string }>('select id, journey_id, kind from analytics_imports')).rows.map((row) => ({ id: row.id, journeyId: row.journey_id, kind: row.kind }));
  return { migrations, journeys, imports };
}

/** The facts of the manifest from an SQLite file, or null when this is no Klantreis database. */
function sqliteFacts(file: string): DatabaseFacts | null {
  const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  try {
    const hasTable = (name: string) => db.prepare("select 1 from sqlite_master where type = 'table' and name = ?").get(name) !== undefined;
    if (!hasTable('kysely_migration') || !hasTable('journeys')) return null;
    const migrations = (db.prepare('select name from kysely_migration order by name').all() as { name: string }[]).map((row) => row.name);
    const journeys = (db.prepare('select count(*) as n from journeys').get() as { n: number }).n;
    const imports = hasTable('analytics_imports')
      ? (db.prepare('select id, journey_id, kind from analytics_imports').all() as { id: string; journey_id: string; kind: string }[]).map((row) => ({ id: row.id, journeyId: row.journey_id, kind: row.kind }))
      : [];
    return { migrations, journeys, imports };
  } finally {
    db.close();
  }
}

/** The migrations this Klantreis knows: those a new database gets. */
async function knownMigrations(): Promise<Set<string>> {
  const dir = mkdtempSync(join(tmpdir(), 'klantreis-migrations-'));
  try {
    const file = join(dir, SQLITE_FILE);
    const store = await openSqliteStore(file, { updateThread: false });
    await store.close();
    return new Set(sqliteFacts(file)?.migrations ?? []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Hard link where the file system allows it (import files never change in place), else a copy. */
function linkOrCopy(from: string, to: string): void {
  try {
    linkSync(from, to);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') throw error;
    copyFileSync(from, to, constants.COPYFILE_FICLONE);
  }
}

/** Copies a folder; `tolerant`: what disappears meanwhile is left out (it was being replaced or removed). */
function copyTree(from: string, to: string, tolerant: boolean): void {
  let entries;
  try {
    entries = readdirSync(from, { withFileTypes: true });
  } catch (error) {
    if (tolerant && errorCode(error) === 'ENOENT') return;
    throw error;
  }
  mkdirSync(to, { recursive: true });
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name.includes('.partial') || entry.name.endsWith('.replaced')) continue;
    try {
      if (entry.isDirectory()) copyTree(join(from, entry.name), join(to, entry.name), tolerant);
      else if (entry.isFile()) linkOrCopy(join(from, entry.name), join(to, entry.name));
    } catch (error) {
      if (!(tolerant && errorCode(error) === 'ENOENT')) throw error;
    }
  }
}

/** A folder's entries; none when it went away meanwhile (a journey removed while the backup runs). */
function entriesOf(dir: string) {
  try {
    return readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return [];
    throw error;
  }
}

/** The analytics files of the imports `imports` names (see the top of the file), into `target`. */
function stageAnalytics(source: string, target: string, imports: readonly ImportRow[]): void {
  if (!existsSync(source)) {
    if (imports.length > 0) throw new CliError(`${source} is missing, but the database names ${imports.length} analytics imports: is KLANTREIS_DATA the right folder?`);
    return;
  }
  const known = new Set(imports.map((row) => join(encodeURIComponent(row.journeyId), row.kind, row.id)));
  for (const top of readdirSync(source, { withFileTypes: true })) {
    if (TOP_LEVEL_SKIPPED.has(top.name) || top.name.startsWith('.')) continue;
    if (!top.isDirectory()) {
      if (top.isFile()) {
        mkdirSync(target, { recursive: true });
        linkOrCopy(join(source, top.name), join(target, top.name));
      }
      continue;
    }
    for (const part of entriesOf(join(source, top.name))) {
      if (JOURNEY_SKIPPED.has(part.name) || part.name.startsWith('.') || part.name.includes('.partial')) continue;
      const from = join(source, top.name, part.name);
      const to = join(target, top.name, part.name);
      if (!(IMPORT_KINDS as readonly string[]).includes(part.name)) {
        if (part.isDirectory()) copyTree(from, to, true);
        else if (part.isFile()) {
          mkdirSync(dirname(to), { recursive: true });
          linkOrCopy(from, to);
        }
        continue;
      }
      for (const { name: importId } of entriesOf(from)) {
        // Only the imports of the database copy: a folder no row names is an import still being
        // committed (its row comes after the copy) or one interrupted, which a start would remove.
        if (!known.has(join(top.name, part.name, importId))) continue;
        try {
          copyTree(join(from, importId), join(to, importId), false);
        } catch (error) {
          if (errorCode(error) !== 'ENOENT') throw error;
          rmSync(join(to, importId), { recursive: true, force: true }); // half of it: reported below
        }
      }
    }
  }
  for (const row of imports) {
    const folder = join(encodeURIComponent(row.journeyId), row.kind, row.id);
    if (!existsSync(join(target, folder))) {
      throw new CliError(
        `the files of analytics import ${row.id} (journey ${row.journeyId}) are missing from ${join(source, folder)}: deleted while the backup ran (run it again), or the data folder is damaged. No backup was written`,
      );
    }
  }
}

function measureTree(dir: string): { files: number; bytes: number } {
  const total = { files: 0, bytes: 0 };
  if (!existsSync(dir)) return total;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      const inner = measureTree(path);
      total.files += inner.files;
      total.bytes += inner.bytes;
    } else {
      total.files++;
      total.bytes += statSync(path).size;
    }
  }
  return total;
}

/** A staging folder without its owner in its name (made by an older version) is left this long. */
const UNOWNED_STAGING_MS = 60 * 60_000;

/**
 * The start of a staging folder's name: its kind, and the process and machine that make it, in
 * the name itself so that no moment exists in which the folder is there but its owner unknown.
 */
function stagingPrefix(kind: 'backup' | 'restore'): string {
  return `.${kind}-${process.pid}.${createHash('sha256').update(hostname()).digest('hex').slice(0, 8)}-`;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Removes the staging folders of backups and restores whose process is gone (killed, or the
 * machine stopped): a copy of the database and links to every import file that nothing would
 * ever remove. One whose process still runs, or that another machine made, is left alone.
 * Returns the folders removed.
 */
export function sweepAbandonedStaging(dataDir: string): string[] {
  if (!existsSync(dataDir)) return [];
  const thisMachine = /\.([0-9a-f]{8})-$/.exec(stagingPrefix('backup'))![1];
  const removed: string[] = [];
  for (const name of readdirSync(dataDir)) {
    if (!/^\.(backup|restore)-/.test(name)) continue;
    const dir = join(dataDir, name);
    let abandoned: boolean;
    try {
      if (!statSync(dir).isDirectory()) continue;
      const owner = /^\.(?:backup|restore)-(\d+)\.([0-9a-f]{8})-/.exec(name);
      if (owner) abandoned = owner[2] === thisMachine && !processAlive(Number(owner[1]));
      else abandoned = Date.now() - statSync(dir).mtimeMs > UNOWNED_STAGING_MS;
    } catch {
      continue; // removed meanwhile by its own process
    }
    if (!abandoned) continue;
    rmSync(dir, { recursive: true, force: true });
    removed.push(dir);
  }
  return removed;
}

/** A staging folder on the data folder's disk (hard links), else beside the archive; its owner in its name either way. */
function makeStaging(dataDir: string, target: string): string {
  try {
    return mkdtempSync(join(dataDir, stagingPrefix('backup')));
  } catch {
    return mkdtempSync(join(dirname(target), stagingPrefix('backup')));
  }
}

export async function backup(file: string): Promise<void> {
  const config = configFromEnv();
  const target = resolve(file);
  if (!existsSync(dirname(target))) throw new CliError(`${file}: the folder ${dirname(target)} does not exist`);
  if (existsSync(target) && statSync(target).isDirectory()) throw new CliError(`${file} is a folder: name the archive file to write`);
  const dialect: Manifest['dialect'] = config.databaseUrl ? 'postgres' : 'sqlite';
  const databaseFile = join(config.dataDir, SQLITE_FILE);
  if (dialect === 'sqlite' && !existsSync(databaseFile)) throw new CliError(`no database at ${databaseFile}: set KLANTREIS_DATA to the data folder`);

  // Where the staging folder may be: in the data folder, or beside the archive.
  for (const dir of [...sweepAbandonedStaging(config.dataDir), ...sweepAbandonedStaging(dirname(target))]) console.warn(`removed ${dir}, left by a backup or restore that was stopped`);
  const staging = makeStaging(config.dataDir, target);
  const partial = `${target}.partial`;
  try {
    let facts: DatabaseFacts | null;
    if (config.databaseUrl) {
      const client = await connect(config.databaseUrl);
      try {
        // One snapshot for the facts and the dump: the manifest counts what the dump holds.
        await client.query('begin transaction isolation level repeatable read, read only');
        const snapshot = (await client.query<{ id: string }>('select pg_export_snapshot() as id')).rows[0]!.id;
        facts = await postgresFacts(client);
        if (facts === null) throw new CliError('the database of DATABASE_URL holds no Klantreis data (no kysely_migration table): nothing to back up');
        const { url, env } = postgresTarget(config.databaseUrl);
        await run(postgresBinary('pg_dump'), ['--format=custom', '--no-owner', '--no-privileges', `--snapshot=${snapshot}`, '--file', join(staging, PG_DUMP_FILE), '--dbname', url], { env }).catch(
          (error: unknown) => {
            throw new CliError(`pg_dump failed: ${toolFailure(error)}`);
          },
        );
        await client.query('commit');
      } finally {
        await client.end();
      }
    } else {
      // SQLite's online backup on a read-only connection of its own: the server goes on writing
      // (WAL), and the copy is one read transaction, as all pages go in one step.
      const db = new BetterSqlite3(databaseFile, { readonly: true, fileMustExist: true });
      try {
        await db.backup(join(staging, SQLITE_FILE), { progress: () => 0x7fffffff });
      } finally {
        db.close();
      }
      facts = sqliteFacts(join(staging, SQLITE_FILE));
      if (facts === null) throw new CliError(`${databaseFile} is not a Klantreis database (no kysely_migration or journeys table)`);
    }
    stageAnalytics(join(config.dataDir, ANALYTICS), join(staging, ANALYTICS), facts.imports);
    const analytics = measureTree(join(staging, ANALYTICS));
    const manifest: Manifest = {
      format: FORMAT,
      version: FORMAT_VERSION,
      createdAt: new Date().toISOString(),
      dialect,
      migrations: facts.migrations,
      journeys: facts.journeys,
      imports: facts.imports.length,
      analyticsFiles: analytics.files,
      analyticsBytes: analytics.bytes,
    };
    writeFileSync(join(staging, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
    const entries = [MANIFEST, dialect === 'sqlite' ? SQLITE_FILE : PG_DUMP_FILE, ...(existsSync(join(staging, ANALYTICS)) ? [ANALYTICS] : [])];
    await tar.c({ gzip: true, file: partial, cwd: staging, portable: true }, entries);
    fsyncPath(partial);
    renameSync(partial, target);
    fsyncPath(dirname(target));
    console.log(
      `backup of ${counted(manifest.journeys, 'journey')}, ${counted(manifest.imports, 'analytics import')} and ${counted(manifest.analyticsFiles, 'analytics file')} (${formatSize(manifest.analyticsBytes)}) from ${dialectName(dialect)} written to ${target} (${formatSize(statSync(target).size)})`,
    );
  } finally {
    rmSync(staging, { recursive: true, force: true });
    rmSync(partial, { force: true });
  }
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}

function readManifest(file: string, dir: string): ReadManifest {
  const path = join(dir, MANIFEST);
  if (!existsSync(path)) throw new CliError(`${file}: not a Klantreis backup (it has no ${MANIFEST})`);
  let manifest: Partial<Manifest>;
  try {
    manifest = JSON.parse(readFileSync(path, 'utf8')) as Partial<Manifest>;
  } catch (error) {
    throw new CliError(`${file}: its ${MANIFEST} cannot be read: ${(error as Error).message}`);
  }
  if (typeof manifest !== 'object' || manifest === null || manifest.format !== FORMAT) throw new CliError(`${file}: not a Klantreis backup (${MANIFEST} has format ${JSON.stringify(manifest?.format)})`);
  if (manifest.version !== FORMAT_VERSION) throw new CliError(`${file}: backup format version ${JSON.stringify(manifest.version)} is unknown; this Klantreis reads version ${FORMAT_VERSION}`);
  if (manifest.dialect !== 'sqlite' && manifest.dialect !== 'postgres') throw new CliError(`${file}: unknown database kind ${JSON.stringify(manifest.dialect)} in ${MANIFEST}`);
  if (!Array.isArray(manifest.migrations) || !manifest.migrations.every((name) => typeof name === 'string')) throw new CliError(`${file}: ${MANIFEST} has no list of migrations`);
  for (const field of ['journeys', 'analyticsFiles'] as const) {
    if (!isCount(manifest[field])) throw new CliError(`${file}: ${MANIFEST} has no valid ${field} count`);
  }
  for (const field of ['imports', 'analyticsBytes'] as const) {
    if (manifest[field] !== undefined && !isCount(manifest[field])) throw new CliError(`${file}: ${MANIFEST} has no valid ${field} count`);
  }
  return manifest as ReadManifest;
}

/** Extracts into `dir`; only files and folders, inside `dir`, and the whole archive, or a CliError naming the file. */
async function extract(file: string, dir: string): Promise<void> {
  const refused: string[] = [];
  try {
    await tar.x({
      file,
      cwd: dir,
      strict: true,
      filter: (path, entry) => {
        const type = 'type' in entry ? entry.type : 'File';
        const ok = type === 'File' || type === 'OldFile' || type === 'Directory';
        if (!ok) refused.push(`${path} (${type})`);
        return ok;
      },
    });
  } catch (error) {
    throw new CliError(`${file}: the archive is damaged or not a .tar.gz (${(error as Error).message}); nothing was restored`);
  }
  if (refused.length > 0) throw new CliError(`${file}: not a Klantreis backup: it holds ${refused.slice(0, 3).join(', ')}; nothing was restored`);
}

export async function restore(file: string): Promise<void> {
  const config = configFromEnv();
  const source = resolve(file);
  if (!existsSync(source) || !statSync(source).isFile()) throw new CliError(`${file}: no such file`);
  const databaseFile = join(config.dataDir, SQLITE_FILE);
  const analytics = join(config.dataDir, ANALYTICS);
  // Only into an empty place: a restore never mixes with, or overwrites, what is there.
  if (!config.databaseUrl) {
    for (const path of [databaseFile, `${databaseFile}-wal`]) {
      if (existsSync(path)) throw new CliError(`${path} exists: restore into an empty data folder (KLANTREIS_DATA); nothing was restored`);
    }
  }
  if (existsSync(analytics) && readdirSync(analytics).length > 0) throw new CliError(`${analytics} is not empty: restore into an empty data folder (KLANTREIS_DATA); nothing was restored`);
  const known = await knownMigrations();
  mkdirSync(config.dataDir, { recursive: true });
  // The staging folder is in the data folder, so that moving into place is a rename.
  for (const dir of sweepAbandonedStaging(config.dataDir)) console.warn(`removed ${dir}, left by a backup or restore that was stopped`);
  const staging = mkdtempSync(join(config.dataDir, stagingPrefix('restore')));
  try {
    await extract(file, staging);
    const manifest = readManifest(file, staging);
    if (manifest.dialect === 'sqlite' && config.databaseUrl) {
      throw new CliError(`${file} is a backup of an SQLite Klantreis, but DATABASE_URL is set: unset DATABASE_URL to restore it into KLANTREIS_DATA; nothing was restored`);
    }
    if (manifest.dialect === 'postgres' && !config.databaseUrl) {
      throw new CliError(`${file} is a backup of a PostgreSQL Klantreis: set DATABASE_URL to an empty database to restore it; nothing was restored`);
    }
    const unknown = manifest.migrations.filter((name) => !known.has(name));
    if (unknown.length > 0) throw new CliError(`${file} was made by a newer Klantreis (database migrations ${unknown.join(', ')} are unknown here): update Klantreis first; nothing was restored`);
    const restored = measureTree(join(staging, ANALYTICS));
    if (restored.files !== manifest.analyticsFiles || restored.bytes !== (manifest.analyticsBytes ?? restored.bytes)) {
      throw new CliError(`${file}: the archive holds ${restored.files} analytics files (${restored.bytes} bytes), its manifest says ${manifest.analyticsFiles} (${manifest.analyticsBytes} bytes); nothing was restored`);
    }
    const stagedAnalytics = join(staging, ANALYTICS);
    const moveAnalytics = () => {
      if (!existsSync(stagedAnalytics)) return;
      rmSync(analytics, { recursive: true, force: true }); // empty, as checked above
      renameSync(stagedAnalytics, analytics);
    };
    if (manifest.dialect === 'sqlite') {
      const stagedDatabase = join(staging, SQLITE_FILE);
      if (!existsSync(stagedDatabase)) throw new CliError(`${file}: the archive has no ${SQLITE_FILE}; nothing was restored`);
      let facts: DatabaseFacts | null;
      try {
        const db = new BetterSqlite3(stagedDatabase, { readonly: true, fileMustExist: true });
        try {
          const check = db.pragma('integrity_check', { simple: true });
          if (check !== 'ok') throw new Error(String(check));
        } finally {
          db.close();
        }
        facts = sqliteFacts(stagedDatabase);
      } catch (error) {
        throw new CliError(`${file}: the database in the archive is damaged (${(error as Error).message}); nothing was restored`);
      }
      if (facts === null) throw new CliError(`${file}: the database in the archive is not a Klantreis database; nothing was restored`);
      if (facts.journeys !== manifest.journeys || facts.imports.length !== (manifest.imports ?? facts.imports.length) || facts.migrations.join() !== manifest.migrations.join()) {
        throw new CliError(
          `${file}: the database in the archive does not match its manifest (${facts.journeys} journeys, ${facts.imports.length} imports, migrations ${facts.migrations.join(', ')}); nothing was restored`,
        );
      }
      fsyncPath(stagedDatabase);
      // The analytics folder first, the database last: a data folder with klantreis.sqlite is a whole restore.
      moveAnalytics();
      try {
        renameSync(stagedDatabase, databaseFile);
      } catch (error) {
        if (existsSync(analytics)) renameSync(analytics, stagedAnalytics);
        throw error;
      }
    } else {
      if (!existsSync(join(staging, PG_DUMP_FILE))) throw new CliError(`${file}: the archive has no ${PG_DUMP_FILE}; nothing was restored`);
      const client = await connect(config.databaseUrl!);
      try {
        const tables = await postgresTableCount(client);
        if (tables > 0) throw new CliError(`the database of DATABASE_URL is not empty (${tables} tables): restore into an empty database; nothing was restored`);
      } finally {
        await client.end();
      }
      const { url, env } = postgresTarget(config.databaseUrl!);
      // One transaction: a damaged dump restores nothing.
      await run(postgresBinary('pg_restore'), ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', '--dbname', url, join(staging, PG_DUMP_FILE)], { env }).catch((error: unknown) => {
        throw new CliError(`${file}: pg_restore failed, nothing was restored: ${toolFailure(error)}`);
      });
      moveAnalytics();
    }
    fsyncPath(config.dataDir);
    const into = manifest.dialect === 'sqlite' ? config.dataDir : `the database of DATABASE_URL and ${analytics}`;
    console.log(
      `restored ${counted(manifest.journeys, 'journey')}, ${manifest.imports === undefined ? 'the analytics imports' : counted(manifest.imports, 'analytics import')} and ${counted(manifest.analyticsFiles, 'analytics file')} (${formatSize(restored.bytes)}) from ${file} (${dialectName(manifest.dialect)}, made ${manifest.createdAt}) into ${into}`,
    );
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}
