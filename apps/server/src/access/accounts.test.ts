// Accounts as a person meets them: the first start, signing in and out, the audit log; and
// what a foreign page or host can no longer do.
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAccount } from '@klantreis/core';
import { TEST_OWNER } from '../testCredentials.ts';
import { buildTestServer, type TestServer } from '../testServer.ts';
import { asPerson, firstWorkspaceId, invitePerson, json } from './accessTestSupport.ts';


/** A request with a Host header of our choosing (fetch sends the URL's own). */
function withHost(url: string, host: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined> }> {
  const { hostname, port, pathname } = new URL(url);
  return new Promise((resolve, reject) => {
    const request = httpRequest({ hostname, port, path: pathname, method: init.method ?? 'GET', headers: { ...init.headers, host } }, (response) => {
      response.resume();
      response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers }));
    });
    request.on('error', reject);
    request.end(init.body);
  });
}

function sessionCookie(response: Response): string | undefined {
  return response.headers.getSetCookie().find((c) => c.includes('session_token='))?.split(';')[0];
}

describe('the first start', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await buildTestServer({ kind: 'sqlite' }, { withoutOwner: true });
  });
  afterAll(async () => server?.close());

  it('asks for the owner by the printed link only, makes exactly one owner when two try at once, and gives it the sample journeys', async () => {
    await server.server.creator.blank('A journey from before the owner', 'nl');
    expect(await (await fetch(`${server.url}/api/setup`)).json()).toEqual({ ownerNeeded: true });
    // Nothing but the setup page answers without an account.
    expect((await fetch(`${server.url}/api/journeys`)).status).toBe(401);
    const path = server.server.setupPath();
    expect(path).toMatch(/^\/setup\?token=/);
    const token = new URLSearchParams(path!.split('?')[1]).get('token')!;
    const account = { name: 'Eva Eigenaar', email: 'eva@example.org', password: 'een-lang-wachtwoord' };
    const origin = { origin: server.url };
    expect((await fetch(`${server.url}/api/setup`, json('POST', { ...account, token: 'guessed' }, origin))).status).toBe(403);
    const [first, second] = await Promise.all([
      fetch(`${server.url}/api/setup`, json('POST', { ...account, token }, origin)),
      fetch(`${server.url}/api/setup`, json('POST', { ...account, email: 'mallory@example.org', token }, origin)),
    ]);
    expect([first.status, second.status].sort()).toEqual([201, 409]);
    const winner = first.status === 201 ? first : second;
    const cookie = sessionCookie(winner)!;
    expect(cookie).toBeDefined();
    const me = (await (await fetch(`${server.url}/api/me`, { headers: { cookie } })).json()) as { user: { email: string }; workspaces: { role: string }[] };
    expect(me.workspaces.map((w) => w.role)).toEqual(['owner']);
    const journeys = (await (await fetch(`${server.url}/api/journeys`, { headers: { cookie } })).json()) as { title: string }[];
    expect(journeys.map((j) => j.title)).toContain('A journey from before the owner');
    expect(await (await fetch(`${server.url}/api/setup`)).json()).toEqual({ ownerNeeded: false });
    expect((await fetch(`${server.url}/api/setup`, json('POST', { ...account, email: 'late@example.org', token }, origin))).status).toBe(409);
  });
});

