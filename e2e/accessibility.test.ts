import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { buildTestServer, type TestServer } from '../apps/server/src/testServer.ts';
import { browserUnavailable, launchBrowser, newContext } from './fixtures/browser.ts';
import { violations } from './fixtures/axe.ts';
import { EvaluationPanel } from './fixtures/evaluationPanel.ts';
import { JourneyMapPage } from './fixtures/journeyMapPage.ts';
import { webDist } from './fixtures/webDist.ts';
import { authorizedFetch } from '@klantreis/server/testCredentials';

const unavailable = browserUnavailable();

describe.skipIf(unavailable !== null)('accessibility (axe, WCAG 2 A/AA)', () => {
  let server: TestServer;
  let browser: Browser;
  let journeyId: string;

  beforeAll(async () => {
    server = await buildTestServer({ kind: 'sqlite' }, { webDist: webDist() });
    browser = await launchBrowser();
    const response = await authorizedFetch(`${server.url}/api/journeys`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ templateId: 'pay-tv-onboarding', locale: 'nl' }),
    });
    journeyId = ((await response.json()) as { id: string }).id;
    // Questionnaire answers for every Kano element, so the Better/Worse chart and table render.
    const journey = (await (await authorizedFetch(`${server.url}/api/journeys/${journeyId}`)).json()) as { steps: { kano: { id: string }[] }[] };
    const pairs = [['like', 'neutral'], ['like', 'dislike'], ['neutral', 'dislike'], ['neutral', 'neutral']];
    const rows = journey.steps.flatMap((step) => step.kano).flatMap((element, e) => pairs.map(([f, d], r) => `r${r + e},${element.id},${f},${d}`));
    const imported = await authorizedFetch(`${server.url}/api/journeys/${journeyId}/kano`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body: ['respondent,element,functional,dysfunctional', ...rows].join('\n'),
    });
    expect(imported.status).toBe(200);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const locale of ['nl-NL', 'en-US'] as const) {
    it(`finds no violation on the journeys list in ${locale}`, async () => {
      const context = await newContext(browser, locale);
      const page = await context.newPage();
      await page.goto(server.url);
      await page.locator('.card').first().waitFor();
      expect(await page.getAttribute('html', 'lang')).toBe(locale.slice(0, 2));
      expect(await violations(page)).toEqual([]);
      await context.close();
    });

    it(`finds no violation in the editor with a step open in ${locale}`, async () => {
      const context = await newContext(browser, locale);
      const page = await context.newPage();
      const map = new JourneyMapPage(page, server.url);
      await map.open(journeyId);
      await page.locator('.step-head__title').first().click();
      await page.locator('[data-testid="step-panel"]').waitFor();
      expect(await violations(page)).toEqual([]);
      await context.close();
    });

    it(`finds no violation in the evaluation panel and the actions in ${locale}`, async () => {
      const context = await newContext(browser, locale);
      const page = await context.newPage();
      const map = new JourneyMapPage(page, server.url);
      const panel = new EvaluationPanel(page);
      await map.open(journeyId);
      await page.locator('[data-testid="kano-chart"]').waitFor();
      await page.locator('[data-testid="importance-map"]').waitFor();
      await page.locator('[data-testid="finding"] .finding__main').first().click();
      await panel.chooseModel(/^(Weighted|Gewogen)$/);
      await panel.pasteKanoCsv('respondent,element,functional,dysfunctional\nr1,nothing,like,maybe');
      await panel.kanoProblems().first().waitFor();
      expect(await violations(page)).toEqual([]);

      await page.locator('[data-testid="finding"]').first().getByRole('button', { name: /^\+ (Create action|Actie maken)$/ }).click();
      await panel.actions().first().waitFor();
      expect(await violations(page)).toEqual([]);
      await context.close();
    }, 60_000); // axe twice over a full editor: beside the two-person workshop tests it has taken over 30 s
  }
});
