// The CLI against a remote Klantreis server (issue 10): `klantreis login <url>` makes an API
// token for this machine and keeps it in the user's config folder; `klantreis remote …` then
// lists, exports and imports journeys over the HTTP API, acting as that person with at most
// the token's role. (The other commands read the local data folder and act as its owner.)
// Every answer is read with its contract from @klantreis/core/contracts, the server's own, so a
// server and CLI that disagree say so by field instead of printing undefined.
import { chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir, hostname } from 'node:os';
import { dirname, join } from 'node:path';
import type { Command } from 'commander';
import { ROLES, type Role } from '@klantreis/core/roleNames';
import { CliError } from './cliError.ts';

interface Credentials {
  url: string;
  token: string;
  tokenId: string;
  email: string;
}

function credentialsFile(): string {
  const base = process.env.XDG_CONFIG_HOME || join(homedir(), '.config');
  return join(base, 'klantreis', 'credentials.json');
}

function readCredentials(): Credentials {
  try {
    return JSON.parse(readFileSync(credentialsFile(), 'utf8')) as Credentials;
  } catch {
    throw new CliError('not signed in to a server: klantreis login <url>');
  }
}

/** The server's origin: `https://klantreis.example.org/` and `…/journeys/x` give the same. */
function serverOrigin(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error();
    return parsed.origin;
  } catch {
    throw new CliError(`"${url}" is not a server address: give it as https://klantreis.example.org`);
  }
}

async function call(credentials: Pick<Credentials, 'url' | 'token'>, path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set('authorization', `Bearer ${credentials.token}`);
  let response: Response;
  try {
    response = await fetch(`${credentials.url}${path}`, { ...init, headers });
  } catch (error) {
    throw new CliError(`${credentials.url} cannot be reached: ${(error as Error).message}`);
  }
  if (response.status === 401) throw new CliError(`${credentials.url} no longer accepts this machine's token: klantreis login ${credentials.url}`);
  if (!response.ok) {
    const body = (await response.json().catch(() => ({}))) as { error?: string; issues?: { path: string; message: string }[] };
    const issues = (body.issues ?? []).map((i) => `\n  ${i.path}: ${i.message}`).join('');
    throw new CliError(`${credentials.url} answered ${response.status}: ${body.error ?? response.statusText}${issues}`);
  }
  return response;
}

/** The contracts, loaded when a command talks to a server (zod and its schemas, not at start-up). */
const contracts = () => import('@klantreis/core/contracts');

/** A contract's schema, as far as reading an answer needs it. */
interface Contract<T> {
  safeParse(data: unknown): { success: true; data: T } | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } };
}

/**
 * The answer's JSON read with its contract: a server whose answer does not fit (another version
 * of Klantreis) is named with the fields that differ.
 */
async function answer<T>(origin: string, what: string, response: Response, schema: Contract<T>): Promise<T> {
  const body: unknown = await response.json().catch(() => {
    throw new CliError(`${origin} answered ${what} with something that is not JSON: is this a Klantreis server?`);
  });
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const fields = parsed.error.issues
    .slice(0, 5)
    .map((issue) => `\n  ${issue.path.map(String).join('.') || '(the answer)'}: ${issue.message}`)
    .join('');
  throw new CliError(`${origin} answered ${what} in a shape this klantreis does not know (server and CLI versions differ?):${fields}`);
}

