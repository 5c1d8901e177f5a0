// @mentions of two people with the same name, in the browser: the suggestions tell them apart,
// the one picked with the keyboard is the one told (and only they), and the same name typed by
// hand is named as reaching nobody before it is posted; axe in both languages.
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator } from 'playwright-core';
import { TEST_OWNER } from '@klantreis/server/testCredentials';
import { asPerson, invitePerson, type Person } from '../apps/server/src/access/accessTestSupport.ts';
import { buildTestServer, eventually, type TestServer } from '../apps/server/src/testServer.ts';
import { violations } from './fixtures/axe.ts';
import { browserUnavailable, launchBrowser, newContext } from './fixtures/browser.ts';
import { webDist } from './fixtures/webDist.ts';
import { WorkshopPage } from './fixtures/workshopPage.ts';

const unavailable = browserUnavailable();

type InboxAnswer = { items: { kind: string; excerpt: string }[] };

const WORDS = {
  'nl-NL': { post: 'Plaatsen', anyway: 'Toch plaatsen', warning: 'Niemand met de naam ‘Bram de Vries’ krijgt een melding: 2 mensen heten zo.' },
  'en-US': { post: 'Post', anyway: 'Post anyway', warning: 'No one named ‘Bram de Vries’ will be notified: 2 people have that name.' },
} as const;

/** The comment box of the comments panel, by what a person sees and uses in it. */
class CommentBox {
  readonly root: Locator;
  constructor(me: WorkshopPage) {
    this.root = me.page.locator('[data-testid="comments-panel"] > [data-testid="comment-composer"]');
  }
  field(): Locator {
    return this.root.locator('textarea');
  }
  suggestions(): Locator {
    return this.root.locator('[data-testid="mention-suggestions"]').getByRole('option');
  }
  warning(): Locator {
    return this.root.getByRole('status');
  }
  button(name: string): Locator {
    return this.root.getByRole('button', { name, exact: true });
  }
}

describe.skipIf(unavailable !== null)('mentions of two people with the same name, in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  let journeyId: string;
  let brams: Person[];

  beforeAll(async () => {
    server = await buildTestServer({ kind: 'sqlite' }, { webDist: webDist() });
    browser = await launchBrowser();
    const created = await server.fetch('/api/journeys', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ templateId: 'ikea-visit', locale: 'nl' }) });
    journeyId = ((await created.json()) as { id: string }).id;
    brams = [
      await invitePerson(server, 'commenter', { name: 'Bram de Vries', email: 'bram.een@klantreis.test' }),
      await invitePerson(server, 'commenter', { name: 'Bram de Vries', email: 'bram.twee@klantreis.test' }),
    ];
  }, 30_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const mentionsOf = async (person: Person, words: string) =>
    ((await (await asPerson(server, person, '/api/me/notifications')).json()) as InboxAnswer).items.filter((item) => item.kind === 'mention' && item.excerpt.includes(words));

  for (const locale of ['nl-NL', 'en-US'] as const) {
    it(`tells only the namesake picked with the keyboard, and names a shared name typed by hand before posting, in ${locale}`, async () => {
      const words = WORDS[locale];
      const context = await newContext(browser, locale);
      const me = new WorkshopPage(await context.newPage(), server.url);
      await me.join(journeyId, TEST_OWNER.name);
      const [firstStep] = await me.stepTitles();
      await me.selectStep(firstStep!);
      await me.openSideTab('comments');
      const box = new CommentBox(me);

      // Two suggestions for the one name, told apart by their e-mail addresses.
      await box.field().pressSequentially('@Bram');
      await expect.poll(() => box.suggestions().count()).toBe(2);
      const labels = (await box.suggestions().allInnerTexts()).map((label) => label.replace(/\s+/g, ' ').trim());
      expect([...labels].sort()).toEqual(['@Bram de Vries bram.een@klantreis.test', '@Bram de Vries bram.twee@klantreis.test']);
      expect(await violations(me.page)).toEqual([]); // the suggestions
      // ↓ and Enter take the second.
      await box.field().press('ArrowDown');
      expect(await box.suggestions().nth(1).getAttribute('aria-selected')).toBe('true');
      const picked = brams.find((bram) => labels[1]!.endsWith(bram.email))!;
      const other = brams.find((bram) => bram !== picked)!;
      await box.field().press('Enter');
      await expect.poll(() => box.field().inputValue()).toBe('@Bram de Vries ');
      const toPicked = `kijk jij even? (${locale})`;
      await box.field().pressSequentially(toPicked);
      await box.button(words.post).click();
      await me.page.locator('[data-testid="comment"]', { hasText: toPicked }).locator('mark.mention').waitFor();
      await eventually(async () => expect(await mentionsOf(picked, toPicked)).toHaveLength(1));
      expect(await mentionsOf(other, toPicked)).toEqual([]);

      // Typed by hand, the shared name reaches nobody: the first Post says so, in words, and posts nothing.
      const typed = `wie van jullie? (${locale})`;
      await box.field().pressSequentially(`@Bram de Vries, ${typed}`);
      await box.button(words.post).click();
      await expect.poll(() => box.warning().innerText()).toContain(words.warning);
      expect(await box.field().getAttribute('aria-describedby')).toBe(await box.warning().getAttribute('id'));
      expect(await box.field().inputValue()).toBe(`@Bram de Vries, ${typed}`);
      expect(await me.page.locator('[data-testid="comment"]', { hasText: typed }).count()).toBe(0);
      expect(await violations(me.page)).toEqual([]); // the warning
      // Posted anyway, it tells neither Bram: never the wrong one.
      await box.button(words.anyway).click();
      await me.page.locator('[data-testid="comment"]', { hasText: typed }).waitFor();
      expect(await box.warning().innerText()).toBe('');
      await eventually(async () => expect((await me.fetchJourney()).comments.some((c) => c.text.includes(typed))).toBe(true));
      await sleep(1_000);
      expect([...(await mentionsOf(picked, typed)), ...(await mentionsOf(other, typed))]).toEqual([]);
      await context.close();
    }, 60_000);
  }
});
