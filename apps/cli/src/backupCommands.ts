// `klantreis backup <file>` and `klantreis restore <file>` (issue 10): one archive (.tar.gz)
// with the database and the analytics folder, made while the server runs, and brought back
// into an empty data folder (or an empty PostgreSQL database).
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync, cpSync, openSync, fsyncSync, closeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import BetterSqlite3 from 'better-sqlite3';
import type { Command } from 'commander';
import pg from 'pg';
import * as tar from 'tar';
import { configFromEnv } from '@klantreis/server';
import { CliError } from './cliError.ts';

const run = promisify(execFile);
const FORMAT = 'klantreis-backup';
const FORMAT_VERSION = 1;
const SQLITE_FILE = 'klantreis.sqlite';
const PG_DUMP_FILE = 'klantreis.pgdump';

interface Manifest {
  format: typeof FORMAT;
  version: number;
  createdAt: string;
  dialect: 'sqlite' | 'postgres';
  /** The database migrations applied, last one last: a restore into an older Klantreis is refused. */
  migrations: string[];
  journeys: number;
  analyticsFiles: number;
}

/** Debian puts pg_dump in /usr/bin (a wrapper) and per version in /usr/lib/postgresql/N/bin. */
function postgresBinary(name: 'pg_dump' | 'pg_restore'): string {
  const candidates = ['/usr/bin', '/usr/local/bin', ...['18', '17', '16', '15'].map((v) => `/usr/lib/postgresql/${v}/bin`)].map((dir) => join(dir, name));
  const found = candidates.find((path) => existsSync(path));
  if (!found) throw new CliError(`${name} is not installed (apt-get install postgresql-client): it is needed to back up or restore PostgreSQL`);
  return found;
}

function countFiles(dir: string): number {
  if (!existsSync(dir)) return 0;
  let count = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) count += entry.isDirectory() ? countFiles(join(dir, entry.name)) : 1;
  return count;
}

function fsyncFile(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

async function postgresFacts(databaseUrl: string): Promise<{ migrations: string[]; journeys: number; tables: number }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const tables = Number((await client.query("select count(*) as n from information_schema.tables where table_schema = 'public'")).rows[0].n);
    if (tables === 0) return { migrations: [], journeys: 0, tables };
    const migrations = (await client.query('select name from kysely_migration order by name')).rows.map((r: { name: string }) => r.name);
    const journeys = Number((await client.query('select count(*) as n from journeys')).rows[0].n);
    return { migrations, journeys, tables };
  } finally {
    await client.end();
  }
}

async function backup(file: string): Promise<void> {
  const config = configFromEnv();
  const target = resolve(file);
  const staging = join(dirname(target), `.${basename(target)}.${randomBytes(4).toString('hex')}.staging`);
  mkdirSync(staging, { recursive: true });
  const partial = `${target}.partial`;
  try {
    let manifest: Manifest;
    if (config.databaseUrl) {
      // The database first: every import row in it has its folder in place already (imports
      // move their folder before they write the row).
      await run(postgresBinary('pg_dump'), ['--format=custom', '--no-owner', '--file', join(staging, PG_DUMP_FILE), config.databaseUrl]).catch((error: Error) => {
        throw new CliError(`pg_dump failed: ${error.message.split('\n').slice(-3).join(' ')}`);
      });
      const facts = await postgresFacts(config.databaseUrl);
      manifest = { format: FORMAT, version: FORMAT_VERSION, createdAt: new Date().toISOString(), dialect: 'postgres', migrations: facts.migrations, journeys: facts.journeys, analyticsFiles: 0 };
    } else {
      const source = join(config.dataDir, SQLITE_FILE);
      if (!existsSync(source)) throw new CliError(`no database at ${source}: set KLANTREIS_DATA to the data folder`);
      // SQLite's online backup: a consistent copy while the server goes on writing.
      const db = new BetterSqlite3(source, { readonly: true, fileMustExist: true });
      try {
        await db.backup(join(staging, SQLITE_FILE));
      } finally {
        db.close();
      }
      const copy = new BetterSqlite3(join(staging, SQLITE_FILE), { readonly: true });
      try {
        const migrations = (copy.prepare('select name from kysely_migration order by name').all() as { name: string }[]).map((r) => r.name);
        const journeys = (copy.prepare('select count(*) as n from journeys').get() as { n: number }).n;
        manifest = { format: FORMAT, version: FORMAT_VERSION, createdAt: new Date().toISOString(), dialect: 'sqlite', migrations, journeys, analyticsFiles: 0 };
      } finally {
        copy.close();
      }
    }
    const analytics = join(config.dataDir, 'analytics');
    if (existsSync(analytics)) cpSync(analytics, join(staging, 'analytics'), { recursive: true, filter: (path) => !basename(path).startsWith('.') });
    manifest.analyticsFiles = countFiles(join(staging, 'analytics'));
    writeFileSync(join(staging, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    const entries = readdirSync(staging);
    await tar.c({ gzip: true, file: partial, cwd: staging, portable: true }, entries);
    fsyncFile(partial);
    renameSync(partial, target);
    console.log(`backup of ${manifest.journeys} journeys and ${manifest.analyticsFiles} analytics files (${manifest.dialect}) written to ${target} (${megabytes(statSync(target).size)})`);
  } finally {
    rmSync(staging, { recursive: true, force: true });
    rmSync(partial, { force: true });
  }
}

function readManifest(file: string, dir: string): Manifest {
  const path = join(dir, 'manifest.json');
  if (!existsSync(path)) throw new CliError(`${file}: not a Klantreis backup (it has no manifest.json)`);
  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(path, 'utf8')) as Manifest;
  } catch (error) {
    throw new CliError(`${file}: manifest.json cannot be read: ${(error as Error).message}`);
  }
  if (manifest.format !== FORMAT) throw new CliError(`${file}: not a Klantreis backup (format "${String(manifest.format)}")`);
  if (manifest.version !== FORMAT_VERSION) throw new CliError(`${file}: backup format version ${manifest.version}; this Klantreis reads version ${FORMAT_VERSION}`);
  return manifest;
}

