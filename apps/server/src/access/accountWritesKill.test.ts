// kill -9 of the real server while the owner changes members' roles and journey shares (issue
// 10): after each restart, every change the server acknowledged is there, the one in flight is
// there whole or not at all, and the audit log tells exactly the changes that were kept (a
// change and its audit event commit together: AccessContext.atomically).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Role } from '@klantreis/core';
import { startServerProcess, type ServerProcess } from '../collaboration/reliability/serverProcess.ts';

const ROLES: Role[] = ['viewer', 'commenter', 'editor'];
const SHARES: (Role | null)[] = ['viewer', 'commenter', 'editor', null];

interface Track<T> {
  /** The last change the server answered with success. */
  acknowledged: T;
  /** How many it answered so. */
  count: number;
  /** The change sent when the server died, if one was. */
  inFlight: { to: T } | null;
}

describe('kill -9 while the owner changes roles and shares', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'klantreis-account-kill-'));
  let server: ServerProcess | null = null;
  afterAll(async () => {
    await server?.kill9();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps every acknowledged change, the one in flight whole or not at all, and an audit event for each change kept', async () => {
    server = await startServerProcess(dataDir);
    const call = (path: string, method = 'GET', body?: unknown) =>
      fetch(`${server!.url}${path}`, { method, headers: { authorization: `Bearer ${server!.token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, body: body === undefined ? undefined : JSON.stringify(body) });
    const workspaceId = ((await (await call('/api/me')).json()) as { workspaces: { id: string }[] }).workspaces[0]!.id;
    const journeyId = ((await (await call('/api/journeys', 'POST', { title: 'Gedeeld' })).json()) as { id: string }).id;
    const people: { userId: string; email: string }[] = [];
    for (let p = 0; p < 3; p++) {
      const { url } = (await (await call(`/api/workspaces/${workspaceId}/invitations`, 'POST', { role: 'viewer' })).json()) as { url: string };
      const email = `persoon${p}@klantreis.test`;
      const made = await fetch(`${server.url}/api/invitations/${new URL(url).pathname.split('/').pop()}/account`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: server.url },
        body: JSON.stringify({ name: `Persoon ${p}`, email, password: 'een-lang-wachtwoord' }),
      });
      expect(made.status, await made.clone().text()).toBe(201);
      const members = (await (await call(`/api/workspaces/${workspaceId}/members`)).json()) as { userId: string; email: string }[];
      people.push({ userId: members.find((m) => m.email === email)!.userId, email });
    }
    const roles = new Map<string, Track<Role>>(people.map((p) => [p.userId, { acknowledged: 'viewer', count: 0, inFlight: null }]));
    const shares = new Map<string, Track<Role | null>>(people.map((p) => [p.userId, { acknowledged: null, count: 0, inFlight: null }]));

    for (let cycle = 0; cycle < 3; cycle++) {
      let dead = false;
      const writers = people.flatMap((person, p) => [
        (async () => {
          const track = roles.get(person.userId)!;
          for (let i = 0; i < 400 && !dead; i++) {
            const to = ROLES[(ROLES.indexOf(track.acknowledged) + 1) % ROLES.length]!;
            track.inFlight = { to };
            const answer = await call(`/api/workspaces/${workspaceId}/members/${person.userId}`, 'PUT', { role: to }).catch(() => null);
            if (answer?.status !== 204) return;
            track.acknowledged = to;
            track.count++;
            track.inFlight = null;
          }
        })(),
        (async () => {
          const track = shares.get(person.userId)!;
          for (let i = 0; i < 400 && !dead; i++) {
            const to = SHARES[(SHARES.indexOf(track.acknowledged) + 1 + p) % SHARES.length]!;
            track.inFlight = { to };
            const answer = await call(`/api/journeys/${journeyId}/members`, 'POST', { email: person.email, role: to }).catch(() => null);
            if (answer?.status !== 204) return;
            track.acknowledged = to;
            track.count++;
            track.inFlight = null;
          }
        })(),
      ]);
      await new Promise((r) => setTimeout(r, 300 + cycle * 150));
      dead = true;
      await server.kill9();
      await Promise.all(writers);
      server = await startServerProcess(dataDir);

      const members = (await (await call(`/api/workspaces/${workspaceId}/members`)).json()) as { userId: string; role: Role }[];
      const shared = (await (await call(`/api/journeys/${journeyId}/members`)).json()) as { userId: string; role: Role }[];
      const events = (await (await call(`/api/workspaces/${workspaceId}/audit?limit=10000`)).json()) as { action: string; targetId: string | null; detail: Record<string, unknown> }[];
      for (const person of people) {
        // Roles: what was acknowledged, or the change in flight if it was kept; one event per change kept.
        const role = roles.get(person.userId)!;
        const now = members.find((m) => m.userId === person.userId)!.role;
        const roleEvents = events.filter((e) => e.action === 'member.role-changed' && e.targetId === person.userId).length;
        const roleKept = role.inFlight !== null && now === role.inFlight.to;
        expect(now === role.acknowledged || roleKept, `${person.email}: role ${now}, acknowledged ${role.acknowledged}`).toBe(true);
        expect(roleEvents, `${person.email}: audit events of role changes`).toBe(role.count + (roleKept ? 1 : 0));
        if (roleKept) role.acknowledged = now;
        role.count = roleEvents;
        role.inFlight = null;
        // Shares: the same, and never the old share gone without the new one (half a replacement).
        const share = shares.get(person.userId)!;
        const sharedNow = shared.find((m) => m.userId === person.userId)?.role ?? null;
        const shareEvents = events.filter((e) => e.action === 'journey.shared' && e.detail.userId === person.userId).length;
        const shareKept = share.inFlight !== null && sharedNow === share.inFlight.to && sharedNow !== share.acknowledged;
        expect(sharedNow === share.acknowledged || shareKept, `${person.email}: shared as ${sharedNow}, acknowledged ${share.acknowledged}`).toBe(true);
        expect(shareEvents, `${person.email}: audit events of shares`).toBe(share.count + (shareKept ? 1 : 0));
        if (shareKept) share.acknowledged = sharedNow;
        share.count = shareEvents;
        share.inFlight = null;
      }
      // The writers were writing when the server died.
      expect([...roles.values()].reduce((sum, t) => sum + t.count, 0)).toBeGreaterThan(cycle);
    }
  }, 120_000);
});