describe('a first start stopped halfway (kill -9 between its writes)', () => {
  const claim = (server: TestServer) => server.store.db.insertInto('settings').values({ key: 'owner.claimed', value: String(Date.now() - 1_000) }).execute();

  it('gives an owner account left without its workspace the first workspace at the next start', async () => {
    const first = await buildTestServer({ kind: 'sqlite' }, { withoutOwner: true });
    await first.server.creator.blank('A journey from before the owner', 'nl');
    // What the first start had written when it stopped: its claim and the account, no workspace.
    await claim(first);
    const account = { name: 'Olaf Onderbroken', email: 'olaf@example.org', password: 'een-lang-wachtwoord' };
    const userId = await createAccount(first.server.auth, account);
    await first.close({ keepData: true });

    const next = await buildTestServer(first.backend, { withoutOwner: true });
    try {
      const workspace = (await next.server.access.firstWorkspace())!;
      expect(await next.server.access.roleInWorkspace(userId, workspace.id)).toBe('owner');
      expect(next.server.setupPath()).toBeNull();
      const signedIn = await fetch(`${next.url}/api/auth/sign-in/email`, json('POST', { email: account.email, password: account.password }, { origin: next.url }));
      const cookie = sessionCookie(signedIn)!;
      const journeys = (await (await fetch(`${next.url}/api/journeys`, { headers: { cookie } })).json()) as { title: string }[];
      expect(journeys.map((j) => j.title)).toContain('A journey from before the owner');
    } finally {
      await next.close();
    }
  });

  it('drops a claim of the first account made without the account, and asks for the owner again', async () => {
    const first = await buildTestServer({ kind: 'sqlite' }, { withoutOwner: true });
    await claim(first);
    await first.close({ keepData: true });
    const next = await buildTestServer(first.backend, { withoutOwner: true });
    try {
      const token = new URLSearchParams(next.server.setupPath()!.split('?')[1]).get('token')!;
      const made = await fetch(`${next.url}/api/setup`, json('POST', { name: 'Eva Eigenaar', email: 'eva@example.org', password: 'een-lang-wachtwoord', token }, { origin: next.url }));
      expect(made.status).toBe(201);
    } finally {
      await next.close();
    }
  });
});