async function restore(file: string): Promise<void> {
  const config = configFromEnv();
  const source = resolve(file);
  if (!existsSync(source)) throw new CliError(`${file}: no such file`);
  const databaseFile = join(config.dataDir, SQLITE_FILE);
  const analytics = join(config.dataDir, 'analytics');
  // Only into an empty place: a restore never mixes with, or overwrites, what is there.
  if (!config.databaseUrl && existsSync(databaseFile)) throw new CliError(`${databaseFile} exists: restore into an empty data folder (KLANTREIS_DATA)`);
  if (existsSync(analytics) && readdirSync(analytics).length > 0) throw new CliError(`${analytics} is not empty: restore into an empty data folder (KLANTREIS_DATA)`);
  mkdirSync(config.dataDir, { recursive: true });
  const staging = join(config.dataDir, `.restore-${randomBytes(4).toString('hex')}`);
  mkdirSync(staging);
  try {
    try {
      await tar.x({ file: source, cwd: staging, strict: true });
    } catch (error) {
      throw new CliError(`${file}: the archive is damaged or not a .tar.gz: ${(error as Error).message}`);
    }
    const manifest = readManifest(file, staging);
    if (manifest.dialect === 'sqlite' && config.databaseUrl) throw new CliError(`${file} is a backup of an SQLite Klantreis: unset DATABASE_URL to restore it into KLANTREIS_DATA`);
    if (manifest.dialect === 'postgres' && !config.databaseUrl) throw new CliError(`${file} is a backup of a PostgreSQL Klantreis: set DATABASE_URL to an empty database to restore it`);
    const restoredFiles = countFiles(join(staging, 'analytics'));
    if (restoredFiles !== manifest.analyticsFiles) throw new CliError(`${file}: the archive holds ${restoredFiles} analytics files, its manifest says ${manifest.analyticsFiles}`);
    if (manifest.dialect === 'sqlite') {
      const restored = join(staging, SQLITE_FILE);
      if (!existsSync(restored)) throw new CliError(`${file}: the archive has no ${SQLITE_FILE}`);
      const db = new BetterSqlite3(restored, { readonly: true });
      try {
        const check = db.pragma('integrity_check', { simple: true });
        if (check !== 'ok') throw new CliError(`${file}: the database in the archive is damaged (${String(check)})`);
        const journeys = (db.prepare('select count(*) as n from journeys').get() as { n: number }).n;
        if (journeys !== manifest.journeys) throw new CliError(`${file}: the database holds ${journeys} journeys, its manifest says ${manifest.journeys}`);
      } finally {
        db.close();
      }
      fsyncFile(restored);
      renameSync(restored, databaseFile);
    } else {
      const facts = await postgresFacts(config.databaseUrl!);
      if (facts.tables > 0) throw new CliError(`the database of DATABASE_URL is not empty (${facts.tables} tables): restore into an empty database`);
      await run(postgresBinary('pg_restore'), ['--no-owner', '--exit-on-error', '--single-transaction', '--dbname', config.databaseUrl!, join(staging, PG_DUMP_FILE)]).catch((error: Error) => {
        throw new CliError(`pg_restore failed (nothing was restored): ${error.message.split('\n').slice(-3).join(' ')}`);
      });
    }
    if (existsSync(join(staging, 'analytics'))) {
      rmSync(analytics, { recursive: true, force: true });
      renameSync(join(staging, 'analytics'), analytics);
    }
    console.log(`restored ${manifest.journeys} journeys and ${manifest.analyticsFiles} analytics files from ${file} (made ${manifest.createdAt})`);
  } finally {
    rmSync(staging, { recursive: true, force: true });
  }
}

export function registerBackupCommands(program: Command): void {
  program
    .command('backup <file>')
    .description('write the database and the analytics folder to one archive (.tar.gz), also while the server runs')
    .action((file: string) => backup(file));
  program
    .command('restore <file>')
    .description('bring a backup back into an empty data folder (KLANTREIS_DATA), or an empty PostgreSQL database (DATABASE_URL)')
    .action((file: string) => restore(file));
}
