import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createActionRecord, createLinkRecord, createPersonaRecord, type JourneyDocument, type JourneyRecord } from '@klantreis/schema';
import type { OpportunitiesResponse, PortfolioJourney, PortfolioResponse, SavedPortfolioView } from '@klantreis/core/contracts';
import { journeyFromDoc, updateRecord } from '@klantreis/sync';
import { buildJourney, type JourneySpec } from '../../../../../packages/evaluation/src/testJourneyBuilder.ts';
import { buildEditorClient, buildTestServer, eventually, type Backend, type TestServer } from '../../testServer.ts';
import { asPerson, firstWorkspaceId, foreignPerson, invitePerson, type Person } from '../../access/accessTestSupport.ts';
import type { JourneyMetrics } from '@klantreis/analytics';
import { measurementRollup } from '../../commands/journeyRollup.ts';

// The portfolio API on a real server over SQLite and PostgreSQL: the figures of a measured
// journey computed by hand, who sees which journey, the trash, saved views, the portfolio
// fields written through the live document, and the opportunities as CSV.

const postgresUrl = inject('postgresUrl');
const backends: [string, Backend][] = [['SQLite', { kind: 'sqlite' }]];
if (postgresUrl) backends.push(['PostgreSQL', { kind: 'postgres', adminUrl: postgresUrl }]);

/**
 * The measured journey: three steps, each mapped to one activity; "Afronden" ends the journey.
 * Designed scores +1, −1, +2: the most intense is +2, the end +2, so remembered (2 + 2) / 2 = 2,
 * mean (1 − 1 + 2) / 3 = 2/3.
 */
const MEASURED_SPEC: JourneySpec = {
  title: 'Lening aanvragen',
  locale: 'nl',
  phases: [{ name: 'Aanvraag', steps: [{ title: 'Aanvragen', score: 1 }, { title: 'Besluit', score: -1 }, { title: 'Afronden', score: 2 }] }],
};

/**
 * Ten cases. January: cases 1–5 apply, 30 minutes later are decided, 90 minutes after that
 * closed. February: cases 6–10 the same, but only 6 and 7 are closed; 8–10 stop at the decision.
 * - cases 10, completed 7: completion 7/10 = 0.7;
 * - completion per month 5/5 = 1 and 2/5 = 0.4: drop-off rose 1 − 0.4 = 0.6 (60 points);
 * - waits before a step (from the previous step): Besluit 30 min in every case, Afronden
 *   90 min: the median of the steps' medians (30, 90) is 60 minutes.
 */
function eventLog(): string {
  const lines = ['case:concept:name,concept:name,time:timestamp'];
  const at = (month: number, day: number, minutes: number) => {
    const date = new Date(Date.UTC(2026, month - 1, day, 9, minutes));
    return date.toISOString().replace('T', ' ').slice(0, 19);
  };
  for (let n = 1; n <= 10; n++) {
    const month = n <= 5 ? 1 : 2;
    lines.push(`${n},apply,${at(month, n, 0)}`, `${n},decide,${at(month, n, 30)}`);
    if (n <= 7) lines.push(`${n},close,${at(month, n, 120)}`);
  }
  return lines.join('\n') + '\n';
}

/**
 * Survey answers on CSAT 1–5 (axis = score − 3): Aanvragen 5 and 4 (axis +2, +1: mean +1.5),
 * Besluit 1 (−2), Afronden 4 (+1). Measured curve +1.5, −2, +1: the most intense is −2 and the
 * end +1, so remembered (−2 + 1) / 2 = −0.5; mean (1.5 − 2 + 1) / 3 = 0.5 / 3.
 */
const SURVEY = ['klant;stap;score;schaal;datum', '1;Aanvragen;5;csat;2026-01-01', '2;Aanvragen;4;csat;2026-01-02', '3;Besluit;1;csat;2026-01-03', '4;Afronden;4;csat;2026-01-04'].join('\n');

