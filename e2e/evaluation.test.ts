import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { buildTestServer, eventually, type TestServer } from '../apps/server/src/testServer.ts';
import { browserUnavailable, launchBrowser, newContext } from './fixtures/browser.ts';
import { EvaluationPanel } from './fixtures/evaluationPanel.ts';
import { JourneyMapPage } from './fixtures/journeyMapPage.ts';
import { webDist } from './fixtures/webDist.ts';
import { authorizedFetch } from '@klantreis/server/testCredentials';

const unavailable = browserUnavailable();

describe.skipIf(unavailable !== null)('the evaluation in the editor, in Chromium', () => {
  let server: TestServer;
  let browser: Browser;

  async function templateJourney(locale: 'nl' | 'en', templateId = 'ikea-visit'): Promise<string> {
    const response = await authorizedFetch(`${server.url}/api/journeys`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ templateId, locale }),
    });
    return ((await response.json()) as { id: string }).id;
  }

  beforeAll(async () => {
    server = await buildTestServer({ kind: 'sqlite' }, { webDist: webDist() });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const languages = [
    { locale: 'nl-NL', lang: 'nl', message: /^De reis eindigt op −2 bij “Een ijsje van 50 cent na de kassa”/, mean: /^Gemiddelde$/, weakEndRule: 'Zwak einde' },
    { locale: 'en-US', lang: 'en', message: /^The journey ends at −2 on “A 50-cent ice cream after the checkout”/, mean: /^Mean$/, weakEndRule: 'Weak end' },
  ] as const;

  for (const { locale, lang, message, mean, weakEndRule } of languages) {
    it(`reports a weak end when the last step drops to −2, and highlights it on the map (${lang})`, async () => {
      const context = await newContext(browser, locale);
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      const map = new JourneyMapPage(page, server.url);
      const panel = new EvaluationPanel(page);
      await map.open(await templateJourney(lang));

      // The IKEA visit ends on its +2 ice cream: a strong end, no weak one.
      await panel.finding('peak-end.strong-end').waitFor();
      expect(await panel.finding('peak-end.weak-end').count()).toBe(0);
      expect(await panel.rememberedScore()).toBe(2);

      const lastStepId = (await map.stepHeads().last().getAttribute('data-step-id'))!;
      await page.locator(`g.curve__point[data-step-id="${lastStepId}"]`).focus();
      await page.keyboard.press('Home');
      await page.locator(`g.curve__point[data-step-id="${lastStepId}"][data-score="-2"]`).waitFor();

      const weakEnd = panel.finding('peak-end.weak-end');
      await weakEnd.waitFor();
      expect(await weakEnd.getAttribute('data-severity')).toBe('critical');
      expect(await weakEnd.locator('.finding__message').textContent()).toMatch(message);
      // The rule by its name in the reader's language; its id (peak-end.weak-end) is for machines only.
      expect(await weakEnd.locator('.finding__rule').textContent()).toBe(weakEndRule);
      expect(await weakEnd.innerText()).not.toContain('peak-end.weak-end');
      expect(await panel.finding('peak-end.strong-end').count()).toBe(0);
      // The most intense moment is now the −2 end (a tie with +2 goes to the negative one).
      expect(await panel.rememberedScore()).toBe(-2);
      expect(await page.locator(`.curve-marker[data-step-id="${lastStepId}"]`).evaluateAll((marks) => marks.map((m) => m.getAttribute("data-marker")).sort())).toEqual(["end", "trough"]);

      await weakEnd.locator('.finding__main').click();
      const lastHead = page.locator(`[data-testid="step-head"][data-step-id="${lastStepId}"]`);
      await expect.poll(() => lastHead.getAttribute('data-highlighted')).toBe('true');
      expect(await lastHead.getAttribute('class')).toContain('step-head--selected');
      expect(await page.locator('[data-testid="step-head"][data-highlighted="true"]').count()).toBe(1);
      expect(await page.locator(`rect.curve__column[data-step-id="${lastStepId}"]`).getAttribute('class')).toContain('curve__column--highlighted');
      expect(await weakEnd.locator('.finding__main').getAttribute('aria-pressed')).toBe('true');

      // The plain mean as the model: the remembered score becomes the mean.
      await panel.chooseModel(mean);
      await expect.poll(async () => (await panel.rememberedScore()) === (await panel.meanScore())).toBe(true);
      expect(errors).toEqual([]);
      await context.close();
    });
  }

  it('imports Kano answers from pasted CSV: shows every problem by line and column, imports nothing until the file is right', async () => {
    const context = await newContext(browser, 'nl-NL');
    const page = await context.newPage();
    const map = new JourneyMapPage(page, server.url);
    const panel = new EvaluationPanel(page);
    await map.open(await templateJourney('nl'));
    const before = await map.fetchJourney();
    const element = before.steps[1]!.kano[0]!;

    await panel.pasteKanoCsv(['respondent;element;functioneel;disfunctioneel', 'r1;Parkeerplaats op het dak;leuk;neutraal', `r2;${element.id};geweldig;niet leuk`].join('\n'));
    await expect.poll(() => panel.kanoProblems().count()).toBe(2);
    expect(await panel.kanoProblems().evaluateAll((items) => items.map((li) => [li.getAttribute('data-line'), li.getAttribute('data-field')]))).toEqual([
      ['2', 'element'],
      ['3', 'functional'],
    ]);
    expect(await panel.kanoProblems().first().textContent()).toMatch(/^Regel 2 · element: geen Kano-element van deze klantreis heeft de id of tekst “Parkeerplaats op het dak”/);
    expect(await panel.kanoImportButton().isDisabled()).toBe(true);
    expect(await map.fetchJourney()).toEqual(before);

    // Three respondents: like/neutral (A) twice and like/dislike (O) once → attractive.
    await panel.pasteKanoCsv(
      ['respondent;element;functioneel;disfunctioneel', `r1;${element.text};leuk;neutraal`, `r2;${element.id};Dat vind ik leuk;Dat maakt me niet uit`, `r3;${element.id};like;dislike`].join('\n'),
    );
    await page.locator('[data-testid="kano-preview"]').waitFor();
    await panel.kanoImportButton().click();
    await page.getByRole('status').filter({ hasText: '3 antwoorden geïmporteerd' }).waitFor();

    await eventually(async () => {
      const journey = await map.fetchJourney();
      expect(journey.steps[1]!.kano[0]).toMatchObject({ id: element.id, category: 'attractive', responses: { A: 2, O: 1, M: 0, I: 0, R: 0, Q: 0 } });
    });
    const row = page.locator(`[data-testid="kano-table"] tr[data-element-id="${element.id}"]`);
    expect(await row.locator('td').allTextContents()).toEqual(['1', element.text, '1,00', '−0,33', 'Wow (verrassing)']);
    expect(await page.locator(`[data-testid="kano-chart"] [data-element-id="${element.id}"]`).count()).toBe(1);
    await context.close();
  });

  it('creates an improvement action from a finding, edits it, and draws a to-be curve from a target score', async () => {
    const context = await newContext(browser, 'en-US');
    const page = await context.newPage();
    const map = new JourneyMapPage(page, server.url);
    const panel = new EvaluationPanel(page);
    await map.open(await templateJourney('en', 'pay-tv-onboarding'));
    const journey = await map.fetchJourney();
    const last = journey.steps.at(-1)!;

    const weakEnd = panel.finding('peak-end.weak-end');
    await weakEnd.getByRole('button', { name: 'Create action' }).click();
    await panel.actions().first().waitFor();
    const action = panel.actions().first();
    const title = action.locator('input[name="action-title"]');
    expect(await title.inputValue()).toBe(`Weak end: ${last.title}`);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('action-title');
    await title.fill('Call every customer in week 10');
    await action.locator('input[name="action-owner"]').fill('Customer care');
    await action.locator('input[name="action-due"]').fill('2026-03-31');
    await action.locator('select[name="action-status"]').selectOption('doing');
    expect(await action.locator('.step-chip').allTextContents()).toEqual([expect.stringContaining(last.title)]);

    await eventually(async () => {
      const saved = await map.fetchJourney();
      expect(saved.actions).toEqual([
        expect.objectContaining({ title: 'Call every customer in week 10', owner: 'Customer care', dueDate: '2026-03-31', status: 'doing', stepIds: [last.id], sourceRule: 'peak-end.weak-end' }),
      ]);
    });
    await panel.openTab('evaluation');
    expect(await weakEnd.getByRole('button', { name: '1 action' }).count()).toBe(1);

    // A target of +2 for the last step: the dashed to-be curve and its remembered score appear.
    expect(await page.locator('[data-testid="to-be-curve"]').count()).toBe(0);
    await map.stepHead(last.title).locator('.step-head__title').click();
    await page.locator('[data-testid="target-score"]').getByRole('radio', { name: '+2 very positive' }).check();
    await page.locator(`[data-testid="to-be-curve"] [data-step-id="${last.id}"][data-target="2"] circle`).waitFor();
    await panel.openTab('evaluation');
    expect(Number(await page.locator('[data-testid="to-be-score"]').getAttribute('data-score'))).toBeGreaterThan(await panel.rememberedScore());
    await eventually(async () => expect((await map.fetchJourney()).steps.at(-1)!.targetScore).toBe(2));
    await context.close();
  });
});