describe('signing in and out, and the audit log', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await buildTestServer();
  });
  afterAll(async () => server?.close());

  it('refuses the sign-up endpoint: accounts are made by setup and invitation only', async () => {
    const response = await fetch(`${server.url}/api/auth/sign-up/email`, json('POST', { email: 'x@example.org', password: 'een-lang-wachtwoord', name: 'X' }, { origin: server.url }));
    expect(response.status).toBe(403);
    expect(await server.server.access.findUserByEmail('x@example.org')).toBeUndefined();
  });

  it('lets a person whose account was made but who did not join (the server stopped between the two) join with the same invitation and password, and nobody else', async () => {
    const workspaceId = await firstWorkspaceId(server);
    const invite = async () => {
      const made = await server.fetch(`/api/workspaces/${workspaceId}/invitations`, json('POST', { role: 'editor' }));
      return new URL(((await made.json()) as { url: string }).url).pathname.split('/').pop()!;
    };
    // The state a crash between the two writes leaves: the account, and no membership.
    const account = { name: 'Halfway Henk', email: 'henk@klantreis.test', password: 'een-lang-wachtwoord' };
    const userId = await createAccount(server.server.auth, account);
    expect(await server.server.access.roleInWorkspace(userId, workspaceId)).toBeNull();

    // With another password the link is refused, says why, and joins nobody.
    const token = await invite();
    const wrong = await fetch(`${server.url}/api/invitations/${token}/account`, json('POST', { ...account, password: 'niet-het-wachtwoord' }, { origin: server.url }));
    expect(wrong.status).toBe(409);
    expect(((await wrong.json()) as { error: string }).error).toMatch(/an account with henk@klantreis.test exists: sign in with it/);
    expect(await server.server.access.roleInWorkspace(userId, workspaceId)).toBeNull();

    // With its own password the same link joins it, signed in, and the audit log says so.
    const joined = await fetch(`${server.url}/api/invitations/${token}/account`, json('POST', account, { origin: server.url }));
    expect(joined.status).toBe(201);
    expect(joined.headers.getSetCookie().some((c) => c.includes('session_token='))).toBe(true);
    expect(await server.server.access.roleInWorkspace(userId, workspaceId)).toBe('editor');
    const events = (await (await server.fetch(`/api/workspaces/${workspaceId}/audit?action=invitation.accepted`)).json()) as { actorId: string }[];
    expect(events.some((e) => e.actorId === userId)).toBe(true);
  });

  it('audits a wrong password given on an invitation link as a failed sign-in, like one on the sign-in page', async () => {
    const workspaceId = await firstWorkspaceId(server);
    const member = await invitePerson(server, 'viewer', { name: 'Guessed Gerda' });
    const made = await server.fetch(`/api/workspaces/${workspaceId}/invitations`, json('POST', { role: 'editor' }));
    const token = new URL(((await made.json()) as { url: string }).url).pathname.split('/').pop()!;
    const guess = await fetch(`${server.url}/api/invitations/${token}/account`, json('POST', { name: 'Gerda', email: member.email, password: 'een-gok-van-iemand' }, { origin: server.url }));
    expect(guess.status).toBe(409);
    expect(await server.server.access.roleInWorkspace(member.userId, workspaceId)).toBe('viewer');
    const failed = (await (await server.fetch(`/api/workspaces/${workspaceId}/audit?action=account.sign-in-failed`)).json()) as { targetId: string }[];
    expect(failed.map((e) => e.targetId)).toContain(member.userId);
  });

  it('lets an editor start a workspace of their own, owned by them, and its owner rename it; a viewer cannot start one', async () => {
    const editor = await invitePerson(server, 'editor', { name: 'Starting Stijn' });
    const started = await asPerson(server, editor, '/api/workspaces', json('POST', { name: '  Klantservice  ' }));
    expect(started.status).toBe(201);
    const workspace = (await started.json()) as { id: string; name: string; role: string };
    expect(workspace).toMatchObject({ name: 'Klantservice', role: 'owner' });
    const me = (await (await asPerson(server, editor, '/api/me')).json()) as { workspaces: { id: string; name: string; role: string }[] };
    expect(me.workspaces).toContainEqual({ id: workspace.id, name: 'Klantservice', role: 'owner' });
    // A journey made in it is there, and nobody of the first workspace sees it.
    const made = await asPerson(server, editor, '/api/journeys', json('POST', { title: 'Klachtenreis', workspaceId: workspace.id }));
    expect(made.status).toBe(201);
    const journeyId = ((await made.json()) as { id: string }).id;
    expect((await server.fetch(`/api/journeys/${journeyId}`)).status).toBe(404);
    // An imported journey goes to the workspace asked for, and not to one the person is not in.
    const exported = await (await asPerson(server, editor, `/api/journeys/${journeyId}`)).json();
    const imported = await asPerson(server, editor, `/api/journeys/import?workspaceId=${workspace.id}`, json('POST', exported));
    expect(imported.status).toBe(201);
    const importedId = ((await imported.json()) as { id: string }).id;
    const listed = (await (await asPerson(server, editor, '/api/journeys')).json()) as { id: string; workspaceId: string | null }[];
    expect(listed.find((j) => j.id === importedId)?.workspaceId).toBe(workspace.id);
    const stranger = await invitePerson(server, 'editor');
    expect((await asPerson(server, stranger, `/api/journeys/import?workspaceId=${workspace.id}`, json('POST', exported))).status).toBe(403);
    expect((await asPerson(server, editor, `/api/workspaces/${workspace.id}`, json('PATCH', { name: 'Klantenservice' }))).status).toBe(204);
    const events = (await (await asPerson(server, editor, `/api/workspaces/${workspace.id}/audit`)).json()) as { action: string; detail: { name?: string } }[];
    expect(events.map((e) => [e.action, e.detail.name])).toEqual(expect.arrayContaining([['workspace.created', 'Klantservice'], ['workspace.renamed', 'Klantenservice']]));

    // Not by a viewer, not with an empty name, and not a rename of a workspace that is not yours.
    const viewer = await invitePerson(server, 'viewer');
    expect((await asPerson(server, viewer, '/api/workspaces', json('POST', { name: 'Mijn eigen' }))).status).toBe(403);
    expect((await asPerson(server, editor, '/api/workspaces', json('POST', { name: '   ' }))).status).toBe(400);
    expect((await asPerson(server, editor, `/api/workspaces/${await firstWorkspaceId(server)}`, json('PATCH', { name: 'Overgenomen' }))).status).toBe(403);
  });

  it('signs out everywhere: every session of the account ends', async () => {
    const person = await invitePerson(server, 'editor');
    const other = sessionCookie(await fetch(`${server.url}/api/auth/sign-in/email`, json('POST', { email: person.email, password: person.password }, { origin: server.url })))!;
    expect((await asPerson(server, person, '/api/me')).status).toBe(200);
    expect((await asPerson(server, { ...person, cookie: other }, '/api/me')).status).toBe(200);
    expect((await asPerson(server, person, '/api/auth/revoke-sessions', json('POST', {}))).status).toBe(200);
    expect((await asPerson(server, person, '/api/me')).status).toBe(401);
    expect((await asPerson(server, { ...person, cookie: other }, '/api/me')).status).toBe(401);
  });

  it('keeps the UI language a person chose with their account: every session sees it, only nl or en, null to follow the browser', async () => {
    const person = await invitePerson(server, 'viewer');
    const language = async (who: typeof person) => ((await (await asPerson(server, who, '/api/me')).json()) as { user: { language: string | null } }).user.language;
    expect(await language(person)).toBeNull();
    expect((await asPerson(server, person, '/api/me', json('PATCH', { language: 'nl' }))).status).toBe(204);
    // A second device: a new session of the same account.
    const otherDevice = sessionCookie(await fetch(`${server.url}/api/auth/sign-in/email`, json('POST', { email: person.email, password: person.password }, { origin: server.url })))!;
    expect(await language({ ...person, cookie: otherDevice })).toBe('nl');
    for (const bad of [{ language: 'de' }, { language: 42 }, {}]) {
      const refused = await asPerson(server, person, '/api/me', json('PATCH', bad));
      expect(refused.status, JSON.stringify(bad)).toBe(400);
    }
    expect(await language(person)).toBe('nl');
    expect((await asPerson(server, person, '/api/me', json('PATCH', { language: null }))).status).toBe(204);
    expect(await language(person)).toBeNull();
  });

  it('gives every journey in the list the role the caller has on it: workspace role, a share, the stronger, capped by a token', async () => {
    const shared = await server.server.creator.blank('Gedeeld met een buitenstaander', 'nl');
    const roles = async (response: Response) => {
      expect(response.status).toBe(200);
      return new Map(((await response.json()) as { id: string; role: string | null }[]).map((j) => [j.id, j.role]));
    };
    const listed = (who: Parameters<typeof asPerson>[1]) => asPerson(server, who, '/api/journeys').then(roles);
    expect((await roles(await server.fetch('/api/journeys'))).get(shared)).toBe('owner');
    const viewer = await invitePerson(server, 'viewer');
    const viewerList = await listed(viewer);
    expect(viewerList.get(shared)).toBe('viewer');
    expect(new Set(viewerList.values())).toEqual(new Set(['viewer']));
    // A viewer of the workspace who is an editor on one journey: the stronger, on that one only.
    expect((await server.fetch(`/api/journeys/${shared}/members`, json('POST', { email: viewer.email, role: 'editor' }))).status).toBeLessThan(300);
    const after = await listed(viewer);
    expect(after.get(shared)).toBe('editor');
    expect([...after].filter(([id]) => id !== shared).every(([, role]) => role === 'viewer')).toBe(true);
    // A token acts at most at its own role: the editor's read-only token reads.
    const made = await asPerson(server, viewer, '/api/me/tokens', json('POST', { name: 'read only', role: 'viewer' }));
    expect(made.status).toBe(201);
    const { token } = (await made.json()) as { token: string };
    expect((await roles(await fetch(`${server.url}/api/journeys`, { headers: { authorization: `Bearer ${token}` } }))).get(shared)).toBe('viewer');
  });

  it("resets a member's password by a link an owner makes: the new password works, the old one and the old sessions do not", async () => {
    const workspaceId = await firstWorkspaceId(server);
    const person = await invitePerson(server, 'editor', { name: 'Forgetful Frits' });
    // Only owners make the link; a member of nobody's workspace is not found.
    expect((await asPerson(server, person, `/api/workspaces/${workspaceId}/members/${person.userId}/password-reset`, json('POST', {}))).status).toBe(403);
    expect((await server.fetch(`/api/workspaces/${workspaceId}/members/nobody/password-reset`, json('POST', {}))).status).toBe(404);
    const made = await server.fetch(`/api/workspaces/${workspaceId}/members/${person.userId}/password-reset`, json('POST', {}));
    expect(made.status).toBe(201);
    const token = new URL(((await made.json()) as { url: string }).url).searchParams.get('token')!;
    const reset = await fetch(`${server.url}/api/auth/reset-password`, json('POST', { token, newPassword: 'een-nieuw-wachtwoord' }, { origin: server.url }));
    expect(reset.status).toBe(200);
    expect((await asPerson(server, person, '/api/me')).status).toBe(401);
    const signIn = (password: string) => fetch(`${server.url}/api/auth/sign-in/email`, json('POST', { email: person.email, password }, { origin: server.url }));
    expect((await signIn(person.password)).status).toBe(401);
    expect((await signIn('een-nieuw-wachtwoord')).status).toBe(200);
    // A link works once.
    expect((await fetch(`${server.url}/api/auth/reset-password`, json('POST', { token, newPassword: 'nog-een-wachtwoord' }, { origin: server.url }))).status).toBe(400);
  });

  it('limits sign-in attempts per client: past the limit even the right password waits', async () => {
    const limited = await buildTestServer({ kind: 'sqlite' }, { signInPerMinute: 5 });
    try {
      const attempt = (password: string) => fetch(`${limited.url}/api/auth/sign-in/email`, json('POST', { email: TEST_OWNER.email, password }, { origin: limited.url }));
      // Five a minute; the test server's own sign-in at its start was the first.
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) statuses.push((await attempt(`wrong-${i}-password`)).status);
      expect(statuses).toEqual([401, 401, 401, 401, 429, 429]);
      expect((await attempt(TEST_OWNER.password)).status).toBe(429);
    } finally {
      await limited.close();
    }
  });

  it('records who did what, filters by action, and exports CSV', async () => {
    const workspaceId = await firstWorkspaceId(server);
    const person = await invitePerson(server, 'viewer', { name: 'Audit Anna' });
    await fetch(`${server.url}/api/auth/sign-in/email`, json('POST', { email: person.email, password: 'not-her-password' }, { origin: server.url }));
    expect((await server.fetch(`/api/workspaces/${workspaceId}/members/${person.userId}`, json('PUT', { role: 'editor' }))).status).toBe(204);
    const created = (await (await server.fetch('/api/journeys', json('POST', { title: 'Audited' }))).json()) as { id: string };
    expect((await server.fetch(`/api/journeys/${created.id}`, { method: 'DELETE' })).status).toBe(204);
    const events = (await (await server.fetch(`/api/workspaces/${workspaceId}/audit`)).json()) as { action: string; actorName: string; targetId: string; detail: Record<string, unknown> }[];
    const actions = events.map((e) => e.action);
    for (const action of ['invitation.created', 'account.created', 'member.role-changed', 'journey.created', 'journey.trashed', 'account.sign-in-failed', 'account.sign-in']) expect(actions).toContain(action);
    expect(events.find((e) => e.action === 'member.role-changed')).toMatchObject({ actorName: TEST_OWNER.name, targetId: person.userId, detail: { from: 'viewer', to: 'editor' } });
    const trashed = (await (await server.fetch(`/api/workspaces/${workspaceId}/audit?action=journey.trashed`)).json()) as { action: string }[];
    expect(trashed.map((e) => e.action)).toEqual(['journey.trashed']);
    const csv = await (await server.fetch(`/api/workspaces/${workspaceId}/audit?format=csv&action=journey.trashed`)).text();
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe('at,actorName,actorId,action,targetType,targetId,detail');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(created.id);
  });
});

