import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { formatDuration } from '@klantreis/evaluation';
import { fontMeasure, journeyView, layoutMap, layoutSvg } from '@klantreis/render';
import type { JourneyDocument } from '@klantreis/schema';
import { buildTestServer, type TestServer } from '../../testServer.ts';
import { measuredSteps } from './exportSupport.ts';
import { authorizedFetch } from '../../testCredentials.ts';
import { SHARED_EVENT_LOGS } from '../../../../../testing/sharedData.ts';

// An export of a measured journey says what the editor says under each measured step: the
// drop-off share and the p90 wait ("↘ 17% · 2 dagen, 3 uur"), in the journey's language, in the
// SVG's text, on the slide of the curve and in the PDF's text; the measurement is the real one
// (the running example imported through the API into DuckDB, the journey in SQLite).

const RUNNING_EXAMPLE = join(SHARED_EVENT_LOGS, 'running-example.csv');
const STEPS = [
  { title: 'Aanvraag', activityPatterns: ['register request'] },
  { title: 'Onderzoek', activityPatterns: ['examine*', 'check ticket'] },
  // A designed wait of one minute before the decision: the log's p90 wait is far longer, so a "!".
  { title: 'Besluit', activityPatterns: ['decide', 'reinitiate request'], wait: { moment: 'before', minutes: 1 } },
  { title: 'Uitbetaling', activityPatterns: ['pay compensation'], journeyEnd: true },
  { title: 'Afwijzing', activityPatterns: ['reject request'], journeyEnd: true },
];

interface StepFigures {
  stepId: string;
  activities: string[];
  dropOffShare: number | null;
  wait: { measured: { p90Seconds: number | null } };
}

const squeeze = (text: string) => text.replace(/\s+/g, '');

