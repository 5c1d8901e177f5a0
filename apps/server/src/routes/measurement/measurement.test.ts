import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parseDfg } from '@klantreis/analytics';
import { toAxis } from '@klantreis/evaluation';
import type { JourneyDocument } from '@klantreis/schema';
import { JourneyAnalytics } from '../../commands/journeyAnalytics.ts';
import { buildTestServer, eventually, type Backend, type TestServer } from '../../testServer.ts';
import { SHARED_EVENT_LOGS } from '../../../../../testing/sharedData.ts';
import { authorizedFetch } from '../../testCredentials.ts';

const postgresUrl = inject('postgresUrl');
const backends: [string, Backend][] = [['SQLite', { kind: 'sqlite' }]];
if (postgresUrl) backends.push(['PostgreSQL', { kind: 'postgres', adminUrl: postgresUrl }]);

const LOGS = SHARED_EVENT_LOGS;
const RUNNING_EXAMPLE = join(LOGS, 'running-example.csv');
const RECEIPT = join(LOGS, 'receipt.csv');

interface Upload {
  id: string;
  state: string;
  bytes: number;
  contentHash: string;
  duplicateOf: { id: string } | null;
  problem: { message: string } | null;
  staged: {
    kind: string;
    events?: number;
    cases?: number;
    rejectedCount: number;
    summary: { detected: Record<string, unknown>; mapping: Record<string, string> };
    sampleRows: unknown[];
  } | null;
}
interface Measurement {
  metrics: {
    cases: number;
    completed: number;
    coverage: { events: number; mappedEvents: number; share: number; cases: number };
    steps: { stepId: string; reach: number; dropOff: number; conversion: number | null; survey: { n: number; axisMean: number | null } }[];
    variantCount: number;
    dfg: { edges: { from: string; to: string; count: number }[]; starts: Record<string, number>; ends: Record<string, number> };
    trend: { period: string; cases: number; completionRate: number }[];
  };
  xla: { indicators: { indicatorId: string; status: string; value: number | null; period: string | null }[]; hasSentiment: boolean };
  imports: { id: string; kind: string }[];
}

/** A log's events as a plain reading of the CSV gives them: no quotes in these files, so a split will do. */
function readCsvEvents(file: string, columns: { caseId: string; activity: string; timestamp: string }) {
  const [header, ...lines] = readFileSync(file, 'utf8').trim().split(/\r?\n/);
  if (header === undefined) throw new Error(`${file} has no header line`);
  const names = header.split(',');
  const at = (name: string) => names.indexOf(name);
  return lines.map((line, i) => {
    const fields = line.split(',');
    return { line: i + 2, caseId: fields[at(columns.caseId)]!, activity: fields[at(columns.activity)]!, millis: Date.parse(fields[at(columns.timestamp)]!.replace(' ', 'T')) };
  });
}

const XES_COLUMNS = { caseId: 'case:concept:name', activity: 'concept:name', timestamp: 'time:timestamp' };