/** Reads the password from KLANTREIS_PASSWORD or from standard input (a pipe), never from an argument. */
async function readPassword(): Promise<string> {
  if (process.env.KLANTREIS_PASSWORD) return process.env.KLANTREIS_PASSWORD;
  if (process.stdin.isTTY) throw new CliError('give the password in KLANTREIS_PASSWORD or on standard input, or use --token');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

export function registerRemoteCommands(program: Command): void {
  program
    .command('login <url>')
    .description('sign in to a Klantreis server and keep an API token for this machine (password from KLANTREIS_PASSWORD or standard input)')
    .option('--email <email>', 'your e-mail address')
    .option('--token <token>', 'an API token made in the web app (Your account → API tokens) instead of e-mail and password')
    .option('--role <role>', `the most the token may do: ${ROLES.join(', ')}`, 'editor')
    .action(async (url: string, options: { email?: string; token?: string; role: string }) => {
      const origin = serverOrigin(url);
      if (!(ROLES as readonly string[]).includes(options.role)) throw new CliError(`--role must be one of ${ROLES.join(', ')}, got "${options.role}"`);
      let credentials: Credentials;
      if (options.token) {
        const { meSchema } = await contracts();
        const me = await answer(origin, 'GET /api/me', await call({ url: origin, token: options.token }, '/api/me'), meSchema);
        credentials = { url: origin, token: options.token, tokenId: '', email: me.user.email };
      } else {
        if (!options.email) throw new CliError('give --email (and the password in KLANTREIS_PASSWORD or on standard input), or --token');
        const password = await readPassword();
        const signIn = await fetch(`${origin}/api/auth/sign-in/email`, { method: 'POST', headers: { 'content-type': 'application/json', origin }, body: JSON.stringify({ email: options.email, password }) }).catch(
          (error: unknown) => {
            throw new CliError(`${origin} cannot be reached: ${(error as Error).message}`);
          },
        );
        if (signIn.status === 429) throw new CliError(`${origin}: too many sign-in attempts; wait a minute`);
        if (!signIn.ok) throw new CliError(`${origin}: signing in as ${options.email} failed (wrong e-mail address or password)`);
        const cookie = signIn.headers.getSetCookie().find((c) => c.includes('session_token='))?.split(';')[0] ?? '';
        const made = await fetch(`${origin}/api/me/tokens`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin, cookie },
          body: JSON.stringify({ name: `klantreis CLI on ${hostname()}`, role: options.role as Role }),
        });
        if (made.status !== 201) throw new CliError(`${origin}: the token could not be made (${made.status})`);
        const { id, token } = await answer(origin, 'POST /api/me/tokens', made, (await contracts()).createdToken);
        // The session was only needed to make the token.
        await fetch(`${origin}/api/auth/sign-out`, { method: 'POST', headers: { 'content-type': 'application/json', origin, cookie }, body: '{}' }).catch(() => undefined);
        credentials = { url: origin, token, tokenId: id, email: options.email };
      }
      const file = credentialsFile();
      mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
      writeFileSync(file, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 });
      chmodSync(file, 0o600);
      console.log(`signed in to ${origin} as ${credentials.email}; the token is in ${file}`);
    });

  program
    .command('logout')
    .description('revoke this machine’s token on the server and forget it')
    .action(async () => {
      const credentials = readCredentials();
      if (credentials.tokenId) await call(credentials, `/api/me/tokens/${encodeURIComponent(credentials.tokenId)}`, { method: 'DELETE' }).catch(() => undefined);
      rmSync(credentialsFile(), { force: true });
      console.log(`signed out of ${credentials.url}`);
    });

  const remote = program.command('remote').description('journeys on the server you signed in to with klantreis login');
  remote
    .command('whoami')
    .description('who this machine acts as, and their workspaces and roles')
    .action(async () => {
      const credentials = readCredentials();
      const me = await answer(credentials.url, 'GET /api/me', await call(credentials, '/api/me'), (await contracts()).meSchema);
      console.log(`${me.user.name} <${me.user.email}> on ${credentials.url} (token role: ${me.cap})`);
      for (const w of me.workspaces) console.log(`  ${w.name}: ${w.role}`);
    });
  remote
    .command('list')
    .description('the journeys you may see')
    .option('--json', 'as JSON')
    .action(async (options: { json?: boolean }) => {
      const credentials = readCredentials();
      const journeys = await answer(credentials.url, 'GET /api/journeys', await call(credentials, '/api/journeys'), (await contracts()).journeyList);
      if (options.json) console.log(JSON.stringify(journeys, null, 2));
      else for (const j of journeys) console.log(`${j.id}  ${j.title}`);
    });
  remote
    .command('export <id>')
    .description('a journey in the open JSON format')
    .option('-o, --output <file>', 'write to a file instead of standard output')
    .action(async (id: string, options: { output?: string }) => {
      const text = await (await call(readCredentials(), `/api/journeys/${encodeURIComponent(id)}/export`)).text();
      if (options.output) writeFileSync(options.output, text);
      else console.log(text);
    });
  remote
    .command('import <file>')
    .description('import an open JSON file into your workspace')
    .action(async (file: string) => {
      let body: string;
      try {
        body = readFileSync(file, 'utf8');
      } catch (error) {
        throw new CliError(`${file}: ${(error as Error).message}`);
      }
      const credentials = readCredentials();
      const created = await answer(
        credentials.url,
        'POST /api/journeys/import',
        await call(credentials, '/api/journeys/import', { method: 'POST', headers: { 'content-type': 'application/json' }, body }),
        (await contracts()).importedResponse,
      );
      console.log(created.id);
    });
}