describe('requests from another site or host', () => {
  let server: TestServer;
  let cookie: string;
  let journeyId: string;
  beforeAll(async () => {
    server = await buildTestServer();
    journeyId = ((await (await server.fetch('/api/journeys', json('POST', { title: 'Target' }))).json()) as { id: string }).id;
    cookie = sessionCookie(await fetch(`${server.url}/api/auth/sign-in/email`, json('POST', { email: TEST_OWNER.email, password: TEST_OWNER.password }, { origin: server.url })))!;
  });
  afterAll(async () => server?.close());

  async function title(): Promise<string> {
    return ((await (await server.fetch(`/api/journeys/${journeyId}`)).json()) as { journey: { title: string } }).journey.title;
  }

  it("refuses a foreign page's text/plain post with the victim's cookie, and one that says no origin", async () => {
    const foreign = await fetch(`${server.url}/api/journeys/${journeyId}`, { method: 'PATCH', headers: { 'content-type': 'text/plain', cookie, origin: 'https://evil.example' }, body: '{"title":"pwned"}' });
    expect(foreign.status).toBe(403);
    const restore = await fetch(`${server.url}/api/journeys/${journeyId}/restore`, { method: 'POST', headers: { 'content-type': 'text/plain', cookie, origin: 'https://evil.example' }, body: 'x' });
    expect(restore.status).toBe(403);
    const noOrigin = await fetch(`${server.url}/api/journeys/${journeyId}`, { method: 'PATCH', headers: { 'content-type': 'application/json', cookie }, body: '{"title":"pwned"}' });
    expect(noOrigin.status).toBe(403);
    expect(await title()).toBe('Target');
    // The same change from the server's own page goes through.
    const own = await fetch(`${server.url}/api/journeys/${journeyId}`, { method: 'PATCH', headers: { 'content-type': 'application/json', cookie, origin: server.url }, body: '{"title":"Renamed"}' });
    expect(own.status).toBe(200);
    expect(await title()).toBe('Renamed');
  });

  it('answers no host but its own (DNS rebinding), and sends the security headers', async () => {
    const { port } = new URL(server.url);
    const rebound = await withHost(`${server.url}/api/health`, `attacker.example:${port}`);
    expect(rebound.status).toBe(421);
    const response = await withHost(`${server.url}/api/health`, `localhost:${port}`);
    expect(response.status).toBe(200);
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBe('DENY');
  });

  it('with KLANTREIS_PUBLIC_URL answers only that host, and marks cookies Secure behind https', async () => {
    const behindProxy = await buildTestServer({ kind: 'sqlite' }, { withoutOwner: true, publicUrl: 'https://klantreis.example.org' });
    try {
      expect((await fetch(`${behindProxy.url}/api/health`)).status).toBe(421);
      expect((await withHost(`${behindProxy.url}/api/health`, 'klantreis.example.org')).status).toBe(200);
      const token = new URLSearchParams(behindProxy.server.setupPath()!.split('?')[1]).get('token')!;
      const setup = await withHost(`${behindProxy.url}/api/setup`, 'klantreis.example.org', {
        method: 'POST',
        headers: { origin: 'https://klantreis.example.org', 'content-type': 'application/json' },
        body: JSON.stringify({ token, name: 'Eva', email: 'eva@example.org', password: 'een-lang-wachtwoord' }),
      });
      expect(setup.status).toBe(201);
      const cookies = ([] as string[]).concat(setup.headers['set-cookie'] ?? []);
      expect(cookies.find((c) => c.includes('session_token='))).toMatch(/; Secure/i);
    } finally {
      await behindProxy.close();
    }
  });
});
