// `klantreis log stats|dfg` as a person runs them: the published figures of a real log, the
// second command on the same file reading the first one's import, a bad line named with nothing
// kept; and what the CLI loads to start (issue 13): `--help` no package, `list` not the server app.
import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseDfg } from '@klantreis/analytics';
import { SHARED_EVENT_LOGS } from '../../../testing/sharedData.ts';

const BIN = fileURLToPath(new URL('../bin/klantreis.js', import.meta.url));
const run = promisify(execFile);
const runningExample = join(SHARED_EVENT_LOGS, 'running-example.csv');

interface Failure {
  code: number;
  stderr: string;
}

describe('klantreis log', () => {
  let scratch: string;
  let cache: string;
  const klantreis = (...args: string[]) => run(process.execPath, [BIN, ...args], { env: { ...process.env, KLANTREIS_CACHE: cache } });
  const manifests = (): string[] =>
    readdirSync(join(cache, 'logs'), { recursive: true, encoding: 'utf8' })
      .filter((name) => /[0-9a-f]{16}\.json$/.test(name))
      .map((name) => join(cache, 'logs', name));

  beforeEach(() => {
    scratch = mkdtempSync(join(tmpdir(), 'klantreis-cli-log-'));
    cache = join(scratch, 'cache');
  });
  afterEach(() => rmSync(scratch, { recursive: true, force: true }));

  it('gives the published figures of the running example, and its directly-follows graph', async () => {
    const stats = JSON.parse((await klantreis('log', 'stats', runningExample, '--json')).stdout) as { cases: number; events: number; activities: number; variants: number };
    expect(stats).toMatchObject({ cases: 6, events: 42, activities: 8, variants: 6 });
    const table = (await klantreis('log', 'stats', runningExample)).stdout;
    expect(table).toMatch(/^Cases\s+6$/m);
    expect(table).toMatch(/^Events\s+42$/m);

    const expected = parseDfg(readFileSync(join(SHARED_EVENT_LOGS, 'running-example.dfg'), 'utf8'));
    const dfg = JSON.parse((await klantreis('log', 'dfg', runningExample, '--json')).stdout) as { edges: { from: string; to: string; count: number }[] };
    const edgeKey = (edge: { from: string; to: string; count: number }) => `${edge.from} > ${edge.to} x ${edge.count}`;
    expect(dfg.edges.map(edgeKey).sort()).toEqual(expected.edges.map(edgeKey).sort());

    // Both from one pass over the events: the same figures and edges.
    const both = JSON.parse((await klantreis('log', 'stats', runningExample, '--dfg', '--json')).stdout) as { stats: typeof stats; dfg: typeof dfg };
    expect(both.stats).toEqual(stats);
    expect(both.dfg).toEqual(dfg);
    const bothTable = (await klantreis('log', 'stats', runningExample, '--dfg')).stdout;
    expect(bothTable).toMatch(/^Events\s+42$/m);
    expect(bothTable).toContain('from');
  });

  it('reads the import of the same content again instead of the file, and imports a changed file anew', async () => {
    const file = join(scratch, 'log.csv');
    copyFileSync(runningExample, file);
    await klantreis('log', 'stats', file);
    const [manifest] = manifests();
    expect(manifests()).toHaveLength(1);
    const first = JSON.parse(readFileSync(manifest!, 'utf8')) as { importedAt: string; contentHash: string };

    // The second command on the same file: the same import, marked as used now.
    const usedBefore = statSync(manifest!).mtimeMs;
    await new Promise((resolve) => setTimeout(resolve, 20));
    const dfg = JSON.parse((await klantreis('log', 'dfg', file, '--json')).stdout) as { edges: unknown[] };
    expect(dfg.edges.length).toBeGreaterThan(0);
    expect(manifests()).toEqual([manifest]);
    expect((JSON.parse(readFileSync(manifest!, 'utf8')) as { importedAt: string }).importedAt).toBe(first.importedAt);
    expect(statSync(manifest!).mtimeMs).toBeGreaterThan(usedBefore);

    // Same name, other content: a new import, with the new figures.
    writeFileSync(file, `${readFileSync(runningExample, 'utf8').trimEnd()}\n42,register request,Pete,2011-02-01 10:00:00+01:00,register request,Pete,50,99,Fluxicon Nitro\n`);
    const changed = JSON.parse((await klantreis('log', 'stats', file, '--json')).stdout) as { cases: number; events: number };
    expect(changed).toMatchObject({ cases: 7, events: 43 });
    expect(manifests()).toHaveLength(2);

    // Other reading options are another import of the same content; --no-cache keeps nothing.
    await klantreis('log', 'stats', file, '--case', 'case:concept:name');
    expect(manifests()).toHaveLength(3);
    await klantreis('log', 'stats', runningExample, '--no-cache', '--delimiter', ',');
    expect(manifests()).toHaveLength(3);
  });

  it('names the file, line and field of a bad line, exits with 2 and keeps nothing', async () => {
    const file = join(scratch, 'bad.csv');
    writeFileSync(file, 'case,activity,timestamp\n1,a,2024-01-01\n1,b,not-a-date\n');
    const failure = (await klantreis('log', 'stats', file).then(
      () => null,
      (error: unknown) => error as Failure,
    ))!;
    expect(failure.code).toBe(2);
    expect(failure.stderr).toContain(`${file}:3: field "timestamp"`);
    expect(failure.stderr).not.toContain('Usage:');
    expect(manifests()).toEqual([]);
  });

  /** Runs the CLI with a resolve hook that records every bare specifier Node resolves. */
  async function packagesLoadedBy(...args: string[]): Promise<{ stdout: string; loaded: Set<string> }> {
    const trace = join(scratch, 'trace.mjs');
    const seen = join(scratch, 'seen.txt');
    rmSync(seen, { force: true });
    writeFileSync(
      trace,
      `import { registerHooks } from 'node:module';
import { appendFileSync } from 'node:fs';
registerHooks({ resolve(specifier, context, next) {
  if (!specifier.startsWith('.') && !specifier.startsWith('node:') && !specifier.startsWith('file:')) appendFileSync(${JSON.stringify(seen)}, specifier + '\\n');
  return next(specifier, context);
} });`,
    );
    // A command that fails (a journey that is not there) has still loaded what it needs.
    const { stdout } = await run(process.execPath, ['--import', trace, BIN, ...args], { env: { ...process.env, KLANTREIS_DATA: join(scratch, 'data'), DATABASE_URL: '' } }).catch(
      (failure: { stdout: string }) => failure,
    );
    return { stdout, loaded: new Set(readFileSync(seen, 'utf8').trim().split('\n')) };
  }

  it('lists journeys without loading the server app: no Fastify, Hocuspocus or better-auth', async () => {
    const { loaded } = await packagesLoadedBy('list');
    expect(loaded.has('@klantreis/db')).toBe(true);
    for (const app of ['@klantreis/server', 'fastify', '@hocuspocus/server', 'better-auth', '@klantreis/core']) expect(loaded.has(app), app).toBe(false);
  });

  it('measures a journey without loading the server app: no Fastify, Hocuspocus or better-auth', async () => {
    const { loaded } = await packagesLoadedBy('metrics', 'no-such-journey');
    expect(loaded.has('@klantreis/server/analytics')).toBe(true);
    for (const app of ['@klantreis/server', 'fastify', '@hocuspocus/server', 'better-auth', 'fastify-type-provider-zod']) expect(loaded.has(app), app).toBe(false);
  });

  it('loads no package for --help: no server, DuckDB, analytics or zod', async () => {
    const { stdout, loaded } = await packagesLoadedBy('--help');
    expect(stdout).toContain('Usage: klantreis');
    expect([...loaded].sort()).toEqual(expect.arrayContaining(['commander']));
    for (const heavy of ['@klantreis/server', '@klantreis/analytics', '@klantreis/db', '@klantreis/render', '@klantreis/schema', '@duckdb/node-api', 'zod']) {
      expect(loaded.has(heavy), heavy).toBe(false);
    }
  });
});
