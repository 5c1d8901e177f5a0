import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { evaluateJourney } from '@klantreis/evaluation';
import { createKanoElement, CURRENT_SCHEMA_VERSION, type JourneyDocument } from '@klantreis/schema';
import { journeyFromDoc, journeyToUpdate } from '@klantreis/sync';
import { buildTemplate } from '@klantreis/templates';
import { buildEditorClient, buildTestServer, eventually, type Backend, type TestServer } from '../../testServer.ts';
import { authorizedFetch } from '../../testCredentials.ts';

const postgresUrl = inject('postgresUrl');
const backends: [string, Backend][] = [['SQLite', { kind: 'sqlite' }]];
if (postgresUrl) backends.push(['PostgreSQL', { kind: 'postgres', adminUrl: postgresUrl }]);

interface ApiEvaluation {
  peakEnd: { remembered: number; mean: number; start: number; peak: number; trough: number; end: number; slope: number };
  findings: { rule: string; severity: string; stepIds: string[]; message: string }[];
  model: { kind: string; explanation: string; start?: number; peak?: number; end?: number };
  toBe: { remembered: number; targetCount: number } | null;
  kano: { elementId: string; better: number | null; worse: number | null }[];
}

describe.each(backends)('evaluation API on %s', (_name, backend) => {
  let server: TestServer;
  const api = (path: string, init?: RequestInit) => authorizedFetch(`${server.url}${path}`, init);
  const patch = (id: string, recordId: string, body: unknown) =>
    api(`/api/journeys/${id}/records/${recordId}`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const postCsv = (id: string, csv: string, query = '') => api(`/api/journeys/${id}/kano${query}`, { method: 'POST', headers: { 'content-type': 'text/csv' }, body: csv });

  async function createFromTemplate(templateId: string, locale: 'nl' | 'en'): Promise<string> {
    const response = await api('/api/journeys', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ templateId, locale }) });
    expect(response.status).toBe(201);
    return ((await response.json()) as { id: string }).id;
  }
  async function getJourney(id: string): Promise<JourneyDocument> {
    return (await (await api(`/api/journeys/${id}`)).json()) as JourneyDocument;
  }
  async function getEvaluation(id: string, query = ''): Promise<ApiEvaluation> {
    const response = await api(`/api/journeys/${id}/evaluation${query}`);
    expect(response.status).toBe(200);
    return (await response.json()) as ApiEvaluation;
  }

  beforeAll(async () => {
    server = await buildTestServer(backend);
  });
  afterAll(async () => {
    await server.close();
  });

  it('returns the peak-end figures and the findings, the same as evaluateJourney on the journey', async () => {
    const id = await createFromTemplate('ikea-visit', 'nl');
    const evaluation = await getEvaluation(id);
    expect(Object.keys(evaluation.peakEnd)).toEqual(expect.arrayContaining(['remembered', 'mean', 'start', 'peak', 'trough', 'end', 'slope']));
    for (const finding of evaluation.findings) expect(Object.keys(finding).sort()).toEqual(['message', 'rule', 'severity', 'stepIds']);
    expect(evaluation).toEqual(JSON.parse(JSON.stringify(evaluateJourney(await getJourney(id)))));
    // The messages are in the language of the journey unless asked otherwise.
    expect(evaluation.model.explanation).toMatch(/^Mensen onthouden/);
    expect((await getEvaluation(id, '?locale=en')).model.explanation).toMatch(/^People remember/);
  });

  it('reports a weak end on the last step once it scores −2, and follows every edit', async () => {
    const id = await createFromTemplate('ikea-visit', 'en');
    expect((await getEvaluation(id)).findings.map((f) => f.rule)).not.toContain('peak-end.weak-end');
    const last = (await getJourney(id)).steps.at(-1)!;
    expect((await patch(id, last.id, { score: -2 })).status).toBe(200);
    const evaluation = await getEvaluation(id);
    const weakEnd = evaluation.findings.find((f) => f.rule === 'peak-end.weak-end');
    expect(weakEnd).toMatchObject({ severity: 'critical', stepIds: [last.id] });
    expect(weakEnd!.message).toContain(last.title);
    expect(evaluation.peakEnd.end).toBe(-2);
  });

  it('switches the model, and refuses a bad model or weight naming the query field', async () => {
    const id = await createFromTemplate('pay-tv-onboarding', 'en');
    const mean = await getEvaluation(id, '?model=mean');
    expect(mean.peakEnd.remembered).toBeCloseTo(mean.peakEnd.mean, 10);
    const weighted = await getEvaluation(id, '?model=weighted&start=0&peak=1&end=1');
    const peakEnd = await getEvaluation(id);
    expect(weighted.model).toMatchObject({ kind: 'weighted', start: 0, peak: 1, end: 1 });
    expect(weighted.peakEnd.remembered).toBeCloseTo(peakEnd.peakEnd.remembered, 10);

    const badModel = await api(`/api/journeys/${id}/evaluation?model=median`);
    expect(badModel.status).toBe(400);
    expect(((await badModel.json()) as { issues: { path: string }[] }).issues[0]!.path).toBe('querystring.model');
    const negative = await api(`/api/journeys/${id}/evaluation?model=weighted&peak=-1`);
    expect(((await negative.json()) as { issues: { path: string }[] }).issues[0]!.path).toBe('querystring.peak');
    const zeros = await api(`/api/journeys/${id}/evaluation?model=weighted&start=0&peak=0&end=0`);
    expect(zeros.status).toBe(400);
    expect(((await zeros.json()) as { issues: { path: string }[] }).issues[0]!.path).toBe('querystring.end');
    expect((await api('/api/journeys/nope/evaluation')).status).toBe(404);
  });

  it('gives the to-be curve its remembered score once a step has a target', async () => {
    const id = await createFromTemplate('pay-tv-onboarding', 'en');
    expect((await getEvaluation(id)).toBe).toBeNull();
    const last = (await getJourney(id)).steps.at(-1)!;
    expect((await patch(id, last.id, { targetScore: 2 })).status).toBe(200);
    expect((await patch(id, last.id, { targetScore: 5 })).status).toBe(400);
    const evaluation = await getEvaluation(id);
    expect(evaluation.toBe).toMatchObject({ targetCount: 1, end: 2 });
    expect(evaluation.toBe!.remembered).toBeGreaterThan(evaluation.peakEnd.remembered);
  });

  it('evaluates a journey whose stored snapshot predates the current schema', async () => {
    const current = buildTemplate('ikea-visit', 'en');
    const { actions: _actions, ...withoutActions } = current;
    const old = {
      ...withoutActions,
      schemaVersion: 3,
      steps: current.steps.map(({ targetScore: _target, ...step }) => ({
        ...step,
        kano: step.kano.map(({ id, text, category }) => ({ id, text, category })),
      })),
    };
    await server.store.createJourney({ id: 'oldsnapshot', document: old as unknown as JourneyDocument, state: journeyToUpdate(current) });
    const journey = await getJourney('oldsnapshot');
    expect(journey.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
    expect(journey.actions).toEqual([]);
    expect((await getEvaluation('oldsnapshot')).peakEnd.end).toBe(2);
  });

  describe('Kano questionnaire import', () => {
    async function journeyWithKano() {
      const id = await createFromTemplate('ikea-visit', 'en');
      const step = (await getJourney(id)).steps[2]!;
      const elements = [createKanoElement({ id: 'meatballs', text: 'Meatballs' }), createKanoElement({ id: 'map', text: 'Store map' })];
      expect((await patch(id, step.id, { kano: elements })).status).toBe(200);
      return { id, step };
    }

    it('writes responses and category to each element through the live document', async () => {
      const { id, step } = await journeyWithKano();
      const editor = await buildEditorClient(server.url, id);
      try {
        const csv = [
          'respondent;element;functioneel;disfunctioneel',
          'r1;Meatballs;leuk;neutraal',
          'r2;meatballs;like;i can live with it',
          'r3;Meatballs;like;dislike',
          'r1;map;verwacht;niet leuk',
          'r2;Store map;neutral;dislike',
        ].join('\n');
        const response = await postCsv(id, csv);
        expect(response.status).toBe(200);
        const body = (await response.json()) as { answerCount: number; elements: { elementId: string; category: string }[] };
        expect(body.answerCount).toBe(5);
        expect(body.elements.map((e) => [e.elementId, e.category])).toEqual([
          ['meatballs', 'attractive'],
          ['map', 'must-be'],
        ]);
        // The open editor sees the result at once: the REST write went through the Yjs document.
        await eventually(() => {
          const kano = journeyFromDoc(editor.doc).steps.find((s) => s.id === step.id)!.kano;
          expect(kano.map((k) => [k.id, k.category, k.responses])).toEqual([
            ['meatballs', 'attractive', { A: 2, O: 1, M: 0, I: 0, R: 0, Q: 0 }],
            ['map', 'must-be', { A: 0, O: 0, M: 2, I: 0, R: 0, Q: 0 }],
          ]);
        });
        const evaluation = await getEvaluation(id);
        expect(evaluation.kano.map((k) => [k.elementId, k.better, k.worse])).toEqual([
          ['meatballs', 1, -1 / 3],
          ['map', 0, -1],
        ]);
      } finally {
        editor.provider.destroy();
      }
    });

    it('refuses a bad CSV with the line and field of each problem and changes nothing', async () => {
      const { id } = await journeyWithKano();
      const before = await getJourney(id);
      const csv = ['respondent,element,functional,dysfunctional', 'r1,Meatballs,like,neutral', 'r2,Hotdog,like,neutral', 'r3,Meatballs,super,neutral'].join('\n');
      const response = await postCsv(id, csv, '?locale=nl');
      expect(response.status).toBe(400);
      const body = (await response.json()) as { error: string; issues: { path: string; line: number; field: string; message: string }[] };
      expect(body.error).toBe('the CSV has 2 problem(s); nothing was imported');
      expect(body.issues.map((i) => [i.path, i.line, i.field])).toEqual([
        ['line 3, element', 3, 'element'],
        ['line 4, functional', 4, 'functional'],
      ]);
      expect(body.issues[1]!.message).toMatch(/^“super” is geen Kano-antwoord/);
      expect(await getJourney(id)).toEqual(before);
    });

    it('refuses a body that is not CSV, and an unknown journey', async () => {
      const { id } = await journeyWithKano();
      const json = await api(`/api/journeys/${id}/kano`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
      expect(json.status).toBe(400);
      expect((await postCsv('nope', 'respondent,element,functional,dysfunctional\nr1,x,like,like')).status).toBe(404);
    });
  });
});
