import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { scoreColor, type JourneyDocument } from '@klantreis/schema';
import { buildTestServer, type TestServer } from '../apps/server/src/testServer.ts';
import { browserUnavailable, launchBrowser, newContext } from './fixtures/browser.ts';
import { violations } from './fixtures/axe.ts';
import { DashboardPage } from './fixtures/dashboardPage.ts';
import { JourneyMapPage } from './fixtures/journeyMapPage.ts';
import { webDist } from './fixtures/webDist.ts';
import { SHARED_EVENT_LOGS } from '../testing/sharedData.ts';
import { authorizedFetch } from '@klantreis/server/testCredentials';

/** "#1b5e20" → "rgb(27, 94, 32)", as getComputedStyle writes a colour. */
function hexToRgb(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return `rgb(${r}, ${g}, ${b})`;
}

const unavailable = browserUnavailable();
const RUNNING_EXAMPLE = `${SHARED_EVENT_LOGS}running-example.csv`;

const STEPS = ['Aanvraag', 'Onderzoek', 'Controle', 'Besluit', 'Uitbetaling', 'Afwijzing'];

describe.skipIf(unavailable !== null)('measurement in the browser', () => {
  let server: TestServer;
  let browser: Browser;
  const scratch = mkdtempSync(join(tmpdir(), 'klantreis-e2e-measure-'));
  const survey = join(scratch, 'enquete.csv');
  writeFileSync(survey, 'klant;stap;score;schaal\n1;Aanvraag;5;csat\n2;Aanvraag;4;csat\n3;Besluit;1;csat\n4;klantreis;3;0-10\n');

  /** A journey with the steps of the running example, none of them mapped yet, and designed scores. */
  async function journeyWithSteps(locale: 'nl' | 'en'): Promise<{ id: string; stepIds: string[] }> {
    const post = (path: string, body: unknown) => authorizedFetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    const { id } = (await (await post('/api/journeys', { title: `Compensatie (${locale})`, locale })).json()) as { id: string };
    const journey = (await (await authorizedFetch(`${server.url}/api/journeys/${id}`)).json()) as JourneyDocument;
    const stepIds: string[] = [];
    for (const title of STEPS) {
      const { id: stepId } = (await (await post(`/api/journeys/${id}/steps`, { phaseId: journey.phases[0]!.id, title, score: title === 'Besluit' ? 1 : 0 })).json()) as { id: string };
      stepIds.push(stepId);
    }
    return { id, stepIds };
  }

  beforeAll(async () => {
    server = await buildTestServer({ kind: 'sqlite' }, { webDist: webDist() });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  // Figures the server computes (DuckDB) after a change: under a full test run on two cores
  // that takes longer than expect.poll's one second.
  const computed = { timeout: 15_000 };

  for (const locale of ['nl-NL', 'en-US'] as const) {
    it(`imports the running example, maps its activities to steps and shows the figures on the dashboard and the map, in ${locale}`, async () => {
      const { id, stepIds } = await journeyWithSteps(locale === 'nl-NL' ? 'nl' : 'en');
      const context = await newContext(browser, locale);
      const page = await context.newPage();
      const dashboard = new DashboardPage(page, server.url);
      await dashboard.open(id);
      expect(await page.getAttribute('html', 'lang')).toBe(locale.slice(0, 2));
      await page.getByRole('heading', { level: 1, name: locale === 'nl-NL' ? /^Meting: Compensatie/ : /^Measurement: Compensatie/ }).waitFor();

      await dashboard.upload('events', RUNNING_EXAMPLE);
      const summary = dashboard.dialog().locator('[data-testid="import-summary"]');
      expect(await summary.textContent()).toBe(locale === 'nl-NL' ? '42 events van 6 cases worden geïmporteerd.' : '42 events of 6 cases will be imported.');
      // What was detected is shown as the choice "Detect (,)".
      expect(await dashboard.dialog().locator('[data-testid="import-delimiter"] option').first().textContent()).toMatch(/\(,\)$/);
      // The first rows show their moments in words and in UTC (14:32+01:00 in the file), not as stored ISO text.
      expect(await dashboard.dialog().locator('.import-sample tbody tr').first().textContent()).toMatch(locale === 'nl-NL' ? /30 dec 2010,? 13:32:00 UTC/ : /30 Dec 2010,? 13:32:00 UTC/);
      expect(await violations(page)).toEqual([]);
      await dashboard.commit();
      await expect
        .poll(() => dashboard.importedFiles().allTextContents(), { message: 'the imported file is listed (else: what the page shows)', timeout: 10_000 })
        .toEqual(['running-example.csv'])
        .catch(async (error: unknown) => {
          throw new Error(`${(error as Error).message}\npage at ${page.url()}:\n${(await page.locator('body').innerText()).slice(0, 1500)}`);
        });

      // Map by choosing steps for activities, and by a pattern for the two kinds of examination.
      await dashboard.coverage().waitFor();
      await dashboard.mapActivity('register request', 'Aanvraag');
      await dashboard.addPattern(stepIds[1]!, 'examine*');
      await dashboard.mapActivity('check ticket', 'Controle');
      await dashboard.mapActivity('decide', 'Besluit');
      await dashboard.mapActivity('pay compensation', 'Uitbetaling');
      await dashboard.mapActivity('reject request', 'Afwijzing');
      // reinitiate request stays unmapped: 3 of 42 events.
      await expect.poll(() => dashboard.coverage().textContent(), computed).toMatch(locale === 'nl-NL' ? /^92,9% van de events/ : /^92\.9% of the events/);
      await page.locator('[data-testid="funnel-chart"]').waitFor();
      await expect.poll(() => dashboard.figure('cases'), computed).toBe('6');
      // Without a marked end step the last mapped step (Afwijzing) ends the journey: 3 of 6 cases.
      await expect.poll(() => dashboard.figure('completion'), computed).toBe(locale === 'nl-NL' ? '50,0%' : '50.0%');
      expect(await page.locator('[data-testid="activity-mapping"] .step-patterns input[type="checkbox"]:checked').count(), 'steps marked as an end').toBe(0);
      // A paid and a rejected request both end the journey: marked as ends, every case completes.
      for (const end of [stepIds[4]!, stepIds[5]!]) await page.locator(`[data-testid="activity-mapping"] .step-patterns[data-step-id="${end}"] input[type="checkbox"]`).check();
      await expect.poll(() => dashboard.figure('completion'), computed).toBe(locale === 'nl-NL' ? '100,0%' : '100.0%');
      expect(await page.locator('[data-testid="step-flow"] tbody tr').count()).toBeGreaterThan(5);

      await dashboard.upload('survey', survey);
      await dashboard.commit();
      await page.locator('[data-testid="satisfaction"] .tile').first().waitFor();
      expect(await violations(page)).toEqual([]);

      // The map: the measured curve beside the designed one, with drop-off and waits per step.
      await page.locator('[data-testid="imports"]').waitFor();
      const map = new JourneyMapPage(page, server.url);
      await map.open(id);
      const measured = page.locator('[data-testid="measured-curve"]');
      await measured.waitFor();
      // Aanvraag measured at CSAT 4.5 → +1.5 against a designed 0: a gap of 1.5 is marked.
      const first = measured.locator(`[data-step-id="${stepIds[0]}"]`);
      await expect.poll(() => first.getAttribute('data-measured'), computed).toBe('1.5');
      expect(await first.locator('[data-part="score-gap"]').count()).toBe(1);
      expect(await first.getAttribute('aria-label')).toMatch(locale === 'nl-NL' ? /Gemeten score van Aanvraag: \+1,5 uit 2 antwoorden/ : /Measured score of Aanvraag: \+1\.5 from 2 answers/);
      // Besluit measured at CSAT 1 → −2 against a designed +1.
      expect(await measured.locator(`[data-step-id="${stepIds[3]}"]`).getAttribute('data-measured')).toBe('-2');
      // On the designed curve's colour scale: +1.5 rounds to dark green, −2 is dark red; a legend names both curves.
      const fill = (stepId: string) => measured.locator(`[data-step-id="${stepId}"] [data-part="measured-point"]`).evaluate((el) => getComputedStyle(el).fill);
      expect(await fill(stepIds[0]!)).toBe(hexToRgb(scoreColor(2)));
      expect(await fill(stepIds[3]!)).toBe(hexToRgb(scoreColor(-2)));
      expect(await page.getByTestId('curve-legend').textContent()).toMatch(locale === 'nl-NL' ? /Ontworpen[\s\S]*Gemeten/ : /Designed[\s\S]*Measured/);
      await page.screenshot({ path: `${tmpdir()}/klantreis-measured-curve-${locale}.png` });
      expect(await violations(page)).toEqual([]);
      await page.locator('[data-testid="topbar-more"] > summary').click(); // the dashboard is under "More"
      await page.locator('[data-testid="open-dashboard"]').click();
      await page.locator('[data-testid="dashboard"]').waitFor();
      await context.close();
    }, 90_000);
  }
});
