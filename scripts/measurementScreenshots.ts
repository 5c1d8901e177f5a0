// Screenshots of the measurement dashboard, the import dialog and the measured curve on the map,
// in both languages, with receipt.csv (WABO receipt phase, CoSeLoG project, J.C.A.M. Buijs) and
// made-up survey answers:
//   node scripts/measurementScreenshots.ts [out-dir]
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { JourneyDocument } from '@klantreis/schema';
import { buildTestServer } from '../apps/server/src/testServer.ts';
import { authorizedFetch, sessionCookies } from '../apps/server/src/testCredentials.ts';
import { launchBrowser } from '../e2e/fixtures/browser.ts';
import { webDist } from '../e2e/fixtures/webDist.ts';
import { SHARED_EVENT_LOGS } from '../testing/sharedData.ts';

const outDir = process.argv[2] ?? 'docs/screenshots';
mkdirSync(outDir, { recursive: true });
const RECEIPT = `${SHARED_EVENT_LOGS}receipt.csv`;

const STEPS = [
  { title: 'Aanvraag ontvangen', activityPatterns: ['Confirmation of receipt'], score: 1, wait: null },
  { title: 'Ontvangst controleren', activityPatterns: ['T02*', 'T03*', 'T04*'], score: 0, wait: { moment: 'before', minutes: 60 * 24 } },
  { title: 'Bevestiging versturen', activityPatterns: ['T05*'], score: 1, wait: { moment: 'before', minutes: 60 * 8 } },
  { title: 'Advies inwinnen', activityPatterns: ['T06*', 'T07*', 'T08*', 'T09*'], score: -1, wait: null },
  { title: 'Stopindicatie bepalen', activityPatterns: ['T10*'], score: 1, wait: { moment: 'before', minutes: 60 * 24 * 2 }, journeyEnd: true },
  { title: 'Document X opstellen', activityPatterns: ['T11*', 'T12*', 'T13*', 'T14*', 'T15*'], score: -1, wait: null },
];

/** Survey answers per step and about the journey, as a city might collect them; seeded, so screenshots repeat. */
function surveyCsv(): string {
  let state = 7;
  const random = () => ((state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const lines = ['klant;stap;score;schaal;datum;verloren minuten'];
  for (let i = 0; i < 400; i++) {
    const month = 1 + Math.floor(random() * 12);
    const date = `2011-${String(month).padStart(2, '0')}-${String(1 + Math.floor(random() * 27)).padStart(2, '0')}`;
    const step = STEPS[Math.floor(random() * 4)]!;
    lines.push(`k${i};${step.title};${Math.min(5, 2 + Math.floor(random() * 4))};csat;${date};`);
    const journeyScore = Math.max(0, Math.min(10, Math.round(8 - month * 0.35 + random() * 3 - 1.5)));
    lines.push(`k${i};klantreis;${journeyScore};0-10;${date};${Math.floor(random() * 60)}`);
  }
  return `${lines.join('\n')}\n`;
}

const server = await buildTestServer({ kind: 'sqlite' }, { webDist: webDist() });
// As the test owner: every route asks who is there (issue 10).
const api = (path: string, init?: RequestInit) => authorizedFetch(`${server.url}${path}`, init);
const post = (path: string, body: unknown) => api(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const browser = await launchBrowser();
try {
  const { id } = (await (await post('/api/journeys', { title: 'Omgevingsvergunning: ontvangst', locale: 'nl' })).json()) as { id: string };
  const phaseId = ((await (await api(`/api/journeys/${id}`)).json()) as JourneyDocument).phases[0]!.id;
  for (const step of STEPS) {
    const { id: stepId } = (await (await post(`/api/journeys/${id}/steps`, { phaseId, title: step.title })).json()) as { id: string };
    await api(`/api/journeys/${id}/records/${stepId}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ activityPatterns: step.activityPatterns, journeyEnd: step.journeyEnd ?? false, score: step.score, wait: step.wait, touchpoints: [] }),
    });
  }
  const send = (kind: string, fileName: string, body: Uint8Array<ArrayBuffer> | string) =>
    api(`/api/journeys/${id}/imports?kind=${kind}&fileName=${fileName}&skipRejected=true`, { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body });
  console.log('events', (await send('events', 'receipt.csv', readFileSync(RECEIPT))).status);
  console.log('survey', (await send('survey', 'enquete-2011.csv', surveyCsv())).status);
  const journey = (await (await api(`/api/journeys/${id}`)).json()) as JourneyDocument;
  await post(`/api/journeys/${id}/indicators`, { name: 'Tevredenheid over de reis', kind: 'X', metric: 'journey-score', direction: 'at-least', target: 0.5, margin: 0.25, period: 'quarter' });
  await post(`/api/journeys/${id}/indicators`, { name: 'Afgerond', kind: 'O', metric: 'completion-rate', direction: 'at-least', target: 85, margin: 5, period: 'quarter' });
  await post(`/api/journeys/${id}/indicators`, { name: 'Wachttijd controle', kind: 'O', metric: 'wait-p90', stepId: journey.steps[1]!.id, direction: 'at-most', target: 60 * 24 * 7, margin: 60 * 24, period: 'quarter' });

  const badFile = join(tmpdir(), 'klantreis-enquete-fouten.csv');
  writeFileSync(badFile, 'klant;stap;score;schaal\n1;Aanvraag ontvangen;4;csat\n2;Onbekend;5;csat\n3;klantreis;11;0-10\n4;Advies inwinnen;drie;csat\n');

  for (const locale of ['nl-NL', 'en-US'] as const) {
    const lang = locale.slice(0, 2);
    const context = await browser.newContext({ locale, viewport: { width: 1500, height: 1000 } });
    await context.addCookies(sessionCookies());
    const page = await context.newPage();
    await page.goto(`${server.url}/journeys/${id}/dashboard`);
    await page.locator('[data-testid="funnel-chart"]').waitFor();
    await page.screenshot({ path: `${outDir}/dashboard-${lang}.png`, fullPage: true });
    await page.locator('[data-testid="import-survey"]').click();
    await page.locator('[data-testid="import-file"]').setInputFiles(badFile);
    await page.locator('[data-testid="import-rejected"]').waitFor();
    await page.screenshot({ path: `${outDir}/import-preview-${lang}.png` });
    await page.keyboard.press('Escape');
    await page.goto(`${server.url}/journeys/${id}`);
    await page.locator('[data-testid="measured-curve"]').waitFor();
    await page.screenshot({ path: `${outDir}/map-measured-${lang}.png` });
    await context.close();
  }
  console.log(`screenshots in ${outDir}`);
} finally {
  await browser.close();
  await server.close();
}
