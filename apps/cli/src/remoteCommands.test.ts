// `klantreis login` and `klantreis remote …` against a real server: the CLI acts as a person,
// with the token's role at most, and a revoked token is refused by name.
import { execFile } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBlankJourney } from '@klantreis/schema';
import { signIn, TEST_OWNER } from '@klantreis/server/testCredentials';
import { buildTestServer, type TestServer } from '@klantreis/server/testServer';

const BIN = fileURLToPath(new URL('../bin/klantreis.js', import.meta.url));

describe('klantreis login and remote', () => {
  let server: TestServer;
  let config: string;
  const klantreis = (args: string[], env: Record<string, string> = {}) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(process.execPath, [BIN, ...args], { env: { ...process.env, XDG_CONFIG_HOME: config, KLANTREIS_PASSWORD: '', ...env } }, (error, stdout, stderr) =>
        resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
      );
    });

  beforeAll(async () => {
    server = await buildTestServer();
    config = mkdtempSync(join(tmpdir(), 'klantreis-config-'));
  });
  afterAll(async () => server?.close());

  it('refuses a wrong password, signs in, lists, imports and exports as the person, and forgets the token on logout', async () => {
    const wrong = await klantreis(['login', server.url, '--email', TEST_OWNER.email], { KLANTREIS_PASSWORD: 'not-the-password' });
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('wrong e-mail address or password');

    const login = await klantreis(['login', `${server.url}/journeys/whatever`, '--email', TEST_OWNER.email, '--role', 'editor'], { KLANTREIS_PASSWORD: TEST_OWNER.password });
    expect(login.stderr).toBe('');
    expect(login.stdout).toContain(`signed in to ${server.url} as ${TEST_OWNER.email}`);
    const file = join(config, 'klantreis', 'credentials.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ url: server.url, token: expect.stringMatching(/^kr_/) });

    expect((await klantreis(['remote', 'whoami'])).stdout).toContain('(token role: editor)');
    const journey = join(config, 'in.json');
    writeFileSync(journey, JSON.stringify(createBlankJourney('Op afstand', 'nl')));
    const id = (await klantreis(['remote', 'import', journey])).stdout.trim();
    expect(id).toMatch(/^[0-9a-z]{16}$/);
    const listed = JSON.parse((await klantreis(['remote', 'list', '--json'])).stdout) as { id: string; title: string }[];
    expect(listed.map((j) => j.title)).toContain('Op afstand');
    expect(JSON.parse((await klantreis(['remote', 'export', id])).stdout)).toMatchObject({ journey: { title: 'Op afstand' } });

    expect((await klantreis(['logout'])).stdout).toContain(`signed out of ${server.url}`);
    const after = await klantreis(['remote', 'list']);
    expect(after.code).toBe(1);
    expect(after.stderr).toContain('not signed in to a server');
    // The token was revoked on the server, not only forgotten here.
    const tokens = (await (await server.fetch('/api/me/tokens')).json()) as { name: string }[];
    expect(tokens.some((t) => t.name.startsWith('klantreis CLI on'))).toBe(false);
  }, 60_000);

  it('takes a token made in the web app, and says so when the server no longer accepts it', async () => {
    // Made as the web app makes it: signed in with the password (a token cannot make tokens).
    const cookie = await signIn(server.url);
    const made = (await (
      await fetch(`${server.url}/api/me/tokens`, { method: 'POST', headers: { 'content-type': 'application/json', cookie, origin: server.url }, body: JSON.stringify({ name: 'ci', role: 'viewer' }) })
    ).json()) as { id: string; token: string };
    expect((await klantreis(['login', server.url, '--token', made.token])).code).toBe(0);
    const imported = await klantreis(['remote', 'import', join(config, 'in.json')]);
    expect(imported.code).toBe(1);
    expect(imported.stderr).toContain('answered 403');
    await server.fetch(`/api/me/tokens/${made.id}`, { method: 'DELETE' });
    const refused = await klantreis(['remote', 'list']);
    expect(refused.stderr).toContain(`no longer accepts this machine's token: klantreis login ${server.url}`);
  }, 60_000);

  it('names the fields when a server answers in a shape its contract does not have', async () => {
    // Another version of the server: its /api/me lacks the e-mail address and the workspaces.
    const other = createServer((_request, response) => response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ user: { id: 'u', name: 'An' }, via: 'token', cap: 'owner' })));
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
      const login = await klantreis(['login', url, '--token', 'kr_whatever']);
      expect(login.code).toBe(1);
      expect(login.stderr).toContain(`${url} answered GET /api/me in a shape this klantreis does not know`);
      expect(login.stderr).toContain('user.email:');
      expect(login.stderr).toContain('workspaces:');
    } finally {
      await new Promise((resolve) => other.close(resolve));
    }
  }, 60_000);
});
