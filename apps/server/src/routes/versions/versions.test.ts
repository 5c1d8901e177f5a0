import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { JourneyComparison, JourneyDocument } from '@klantreis/schema';
import { journeyFromDoc } from '@klantreis/sync';
import { VersionStore } from '@klantreis/db';
import { buildEditorClient, buildTestServer, eventually, type Backend, type TestServer } from '../../testServer.ts';
import { authorizedFetch } from '../../testCredentials.ts';
import { asPerson, invitePerson, type Person } from '../../access/accessTestSupport.ts';

const postgresUrl = inject('postgresUrl');
const backends: [string, Backend][] = [['SQLite', { kind: 'sqlite' }]];
if (postgresUrl) backends.push(['PostgreSQL', { kind: 'postgres', adminUrl: postgresUrl }]);

describe.each(backends)('versions and approval on %s', (_name, backend) => {
  let server: TestServer;
  const api = async <T>(path: string, method = 'GET', body?: unknown): Promise<{ status: number; body: T }> => {
    const response = await authorizedFetch(`${server.url}${path}`, {
      method,
      headers: body === undefined ? undefined : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, body: (await response.json().catch(() => null)) as T };
  };
  async function templateJourney(): Promise<{ id: string; journey: JourneyDocument }> {
    const { body } = await api<{ id: string }>('/api/journeys', 'POST', { templateId: 'ikea-visit', locale: 'nl' });
    return { id: body.id, journey: (await api<JourneyDocument>(`/api/journeys/${body.id}`)).body };
  }

  beforeAll(async () => {
    // A long interval: only the test of automatic versions should see one.
    server = await buildTestServer(backend, { autoVersionIntervalMs: 60 * 60 * 1000 });
  });
  afterAll(async () => {
    await server.close();
  });

  it('saves a named version, compares it with the current map, and restores it for an open editor', async () => {
    const { id, journey } = await templateJourney();
    const saved = await api<{ id: string; name: string; kind: string }>(`/api/journeys/${id}/versions`, 'POST', { name: 'as-is', author: 'Anna' });
    expect(saved.status).toBe(201);
    expect(saved.body).toMatchObject({ name: 'as-is', kind: 'named' });
    // Signed by who saved it (the test owner's token), not by the name in the body.
    expect((await api<{ id: string; author: string }[]>(`/api/journeys/${id}/versions`)).body.find((v) => v.id === saved.body.id)!.author).toBe('Olga Owner');

    const editor = await buildEditorClient(server.url, id);
    try {
      const last = journey.steps.at(-1)!;
      await api(`/api/journeys/${id}/records/${last.id}`, 'PATCH', { score: -2 });
      const added = await api<{ id: string }>(`/api/journeys/${id}/steps`, 'POST', { phaseId: journey.phases[0]!.id, title: 'Nieuwe stap' });
      await api(`/api/journeys/${id}/records/${journey.steps[0]!.id}`, 'DELETE');

      const diff = (await api<JourneyComparison>(`/api/journeys/${id}/compare?from=${saved.body.id}&to=current`)).body;
      expect(diff.stepsAdded.map((s) => s.id)).toEqual([added.body.id]);
      expect(diff.stepsRemoved.map((s) => s.id)).toEqual([journey.steps[0]!.id]);
      expect(diff.stepsChanged).toEqual([expect.objectContaining({ stepId: last.id, fields: ['score'] })]);
      expect(diff.curves.before.at(-1)!.score).toBe(last.score);
      expect(diff.curves.after.at(-1)!.score).toBe(-2);
      expect(diff.unchanged).toBe(false);

      const restored = await api<{ backupVersionId: string }>(`/api/journeys/${id}/versions/${saved.body.id}/restore`, 'POST', { author: 'Anna' });
      expect(restored.status).toBe(200);
      const now = (await api<JourneyDocument>(`/api/journeys/${id}`)).body;
      expect(now).toEqual(journey);
      await eventually(() => expect(journeyFromDoc(editor.doc)).toEqual(journey));
      expect(new Set(journeyFromDoc(editor.doc).steps.map((s) => s.id)).size).toBe(journey.steps.length);

      // The state before the restore is kept, so a restore can itself be undone.
      const backup = (await api<JourneyComparison>(`/api/journeys/${id}/compare?from=${restored.body.backupVersionId}&to=current`)).body;
      expect(backup.stepsRemoved.map((s) => s.id)).toEqual([added.body.id]);
      const listed = (await api<{ id: string; kind: string; name: string }[]>(`/api/journeys/${id}/versions`)).body;
      expect(listed.map((v) => v.id)).toEqual(expect.arrayContaining([saved.body.id, restored.body.backupVersionId]));
      // Told apart from the versions people saved: its own kind, and it says what it was before.
      expect(listed.find((v) => v.id === restored.body.backupVersionId)).toMatchObject({ kind: 'before-restore', name: 'before restoring: as-is' });
    } finally {
      editor.provider.destroy();
    }
  });

  it('runs an approval round of accounts and tells whether the map changed since it was approved', async () => {
    const { id, journey } = await templateJourney();
    const bram = await invitePerson(server, 'commenter', { name: 'Bram' });
    const carla = await invitePerson(server, 'editor', { name: 'Carla' });
    const dirk = await invitePerson(server, 'editor', { name: 'Dirk' });
    const viewer = await invitePerson(server, 'viewer', { name: 'Vera' });
    const version = (await api<{ id: string }>(`/api/journeys/${id}/versions`, 'POST', { name: 'to-be 2027' })).body;
    // Approvers are people with a role that may decide, by e-mail or by a name only one has.
    const typed = await api<{ issues: { path: string }[] }>(`/api/journeys/${id}/approvals`, 'POST', { versionId: version.id, approvers: ['Bram', 'CEO'] });
    expect(typed.status).toBe(400);
    expect(typed.body.issues[0]!.path).toBe('body.approvers.1');
    const watcher = await api<{ issues: { path: string }[] }>(`/api/journeys/${id}/approvals`, 'POST', { versionId: version.id, approvers: ['Vera'] });
    expect(watcher.status).toBe(400);
    const round = await api<{ id: string; state: string; approvers: string[]; requestedBy: string }>(`/api/journeys/${id}/approvals`, 'POST', {
      versionId: version.id,
      requestedBy: 'CEO',
      approvers: ['Bram', carla.email],
      message: 'Graag akkoord voor vrijdag',
    });
    expect(round.body).toMatchObject({ state: 'pending', approvers: [bram.email, carla.email], requestedBy: 'Olga Owner' });
    const path = `/api/journeys/${id}/approvals/${round.body.id}/decisions`;
    const decide = (person: Person, body: unknown) => asPerson(server, person, path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

    // Only the asked accounts decide, each for themselves: a typed approver name counts for nothing.
    expect((await decide(dirk, { approver: 'Bram', decision: 'approved' })).status).toBe(403);
    expect((await decide(viewer, { decision: 'approved' })).status).toBe(403);
    expect((await decide(bram, { decision: 'changes-requested' })).status).toBe(400);
    const asked = (await (await decide(bram, { approver: 'Carla', decision: 'changes-requested', comment: 'De wachttijd bij de kassa ontbreekt' })).json()) as { state: string; decisions: { approver: string }[] };
    expect(asked.state).toBe('changes-requested');
    expect(asked.decisions.map((d) => d.approver)).toEqual([bram.email]);
    expect(((await (await decide(bram, { decision: 'approved' })).json()) as { state: string }).state).toBe('pending');
    expect(((await (await decide(carla, { decision: 'approved' })).json()) as { state: string }).state).toBe('approved');

    type Status = { approvedVersion: { versionId: string; name: string; changedSince: boolean } | null; requests: { decisions: unknown[] }[]; names: Record<string, string> };
    const before = (await api<Status>(`/api/journeys/${id}/approval`)).body;
    expect(before.approvedVersion).toMatchObject({ versionId: version.id, name: 'to-be 2027', changedSince: false });
    expect(before.requests[0]!.decisions).toHaveLength(3);
    expect(before.names[bram.email]).toBe('Bram');
    await api(`/api/journeys/${id}/records/${journey.steps[2]!.id}`, 'PATCH', { title: 'Gewijzigd na akkoord' });
    expect((await api<Status>(`/api/journeys/${id}/approval`)).body.approvedVersion!.changedSince).toBe(true);
  });

  it('keeps which version a restore put back, and gives the approved version’s kind and time', async () => {
    type Restored = { id: string; name: string; kind: string; createdAt: number };
    type Listed = Restored & { restored: Restored | null };
    const { id, journey } = await templateJourney();
    const bram = await invitePerson(server, 'commenter', { name: 'Bram' });
    const listed = async () => (await api<Listed[]>(`/api/journeys/${id}/versions`)).body;
    const restore = async (versionId: string) => (await api<{ backupVersionId: string }>(`/api/journeys/${id}/versions/${versionId}/restore`, 'POST', {})).body.backupVersionId;
    const asIs = (await api<Listed>(`/api/journeys/${id}/versions`, 'POST', { name: 'as-is' })).body;
    // The first edit of a journey without one takes an automatic version.
    await api(`/api/journeys/${id}/records/${journey.steps[0]!.id}`, 'PATCH', { title: 'Na de workshop' });
    let automatic: Listed | undefined;
    await eventually(async () => expect((automatic = (await listed()).find((v) => v.kind === 'auto'))).toBeDefined());

    const beforeAsIs = await restore(asIs.id);
    const beforeAutomatic = await restore(automatic!.id);
    const beforeBackup = await restore(beforeAsIs);
    const versions = await listed();
    const ref = ({ id: versionId, name, kind, createdAt }: Listed) => ({ id: versionId, name, kind, createdAt });
    const byId = (versionId: string) => versions.find((v) => v.id === versionId)!;
    // The stored name stays what older clients read; which version was put back is kept apart.
    expect(byId(beforeAsIs)).toMatchObject({ kind: 'before-restore', name: 'before restoring: as-is', restored: ref(asIs) });
    expect(byId(beforeAutomatic)).toMatchObject({ kind: 'before-restore', restored: ref(automatic!) });
    expect(byId(beforeBackup)).toMatchObject({ kind: 'before-restore', restored: ref(byId(beforeAsIs)) });
    expect(byId(asIs.id).restored).toBeNull();
    expect(byId(automatic!.id).restored).toBeNull();

    // The badge names the approved version as the list does: it gets what the list has of it.
    const round = (await api<{ id: string }>(`/api/journeys/${id}/approvals`, 'POST', { versionId: beforeAutomatic, approvers: [bram.email] })).body;
    await asPerson(server, bram, `/api/journeys/${id}/approvals/${round.id}/decisions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ decision: 'approved' }) });
    const approved = (await api<{ approvedVersion: Listed & { versionId: string } }>(`/api/journeys/${id}/approval`)).body.approvedVersion;
    expect(approved).toMatchObject({ versionId: beforeAutomatic, kind: 'before-restore', createdAt: byId(beforeAutomatic).createdAt, restored: ref(automatic!) });
  });

  it('lists a version kept before a restore by an older Klantreis, which stored only its name', async () => {
    const { id, journey } = await templateJourney();
    await new VersionStore(server.store.db).createVersion({ journeyId: id, name: 'before restoring: as-is', kind: 'before-restore', author: 'Anna', document: journey });
    const [old] = (await api<{ name: string; restored: unknown }[]>(`/api/journeys/${id}/versions`)).body;
    expect(old).toMatchObject({ name: 'before restoring: as-is', restored: null });
  });

  it('answers 404 for an unknown version or approval request', async () => {
    const { id } = await templateJourney();
    expect((await api(`/api/journeys/${id}/versions/v_nope`)).status).toBe(404);
    expect((await api(`/api/journeys/${id}/compare?from=v_nope`)).status).toBe(404);
    expect((await api(`/api/journeys/${id}/approvals/ar_nope/decisions`, 'POST', { approver: 'A', decision: 'approved' })).status).toBe(404);
    expect((await api(`/api/journeys/${id}/versions/v_nope/restore`, 'POST', { author: 'Anna' })).status).toBe(404);
  });

  it('refuses to restore or approve `current`, which is no saved version, with a reason (issue 9.7)', async () => {
    const { id } = await templateJourney();
    const restore = await api<{ error: string; issues: { path: string }[] }>(`/api/journeys/${id}/versions/current/restore`, 'POST', { author: 'Anna' });
    expect(restore.status).toBe(400);
    expect(restore.body.error).toContain('save it as a version first');
    expect(restore.body.issues[0]!.path).toBe('params.versionId');
    const approval = await api<{ error: string; issues: { path: string }[] }>(`/api/journeys/${id}/approvals`, 'POST', { versionId: 'current', approvers: ['Anna'], requestedBy: 'Bram' });
    expect(approval.status).toBe(400);
    expect(approval.body.issues[0]!.path).toBe('body.versionId');
  });
});

describe('automatic versions', () => {
  it('are taken while a journey is edited, at most once an interval', async () => {
    const server = await buildTestServer({ kind: 'sqlite' }, { autoVersionIntervalMs: 60 * 60 * 1000 });
    try {
      const created = await authorizedFetch(`${server.url}/api/journeys`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: 'Auto' }) });
      const { id } = (await created.json()) as { id: string };
      const versions = async () => ((await (await authorizedFetch(`${server.url}/api/journeys/${id}/versions`)).json()) as { kind: string }[]).filter((v) => v.kind === 'auto');
      expect(await versions()).toEqual([]);
      await authorizedFetch(`${server.url}/api/journeys/${id}`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: 'Auto 1' }) });
      await eventually(async () => expect(await versions()).toHaveLength(1));
      await authorizedFetch(`${server.url}/api/journeys/${id}`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: 'Auto 2' }) });
      await new Promise((r) => setTimeout(r, 300));
      expect(await versions()).toHaveLength(1);
    } finally {
      await server.close();
    }
  });
});
