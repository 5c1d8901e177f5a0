// People with each role on a real test server, made as they would be: an owner's invitation
// link, then an account by that link (a real better-auth sign-up and sign-in).
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';
import type { Role } from '@klantreis/core';
import { collabUrl } from '@klantreis/sync';
import type { TestServer } from '../testServer.ts';

export interface Person {
  /** The account's name: what others see at this person's presence and comments. */
  name: string;
  email: string;
  password: string;
  /** The session cookie (`name=value`). */
  cookie: string;
  userId: string;
}

/** fetch as a browser page of the server would: the session cookie and the server's Origin. */
/** A request with a JSON body (and any further headers, as an Origin). */
export const json = (method: string, body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method,
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

export function asPerson(server: TestServer, person: Person | null, path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set('origin', server.url);
  if (person) headers.set('cookie', person.cookie);
  return fetch(`${server.url}${path}`, { ...init, headers, redirect: 'manual' });
}

export async function firstWorkspaceId(server: TestServer): Promise<string> {
  const workspace = await server.server.access.firstWorkspace();
  if (!workspace) throw new Error('the test server has no workspace');
  return workspace.id;
}

/** A new account that joins `workspaceId` (or one journey in it) with `role` by an invitation link. */
export async function invitePerson(server: TestServer, role: Role, options: { workspaceId?: string; journeyId?: string; name?: string; email?: string } = {}): Promise<Person> {
  const workspaceId = options.workspaceId ?? (await firstWorkspaceId(server));
  const made = await server.fetch(`/api/workspaces/${workspaceId}/invitations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ role, journeyId: options.journeyId }),
  });
  if (made.status !== 201) throw new Error(`invitation: ${made.status} ${await made.text()}`);
  const token = new URL(((await made.json()) as { url: string }).url).pathname.split('/').pop()!;
  const name = options.name ?? `${role[0]!.toUpperCase()}${role.slice(1)} ${Math.random().toString(36).slice(2, 6)}`;
  const email = options.email ?? `${name.toLowerCase().replace(/\W+/g, '.')}@klantreis.test`;
  const password = `${role}-password-123`;
  const joined = await fetch(`${server.url}/api/invitations/${token}/account`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.url },
    body: JSON.stringify({ name, email, password }),
  });
  if (joined.status !== 201) throw new Error(`account by invitation: ${joined.status} ${await joined.text()}`);
  const cookie = joined.headers.getSetCookie().find((c) => c.includes('session_token='))?.split(';')[0];
  if (!cookie) throw new Error('no session cookie after joining');
  const user = await server.server.access.findUserByEmail(email);
  return { name, email, password, cookie, userId: user!.id };
}

/** A signed-in person of another workspace, with no role in the first one. */
export async function foreignPerson(server: TestServer): Promise<Person> {
  const workspaceId = await firstWorkspaceId(server);
  const person = await invitePerson(server, 'viewer', { name: 'Foreign Fenna' });
  await server.server.access.removeMember(workspaceId, person.userId);
  await server.server.access.createWorkspace('Elsewhere', person.userId);
  return person;
}

/** A provider as the browser runs it: its session cookie goes with the upgrade request. */
export async function connectAs(server: TestServer, person: Person | null, journeyId: string) {
  const doc = new Y.Doc();
  const closes: number[] = [];
  const refusals: string[] = [];
  const socketUrl = collabUrl(server.url);
  const socket = new HocuspocusProviderWebsocket({
    url: socketUrl,
    WebSocketPolyfill: class extends WebSocket {
      constructor(url: string, protocols?: string | string[]) {
        super(url, protocols, { headers: { origin: server.url, ...(person ? { cookie: person.cookie } : {}) } });
      }
    },
  });
  const provider = new HocuspocusProvider({ websocketProvider: socket, name: journeyId, document: doc, token: 'browser' });
  provider.attach();
  provider.on('close', ({ event }: { event: { code: number } }) => closes.push(event.code));
  provider.on('authenticationFailed', ({ reason }: { reason: string }) => refusals.push(reason));
  const close = () => {
    provider.destroy();
    socket.destroy();
  };
  return { doc, provider, socket, closes, refusals, close };
}
