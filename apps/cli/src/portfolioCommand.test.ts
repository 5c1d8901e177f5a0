import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OpportunitiesResponse, PortfolioResponse } from '@klantreis/core/contracts';
import { createPersonaRecord } from '@klantreis/schema';
import { buildTestServer, type TestServer } from '@klantreis/server/testServer';
import { buildJourney } from '../../../packages/evaluation/src/testJourneyBuilder.ts';

// `klantreis portfolio` and GET /api/portfolio over the same store give the same figures: each
// computes the roll-ups itself (the cache is emptied before each), measured data included.

const BIN = fileURLToPath(new URL('../bin/klantreis.js', import.meta.url));
const run = promisify(execFile);

describe('klantreis portfolio', () => {
  let server: TestServer;
  let dataDir: string;
  let workspaceId: string;
  const klantreis = (...args: string[]) => run(process.execPath, [BIN, ...args], { env: { ...process.env, KLANTREIS_DATA: dataDir, DATABASE_URL: '' } });
  const post = (path: string, body: string, type = 'application/json') => server.fetch(path, { method: 'POST', headers: { 'content-type': type }, body });

  beforeAll(async () => {
    server = await buildTestServer({ kind: 'sqlite' });
    if (server.backend.kind !== 'sqlite' || !server.backend.dir) throw new Error('expected a SQLite data folder');
    dataDir = server.backend.dir;
    workspaceId = (await server.server.access.firstWorkspace())!.id;

    const measured = buildJourney({ title: 'Gemeten reis', locale: 'nl', phases: [{ steps: [{ title: 'Start', score: 1 }, { title: 'Einde', score: -1 }] }] });
    measured.steps.forEach((step, i) => Object.assign(step, { activityPatterns: [i === 0 ? 'start' : 'end'], journeyEnd: i === 1 }));
    const persona = createPersonaRecord({ name: 'Piet' });
    measured.personas.push(persona);
    measured.journey.personaIds = [persona.id];
    const { id } = (await (await post('/api/journeys/import', JSON.stringify(measured))).json()) as { id: string };
    const log = ['case:concept:name,concept:name,time:timestamp', ...Array.from({ length: 12 }, (_, n) => [`${n},start,2026-03-0${1 + (n % 9)} 10:00:00`, ...(n % 3 === 0 ? [] : [`${n},end,2026-03-0${1 + (n % 9)} 11:00:00`])]).flat()].join('\n');
    expect((await post(`/api/journeys/${id}/imports?kind=events&fileName=log.csv`, log, 'application/octet-stream')).status).toBe(201);
    const survey = ['klant;stap;score;schaal;datum', '1;Start;5;csat;2026-03-01', '2;Einde;2;csat;2026-03-02'].join('\n');
    expect((await post(`/api/journeys/${id}/imports?kind=survey&fileName=enquete.csv`, survey, 'application/octet-stream')).status).toBe(201);
    const other = buildJourney({ title: 'Ontworpen reis', phases: [{ steps: [2, -2, 1] }] });
    expect((await post('/api/journeys/import', JSON.stringify(other))).status).toBe(201);
  });
  afterAll(async () => {
    await server.close();
  });

  const emptyCache = () => server.store.db.deleteFrom('journey_rollups').execute();

  it('gives the figures of the API, as JSON', async () => {
    await emptyCache();
    const cli = JSON.parse((await klantreis('portfolio', '--json', '--workspace', workspaceId)).stdout) as PortfolioResponse;
    await emptyCache();
    const api = (await (await server.fetch(`/api/portfolio?workspace=${workspaceId}`)).json()) as PortfolioResponse;
    expect(cli.workspaceId).toBe(workspaceId);
    expect(cli.journeys.length).toBeGreaterThanOrEqual(2);
    expect(cli.journeys).toEqual(api.journeys);
    const measured = cli.journeys.find((j) => j.title === 'Gemeten reis')!;
    // 12 cases, 8 reach the end; survey answers Start 5 (+2) and Einde 2 (−1): remembered (2 − 1) / 2.
    expect(measured.measurement).toMatchObject({ cases: 12, completionRate: 8 / 12 });
    expect(measured.scores.measuredRemembered).toBe(0.5);
    expect(measured.personas).toEqual(['Piet']);
  });

  it('prints a table in Dutch or English with the first reason in words', async () => {
    const nl = (await klantreis('portfolio')).stdout;
    expect(nl.split('\n')[0]).toMatch(/^Gezondheid\s+Klantreis\s+Soort\s+Status\s+Eigenaar\s+Ontworpen\s+Gemeten\s+Afgerond\s+Bevindingen\s+Waarom$/);
    expect(nl).toMatch(/kritiek\s+Ontworpen reis\s+klantreis\s+idee\s+–\s+−0,5\s+–\s+–\s+1 kritiek, 0 waarsch\.\s+Ontworpen herinnerde score −0,5: klanten onthouden deze reis negatief/);
    const en = (await klantreis('portfolio', '--lang', 'en')).stdout;
    expect(en.split('\n')[0]).toMatch(/^Health\s+Journey\s+Type/);
    expect(en).toMatch(/Gemeten reis\s+journey\s+idea\s+–\s+−1\.0\s+\+0\.5\s+67%/);
  });

  it('gives the opportunities of the API, as JSON, CSV and a table', async () => {
    const api = (await (await server.fetch(`/api/portfolio/opportunities?workspace=${workspaceId}`)).json()) as OpportunitiesResponse;
    const cli = JSON.parse((await klantreis('opportunities', '--json')).stdout) as OpportunitiesResponse;
    expect(cli).toEqual(api);
    // "Ontworpen reis" (+2, −2, +1): the −2 is a critical finding no action covers.
    expect(cli.opportunities.map((o) => [o.journeyTitle, o.source, o.rule])).toContainEqual(['Ontworpen reis', 'finding', 'peak-end.dark-red']);
    const csv = (await klantreis('opportunities', '--csv', '--lang', 'en')).stdout;
    expect(csv).toBe(await (await server.fetch(`/api/portfolio/opportunities?workspace=${workspaceId}&format=csv&lang=en`)).text().then((text) => `\uFEFF${text.replace(/^\uFEFF/, '')}`));
    const table = (await klantreis('opportunities')).stdout;
    expect(table.split('\n')[0]).toMatch(/^Klantreis\s+Soort\s+Titel\s+Eigenaar\s+Status\s+Deadline\s+Impact\s+Inspanning$/);
    expect(table).toMatch(/Ontworpen reis\s+bevinding\s+.*\s+open\s+–\s+–\s+–/);
  });

  it('names an unknown workspace', async () => {
    const failed = await klantreis('portfolio', '--workspace', 'nope').then(
      () => null,
      (error: { stderr: string; code: number }) => error,
    );
    expect(failed?.stderr).toMatch(/no workspace nope/);
    expect(failed?.code).toBe(1);
  });
});
