import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { buildTestServer, type TestServer } from '../apps/server/src/testServer.ts';
import { browserUnavailable, launchBrowser, newContext } from './fixtures/browser.ts';
import { violations } from './fixtures/axe.ts';
import { webDist } from './fixtures/webDist.ts';
import { WorkshopPage } from './fixtures/workshopPage.ts';
import { invitePerson } from '../apps/server/src/access/accessTestSupport.ts';
import { authorizedFetch } from '@klantreis/server/testCredentials';
import { TEST_OWNER } from '../apps/server/src/testCredentials.ts';

const unavailable = browserUnavailable();

describe.skipIf(unavailable !== null)('accessibility of the workshop panels (axe, WCAG 2 A/AA)', () => {
  let server: TestServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await buildTestServer({ kind: 'sqlite' }, { webDist: webDist() });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const locale of ['nl-NL', 'en-US'] as const) {
    it(`finds no violation in presence, versions, compare, approval, comments and the workshop helpers in ${locale}`, async () => {
      const response = await authorizedFetch(`${server.url}/api/journeys`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ templateId: 'ikea-visit', locale: locale.slice(0, 2) }),
      });
      const { id } = (await response.json()) as { id: string };
      const bram = await invitePerson(server, 'editor', { name: 'Bram', email: `bram.${locale}@klantreis.test` });
      const other = new WorkshopPage(await (await newContext(browser, locale, { as: { cookie: bram.cookie, url: server.url } })).newPage(), server.url);
      const page = await (await newContext(browser, locale)).newPage();
      const me = new WorkshopPage(page, server.url);

      await me.join(id, TEST_OWNER.name);
      await other.join(id, 'Bram');
      const [firstTitle] = await other.stepTitles();
      await other.selectStep(firstTitle!);
      await other.pointAtStep(firstTitle!);
      await me.liveCursor('Bram').waitFor();
      await me.peer('Bram').click();
      await page.locator('[data-testid="follow-banner"]').waitFor();
      expect(await violations(page)).toEqual([]); // participants, cursor, selection, following

      await me.page.locator('[data-testid="follow-banner"]').getByRole('button').click();
      await me.saveVersion('as-is');
      await me.requestApproval('as-is', [TEST_OWNER.email], 'Look at the end');
      await me.approvalRound().locator('[data-testid="decision-form"]').waitFor();
      await me.version('as-is').getByRole('button', { name: /^(Request approval|Goedkeuring vragen)/ }).click();
      await page.locator('[data-testid="approval-request-form"]').waitFor();
      expect(await violations(page)).toEqual([]); // versions, approval request and decision

      const compare = await me.compareWithNow('as-is');
      expect(await violations(page)).toEqual([]); // the compare dialog
      await compare.getByRole('button').first().click();

      await me.selectStep(firstTitle!);
      await me.openSideTab('comments');
      const composer = page.locator('[data-testid="comments-panel"] > [data-testid="comment-composer"]');
      await composer.locator('textarea').pressSequentially('@Br');
      await composer.locator('[data-testid="mention-suggestions"] button').first().click();
      await composer.getByRole('button', { name: /^(Post|Plaatsen)$/ }).click();
      await page.locator('mark.mention').waitFor();
      await page.locator('[data-testid="comment-thread"]').getByRole('button', { name: /^(Reply|Antwoorden)$/ }).click();
      await composer.locator('textarea').pressSequentially('@');
      expect(await violations(page)).toEqual([]); // comments, mention suggestions, reply, the count on the step

      await me.openSideTab('workshop');
      await page.locator('textarea[name="capture-text"]').fill('Lange rij');
      await page.locator('[data-testid="quick-capture"] button[type="submit"]').click();
      await page.locator('[data-testid="inbox-item"]').waitFor();
      await page.locator('[data-testid="workshop-timer"] button.primary').click();
      await page.locator('[data-testid="timer-badge"]').waitFor();
      await page.locator('input[name="dot-voting"]').check();
      await page.locator('[data-testid="add-dot"]').first().click();
      await page.locator('.cell-votes__count').first().waitFor();
      expect(await violations(page)).toEqual([]); // timer, quick capture, inbox, dot voting on the cells
      await other.page.context().close();
      await page.context().close();
    }, 120_000);
  }
});