describe('exports of a journey with an imported event log', () => {
  let server: TestServer;
  const api = (path: string, init?: RequestInit) => authorizedFetch(`${server.url}${path}`, init);
  const send = (path: string, method: string, body: unknown) => api(path, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const journeys = new Map<'nl' | 'en', { id: string; words: string[] }>();
  let unmeasuredId: string;

  async function measuredJourney(locale: 'nl' | 'en'): Promise<string> {
    const { id } = (await (await send('/api/journeys', 'POST', { title: `Compensatie ${locale}`, locale })).json()) as { id: string };
    const phaseId = ((await (await api(`/api/journeys/${id}`)).json()) as JourneyDocument).phases[0]!.id;
    for (const [i, step] of STEPS.entries()) {
      const created = (await (await send(`/api/journeys/${id}/steps`, 'POST', { phaseId, title: step.title })).json()) as { id: string };
      const patched = await send(`/api/journeys/${id}/records/${created.id}`, 'PATCH', { activityPatterns: step.activityPatterns, journeyEnd: step.journeyEnd ?? false, wait: step.wait ?? null, score: [1, 0, -1, 2, -2][i] });
      expect(patched.status).toBe(200);
    }
    const imported = await api(`/api/journeys/${id}/imports?kind=events&fileName=running-example.csv`, { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: readFileSync(RUNNING_EXAMPLE) });
    expect(imported.status, await imported.clone().text()).toBe(201);
    return id;
  }

  /** What the editor writes under each measured step, from the metrics it reads (the same API), worded by hand. */
  async function editorWords(id: string, locale: 'nl' | 'en'): Promise<string[]> {
    const { metrics } = (await (await api(`/api/journeys/${id}/metrics?period=month`)).json()) as { metrics: { steps: StepFigures[] } };
    return metrics.steps
      .filter((step) => step.activities.length > 0)
      .map((step) => {
        const p90 = step.wait.measured.p90Seconds;
        return `↘ ${Math.round(step.dropOffShare! * 100)}%${p90 === null ? '' : ` · ${formatDuration(p90, locale)}`}`;
      });
  }

  beforeAll(async () => {
    server = await buildTestServer({ kind: 'sqlite' });
    for (const locale of ['nl', 'en'] as const) {
      const id = await measuredJourney(locale);
      journeys.set(locale, { id, words: await editorWords(id, locale) });
    }
    const { id } = (await (await send('/api/journeys', 'POST', { title: 'Zonder metingen', locale: 'nl' })).json()) as { id: string };
    unmeasuredId = id;
  }, 120_000);
  afterAll(async () => {
    await server?.close();
  });

  it('has figures to show: every mapped step, waits in the language\'s units', () => {
    const nl = journeys.get('nl')!.words;
    expect(nl).toHaveLength(STEPS.length);
    // The running example's waits are days: the two languages write them differently.
    expect(nl.join(' ')).toMatch(/dag/);
    expect(journeys.get('en')!.words.join(' ')).toMatch(/day/);
  });

  it.each(['nl', 'en'] as const)('writes the drop-off and p90 wait of each step in the SVG text, and the "!" of the exceeded wait (%s)', async (locale) => {
    const { id, words } = journeys.get(locale)!;
    const svg = await (await api(`/api/journeys/${id}/export?format=svg`)).text();
    for (const word of words) expect(svg).toContain(`>${word}</tspan>`);
    expect(svg).toContain('>!</tspan>');
  });

  it.each(['nl', 'en'] as const)('puts them on the slide of the curve as text (%s)', async (locale) => {
    const { id, words } = journeys.get(locale)!;
    const zip = await JSZip.loadAsync(Buffer.from(await (await api(`/api/journeys/${id}/export?format=pptx`)).arrayBuffer()));
    const slides = await Promise.all(Object.keys(zip.files).filter((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name)).map((name) => zip.file(name)!.async('string')));
    const curve = slides.find((xml) => xml.includes(locale === 'nl' ? 'Emotiecurve' : 'Emotion curve'))!;
    // A figure too wide for its column is broken after the drop-off, into two paragraphs of one text box.
    const text = squeeze([...curve.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]!).join(''));
    for (const word of words) expect(text).toContain(squeeze(word));
    expect(text).toContain(squeeze(locale === 'nl' ? 'wachttijd p90 langer dan ontworpen' : 'p90 wait longer than designed'));
  });

  it.each(['nl', 'en'] as const)('writes them in the PDF poster as text pdftotext finds (%s)', async (locale) => {
    const { id, words } = journeys.get(locale)!;
    const pdf = Buffer.from(await (await api(`/api/journeys/${id}/export?format=pdf&paper=A3`)).arrayBuffer());
    const file = join(mkdtempSync(join(tmpdir(), 'klantreis-measured-')), 'poster.pdf');
    writeFileSync(file, pdf);
    const text = squeeze(execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }));
    for (const word of words) expect(text).toContain(squeeze(word));
  });

  it('gives the shared view the same figures, when its link shows the measurement', async () => {
    const { id } = journeys.get('nl')!;
    const made = await send(`/api/journeys/${id}/links`, 'POST', { shows: { lanes: true, evaluation: true, measurement: true, comments: false } });
    expect(made.status).toBe(201);
    const token = new URL(((await made.json()) as { url: string }).url).pathname.split('/').pop()!;
    const opened = await fetch(`${server.url}/api/shared/open`, { method: 'POST', headers: { 'content-type': 'application/json', origin: server.url }, body: JSON.stringify({ token, password: null }) });
    expect(opened.status).toBe(200);
    const cookie = opened.headers.getSetCookie().find((c) => c.startsWith('kr_viewer='))!.split(';')[0]!;
    const shared = (await (await fetch(`${server.url}/api/shared/journey`, { headers: { cookie, origin: server.url } })).json()) as { measured: { stepId: string; events?: { dropOffShare: number | null; waitP90Seconds: number | null } | null }[] };
    const { metrics } = (await (await api(`/api/journeys/${id}/metrics?period=month`)).json()) as { metrics: { steps: StepFigures[] } };
    expect(shared.measured).toHaveLength(STEPS.length);
    for (const step of metrics.steps) {
      expect(shared.measured.find((m) => m.stepId === step.stepId)?.events).toEqual({ dropOffShare: step.dropOffShare, waitP90Seconds: step.wait.measured.p90Seconds });
    }
    const svg = await (await fetch(`${server.url}/api/shared/export?format=svg`, { headers: { cookie, origin: server.url } })).text();
    for (const word of journeys.get('nl')!.words) expect(svg).toContain(`>${word}</tspan>`);
  });

  it('measures once for many viewers at once and for typing on the map, again when the mapping changes', async () => {
    const { id } = journeys.get('en')!;
    const made = await send(`/api/journeys/${id}/links`, 'POST', { shows: { lanes: true, evaluation: true, measurement: true, comments: false } });
    const token = new URL(((await made.json()) as { url: string }).url).pathname.split('/').pop()!;
    const opened = await fetch(`${server.url}/api/shared/open`, { method: 'POST', headers: { 'content-type': 'application/json', origin: server.url }, body: JSON.stringify({ token, password: null }) });
    const cookie = opened.headers.getSetCookie().find((c) => c.startsWith('kr_viewer='))!.split(';')[0]!;
    type Shared = { measured: { stepId: string; events?: { dropOffShare: number | null } | null }[] };
    const view = async () => (await (await fetch(`${server.url}/api/shared/journey`, { headers: { cookie, origin: server.url } })).json()) as Shared;
    // The real measurements computed (shared with the experience roll-up that follows every
    // change, which asks for the same); a mapping nobody measured yet.
    const analytics = server.server.analytics;
    const start = analytics.computedMeasurements(id);
    const measured = () => analytics.computedMeasurements(id) - start;
    const decision = ((await (await api(`/api/journeys/${id}`)).json()) as JourneyDocument).steps.find((s) => s.title === 'Besluit')!;
    expect((await send(`/api/journeys/${id}/records/${decision.id}`, 'PATCH', { activityPatterns: ['decide'] })).status).toBe(200);
    const first = await Promise.all(Array.from({ length: 20 }, view));
    expect(measured()).toBe(1);
    for (const answer of first) expect(answer.measured).toEqual(first[0]!.measured);

    // Someone types in a cell and renames nothing: the viewers' next fetch measures nothing new.
    const document = (await (await api(`/api/journeys/${id}`)).json()) as JourneyDocument;
    const lane = document.lanes[0]!;
    const step = document.steps[0]!;
    expect((await send(`/api/journeys/${id}/cells`, 'PUT', { laneId: lane.id, stepId: step.id, text: 'Typed in the workshop' })).status).toBeLessThan(300);
    await view();
    expect(measured()).toBe(1);

    // A step's mapping changes: measured again, and the figures follow.
    expect((await send(`/api/journeys/${id}/records/${decision.id}`, 'PATCH', { activityPatterns: ['decide', 'reinitiate*'] })).status).toBe(200);
    const after = await view();
    expect(measured()).toBe(2);
    expect(after.measured.find((m) => m.stepId === decision.id)).toBeDefined();
  });

  it("measures a step's wait anew for an export when its moment changes, as the editor does", async () => {
    const { id } = journeys.get('nl')!;
    const read = async () => (await (await api(`/api/journeys/${id}`)).json()) as JourneyDocument;
    const editorsP90 = async (stepId: string) =>
      ((await (await api(`/api/journeys/${id}/metrics?period=month`)).json()) as { metrics: { steps: StepFigures[] } }).metrics.steps.find((s) => s.stepId === stepId)!.wait.measured.p90Seconds;
    const decision = (await read()).steps.find((s) => s.title === 'Besluit')!;
    const waitBefore = (await measuredSteps(server.server.analytics, id, await read())).get(decision.id)!.events!.waitP90Seconds;
    expect(waitBefore).toBe(await editorsP90(decision.id));
    try {
      // The wait after the decision (until the next step) instead of before it.
      expect((await send(`/api/journeys/${id}/records/${decision.id}`, 'PATCH', { wait: { moment: 'after', minutes: 1 } })).status).toBe(200);
      const waitAfter = (await measuredSteps(server.server.analytics, id, await read())).get(decision.id)!.events!.waitP90Seconds;
      expect(waitAfter).toBe(await editorsP90(decision.id));
      expect(waitAfter).not.toBe(waitBefore);
    } finally {
      await send(`/api/journeys/${id}/records/${decision.id}`, 'PATCH', { wait: STEPS[2]!.wait });
    }
  });

  it('exports a journey without measurement as before: the map of the document alone', async () => {
    const document = (await (await api(`/api/journeys/${unmeasuredId}`)).json()) as JourneyDocument;
    const svg = await (await api(`/api/journeys/${unmeasuredId}/export?format=svg`)).text();
    expect(svg).toBe(layoutSvg(layoutMap(journeyView(document), fontMeasure())));
    expect(svg).not.toContain('↘');
  });
});
