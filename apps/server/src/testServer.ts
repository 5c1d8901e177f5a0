// build*() factories for the server tests and the browser tests: a real server on port 0
// over a real store, SQLite in a temporary folder or a fresh PostgreSQL database.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HocuspocusProvider } from '@hocuspocus/provider';
import * as Y from 'yjs';
import { openPostgresStore, openSqliteStore, type JourneyStore } from '@klantreis/db';
import { collabUrl } from '@klantreis/sync';
import { createTestDatabase } from '../../../testing/testDatabase.ts';
import type { OidcSettings, SamlSettings } from '@klantreis/core';
import type { MailSettings } from './mail/mailSettings.ts';
import type { ClusterConfig, Service } from './config.ts';
import { buildApp, type KlantreisApp } from './app.ts';
import { authorizedFetch, rememberSession, rememberToken, signIn, TEST_OWNER, tokenFor } from './testCredentials.ts';

export type Backend = { kind: 'sqlite'; dir?: string } | { kind: 'postgres'; adminUrl: string; databaseUrl?: string };

export interface TestServer {
  url: string;
  /** The owner's API token (TEST_OWNER made at start); empty with `withoutOwner`. */
  token: string;
  /** fetch of a path on this server, with the owner's token. */
  fetch(path: string, init?: RequestInit): Promise<Response>;
  server: KlantreisApp;
  store: JourneyStore;
  backend: Backend;
  /** Closes the server and the store; with `keepData` the SQLite folder survives for a restart. */
  close(options?: { keepData?: boolean }): Promise<void>;
}

export async function buildTestServer(
  backend: Backend = { kind: 'sqlite' },
  options: {
    webDist?: string;
    autoVersionIntervalMs?: number;
    /** A fixed port, to restart a server where its editors expect it; 0 (any free port) by default. */
    port?: number;
    idleMemoryReleaseMs?: number;
    maxUploadBytes?: number;
    maxOpenUploadBytes?: number;
    /** Start as a fresh install does: no owner yet (no token, no session). */
    withoutOwner?: boolean;
    /** Sign-in attempts per minute and client (10,000 by default: tests sign in often). */
    signInPerMinute?: number;
    publicUrl?: string;
    oidc?: OidcSettings;
    saml?: SamlSettings;
    mail?: MailSettings;
    /** One of several processes (its own KLANTREIS_NODE_NAME, a shared PostgreSQL and Redis). */
    cluster?: ClusterConfig;
    services?: ReadonlySet<Service>;
    /** With PostgreSQL: the folder of imported data, shared by the processes of one deployment. */
    analyticsDir?: string;
  } = {},
): Promise<TestServer> {
  let resolved: Backend;
  let store: JourneyStore;
  // Imported data lives in the data folder, beside the SQLite file; with PostgreSQL in a folder of its own.
  let analyticsDir: string;
  if (backend.kind === 'sqlite') {
    const dir = backend.dir ?? mkdtempSync(join(tmpdir(), 'klantreis-server-'));
    resolved = { kind: 'sqlite', dir };
    store = await openSqliteStore(join(dir, 'klantreis.sqlite'));
    analyticsDir = join(dir, 'analytics');
  } else {
    const databaseUrl = backend.databaseUrl ?? (await createTestDatabase(backend.adminUrl));
    resolved = { ...backend, databaseUrl };
    store = await openPostgresStore(databaseUrl);
    analyticsDir = options.analyticsDir ?? mkdtempSync(join(tmpdir(), 'klantreis-analytics-'));
  }
  const server = await buildApp({
    store,
    webDist: options.webDist,
    autoVersionIntervalMs: options.autoVersionIntervalMs,
    idleMemoryReleaseMs: options.idleMemoryReleaseMs,
    maxUploadBytes: options.maxUploadBytes,
    maxOpenUploadBytes: options.maxOpenUploadBytes,
    analyticsDir,
    admin: options.withoutOwner ? undefined : TEST_OWNER,
    signInPerMinute: options.signInPerMinute ?? 10_000,
    publicUrl: options.publicUrl,
    oidc: options.oidc,
    saml: options.saml,
    mail: options.mail,
    cluster: options.cluster,
    services: options.services,
  });
  const url = await server.app.listen({ port: options.port ?? 0, host: '127.0.0.1' });
  server.cluster?.listensAt(url);
  let token = '';
  if (!options.withoutOwner) {
    const owner = await server.access.findUserByEmail(TEST_OWNER.email);
    if (!owner) throw new Error('the test owner was not made');
    token = (await server.access.createToken(owner.id, 'tests', 'owner')).token;
    rememberToken(url, token);
    // A process without the `api` service has no sign-in route.
    if (options.services?.has('api') !== false) rememberSession(url, await signIn(url));
  }
  return {
    url,
    token,
    fetch: (path, init) => authorizedFetch(`${url}${path}`, init),
    server,
    store,
    backend: resolved,
    async close({ keepData = false } = {}) {
      await server.close();
      await store.close();
      if (!keepData && resolved.kind === 'sqlite' && resolved.dir) rmSync(resolved.dir, { recursive: true, force: true });
      // A folder given by the caller is shared with other servers: the caller removes it.
      if (!keepData && resolved.kind === 'postgres' && !options.analyticsDir) rmSync(analyticsDir, { recursive: true, force: true });
    },
  };
}

/** A collaboration client as the editor runs it, resolved once the document is in sync. */
export async function buildEditorClient(baseUrl: string, journeyId: string, token: string = tokenFor(baseUrl)): Promise<{ doc: Y.Doc; provider: HocuspocusProvider }> {
  const doc = new Y.Doc();
  const provider = new HocuspocusProvider({ url: collabUrl(baseUrl, journeyId), name: journeyId, document: doc, token });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`editor client did not sync ${journeyId}`)), 10_000);
    provider.on('synced', () => {
      clearTimeout(timer);
      resolve();
    });
    provider.on('authenticationFailed', ({ reason }: { reason: string }) => {
      clearTimeout(timer);
      reject(new Error(`refused: ${reason}`));
    });
  });
  return { doc, provider };
}

/** Waits until `probe` holds; fails naming `what` after `timeoutMs`. */
export async function until(what: string, probe: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`${what} within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Waits until `check` passes, for changes that arrive over the network. */
export async function eventually(check: () => void | Promise<void>, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 20));
    }
  }
}