describe.each(backends)('measurement API on %s', (_name, backend) => {
  let server: TestServer;
  const api = (path: string, init?: RequestInit) => authorizedFetch(`${server.url}${path}`, init);
  const json = async <T>(response: Response, status: number): Promise<T> => {
    const body = await response.text();
    expect(response.status, body.slice(0, 500)).toBe(status);
    return (body === '' ? undefined : JSON.parse(body)) as T;
  };
  const post = (path: string, body: unknown) => api(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const sendFile = (path: string, file: string) => api(path, { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: readFileSync(file) });

  async function journeyWithSteps(steps: { title: string; activityPatterns: string[]; journeyEnd?: boolean }[]): Promise<{ id: string; stepIds: string[] }> {
    const { id } = await json<{ id: string }>(await post('/api/journeys', { title: 'Gemeten reis', locale: 'nl' }), 201);
    const phaseId = (await json<JourneyDocument>(await api(`/api/journeys/${id}`), 200)).phases[0]!.id;
    const stepIds: string[] = [];
    for (const step of steps) {
      const created = await json<{ id: string }>(await post(`/api/journeys/${id}/steps`, { phaseId, title: step.title }), 201);
      // The mapping is an ordinary field of the step: versioned, and edited live by everyone.
      const patched = await api(`/api/journeys/${id}/records/${created.id}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ activityPatterns: step.activityPatterns, journeyEnd: step.journeyEnd ?? false }),
      });
      expect(patched.status).toBe(200);
      stepIds.push(created.id);
    }
    return { id, stepIds };
  }

  async function checked(journeyId: string, uploadId: string, options: unknown = {}): Promise<Upload> {
    await json<Upload>(await post(`/api/journeys/${journeyId}/uploads/${uploadId}/check`, options), 202);
    for (;;) {
      const upload = await json<Upload>(await api(`/api/journeys/${journeyId}/uploads/${uploadId}`), 200);
      if (upload.state !== 'checking') return upload;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  const measure = async (journeyId: string, query = ''): Promise<Measurement> => json<Measurement>(await api(`/api/journeys/${journeyId}/metrics${query}`), 200);

  beforeAll(async () => {
    server = await buildTestServer(backend);
  });
  afterAll(async () => {
    await server.close();
  });

  it('imports the running example by upload, check and commit; one activity per step gives exactly running-example.dfg', async () => {
    const expected = parseDfg(readFileSync(join(LOGS, 'running-example.dfg'), 'utf8'));
    const { id, stepIds } = await journeyWithSteps(expected.activities.map((activity) => ({ title: activity, activityPatterns: [activity] })));
    const upload = await json<Upload>(await sendFile(`/api/journeys/${id}/uploads?kind=events&fileName=running-example.csv`, RUNNING_EXAMPLE), 201);
    expect(upload).toMatchObject({ state: 'uploaded', bytes: statSync(RUNNING_EXAMPLE).size, duplicateOf: null });
    expect(upload.contentHash).toBe(createHash('sha256').update(readFileSync(RUNNING_EXAMPLE)).digest('hex'));

    const preview = await checked(id, upload.id);
    expect(preview.state).toBe('checked');
    expect(preview.staged).toMatchObject({ kind: 'events', events: 42, cases: 6, rejectedCount: 0 });
    expect(preview.staged!.summary.detected).toMatchObject({ delimiter: ',', decimalMark: '.', encoding: 'utf-8', dateFormat: 'yyyy-mm-dd' });
    expect(preview.staged!.summary.mapping).toMatchObject(XES_COLUMNS);
    expect(preview.staged!.sampleRows).toHaveLength(20);

    const imported = await json<{ id: string; rows: number; cases: number }>(await post(`/api/journeys/${id}/uploads/${upload.id}/commit`, {}), 201);
    expect(imported).toMatchObject({ rows: 42, cases: 6 });
    expect(existsSync(join(server.server.analytics.importDirectory(id, 'events', imported.id)))).toBe(true);

    const { metrics } = await measure(id);
    expect(metrics.coverage).toMatchObject({ events: 42, mappedEvents: 42, share: 1, cases: 6 });
    const name = (stepId: string) => expected.activities[stepIds.indexOf(stepId)]!;
    const edge = (from: string, to: string, count: number) => `${from} > ${to} x ${count}`;
    expect(metrics.dfg.edges.map((e) => edge(name(e.from), name(e.to), e.count)).sort()).toEqual(expected.edges.map((e) => edge(e.from, e.to, e.count)).sort());
    expect(Object.fromEntries(Object.entries(metrics.dfg.starts).map(([step, n]) => [name(step), n]))).toEqual(expected.startActivities);
    expect(Object.fromEntries(Object.entries(metrics.dfg.ends).map(([step, n]) => [name(step), n]))).toEqual(expected.endActivities);
    expect(metrics.variantCount).toBe(6);

    // The same content again is recognised at once and refused on commit, under any name.
    const again = await json<Upload>(await sendFile(`/api/journeys/${id}/uploads?kind=events&fileName=kopie.csv`, RUNNING_EXAMPLE), 201);
    expect(again.duplicateOf?.id).toBe(imported.id);
    await checked(id, again.id);
    const refused = await json<{ error: string; duplicateOf: { id: string } }>(await post(`/api/journeys/${id}/uploads/${again.id}/commit`, {}), 409);
    expect(refused.error).toMatch(/imported before.*running-example\.csv/);
    expect((await json<unknown[]>(await api(`/api/journeys/${id}/imports`), 200)).length).toBe(1);

    // The import brought the index of its own events: the journey, with this one import, reads it
    // and builds no index of its own (issue 13: the first dashboard after an import pays only the metrics).
    const analytics = server.server.analytics;
    const journeyIndex = join(analytics.journeyDirectory(id), 'index');
    expect(existsSync(join(analytics.importDirectory(id, 'events', imported.id), 'index', 'index.json'))).toBe(true);
    expect(existsSync(journeyIndex)).toBe(false);
    // With a second import the journey needs one index of both (a case can run across imports):
    // it is built after the import (the portfolio's roll-up measures the journey at once), before
    // anyone asks for the dashboard.
    const second = await json<{ id: string }>(await sendFile(`/api/journeys/${id}/imports?kind=events&fileName=receipt.csv`, RECEIPT), 201);
    await eventually(() => expect(existsSync(join(journeyIndex, 'index.json'))).toBe(true));
    expect((await measure(id)).metrics.coverage.events).toBe(42 + 8577);
    expect((await api(`/api/journeys/${id}/imports/${second.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await measure(id)).metrics).toEqual(metrics);
    // Back to one import: the index of both is read no more, and not kept on disk.
    expect(existsSync(journeyIndex)).toBe(false);
    // An import made before imports built their index (none in its folder): its index is built
    // into its folder when the journey is first measured, and it measures the same.
    const ownIndex = join(analytics.importDirectory(id, 'events', imported.id), 'index');
    await rm(ownIndex, { recursive: true });
    const older = new JourneyAnalytics(server.store, analytics.analyticsDir);
    expect((await older.measure(id, await json<JourneyDocument>(await api(`/api/journeys/${id}`), 200))).metrics).toEqual(metrics);
    expect(existsSync(join(ownIndex, 'index.json'))).toBe(true);
    expect(existsSync(journeyIndex)).toBe(false);
  });

  it('measures receipt.csv: reach, drop-off, conversion and completion per step as a plain pass over the CSV', async () => {
    const steps = [
      { title: 'Ontvangst', activityPatterns: ['Confirmation of receipt'] },
      { title: 'Controle', activityPatterns: ['T02*', 'T03*', 'T04*'] },
      { title: 'Bevestiging', activityPatterns: ['T05*'] },
      { title: 'Advies', activityPatterns: ['T06*', 'T07*', 'T08*', 'T09*'] },
      { title: 'Stopindicatie', activityPatterns: ['T10*'], journeyEnd: true },
      { title: 'Document X', activityPatterns: ['T11*', 'T12*', 'T13*', 'T14*', 'T15*'] },
    ];
    const { id } = await journeyWithSteps(steps);
    const imported = await json<{ rows: number; cases: number }>(await sendFile(`/api/journeys/${id}/imports?kind=events&fileName=receipt.csv`, RECEIPT), 201);
    // The published figures of this log (shared/data/README.md).
    expect(imported).toMatchObject({ rows: 8577, cases: 1434 });

    const events = readCsvEvents(RECEIPT, XES_COLUMNS);
    const stepOf = (activity: string) => steps.findIndex((s) => s.activityPatterns.some((p) => (p.endsWith('*') ? activity.startsWith(p.slice(0, -1)) : activity === p)));
    const paths = new Map<string, number[]>();
    for (const event of [...events].sort((a, b) => a.millis - b.millis || a.line - b.line)) {
      const step = stepOf(event.activity);
      if (step < 0) continue;
      const path = paths.get(event.caseId) ?? [];
      if (path.at(-1) !== step) path.push(step);
      paths.set(event.caseId, path);
    }
    const cases = [...paths.values()];
    const done = cases.filter((path) => path.includes(4));
    const { metrics } = await measure(id);
    expect(metrics.coverage.events).toBe(8577);
    expect(metrics.coverage.mappedEvents).toBe(events.filter((e) => stepOf(e.activity) >= 0).length);
    expect(metrics.cases).toBe(cases.length);
    expect(metrics.completed).toBe(done.length);
    const startedAtFirst = cases.filter((path) => path.includes(0));
    steps.forEach((step, i) => {
      const reached = cases.filter((path) => path.includes(i));
      expect(metrics.steps[i], step.title).toMatchObject({
        reach: reached.length,
        dropOff: cases.filter((path) => !path.includes(4) && path.at(-1) === i).length,
      });
      expect(metrics.steps[i]!.conversion).toBeCloseTo(reached.filter((path) => startedAtFirst.includes(path)).length / startedAtFirst.length, 12);
    });
    // Asked again with nothing changed, the answer is the one remembered: nothing is computed.
    const analytics = server.server.analytics;
    const computed = analytics.computedMeasurements(id);
    expect((await measure(id)).metrics).toEqual(metrics);
    expect(analytics.computedMeasurements(id)).toBe(computed);
    // The mapped tables were kept on disk after the answer; a later opening (a new JourneyAnalytics
    // on the folder, as after a restart) reads them and measures the same.
    const cache = join(analytics.journeyDirectory(id), 'metrics-cache');
    await eventually(() => expect(existsSync(cache) ? readdirSync(cache).filter((name) => !name.includes('.partial-')) : []).toHaveLength(1));
    const later = new JourneyAnalytics(server.store, analytics.analyticsDir);
    expect((await later.measure(id, await json<JourneyDocument>(await api(`/api/journeys/${id}`), 200))).metrics).toEqual(metrics);
    expect(later.computedMeasurements(id)).toBe(1);
    expect(readdirSync(cache).filter((name) => !name.includes('.partial-'))).toHaveLength(1);
  });

  it('imports survey answers: refuses a file with bad rows naming line and field, keeps the good rows when asked, on the −2..+2 axis', async () => {
    const { id } = await journeyWithSteps([
      { title: 'Aanvraag', activityPatterns: ['register request'] },
      { title: 'Besluit', activityPatterns: ['decide'] },
    ]);
    const survey = [
      'klant;stap;score;schaal;datum',
      '1;Aanvraag;4;csat;2011-01-03',
      '2;Aanvraag;2;csat;2011-01-04',
      '3;Besluit;9;0-10;2011-01-05',
      '4;Besluit;11;0-10;2011-01-05',
      '5;Betaling;3;csat;2011-01-06',
      '6;journey;-40;-100..100;31-01-2011',
    ].join('\n');
    const file = join(server.server.analytics.analyticsDir, 'survey-test.csv');
    await mkdir(server.server.analytics.analyticsDir, { recursive: true });
    await writeFile(file, survey);

    const refused = await json<{ error: string; rejected: { line: number; field: string; reason: string }[]; rejectedCount: number }>(
      await sendFile(`/api/journeys/${id}/imports?kind=survey&fileName=enquete.csv`, file),
      400,
    );
    expect(refused.error).toMatch(/^enquete\.csv:5: field "score"/);
    expect(refused.rejected).toEqual([
      { line: 5, field: 'score', reason: 'a zero-to-ten value must be a number from 0 to 10, got 11' },
      { line: 6, field: 'stap', reason: 'no step or touchpoint is called "Betaling"' },
      { line: 7, field: 'datum', reason: 'bad date "31-01-2011" (expected yyyy-mm-dd)' },
    ]);
    expect(await json<unknown[]>(await api(`/api/journeys/${id}/imports`), 200)).toEqual([]);

    const kept = await json<{ rows: number; rejected: number }>(await sendFile(`/api/journeys/${id}/imports?kind=survey&fileName=enquete.csv&skipRejected=true`, file), 201);
    expect(kept).toMatchObject({ rows: 3, rejected: 3 });
    const { metrics } = await measure(id);
    expect(metrics.steps[0]!.survey).toMatchObject({ n: 2, axisMean: (toAxis(4, 'csat') + toAxis(2, 'csat')) / 2 });
    expect(metrics.steps[1]!.survey).toMatchObject({ n: 1, axisMean: toAxis(9, 'zero-to-ten') });
  });

  it("evaluates the XLA: met, at risk and missed against each indicator's target", async () => {
    const { id, stepIds } = await journeyWithSteps([
      { title: 'Aanvraag', activityPatterns: ['register request'] },
      { title: 'Onderzoek', activityPatterns: ['examine*', 'check ticket'] },
      { title: 'Besluit', activityPatterns: ['decide'] },
      { title: 'Uitbetaling', activityPatterns: ['pay compensation'], journeyEnd: true },
    ]);
    await json(await sendFile(`/api/journeys/${id}/imports?kind=events&fileName=running-example.csv`, RUNNING_EXAMPLE), 201);
    // Completion in the last month of cases, from the CSV: the cases that started in January 2011 and paid.
    const byCase = new Map<string, { start: number; paid: boolean }>();
    for (const e of readCsvEvents(RUNNING_EXAMPLE, XES_COLUMNS)) {
      const known = byCase.get(e.caseId) ?? { start: e.millis, paid: false };
      byCase.set(e.caseId, { start: Math.min(known.start, e.millis), paid: known.paid || e.activity === 'pay compensation' });
    }
    const january = [...byCase.values()].filter((c) => new Date(c.start).toISOString().startsWith('2011-01'));
    const rate = (100 * january.filter((c) => c.paid).length) / january.length;

    const add = async (body: unknown) => (await json<{ id: string }>(await post(`/api/journeys/${id}/indicators`, body), 201)).id;
    const met = await add({ name: 'Afgerond', kind: 'O', metric: 'completion-rate', direction: 'at-least', target: rate - 10, margin: 5 });
    const atRisk = await add({ name: 'Afgerond (krap)', kind: 'O', metric: 'completion-rate', direction: 'at-least', target: rate - 2, margin: 5 });
    const missed = await add({ name: 'Afgerond (streng)', kind: 'O', metric: 'completion-rate', direction: 'at-least', target: rate + 1, margin: 5 });
    const needsStep = await add({ name: 'Wachttijd', kind: 'O', metric: 'wait-p90', direction: 'at-most', target: 60, margin: 10 });
    expect((await post(`/api/journeys/${id}/indicators`, { metric: 'nps' })).status).toBe(400);

    let { xla } = await measure(id);
    const status = (indicatorId: string) => xla.indicators.find((i) => i.indicatorId === indicatorId)!;
    expect(status(met)).toMatchObject({ status: 'met', period: '2011-01-01' });
    expect(status(met).value).toBeCloseTo(rate, 9);
    expect(status(atRisk).status).toBe('at-risk');
    expect(status(missed).status).toBe('missed');
    expect(status(needsStep).status).toBe('no-data');
    expect(xla.hasSentiment).toBe(false);

    // Give the wait a step and a sentiment indicator: the XLA reads the document as it is now.
    expect((await api(`/api/journeys/${id}/indicators/${encodeURIComponent(needsStep)}`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ stepId: stepIds[2] }) })).status).toBe(204);
    await add({ name: 'Tevredenheid', kind: 'X', metric: 'journey-score', direction: 'at-least', target: 1, margin: 0.25 });
    ({ xla } = await measure(id));
    expect(status(needsStep).status).toBe('missed');
    expect(xla.hasSentiment).toBe(true);
  });

  it('computes a measurement once for twenty editors asking at once, and anew when a designed score, the imports, the mapping or the period change', async () => {
    const { id, stepIds } = await journeyWithSteps([
      { title: 'Aanvraag', activityPatterns: ['register request'] },
      { title: 'Besluit', activityPatterns: ['decide'] },
    ]);
    const analytics = server.server.analytics;
    const computedSince = (start: number) => analytics.computedMeasurements(id) - start;
    let start = analytics.computedMeasurements(id);
    // Every editor asks again after a change to the mapping (useMeasurement), all at once.
    const answers = await Promise.all(Array.from({ length: 20 }, () => measure(id)));
    expect(computedSince(start)).toBe(1);
    for (const answer of answers) expect(answer).toEqual(answers[0]);
    expect(answers[0]!.metrics.cases).toBe(0);
    // The answer is shared: under the tests it is frozen, so a caller that changes it fails.
    const shared = await analytics.measure(id, await json<JourneyDocument>(await api(`/api/journeys/${id}`), 200));
    expect(() => Object.assign(shared.metrics, { cases: 1 })).toThrow(TypeError);
    expect(computedSince(start)).toBe(1);

    const patchStep = async (stepId: string, fields: Record<string, unknown>) =>
      expect((await api(`/api/journeys/${id}/records/${stepId}`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify(fields) })).status).toBe(200);
    const designed = (measurement: Measurement, i: number) => (measurement.metrics.steps[i] as unknown as { designedScore: number | null }).designedScore;
    start = analytics.computedMeasurements(id);
    await patchStep(stepIds[1]!, { score: 2 });
    expect(designed(await measure(id), 1)).toBe(2);
    expect(computedSince(start)).toBe(1);

    await json(await sendFile(`/api/journeys/${id}/imports?kind=events&fileName=running-example.csv`, RUNNING_EXAMPLE), 201);
    const imported = await measure(id);
    expect(imported.metrics.cases).toBe(6);
    expect(imported.metrics.steps.map((step) => step.reach)).toEqual([6, 6]);
    expect(computedSince(start)).toBe(2);

    await patchStep(stepIds[1]!, { activityPatterns: ['pay compensation'] });
    const remapped = await measure(id);
    expect(remapped.metrics.steps.map((step) => step.reach)).toEqual([6, 3]);
    expect(computedSince(start)).toBe(3);
    expect((await measure(id)).metrics).toEqual(remapped.metrics);
    expect(computedSince(start)).toBe(3);

    expect((await measure(id, '?period=week')).metrics).toMatchObject({ period: 'week', cases: 6 });
    expect(computedSince(start)).toBe(4);

    // The variants are cut to the number asked from the one measurement: the same first ones.
    const variants = (query: string) => measure(id, query).then((answer) => (answer.metrics as unknown as { variants: { stepIds: string[] }[] }).variants);
    const all = await variants('?variants=100');
    expect(all.length).toBe(remapped.metrics.variantCount);
    expect(await variants('?variants=1')).toEqual(all.slice(0, 1));
    expect(await variants('')).toEqual(all.slice(0, 10));
    expect(computedSince(start)).toBe(4);
  });

  it('does not keep a measurement too large to keep (a log of 20,000 activities), and measures it right each time', async () => {
    const { id } = await journeyWithSteps([{ title: 'Eerste', activityPatterns: ['activiteit 00000*'] }]);
    const rows = ['case,activity,timestamp'];
    for (let i = 0; i < 20_000; i++) rows.push(`c${i % 500},activiteit ${String(i).padStart(5, '0')} met een lange naam uit het CRM,2024-01-01 ${String(Math.floor(i / 3600) % 24).padStart(2, '0')}:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`);
    const file = join(server.server.analytics.analyticsDir, 'many-activities.csv');
    await writeFile(file, rows.join('\n'));
    await json(await sendFile(`/api/journeys/${id}/imports?kind=events&fileName=many-activities.csv`, file), 201);
    const analytics = server.server.analytics;
    const first = await measure(id);
    expect(first.metrics.coverage).toMatchObject({ events: 20_000, mappedEvents: 1 });
    expect(JSON.stringify(first).length).toBeGreaterThan(1_000_000);
    // Asked again, it is computed again (the experience roll-up after the import may ask too).
    const before = analytics.computedMeasurements(id);
    expect((await measure(id)).metrics).toEqual(first.metrics);
    expect(analytics.computedMeasurements(id) - before).toBeGreaterThanOrEqual(1);
  });

  it('deletes an import with its data, and a journey deleted for good with its analytics folder', async () => {
    const { id } = await journeyWithSteps([{ title: 'Aanvraag', activityPatterns: ['register request'] }]);
    const imported = await json<{ id: string }>(await sendFile(`/api/journeys/${id}/imports?kind=events&fileName=running-example.csv`, RUNNING_EXAMPLE), 201);
    expect((await measure(id)).metrics.cases).toBe(6);
    const folder = server.server.analytics.journeyDirectory(id);
    expect(existsSync(folder)).toBe(true);
    expect((await api(`/api/journeys/${id}/imports/${imported.id}`, { method: 'DELETE' })).status).toBe(204);
    expect(existsSync(server.server.analytics.importDirectory(id, 'events', imported.id))).toBe(false);
    expect((await measure(id)).metrics.cases).toBe(0);

    await json(await sendFile(`/api/journeys/${id}/imports?kind=events&fileName=running-example.csv`, RUNNING_EXAMPLE), 201);
    expect((await api(`/api/journeys/${id}`, { method: 'DELETE' })).status).toBe(204);
    expect(existsSync(folder)).toBe(true);
    expect((await api(`/api/journeys/${id}?permanent=true`, { method: 'DELETE' })).status).toBe(204);
    expect(existsSync(folder)).toBe(false);
  });

  it('answers a measurement asked while an import is deleted with or without it, never with a missing file', async () => {
    const { id } = await journeyWithSteps([{ title: 'Aanvraag', activityPatterns: ['register request'] }]);
    const analytics = server.server.analytics;
    for (let cycle = 0; cycle < 6; cycle++) {
      const imported = await json<{ id: string }>(await sendFile(`/api/journeys/${id}/imports?kind=events&fileName=running-example-${cycle}.csv`, RUNNING_EXAMPLE), 201);
      const document = await json<JourneyDocument>(await api(`/api/journeys/${id}`), 200);
      // Once the portfolio's roll-up has measured the new import (the same measurement), without
      // the import's own index, as an import of an older version: the next measurement builds it
      // from the import's files, which the delete removes.
      await analytics.measure(id, document);
      await rm(join(analytics.importDirectory(id, 'events', imported.id), 'index'), { recursive: true });
      const [before, deleted] = await Promise.allSettled([analytics.measure(id, document, { period: 'week' }), analytics.deleteImport(id, imported.id)]);
      expect(deleted).toEqual({ status: 'fulfilled', value: true });
      if (before.status === 'rejected') throw before.reason;
      // Whichever came first, the answer is whole: its imports and its figures agree.
      const withImport = before.value.imports.some((record) => record.id === imported.id);
      expect(before.value.metrics.cases).toBe(withImport ? 6 : 0);
      expect(existsSync(analytics.importDirectory(id, 'events', imported.id))).toBe(false);
      expect((await measure(id)).metrics.cases).toBe(0);
    }
  });

  it('refuses an upload for a journey that does not exist, an empty file, and a file that is not a log', async () => {
    expect((await sendFile('/api/journeys/nope/uploads?kind=events&fileName=x.csv', RUNNING_EXAMPLE)).status).toBe(404);
    const { id } = await journeyWithSteps([]);
    const empty = await api(`/api/journeys/${id}/uploads?kind=events&fileName=leeg.csv`, { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: new Uint8Array(0) });
    expect(empty.status).toBe(400);
    const notALog = await api(`/api/journeys/${id}/uploads?kind=events&fileName=notities.csv`, { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: 'naam,telefoon\nPiet,0612345678\n' });
    const upload = await json<Upload>(notALog, 201);
    const result = await checked(id, upload.id);
    expect(result.state).toBe('failed');
    expect(result.problem!.message).toMatch(/^notities\.csv:1: no column for the case id/);
    expect((await post(`/api/journeys/${id}/uploads/${upload.id}/commit`, {})).status).toBe(409);
    expect((await api(`/api/journeys/${id}/uploads/${upload.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await api(`/api/journeys/${id}/uploads/${upload.id}`)).status).toBe(404);
  });
});
