// The experience map's roll-up by stage against figures computed by hand, on a real server:
// a lifecycle of three stages with three linked journeys, one of them measured (a small event
// log and survey answers imported through the API). Then the live stream: a linked journey
// trashed and restored changes its stage in the GET and on the open stream.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { ExperienceRollup } from '@klantreis/core/contracts';
import { createLinkRecord, type JourneyDocument, type PhaseId } from '@klantreis/schema';
import { writeRecord } from '@klantreis/sync';
import { buildTestServer, type Backend, type TestServer } from '../../testServer.ts';
import { asPerson, invitePerson } from '../../access/accessTestSupport.ts';
import { readEventStream, type EventStreamReader } from '../../../../../testing/eventStream.ts';
import type { JourneyMetrics } from '@klantreis/analytics';
import { measurementRollup } from '../../commands/journeyRollup.ts';

const postgresUrl = inject('postgresUrl');
const backends: [string, Backend][] = [['SQLite', { kind: 'sqlite' }]];
if (postgresUrl) backends.push(['PostgreSQL', { kind: 'postgres', adminUrl: postgresUrl }]);

/** The roll-ups a stream has sent so far. */
const rollupsOf = (stream: EventStreamReader) => stream.dataOf<ExperienceRollup>('rollup');

describe.each(backends)('experience map roll-up on %s', (_name, backend) => {
  let server: TestServer;
  const json = async <T>(response: Response, status = 200): Promise<T> => {
    const body = await response.text();
    expect(response.status, body.slice(0, 500)).toBe(status);
    return (body === '' ? undefined : JSON.parse(body)) as T;
  };
  const send = (method: string, path: string, body: unknown) => server.fetch(path, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

  /** A journey with one phase of scored steps; returns its id, phase and step ids. */
  async function journeyWithScores(title: string, steps: { title: string; score: number | null; activityPatterns?: string[]; journeyEnd?: boolean }[], kind = 'journey') {
    const { id } = await json<{ id: string }>(await send('POST', '/api/journeys', { title, locale: 'nl' }), 201);
    await json(await send('PATCH', `/api/journeys/${id}`, { kind }));
    const phaseId = (await json<JourneyDocument>(await server.fetch(`/api/journeys/${id}`))).phases[0]!.id;
    const stepIds: string[] = [];
    for (const step of steps) {
      const created = await json<{ id: string }>(await send('POST', `/api/journeys/${id}/steps`, { phaseId, ...step }), 201);
      stepIds.push(created.id);
    }
    return { id, phaseId, stepIds };
  }

  async function addStage(mapId: string, name: string, scores: number[]): Promise<PhaseId> {
    const { id } = await json<{ id: string }>(await send('POST', `/api/journeys/${mapId}/phases`, { name }), 201);
    for (const score of scores) await json(await send('POST', `/api/journeys/${mapId}/steps`, { phaseId: id, title: `moment ${score}`, score }), 201);
    return id as PhaseId;
  }

  /** Links written as the editor writes them: a link record in the map's Yjs document. */
  async function link(mapId: string, phaseId: PhaseId, journeyId: string, index: string, targetPhaseId: PhaseId | null = null) {
    await server.server.documents.edit(mapId, (doc) => writeRecord(doc, createLinkRecord({ phaseId, journeyId, index, targetPhaseId })));
  }

  async function importFile(journeyId: string, kind: 'events' | 'survey', name: string, text: string) {
    const file = join(server.server.analytics.analyticsDir, name);
    await mkdir(server.server.analytics.analyticsDir, { recursive: true });
    await writeFile(file, text);
    const { readFile } = await import('node:fs/promises');
    await json(await server.fetch(`/api/journeys/${journeyId}/imports?kind=${kind}&fileName=${name}`, { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: await readFile(file) }), 201);
  }

  let mapId: string;
  let stages: PhaseId[];
  let membership: { id: string };
  let renewal: { id: string };
  let application: { id: string };

  beforeAll(async () => {
    server = await buildTestServer(backend);
    // J1 "Lid worden": −2, +1, +1. Most intense −2 (largest |score|), end +1 → remembered (−2 + 1) / 2 = −0.5; mean 0/3 = 0.
    membership = await journeyWithScores('Lid worden', [
      { title: 'Formulier', score: -2 },
      { title: 'Welkom', score: 1 },
      { title: 'Pasje', score: 1 },
    ]);
    // J2 "Verlengen": +2, 0, +1. Most intense +2, end +1 → remembered 1.5; mean 3/3 = 1.
    renewal = await journeyWithScores('Verlengen', [
      { title: 'Herinnering', score: 2 },
      { title: 'Betalen', score: 0 },
      { title: 'Bevestiging', score: 1 },
    ]);
    // J3 "Aanvraag" (measured): designed 0, +1, +1. Most intense +1 (first of the equal ones
    // does not matter: all +1), end +1 → remembered 1; mean 2/3.
    application = await journeyWithScores('Aanvraag', [
      { title: 'Aanvraag', score: 0, activityPatterns: ['A'] },
      { title: 'Controle', score: 1, activityPatterns: ['B'] },
      { title: 'Besluit', score: 1, activityPatterns: ['C'], journeyEnd: true },
    ]);
    // Four cases; c1 and c3 reach the end step C, c2 and c4 drop off → completion 2/4 = 0.5.
    // Waits are measured before each step (no designed wait: 'before'), from the previous visit's end:
    //   Controle: A→B 60, 30, 120 min → median 60; Besluit: B→C 120, 30 min → median 75;
    //   Aanvraag has no previous step. The journey's median wait = median(60, 75) = 67.5 min.
    await importFile(
      application.id,
      'events',
      'aanvraag.csv',
      [
        'case,activity,timestamp',
        'c1,A,2026-03-02 09:00:00',
        'c1,B,2026-03-02 10:00:00',
        'c1,C,2026-03-02 12:00:00',
        'c2,A,2026-03-02 09:00:00',
        'c2,B,2026-03-02 09:30:00',
        'c3,A,2026-03-02 09:00:00',
        'c3,B,2026-03-02 11:00:00',
        'c3,C,2026-03-02 11:30:00',
        'c4,A,2026-03-02 09:00:00',
      ].join('\n'),
    );
    // Survey, CSAT 1–5 → score − 3: Aanvraag 5, 4 → +2, +1, mean 1.5; Controle 2 → −1; Besluit 4 → +1.
    // Measured curve 1.5, −1, 1: most intense 1.5, end 1 → remembered 1.25; mean 1.5/3 = 0.5.
    await importFile(application.id, 'survey', 'enquete.csv', ['klant;stap;score;schaal;datum', '1;Aanvraag;5;csat;2026-03-02', '2;Aanvraag;4;csat;2026-03-02', '3;Controle;2;csat;2026-03-02', '4;Besluit;4;csat;2026-03-02'].join('\n'));

    // The lifecycle: Oriëntatie (own moments +1, −1, 0), Aanmelden (none), Verlengen (own +2).
    const map = await journeyWithScores('Lidmaatschap', [], 'experience');
    mapId = map.id;
    await json(await send('PATCH', `/api/journeys/${mapId}/records/${map.phaseId}`, { name: 'Oriëntatie' }));
    for (const score of [1, -1, 0]) await json(await send('POST', `/api/journeys/${mapId}/steps`, { phaseId: map.phaseId, title: `moment ${score}`, score }), 201);
    stages = [map.phaseId as PhaseId, await addStage(mapId, 'Aanmelden', []), await addStage(mapId, 'Verlengen', [2])];
    const applicationPhase = (await json<JourneyDocument>(await server.fetch(`/api/journeys/${application.id}`))).phases[0]!.id as PhaseId;
    await link(mapId, stages[0]!, membership.id, 'a0');
    await link(mapId, stages[1]!, membership.id, 'a1');
    await link(mapId, stages[1]!, application.id, 'a2', applicationPhase);
    await link(mapId, stages[2]!, renewal.id, 'a3');
  });
  afterAll(async () => {
    await server.close();
  });

  it('rolls up each stage by hand: its own moments, and its journeys each counted once', async () => {
    const rollup = await json<ExperienceRollup>(await server.fetch(`/api/journeys/${mapId}/experience`));
    expect(rollup.stages.map((stage) => stage.name)).toEqual(['Oriëntatie', 'Aanmelden', 'Verlengen']);
    const [orientation, joining, renewing] = rollup.stages;

    // Oriëntatie, own +1, −1, 0: the tie |+1| = |−1| goes to the negative one, end 0 →
    // remembered (−1 + 0) / 2 = −0.5; mean 0. Journeys: only J1 → its figures.
    expect(orientation!.own).toEqual({ remembered: -0.5, mean: 0, steps: 3 });
    expect(orientation!.journeys).toMatchObject({ designedRemembered: -0.5, designedMean: 0, measuredRemembered: null, cases: 0, dropOffRate: null, medianWaitMinutes: null });

    // Aanmelden: J1 and J3. Designed remembered (−0.5 + 1) / 2 = 0.25; designed mean (0 + 2/3) / 2 = 1/3.
    // Measured: only J3 → 1.25 and 0.5. Drop-off over cases: 4 cases, 2 dropped → 0.5. Wait: J3's 67.5.
    expect(joining!.own).toEqual({ remembered: null, mean: null, steps: 0 });
    expect(joining!.journeys.designedRemembered).toBeCloseTo(0.25, 10);
    expect(joining!.journeys.designedMean).toBeCloseTo(1 / 3, 10);
    expect(joining!.journeys.measuredRemembered).toBeCloseTo(1.25, 10);
    expect(joining!.journeys.measuredMean).toBeCloseTo(0.5, 10);
    expect(joining!.journeys).toMatchObject({ cases: 4, dropOffRate: 0.5, medianWaitMinutes: 67.5, xla: null });
    const measured = joining!.links.find((l) => l.journeyId === application.id)!;
    expect(measured).toMatchObject({ availability: 'available', title: 'Aanvraag', measurement: { cases: 4, completionRate: 0.5, medianWaitMinutes: 67.5 } });
    expect(measured.targetPhaseId).toMatch(/^phase:/);

    // Verlengen: own +2 → remembered (2 + 2) / 2 = 2; J2 → 1.5 and 1.
    expect(renewing!.own).toEqual({ remembered: 2, mean: 2, steps: 1 });
    expect(renewing!.journeys).toMatchObject({ designedRemembered: 1.5, designedMean: 1 });

    // The lifecycle curve: a stage's own remembered score, else its journeys'; measured from the journeys.
    expect(rollup.curve.map((point) => point.designed)).toEqual([-0.5, 0.25, 2]);
    expect(rollup.curve.map((point) => point.measured)).toEqual([null, 1.25, null]);
  });

  it('shows a trashed linked journey as trashed, without its title, and back once restored, on the route and the open stream; a score change and an import reach the stream', async () => {
    const controller = new AbortController();
    const events = await server.fetch(`/api/journeys/${mapId}/experience/events`, { signal: controller.signal });
    expect(events.headers.get('content-type')).toContain('text/event-stream');
    const stream = readEventStream(events);
    const renewalLink = (rollup: ExperienceRollup | undefined) => rollup?.stages[2]!.links[0];
    await expect.poll(() => renewalLink(rollupsOf(stream).at(-1))?.availability).toBe('available');

    expect((await server.fetch(`/api/journeys/${renewal.id}`, { method: 'DELETE' })).status).toBe(204);
    await expect.poll(() => renewalLink(rollupsOf(stream).at(-1))?.availability).toBe('trashed');
    expect(renewalLink(rollupsOf(stream).at(-1))).toMatchObject({ title: null, scores: null, health: null });
    expect(rollupsOf(stream).at(-1)!.stages[2]!.journeys.designedRemembered).toBeNull();
    const fromRoute = await json<ExperienceRollup>(await server.fetch(`/api/journeys/${mapId}/experience`));
    expect(renewalLink(fromRoute)?.availability).toBe('trashed');

    expect((await server.fetch(`/api/journeys/${renewal.id}/restore`, { method: 'POST' })).status).toBe(204);
    await expect.poll(() => renewalLink(rollupsOf(stream).at(-1))?.availability).toBe('available');
    expect(rollupsOf(stream).at(-1)!.stages[2]!.journeys.designedRemembered).toBe(1.5);

    // A score changed in a linked journey reaches the open stream: J2's end 1 → −2 makes it
    // remembered (most intense: +2 and −2 tie, the negative wins) (−2 + −2) / 2 = −2.
    const renewalDoc = await json<JourneyDocument>(await server.fetch(`/api/journeys/${renewal.id}`));
    const lastStep = renewalDoc.steps.find((step) => step.title === 'Bevestiging')!;
    await json(await send('PATCH', `/api/journeys/${renewal.id}/records/${lastStep.id}`, { score: -2 }));
    await expect.poll(() => rollupsOf(stream).at(-1)!.stages[2]!.journeys.designedRemembered).toBe(-2);

    // An import reaches the open stream too: one survey answer for J1 (CSAT 1 → −2 at
    // "Formulier") makes its measured curve −2 → remembered −2, in stage Oriëntatie.
    expect(rollupsOf(stream).at(-1)!.stages[0]!.journeys.measuredRemembered).toBeNull();
    await importFile(membership.id, 'survey', 'lid-enquete.csv', ['klant;stap;score;schaal;datum', '1;Formulier;1;csat;2026-03-02'].join('\n'));
    await expect.poll(() => rollupsOf(stream).at(-1)!.stages[0]!.journeys.measuredRemembered).toBe(-2);
    controller.abort();
    await stream.reading;
  });

  it('shows a person only the linked journeys they may see: the others as unavailable, without their titles or figures', async () => {
    // Invited to the experience map alone (a journey invitation), not to its workspace.
    const guest = await invitePerson(server, 'viewer', { journeyId: mapId });
    const asGuest = async () => json<ExperienceRollup>(await asPerson(server, guest, `/api/journeys/${mapId}/experience`));
    const seen = await asGuest();
    const links = seen.stages.flatMap((stage) => stage.links);
    expect(links.length).toBeGreaterThan(0);
    expect(links.every((link) => link.availability === 'unavailable' && link.title === null && link.scores === null)).toBe(true);
    // (The renewal journey shares its title with a stage, so it is checked by its link above.)
    for (const title of ['Lid worden', 'Aanvraag']) expect(JSON.stringify(seen)).not.toContain(`"${title}"`);
    expect(seen.stages[1]!.journeys).toMatchObject({ designedRemembered: null, cases: 0 });

    // What they may link to: nothing they cannot see; the owner sees the workspace's journeys.
    const linkable = async (person: Parameters<typeof asPerson>[1] | null) =>
      (await json<{ id: string; title: string }[]>(person ? await asPerson(server, person, `/api/journeys/${mapId}/linkable`) : await server.fetch(`/api/journeys/${mapId}/linkable`))).map((j) => j.title);
    expect(await linkable(guest)).toEqual([]);
    expect(await linkable(null)).toEqual(expect.arrayContaining(['Aanvraag', 'Lid worden', 'Verlengen']));
    expect(await linkable(null)).not.toContain('Lidmaatschap');

    // Shared the renewal journey with them too: that link opens up, the others stay closed.
    await json(await send('POST', `/api/journeys/${renewal.id}/members`, { email: guest.email, role: 'viewer' }), 204);
    const after = await asGuest();
    expect(after.stages[2]!.links[0]).toMatchObject({ availability: 'available', title: 'Verlengen' });
    expect(after.stages[0]!.links[0]).toMatchObject({ availability: 'unavailable', title: null });
    expect(await linkable(guest)).toEqual(['Verlengen']);
  });

  it('follows a change of access on the open stream at once: a journey shared opens its link, the map unshared ends the stream', async () => {
    const guest = await invitePerson(server, 'viewer', { journeyId: mapId });
    const controller = new AbortController();
    const stream = readEventStream(await asPerson(server, guest, `/api/journeys/${mapId}/experience/events`, { signal: controller.signal }));
    const renewalLink = () => rollupsOf(stream).at(-1)?.stages[2]!.links[0];
    await expect.poll(() => renewalLink()?.availability).toBe('unavailable');

    // Well within the 10 s an open stream otherwise trusts what it read of the person's access.
    const shared = performance.now();
    await json(await send('POST', `/api/journeys/${renewal.id}/members`, { email: guest.email, role: 'viewer' }), 204);
    await expect.poll(() => renewalLink()?.availability, { timeout: 2_000 }).toBe('available');
    expect(renewalLink()!.title).toBe('Verlengen');
    expect(performance.now() - shared).toBeLessThan(2_000);

    await json(await send('POST', `/api/journeys/${mapId}/members`, { email: guest.email, role: null }), 204);
    await Promise.race([stream.reading, new Promise((_, reject) => setTimeout(() => reject(new Error('the stream did not end within 2 s')), 2_000))]);
    expect(stream.messages.at(-1)?.event).toBe('access-ended');
    expect((await asPerson(server, guest, `/api/journeys/${mapId}/experience`)).status).toBe(404);
    controller.abort();
  });

  it('ends the open stream of a person who signs out everywhere', async () => {
    const guest = await invitePerson(server, 'viewer', { journeyId: mapId });
    const controller = new AbortController();
    const stream = readEventStream(await asPerson(server, guest, `/api/journeys/${mapId}/experience/events`, { signal: controller.signal }));
    await expect.poll(() => rollupsOf(stream).length).toBeGreaterThan(0);
    const revoked = await asPerson(server, guest, '/api/auth/revoke-sessions', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(revoked.status).toBe(200);
    await Promise.race([stream.reading, new Promise((_, reject) => setTimeout(() => reject(new Error('the stream did not end within 2 s')), 2_000))]);
    expect(stream.messages.at(-1)?.event).toBe('access-ended');
    controller.abort();
  });

  it('never tells the title of a journey the caller may not see', async () => {
    const rollup = await json<ExperienceRollup>(await server.fetch(`/api/journeys/${mapId}/experience`));
    await server.server.documents.edit(mapId, (doc) => writeRecord(doc, createLinkRecord({ phaseId: stages[0]!, journeyId: 'no-such-journey', index: 'a9' })));
    const after = await json<ExperienceRollup>(await server.fetch(`/api/journeys/${mapId}/experience`));
    expect(after.stages[0]!.links).toHaveLength(rollup.stages[0]!.links.length + 1);
    expect(after.stages[0]!.links.at(-1)).toMatchObject({ journeyId: 'no-such-journey', availability: 'unavailable', title: null });
    expect((await server.fetch('/api/journeys/no-such-map/experience')).status).toBe(404);
  });

  it("follows a linked journey's waits measured at another moment: the stage's median wait is the one the metrics API gives", async () => {
    const joining = async () => (await json<ExperienceRollup>(await server.fetch(`/api/journeys/${mapId}/experience`))).stages[1]!.journeys.medianWaitMinutes;
    // Rolled up (and kept) with the waits before each step first.
    expect(await joining()).toBe(67.5);
    const doc = await json<JourneyDocument>(await server.fetch(`/api/journeys/${application.id}`));
    const moments = new Map(doc.steps.map((step) => [step.id, step.wait]));
    try {
      for (const step of doc.steps) await json(await send('PATCH', `/api/journeys/${application.id}/records/${step.id}`, { wait: { moment: 'during', minutes: 5 } }));
      const { metrics } = await json<{ metrics: JourneyMetrics }>(await server.fetch(`/api/journeys/${application.id}/metrics`));
      // The median over the steps' measured waits, as the roll-up takes it from the same figures.
    const medianWait = measurementRollup(metrics).medianWaitMinutes!;
      expect(medianWait).not.toBe(67.5);
      await expect.poll(joining, { timeout: 15_000 }).toBeCloseTo(medianWait!, 9);
    } finally {
      for (const [stepId, wait] of moments) await send('PATCH', `/api/journeys/${application.id}/records/${stepId}`, { wait });
    }
  });
});
