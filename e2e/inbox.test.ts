// The inbox in the browser: a mention shows as an unread count in the account menu, opens the
// journey, and is read after; axe in both languages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { StepId } from '@klantreis/schema';
import { addComment } from '@klantreis/sync';
import { asPerson, invitePerson, type Person } from '../apps/server/src/access/accessTestSupport.ts';
import { buildEditorClient, buildTestServer, type TestServer } from '../apps/server/src/testServer.ts';
import { violations } from './fixtures/axe.ts';
import { browserUnavailable, launchBrowser, newContext } from './fixtures/browser.ts';
import { webDist } from './fixtures/webDist.ts';

const unavailable = browserUnavailable();

describe.skipIf(unavailable !== null)('the inbox in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let journeyId: string;
  let stepId: StepId;

  beforeAll(async () => {
    server = await buildTestServer({ kind: 'sqlite' }, { webDist: webDist() });
    browser = await launchBrowser();
    const created = await server.fetch('/api/journeys', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ templateId: 'ikea-visit', locale: 'nl' }) });
    journeyId = ((await created.json()) as { id: string }).id;
    stepId = ((await (await server.fetch(`/api/journeys/${journeyId}`)).json()) as { steps: { id: StepId }[] }).steps[0]!.id;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  for (const [locale, name, title, unreadText] of [
    ['nl-NL', 'Bram de Vries', 'Inbox', '1 nieuw'],
    ['en-US', 'Anna Jansen', 'Inbox', '1 new'],
  ] as const) {
    it(`shows a mention as unread, opens the journey from it and marks it read, in ${locale}`, async () => {
      const person: Person = await invitePerson(server, 'commenter', { name });
      const editor = await buildEditorClient(server.url, journeyId);
      const ownerId = (await server.server.access.findUserByEmail('owner@klantreis.test'))!.id;
      addComment(editor.doc, { targetId: stepId, author: 'Olga Owner', authorId: ownerId, text: `@${name} klopt de wachttijd?`, mentions: [name] });
      // The server writes the notification once the comment reaches it; the page asks for the
      // count when it opens and then every 30 s, so it opens once the notification is there.
      await expect.poll(async () => ((await (await asPerson(server, person, '/api/me/notifications')).json()) as { unread: number }).unread, { timeout: 20_000 }).toBe(1);
      const page = await (await newContext(browser, locale, { as: { cookie: person.cookie, url: server.url } })).newPage();
      await page.goto(server.url);
      await expect.poll(() => page.getByTestId('unread-count').textContent(), { timeout: 10_000 }).toBe(unreadText);
      await page.goto(`${server.url}/inbox`);
      await page.getByRole('heading', { name: title }).waitFor();
      const entry = page.getByTestId('inbox-entry').first();
      expect(await entry.getAttribute('data-read')).toBe('false');
      expect(await entry.textContent()).toContain('klopt de wachttijd');
      expect(await violations(page)).toEqual([]);
      await entry.getByRole('link').click();
      await page.waitForURL(`**/journeys/${journeyId}`);
      await page.locator('[data-testid="step-head"]').first().waitFor();
      const unread = () => page.evaluate(async () => ((await (await fetch('/api/me/notifications')).json()) as { unread: number }).unread);
      await expect.poll(unread).toBe(0);
      editor.provider.destroy();
    });
  }
});
