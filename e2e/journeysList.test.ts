import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { seedSampleJourneys } from '../apps/server/src/commands/sampleJourneys.ts';
import { buildTestServer, type TestServer } from '../apps/server/src/testServer.ts';
import { browserUnavailable, launchBrowser, newContext } from './fixtures/browser.ts';
import { JourneyMapPage } from './fixtures/journeyMapPage.ts';
import { webDist } from './fixtures/webDist.ts';
import { TEMPLATE_IDS } from '@klantreis/templates';

const unavailable = browserUnavailable();

describe.skipIf(unavailable !== null)('the journeys list and personas in Chromium', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await buildTestServer({ kind: 'sqlite' }, { webDist: webDist() });
    await seedSampleJourneys(server.store, server.server.creator, 'nl');
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('follows the browser language, switches language, searches, renames, duplicates, trashes and restores', async () => {
    const context = await newContext(browser, 'nl-NL');
    const page = await context.newPage();
    await page.goto(server.url);
    await expect.poll(() => page.locator('.card').count()).toBe(TEMPLATE_IDS.length);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Klantreizen');
    await page.getByRole('button', { name: 'EN', exact: true }).click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Customer journeys');
    expect(await page.getAttribute('html', 'lang')).toBe('en');

    await page.getByRole('searchbox').fill('ikea');
    await expect.poll(() => page.locator('.card').count()).toBe(1);
    await page.getByRole('button', { name: 'Rename: IKEA-winkelbezoek' }).click();
    await page.getByRole('textbox', { name: 'New title' }).fill('IKEA Delft');
    await page.getByRole('textbox', { name: 'New title' }).press('Enter');
    await expect.poll(() => page.locator('.card__title').allTextContents()).toEqual(['IKEA Delft']);

    await page.getByRole('button', { name: 'Duplicate: IKEA Delft' }).click();
    await expect.poll(() => page.locator('.card__title').allTextContents()).toContain('IKEA Delft (kopie)');
    await page.getByRole('button', { name: 'Move to trash: IKEA Delft (kopie)' }).click();
    await expect.poll(() => page.locator('.card__title').allTextContents()).toEqual(['IKEA Delft']);

    await page.getByRole('searchbox').fill('');
    await page.getByRole('button', { name: 'Trash', exact: true }).click();
    await expect.poll(() => page.locator('.card__title').allTextContents()).toEqual(['IKEA Delft (kopie)']);
    await page.getByRole('button', { name: 'Restore', exact: true }).click();
    await expect.poll(() => page.locator('.card').count()).toBe(0);
    await page.getByRole('button', { name: 'Back to journeys' }).click();
    await expect.poll(() => page.locator('.card').count()).toBe(TEMPLATE_IDS.length + 1); // the samples and the copy
    await context.close();
  });

  it('creates a journey from a template, adds a persona with a goal, and attaches it', async () => {
    const context = await newContext(browser, 'en-US');
    const page = await context.newPage();
    await page.goto(server.url);
    await page.getByRole('button', { name: 'From a template' }).click();
    await page.getByRole('combobox', { name: 'Template' }).selectOption('restaurant-service-concept');
    await page.getByRole('combobox', { name: 'Language of the content' }).selectOption('en');
    await page.getByRole('button', { name: 'Create' }).click();
    await page.waitForURL(/\/journeys\//);
    const map = new JourneyMapPage(page, server.url);
    map.journeyId = page.url().split('/journeys/')[1]!;
    await map.waitUntilLive();
    expect((await map.stepTitles()).length).toBeGreaterThanOrEqual(6);

    await page.getByRole('button', { name: /Personas/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Personas' });
    const before = await dialog.locator('.persona').evaluateAll((els) => els.map((el) => el.getAttribute('data-persona-id')));
    await dialog.getByRole('button', { name: 'New persona' }).click();
    await expect.poll(() => dialog.locator('.persona').count()).toBe(before.length + 1);
    const ids = await dialog.locator('.persona').evaluateAll((els) => els.map((el) => el.getAttribute('data-persona-id')));
    const persona = dialog.locator(`.persona[data-persona-id="${ids.find((id) => !before.includes(id))}"]`);
    await persona.getByRole('textbox', { name: 'Name' }).fill('Fatima Ouali');
    await persona.getByRole('textbox', { name: 'Goals' }).fill('A quick lunch between two meetings');
    await expect.poll(async () => {
      const journey = await map.fetchJourney();
      const created = journey.personas.find((p) => p.name === 'Fatima Ouali');
      return created ? { goals: created.goals, attached: journey.journey.personaIds.includes(created.id) } : null;
    }).toEqual({ goals: 'A quick lunch between two meetings', attached: true });
    await persona.getByRole('checkbox', { name: 'Attached to this journey' }).uncheck();
    await expect.poll(async () => (await map.fetchJourney()).journey.personaIds.length).toBe(before.length);
    await context.close();
  });
});
