// The README's quick start, checked the way a newcomer runs it: `npm start` under whatever Node
// the machine has (CI's machine has Node 20), then the app must answer /api/health, the owner
// account from the environment must sign in, and the sample journeys must be in the list.
//
// Plain JavaScript on purpose: this file runs on the machine's own Node, which may be too old to
// strip TypeScript types. Everything else runs on the Node 24 that `npm ci` puts in
// node_modules/.bin (package.json, optionalDependencies node-<os>-<cpu>).
//
//   node scripts/quickStartCheck.mjs
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const START_TIMEOUT_MS = 180_000;
/** One sample journey per template: the ids listed in TEMPLATE_IDS (read as text, this Node may not run TypeScript). */
const EXPECTED_SAMPLES = (() => {
  const source = readFileSync(new URL('../packages/templates/src/index.ts', import.meta.url), 'utf8');
  const list = /export const TEMPLATE_IDS = \[([^\]]*)\]/.exec(source);
  if (!list) throw new Error('packages/templates/src/index.ts: no TEMPLATE_IDS list');
  return list[1].match(/'[a-z-]+'/g).length;
})();

async function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

async function waitForHealth(base, server) {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`npm start exited with code ${server.exitCode} before the app answered`);
    try {
      const response = await fetch(`${base}/api/health`);
      if (response.ok) return await response.json();
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`the app did not answer ${base}/api/health within ${START_TIMEOUT_MS / 1000} s`);
}

async function sampleJourneyCount(base, email, password) {
  const signIn = await fetch(`${base}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: base },
    body: JSON.stringify({ email, password }),
  });
  if (!signIn.ok) throw new Error(`the owner account from the environment could not sign in: ${signIn.status} ${await signIn.text()}`);
  const cookie = signIn.headers.getSetCookie().map((line) => line.split(';')[0]).join('; ');
  const journeys = await fetch(`${base}/api/journeys`, { headers: { cookie } });
  if (!journeys.ok) throw new Error(`GET /api/journeys answered ${journeys.status}`);
  return (await journeys.json()).length;
}

const dataDirectory = mkdtempSync(join(tmpdir(), 'klantreis-quickstart-'));
const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const email = 'owner@example.org';
const password = 'quick-start-password-1';
const output = [];
const server = spawn('npm', ['start'], {
  env: { ...process.env, PORT: String(port), KLANTREIS_DATA: dataDirectory, KLANTREIS_ADMIN_EMAIL: email, KLANTREIS_ADMIN_PASSWORD: password },
  stdio: ['ignore', 'pipe', 'pipe'],
  detached: true,
});
server.stdout.on('data', (chunk) => output.push(chunk));
server.stderr.on('data', (chunk) => output.push(chunk));

let failure = null;
try {
  const health = await waitForHealth(base, server);
  const count = await sampleJourneyCount(base, email, password);
  if (count !== EXPECTED_SAMPLES) throw new Error(`expected ${EXPECTED_SAMPLES} sample journeys, found ${count}`);
  console.log(`quick start: npm start under the machine's Node ${process.version} answers (${health.database}), ${count} sample journeys`);
} catch (error) {
  failure = error;
} finally {
  // npm start → launcher → server: end the whole process group.
  try {
    process.kill(-server.pid, 'SIGTERM');
  } catch {
    // already gone
  }
  if (server.exitCode === null && server.signalCode === null) await new Promise((resolve) => server.once('exit', resolve));
  rmSync(dataDirectory, { recursive: true, force: true });
}
if (failure) {
  console.error(Buffer.concat(output).toString());
  console.error(`quick start failed: ${failure.message}`);
  process.exit(1);
}
