// Server cold start: from `node apps/server/src/main.ts` to the first answered /api/health.
//   node bench/editor/coldStart.ts [runs]
// Reports the first start on an empty data folder (migrations + the sample journeys) and
// restarts on an existing one. Goal (issue 2): under 1 s.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('../../apps/server/src/main.ts', import.meta.url));
const runs = Number(process.argv[2] ?? 10);

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function startOnce(dataDir: string): Promise<number> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [MAIN], { env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', KLANTREIS_DATA: dataDir, DATABASE_URL: '' }, stdio: 'ignore' });
  try {
    for (let attempt = 0; attempt < 2000; attempt++) {
      try {
        const response = await fetch(`http://127.0.0.1:${port}/api/health`);
        if (response.ok) return performance.now() - started;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 5));
    }
    throw new Error('the server did not answer within 10 s');
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

function summary(label: string, values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  console.log(`${label}: median ${at(0.5).toFixed(0)} ms, p95 ${at(0.95).toFixed(0)} ms, max ${sorted.at(-1)!.toFixed(0)} ms (n=${values.length})`);
}

const first: number[] = [];
const restart: number[] = [];
for (let i = 0; i < runs; i++) {
  const dataDir = mkdtempSync(join(tmpdir(), 'klantreis-coldstart-'));
  first.push(await startOnce(dataDir));
  restart.push(await startOnce(dataDir));
  rmSync(dataDir, { recursive: true, force: true });
}
console.log(`node ${process.version}, goal < 1000 ms`);
summary('first start (empty data folder, seeds the sample journeys)', first);
summary('restart (existing data)', restart);