describe.each(backends)('portfolio API on %s', (_name, backend) => {
  let server: TestServer;
  let workspaceId: string;
  let viewer: Person;
  let editor: Person;
  let stranger: Person;

  const send = (method: string, body: unknown): RequestInit => ({ method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  async function expectStatus(response: Response, status: number): Promise<string> {
    const text = await response.text();
    expect(response.status, text.slice(0, 400)).toBe(status);
    return text;
  }
  async function importJourney(doc: JourneyDocument): Promise<string> {
    const text = await expectStatus(await server.fetch('/api/journeys/import', send('POST', doc)), 201);
    return (JSON.parse(text) as { id: string }).id;
  }
  async function portfolio(person: Person | null = null, query = `?workspace=${workspaceId}`): Promise<PortfolioResponse> {
    const response = person ? await asPerson(server, person, `/api/portfolio${query}`) : await server.fetch(`/api/portfolio${query}`);
    return JSON.parse(await expectStatus(response, 200)) as PortfolioResponse;
  }
  async function journeyIn(id: string, person: Person | null = null): Promise<PortfolioJourney | undefined> {
    return (await portfolio(person)).journeys.find((j) => j.id === id);
  }
  function withJourney(spec: JourneySpec, fields: Partial<JourneyRecord> = {}): JourneyDocument {
    const doc = buildJourney(spec);
    Object.assign(doc.journey, fields);
    return doc;
  }

  beforeAll(async () => {
    server = await buildTestServer(backend);
    workspaceId = await firstWorkspaceId(server);
    viewer = await invitePerson(server, 'viewer', { name: 'Vera Viewer' });
    editor = await invitePerson(server, 'editor', { name: 'Eddy Editor' });
    stranger = await foreignPerson(server);
  });
  afterAll(async () => {
    await server.close();
  });

  it('rolls up a measured journey as computed by hand, with its stage, owner and personas', async () => {
    const doc = withJourney(MEASURED_SPEC, { status: 'measured', tags: ['lening'] });
    const activities: Record<string, string> = { Aanvragen: 'apply', Besluit: 'decide', Afronden: 'close' };
    for (const step of doc.steps) Object.assign(step, { activityPatterns: [activities[step.title]!], journeyEnd: step.title === 'Afronden' });
    const persona = createPersonaRecord({ name: 'Starter Sam' });
    doc.personas.push(persona);
    doc.journey.personaIds = [persona.id];
    const id = await importJourney(doc);
    await expectStatus(await server.fetch(`/api/journeys/${id}/imports?kind=events&fileName=log.csv`, { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: eventLog() }), 201);
    await expectStatus(await server.fetch(`/api/journeys/${id}/imports?kind=survey&fileName=enquete.csv`, { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: SURVEY }), 201);

    // An experience map whose stages "Lenen" and "Aflossen" detail this journey (linked in the other order).
    const map = withJourney({ title: 'Klantleven', phases: [{ name: 'Oriënteren', steps: [1] }, { name: 'Lenen', steps: [1] }, { name: 'Aflossen', steps: [1] }] }, { kind: 'experience' });
    map.links.push(createLinkRecord({ phaseId: map.phases[2]!.id, journeyId: id, index: 'a0' }), createLinkRecord({ phaseId: map.phases[1]!.id, journeyId: id, index: 'a1' }));
    const mapId = await importJourney(map);

    const journey = await journeyIn(id);
    expect(journey).toMatchObject({ title: 'Lening aanvragen', kind: 'journey', status: 'measured', tags: ['lening'], personas: ['Starter Sam'], stepCount: 3, role: 'owner' });
    expect(journey!.stages).toEqual([
      { experienceMapId: mapId, experienceMapTitle: 'Klantleven', stageId: map.phases[1]!.id, stageName: 'Lenen', stagePosition: 2 },
      { experienceMapId: mapId, experienceMapTitle: 'Klantleven', stageId: map.phases[2]!.id, stageName: 'Aflossen', stagePosition: 3 },
    ]);
    expect(journey!.scores.designedRemembered).toBe(2);
    expect(journey!.scores.designedMean).toBeCloseTo(2 / 3, 12);
    expect(journey!.scores.measuredRemembered).toBeCloseTo(-0.5, 12);
    expect(journey!.scores.measuredMean).toBeCloseTo(0.5 / 3, 12);
    expect(journey!.measurement).toEqual({ cases: 10, completionRate: 0.7, dropOffTrend: expect.closeTo(0.6, 12) as number, medianWaitMinutes: 60 });
    expect(journey!.xla).toBeNull();
    // The measured remembered score (−0.5) and the drop-off rise (60 points) are critical; completion 70% asks attention.
    expect(journey!.health.level).toBe('critical');
    expect(journey!.health.reasons.map((r) => r.code)).toEqual(expect.arrayContaining(['remembered-score-low', 'drop-off-rising', 'completion-low']));
    expect(journey!.health.reasons[0]).toEqual({ code: 'remembered-score-low', score: expect.closeTo(-0.5, 12) as number, measured: true });

    // The owner is an account of the workspace, named from it.
    const patched = await expectStatus(await server.fetch(`/api/journeys/${id}/portfolio`, send('PATCH', { ownerId: editor.userId })), 200);
    expect(JSON.parse(patched)).toMatchObject({ id, owner: { id: editor.userId, name: 'Eddy Editor' } });
    await eventually(async () => expect((await journeyIn(id))?.owner).toEqual({ id: editor.userId, name: 'Eddy Editor' }));
    // The measured half is cached: a second read gives the same figures.
    expect((await journeyIn(id))!.measurement).toEqual(journey!.measurement);

    // Every step's wait measured during the step instead of before it: the median wait follows
    // what the metrics API says (the cache's key holds the waits' moments).
    const measuredDoc = JSON.parse(await expectStatus(await server.fetch(`/api/journeys/${id}`), 200)) as JourneyDocument;
    for (const step of measuredDoc.steps) await expectStatus(await server.fetch(`/api/journeys/${id}/records/${step.id}`, send('PATCH', { wait: { moment: 'during', minutes: 5 } })), 200);
    const { metrics } = JSON.parse(await expectStatus(await server.fetch(`/api/journeys/${id}/metrics`), 200)) as { metrics: JourneyMetrics };
    expect(metrics.steps.map((step) => step.wait.moment)).toEqual(['during', 'during', 'during']);
    // The median over the steps' measured waits, as the roll-up takes it from the same figures.
    const medianWait = measurementRollup(metrics).medianWaitMinutes;
    expect(medianWait).not.toBeNull();
    expect(medianWait).not.toBe(60);
    await eventually(async () => expect((await journeyIn(id))?.measurement?.medianWaitMinutes).toBeCloseTo(medianWait!, 9), 15_000);

    // An XLA indicator added later is measured at once: completion in February, the latest
    // period, is 2 of 5 = 40%, below the target of 50%.
    await expectStatus(await server.fetch(`/api/journeys/${id}/indicators`, send('POST', { name: 'Afgerond', kind: 'O', metric: 'completion-rate', direction: 'at-least', target: 50, margin: 5 })), 201);
    await eventually(async () => expect((await journeyIn(id))?.xla).toEqual({ met: 0, atRisk: 0, missed: 1, noData: 0 }), 15_000);
    expect((await journeyIn(id))!.health.reasons).toContainEqual({ code: 'xla-missed', count: 1 });
  });

  it('shows each person the journeys of the workspace they may see, with their role', async () => {
    const id = await importJourney(withJourney({ title: 'Zichtbaar voor de werkruimte', phases: [{ steps: [1, 2] }] }));
    expect((await journeyIn(id, viewer))?.role).toBe('viewer');
    expect((await journeyIn(id, editor))?.role).toBe('editor');

    // Someone with only one journey shared sees that one, with the share's role.
    const shared = await importJourney(withJourney({ title: 'Gedeelde reis', phases: [{ steps: [0] }] }));
    const guest = await invitePerson(server, 'commenter', { journeyId: shared, name: 'Gita Guest' });
    const guestView = await portfolio(guest);
    expect(guestView.journeys.map((j) => [j.id, j.role])).toEqual([[shared, 'commenter']]);
    // Without a workspace named, they see the workspace their journey is shared from.
    expect((await portfolio(guest, '')).journeys.map((j) => j.id)).toEqual([shared]);

    // Another workspace's person: this workspace does not exist for them, and their own does not show its journeys.
    await expectStatus(await asPerson(server, stranger, `/api/portfolio?workspace=${workspaceId}`), 404);
    const own = await portfolio(stranger, '');
    expect(own.workspaceId).not.toBe(workspaceId);
    expect(own.journeys.map((j) => j.id)).not.toContain(id);
    // Nobody signed in.
    await expectStatus(await fetch(`${server.url}/api/portfolio?workspace=${workspaceId}`), 401);
  });

  it('refreshes the cached roll-up once an edited journey’s snapshot is stored, before anyone reads the portfolio', async () => {
    const id = await importJourney(withJourney({ title: 'Live bewerkt', phases: [{ steps: [1, 1] }] }));
    expect((await journeyIn(id))?.scores.designedRemembered).toBe(1);
    const client = await buildEditorClient(server.url, id);
    try {
      const stepId = journeyFromDoc(client.doc).steps[0]!.id;
      updateRecord(client.doc, stepId, { score: -2 });
      // The snapshot is stored a moment later (Hocuspocus's debounce); the roll-up follows it.
      await eventually(async () => {
        const row = await server.store.db
          .selectFrom('journeys')
          .innerJoin('journey_rollups', 'journey_rollups.journey_id', 'journeys.id')
          .select(['journeys.updated_at', 'journey_rollups.source_updated_at', 'journey_rollups.designed'])
          .where('journeys.id', '=', id)
          .executeTakeFirstOrThrow();
        expect(Number(row.source_updated_at)).toBe(Number(row.updated_at));
        expect((JSON.parse(row.designed) as { designed: { designedRemembered: number } }).designed.designedRemembered).toBe(-0.5);
      }, 15_000);
    } finally {
      client.provider.destroy();
      client.doc.destroy();
    }
  });

  it('brings every journey’s roll-up up to date in the background after a start', async () => {
    await server.store.db.deleteFrom('journey_rollups').execute();
    void server.server.warmPortfolio();
    // Every journey not in the trash, open ones too (their snapshot's roll-up).
    const withoutRollup = async () => {
      const rows = await server.store.db
        .selectFrom('journeys')
        .leftJoin('journey_rollups', 'journey_rollups.journey_id', 'journeys.id')
        .select('journeys.id')
        .where('journeys.deleted_at', 'is', null)
        .where('journey_rollups.journey_id', 'is', null)
        .execute();
      return rows.map((row) => row.id);
    };
    await eventually(async () => expect(await withoutRollup()).toEqual([]), 20_000);
    // The measured journey's measured half is kept too.
    const measured = await server.store.db.selectFrom('journey_rollups').select('measured').where('measured', 'is not', null).execute();
    expect(measured.length).toBeGreaterThan(0);
  });

  it('describes its routes in the OpenAPI document', async () => {
    const spec = JSON.parse(await expectStatus(await server.fetch('/api/docs/json'), 200)) as { paths: Record<string, unknown> };
    expect(Object.keys(spec.paths)).toEqual(expect.arrayContaining(['/api/portfolio', '/api/portfolio/opportunities', '/api/portfolio/views', '/api/portfolio/views/{viewId}', '/api/journeys/{id}/portfolio']));
  });

  it('drops a trashed journey and brings it back when restored', async () => {
    const id = await importJourney(withJourney({ title: 'Naar de prullenbak', phases: [{ steps: [-1, 1] }] }));
    expect(await journeyIn(id)).toBeDefined();
    await expectStatus(await server.fetch(`/api/journeys/${id}`, { method: 'DELETE' }), 204);
    expect(await journeyIn(id)).toBeUndefined();
    await expectStatus(await server.fetch(`/api/journeys/${id}/restore`, { method: 'POST' }), 204);
    const back = await journeyIn(id);
    expect(back?.scores).toEqual({ designedRemembered: 0, designedMean: 0, measuredRemembered: null, measuredMean: null });
  });

  it('saves, lists, replaces and deletes views; refuses viewers, foreign origins and malformed views', async () => {
    const state = { filter: { status: 'live', owner: null }, sort: { key: 'health', direction: 'desc' }, group: 'owner' };
    const saved = JSON.parse(await expectStatus(await asPerson(server, editor, '/api/portfolio/views', send('POST', { workspaceId, name: 'Live per eigenaar', state })), 201)) as SavedPortfolioView;
    expect(saved).toMatchObject({ workspaceId, name: 'Live per eigenaar', state, createdBy: { id: editor.userId, name: 'Eddy Editor' } });

    // Visible to every member, a viewer too.
    const listed = JSON.parse(await expectStatus(await asPerson(server, viewer, `/api/portfolio/views?workspace=${workspaceId}`), 200)) as SavedPortfolioView[];
    expect(listed.map((v) => v.id)).toContain(saved.id);

    // The same name again replaces the view and keeps its id.
    const replaced = JSON.parse(await expectStatus(await server.fetch('/api/portfolio/views', send('POST', { workspaceId, name: 'Live per eigenaar', state: { group: 'tag' } })), 201)) as SavedPortfolioView;
    expect(replaced).toMatchObject({ id: saved.id, state: { group: 'tag' } });

    // A viewer may not save or delete.
    await expectStatus(await asPerson(server, viewer, '/api/portfolio/views', send('POST', { workspaceId, name: 'Mijn', state })), 403);
    await expectStatus(await asPerson(server, viewer, `/api/portfolio/views/${saved.id}`, { method: 'DELETE' }), 403);
    // Another workspace's person does not learn it exists.
    await expectStatus(await asPerson(server, stranger, `/api/portfolio/views?workspace=${workspaceId}`), 404);
    await expectStatus(await asPerson(server, stranger, `/api/portfolio/views/${saved.id}`, { method: 'DELETE' }), 404);
    // A session request from another site is refused before it is read.
    await expectStatus(await fetch(`${server.url}/api/portfolio/views`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: editor.cookie, origin: 'https://evil.example' }, body: JSON.stringify({ workspaceId, name: 'X', state }) }), 403);

    // Malformed: not JSON, an unknown field, no name, too large.
    await expectStatus(await asPerson(server, editor, '/api/portfolio/views', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"name": ' }), 400);
    await expectStatus(await asPerson(server, editor, '/api/portfolio/views', send('POST', { workspaceId, name: 'X', state: { colour: 'red' } })), 400);
    await expectStatus(await asPerson(server, editor, '/api/portfolio/views', send('POST', { workspaceId, name: ' ', state })), 400);
    const huge = { filter: Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`field${i}`, 'x'.repeat(150)])) };
    const tooLarge = await expectStatus(await asPerson(server, editor, '/api/portfolio/views', send('POST', { workspaceId, name: 'Groot', state: huge })), 400);
    expect(tooLarge).toMatch(/4096 bytes/);

    await expectStatus(await asPerson(server, editor, `/api/portfolio/views/${saved.id}`, { method: 'DELETE' }), 204);
    const after = JSON.parse(await expectStatus(await server.fetch(`/api/portfolio/views?workspace=${workspaceId}`), 200)) as SavedPortfolioView[];
    expect(after.map((v) => v.id)).not.toContain(saved.id);
    const audit = JSON.parse(await expectStatus(await server.fetch(`/api/workspaces/${workspaceId}/audit?action=portfolio-view.deleted`), 200)) as { targetId: string }[];
    expect(audit.map((e) => e.targetId)).toContain(saved.id);
  });

  it('writes owner, status, kind and tags through the live document; refuses viewers, strangers as owner and unknown statuses', async () => {
    const id = await importJourney(withJourney({ title: 'Portfoliovelden', phases: [{ steps: [1] }] }));
    const client = await buildEditorClient(server.url, id);
    try {
      await expectStatus(await asPerson(server, editor, `/api/journeys/${id}/portfolio`, send('PATCH', { status: 'to-be', kind: 'blueprint', tags: ['digitaal', 'hypotheek'], ownerId: viewer.userId })), 200);
      // The open editor sees the change at once, as an ordinary edit.
      await eventually(() => expect(journeyFromDoc(client.doc).journey).toMatchObject({ status: 'to-be', kind: 'blueprint', tags: ['digitaal', 'hypotheek'], ownerId: viewer.userId }));
      // The portfolio reads the open journey's live document.
      expect(await journeyIn(id)).toMatchObject({ status: 'to-be', kind: 'blueprint', owner: { id: viewer.userId, name: 'Vera Viewer' } });
    } finally {
      client.provider.destroy();
      client.doc.destroy();
    }
    await expectStatus(await asPerson(server, viewer, `/api/journeys/${id}/portfolio`, send('PATCH', { status: 'live' })), 403);
    const notMember = await expectStatus(await server.fetch(`/api/journeys/${id}/portfolio`, send('PATCH', { ownerId: stranger.userId })), 400);
    expect(notMember).toMatch(/member of the journey’s workspace/);
    await expectStatus(await server.fetch(`/api/journeys/${id}/portfolio`, send('PATCH', { status: 'finished' })), 400);
    await expectStatus(await server.fetch(`/api/journeys/${id}/portfolio`, send('PATCH', {})), 400);
    await expectStatus(await server.fetch(`/api/journeys/${id}/portfolio`, send('PATCH', { tags: [''] })), 400);
    const audit = JSON.parse(await expectStatus(await server.fetch(`/api/workspaces/${workspaceId}/audit?action=journey.portfolio-changed`), 200)) as { targetId: string; detail: Record<string, { from: unknown; to: unknown }> }[];
    expect(audit.find((e) => e.targetId === id)?.detail.status).toEqual({ from: 'idea', to: 'to-be' });
    // Nothing of the refused patches was written.
    expect((await journeyIn(id))?.status).toBe('to-be');
  });

  it('lists actions and uncovered findings, and downloads them as CSV in Dutch and English, quoted and formula-safe', async () => {
    // Steps +1, −2, 0: the −2 step is a critical finding ("what they will remember"), which an
    // action made from that rule covers; the end (0) is a weak end, a warning nobody acts on yet.
    const doc = withJourney({ title: 'Kansen, "quotes" en =formules', phases: [{ steps: [{ title: 'Klaar', score: 1 }, { title: 'Wachten', score: -2 }, { title: 'Nazorg', score: 0 }] }] });
    const waiting = doc.steps.find((step) => step.title === 'Wachten')!.id;
    doc.actions.push(
      createActionRecord({ index: 'a0', title: '=HYPERLINK("http://evil.example")', owner: '@team, balie', status: 'planned', dueDate: '2027-03-01', impact: 4, effort: 2, stepIds: [waiting], sourceRule: 'peak-end.dark-red' }),
      createActionRecord({ index: 'a1', title: 'Regel "terugbellen"\nmet uitleg', owner: 'Anna', status: 'done', impact: null, effort: null }),
    );
    const id = await importJourney(doc);
    const answer = JSON.parse(await expectStatus(await server.fetch(`/api/portfolio/opportunities?workspace=${workspaceId}`), 200)) as OpportunitiesResponse;
    const ours = answer.opportunities.filter((o) => o.journeyId === id);
    expect(ours.map((o) => [o.source, o.rule, o.status])).toEqual([
      ['action', 'peak-end.dark-red', 'planned'],
      ['action', null, 'done'],
      ['finding', 'peak-end.weak-end', 'open'],
    ]);
    expect(ours[2]).toMatchObject({ severity: 'warning', stepTitles: ['Nazorg'], owner: '', journeyTitle: 'Kansen, "quotes" en =formules' });

    const nl = await server.fetch(`/api/portfolio/opportunities?workspace=${workspaceId}&format=csv&lang=nl`);
    expect(nl.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(nl.headers.get('content-disposition')).toMatch(/verbeterkansen\.csv/);
    const nlBytes = new Uint8Array(await nl.arrayBuffer());
    expect([...nlBytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const nlText = new TextDecoder().decode(nlBytes.slice(3));
    const nlLines = nlText.split('\r\n');
    expect(nlLines[0]).toBe('Klantreis,Soort,Titel,Eigenaar,Status,Deadline,Impact,Inspanning,Ernst,Stappen');
    expect(nlText).toContain(`"Kansen, ""quotes"" en =formules",verbeteractie,"'=HYPERLINK(""http://evil.example"")","'@team, balie",gepland,2027-03-01,4,2,,Wachten\r\n`);
    expect(nlText).toContain(`"Kansen, ""quotes"" en =formules",verbeteractie,"Regel ""terugbellen""\nmet uitleg",Anna,klaar,,,,,\r\n`);
    expect(nlText).toMatch(/,bevinding,[^\r]*,open,,,,waarschuwing,Nazorg\r\n/);

    const en = await (await server.fetch(`/api/portfolio/opportunities?workspace=${workspaceId}&format=csv&lang=en`)).text();
    expect(en.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe('Journey,Type,Title,Owner,Status,Due date,Impact,Effort,Severity,Steps');
    expect(en).toContain(',improvement action,"\'=HYPERLINK(""http://evil.example"")",');
    expect(en).toMatch(/,finding,[^\r]*,open,,,,warning,Nazorg\r\n/);
  });
});
