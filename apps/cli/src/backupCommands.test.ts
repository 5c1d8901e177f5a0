// Backup and restore round trips on SQLite and PostgreSQL, run as the real CLI: the restored
// data folder (or database) holds the same journeys and the same analytics files, byte for byte.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync, existsSync, readdirSync, truncateSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, inject, it } from 'vitest';
import { createBlankJourney } from '@klantreis/schema';
import { createTestDatabase } from '../../../testing/testDatabase.ts';

const BIN = fileURLToPath(new URL('../bin/klantreis.js', import.meta.url));
const postgresUrl = inject('postgresUrl');

function klantreis(args: string[], env: Record<string, string>): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { env: { ...process.env, DATABASE_URL: '', ...env } }, (error, stdout, stderr) =>
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

/** Two journeys and an analytics file, made with the CLI in the place `env` names. */
async function fill(env: Record<string, string>, dataDir: string): Promise<{ ids: string[]; parquet: Buffer }> {
  const ids: string[] = [];
  for (const title of ['Eerste reis', 'Tweede reis']) {
    const file = join(dataDir, `${title}.json`);
    writeFileSync(file, JSON.stringify(createBlankJourney(title, 'nl')));
    const imported = await klantreis(['import', file], env);
    expect(imported.stderr).toBe('');
    ids.push(imported.stdout.trim());
  }
  const parquet = Buffer.from(`PAR1 not really parquet ${Math.random()}`);
  mkdirSync(join(dataDir, 'analytics', ids[0]!, 'events', 'imp1'), { recursive: true });
  writeFileSync(join(dataDir, 'analytics', ids[0]!, 'events', 'imp1', 'part-0.parquet'), parquet);
  return { ids, parquet };
}

async function listed(env: Record<string, string>): Promise<{ id: string; title: string }[]> {
  return (JSON.parse((await klantreis(['list', '--json'], env)).stdout) as { id: string; title: string }[]).map(({ id, title }) => ({ id, title })).sort((a, b) => a.id.localeCompare(b.id));
}

describe('klantreis backup and restore', () => {
  it('round-trips an SQLite data folder, and refuses a non-empty folder and a damaged archive', async () => {
    const from = mkdtempSync(join(tmpdir(), 'klantreis-backup-from-'));
    const env = { KLANTREIS_DATA: from };
    const { ids, parquet } = await fill(env, from);
    const archive = join(mkdtempSync(join(tmpdir(), 'klantreis-archive-')), 'backup.tar.gz');
    const made = await klantreis(['backup', archive], env);
    expect(made.stderr).toBe('');
    expect(made.stdout).toContain('backup of 2 journeys and 1 analytics files (sqlite)');
    expect(existsSync(`${archive}.partial`)).toBe(false);

    const into = mkdtempSync(join(tmpdir(), 'klantreis-backup-into-'));
    const restored = await klantreis(['restore', archive], { KLANTREIS_DATA: into });
    expect(restored.stderr).toBe('');
    expect(await listed({ KLANTREIS_DATA: into })).toEqual(await listed(env));
    expect(JSON.parse((await klantreis(['export', ids[1]!], { KLANTREIS_DATA: into })).stdout)).toEqual(JSON.parse((await klantreis(['export', ids[1]!], env)).stdout));
    expect(readFileSync(join(into, 'analytics', ids[0]!, 'events', 'imp1', 'part-0.parquet'))).toEqual(parquet);
    expect(readdirSync(into).filter((name) => name.startsWith('.restore-'))).toEqual([]);

    // Into a folder with data: refused, nothing touched.
    const again = await klantreis(['restore', archive], { KLANTREIS_DATA: into });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('klantreis.sqlite exists: restore into an empty data folder');
    // A damaged archive: refused naming the file, nothing written.
    const damaged = join(mkdtempSync(join(tmpdir(), 'klantreis-archive-')), 'damaged.tar.gz');
    writeFileSync(damaged, readFileSync(archive));
    truncateSync(damaged, Math.floor(statSync(damaged).size / 2));
    const empty = mkdtempSync(join(tmpdir(), 'klantreis-backup-empty-'));
    const refused = await klantreis(['restore', damaged], { KLANTREIS_DATA: empty });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(damaged);
    expect(readdirSync(empty)).toEqual([]);
    // A SQLite backup is not restored into PostgreSQL by mistake.
    if (postgresUrl) {
      const wrongPlace = await klantreis(['restore', archive], { KLANTREIS_DATA: mkdtempSync(join(tmpdir(), 'klantreis-x-')), DATABASE_URL: await createTestDatabase(postgresUrl) });
      expect(wrongPlace.stderr).toContain('is a backup of an SQLite Klantreis');
    }
  }, 120_000);

  it.skipIf(!postgresUrl)('round-trips a PostgreSQL database with pg_dump and pg_restore, and refuses a database that is not empty', async () => {
    const fromDir = mkdtempSync(join(tmpdir(), 'klantreis-pg-from-'));
    const env = { KLANTREIS_DATA: fromDir, DATABASE_URL: await createTestDatabase(postgresUrl!) };
    const { ids, parquet } = await fill(env, fromDir);
    const archive = join(mkdtempSync(join(tmpdir(), 'klantreis-archive-')), 'pg.tar.gz');
    const made = await klantreis(['backup', archive], env);
    expect(made.stderr).toBe('');
    expect(made.stdout).toContain('backup of 2 journeys and 1 analytics files (postgres)');

    const intoEnv = { KLANTREIS_DATA: mkdtempSync(join(tmpdir(), 'klantreis-pg-into-')), DATABASE_URL: await createTestDatabase(postgresUrl!) };
    const restored = await klantreis(['restore', archive], intoEnv);
    expect(restored.stderr).toBe('');
    expect(await listed(intoEnv)).toEqual(await listed(env));
    expect(readFileSync(join(intoEnv.KLANTREIS_DATA, 'analytics', ids[0]!, 'events', 'imp1', 'part-0.parquet'))).toEqual(parquet);
    const again = await klantreis(['restore', archive], { ...intoEnv, KLANTREIS_DATA: mkdtempSync(join(tmpdir(), 'klantreis-pg-x-')) });
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('is not empty');
  }, 120_000);
});
