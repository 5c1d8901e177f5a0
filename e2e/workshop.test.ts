import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator } from 'playwright-core';
import { buildTestServer, eventually, type TestServer } from '../apps/server/src/testServer.ts';
import { browserUnavailable, launchBrowser, newContext } from './fixtures/browser.ts';
import { webDist } from './fixtures/webDist.ts';
import { WorkshopPage } from './fixtures/workshopPage.ts';
import { connectEditor } from '../apps/server/src/collaboration/reliability/editorConnection.ts';
import { authorizedFetch, TEST_OWNER } from '@klantreis/server/testCredentials';
import { invitePerson, type Person } from '../apps/server/src/access/accessTestSupport.ts';

const unavailable = browserUnavailable();

/** A version's moment as a Dutch browser writes it: "7 dec 2026, 07:56" (or "7 dec. 2026 07:56"). */
const NL_TIME = '\\d{1,2} [a-z]{3}\\.? \\d{4},? \\d{2}:\\d{2}';

/**
 * Whether `words` in an element are drawn whole: inside every box that clips them (an ellipsis
 * or hidden overflow on the element or any element around it), and so readable on the screen.
 */
function statusShown(element: Locator, words: string): Promise<boolean> {
  return element.evaluate((root, wanted) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(wanted);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      const drawn = range.getBoundingClientRect();
      if (drawn.width === 0) return false;
      for (let box = node.parentElement; box; box = box.parentElement) {
        if (getComputedStyle(box).overflowX === 'visible') continue;
        const clip = box.getBoundingClientRect();
        if (drawn.left < clip.left - 0.5 || drawn.right > clip.right + 0.5) return false;
      }
      return true;
    }
    return false;
  }, words);
}

// Two browser contexts are two people: separate storage, separate names, one map.
describe.skipIf(unavailable !== null)('a workshop of two people in Chromium', () => {
  let server: TestServer;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    server = await buildTestServer({ kind: 'sqlite' }, { webDist: webDist() });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function newJourney(): Promise<string> {
    const response = await authorizedFetch(`${server.url}/api/journeys`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ templateId: 'ikea-visit', locale: 'en' }),
    });
    return ((await response.json()) as { id: string }).id;
  }

  /** `clockSkewMs`: how far this person's laptop clock is off (Date.now in the page). */
  /** The accounts of the people in these tests, one per name: a person in a map is their account. */
  const accounts = new Map<string, Person>();
  async function accountOf(name: string): Promise<Person> {
    let account = accounts.get(name);
    if (!account) {
      account = await invitePerson(server, 'owner', { name, email: `${name.toLowerCase().replace(/\W+/g, '.')}.workshop@klantreis.test` });
      accounts.set(name, account);
    }
    return account;
  }

  /** A person in the map, signed in as their own account (`account`, or one made with their name). */
  async function person(journeyId: string, name: string, locale: 'en-US' | 'nl-NL' = 'en-US', clockSkewMs = 0, account?: Person): Promise<WorkshopPage> {
    const context = await newContext(browser, locale, { as: { cookie: (account ?? (await accountOf(name))).cookie, url: server.url } });
    contexts.push(context);
    if (clockSkewMs !== 0) {
      await context.addInitScript((skew: number) => {
        const realNow = Date.now.bind(Date);
        Date.now = () => realNow() + skew;
      }, clockSkewMs);
    }
    const page = await context.newPage();
    page.on('pageerror', (error) => {
      throw error;
    });
    const person = new WorkshopPage(page, server.url);
    await person.join(journeyId, name);
    return person;
  }

  async function closeAll(): Promise<void> {
    for (const context of contexts.splice(0)) await context.close();
  }

  it('shows who is in the map, their selection and pointer, and follows a person', async () => {
    const journeyId = await newJourney();
    const anna = await person(journeyId, 'Anna');
    const bram = await person(journeyId, 'Bram', 'nl-NL');
    await anna.peer('Bram').waitFor();
    await bram.peer('Anna').waitFor();

    const parking = await anna.stepId('Parking');
    await bram.selectStep('Parking');
    await expect.poll(() => anna.peerSelectionOn(parking).getAttribute('data-names')).toBe('Bram');
    await bram.pointAtStep('Parking');
    await anna.liveCursor('Bram').waitFor();

    // Anna puts Bram on the big screen: her view follows his selection and his scrolling.
    await anna.peer('Bram').click();
    await anna.page.locator('[data-testid="follow-banner"]').waitFor();
    const entering = await anna.stepId('Entering, Mila to Småland');
    await bram.selectStep('Entering, Mila to Småland');
    await expect.poll(() => anna.selectedStepIds()).toEqual([entering]);
    await bram.page.locator('.map-scroll').evaluate((el) => el.scrollTo({ left: 400 }));
    await expect.poll(() => anna.page.locator('.map-scroll').evaluate((el) => el.scrollLeft)).toBe(400);
    await anna.page.getByRole('button', { name: 'Stop following', exact: true }).click();
    await anna.page.locator('[data-testid="follow-banner"]').waitFor({ state: 'detached' });

    await bram.page.context().close();
    await anna.peer('Bram').waitFor({ state: 'detached', timeout: 40_000 });
    await closeAll();
  }, 60_000);

  it('keeps both edits when two people change one step at the same time', async () => {
    const journeyId = await newJourney();
    const anna = await person(journeyId, 'Anna');
    const bram = await person(journeyId, 'Bram');
    const parking = await anna.stepId('Parking');
    await anna.selectStep('Parking');
    await Promise.all([
      anna.page.locator('[data-testid="step-panel"] textarea').first().fill('Anna’s description'),
      bram.keyboardScore('Parking', ['End']),
    ]);
    for (const page of [anna, bram]) {
      await expect.poll(() => page.scoreOf(parking)).toBe('2');
    }
    await bram.selectStep('Parking');
    await expect.poll(() => bram.page.locator('[data-testid="step-panel"] textarea').first().inputValue()).toBe('Anna’s description');
    await eventually(async () => {
      const step = (await anna.fetchJourney()).steps.find((s) => s.id === parking)!;
      expect([step.description, step.score]).toEqual(['Anna’s description', 2]);
    });
    await closeAll();
  });

  it('keeps every letter when two people start typing into the same empty cell at once (issue 9.1)', async () => {
    const journeyId = await newJourney();
    const anna = await person(journeyId, 'Anna');
    const bram = await person(journeyId, 'Bram', 'nl-NL');
    const journey = await anna.fetchJourney();
    const filled = new Set(journey.cells.filter((cell) => cell.text !== '').map((cell) => `${cell.laneId} ${cell.stepId}`));
    const emptyCells = journey.lanes
      .filter((lane) => !lane.hidden)
      .flatMap((lane) => journey.steps.map((step) => ({ laneId: lane.id, stepId: step.id })))
      .filter(({ laneId, stepId }) => !filled.has(`${laneId} ${stepId}`))
      .slice(0, 3);
    const isSubsequence = (needle: string, text: string) => {
      let at = 0;
      for (const character of text) if (character === needle[at]) at++;
      return at === needle.length;
    };
    // Three tries: the loss came in 4 of 6 tries by hand.
    for (const { laneId, stepId } of emptyCells) {
      const [annaField, bramField] = [await anna.openCell(laneId, stepId), await bram.openCell(laneId, stepId)];
      await Promise.all([annaField.pressSequentially('Anna zegt ja.', { delay: 25 }), bramField.pressSequentially('Bob zegt nee.', { delay: 25 })]);
      await eventually(async () => {
        const text = (await anna.fetchJourney()).cells.find((cell) => cell.laneId === laneId && cell.stepId === stepId)?.text ?? '';
        expect(text).toHaveLength(26);
        expect([isSubsequence('Anna zegt ja.', text), isSubsequence('Bob zegt nee.', text)], text).toEqual([true, true]);
        expect(await annaField.inputValue()).toBe(text);
        expect(await bramField.inputValue()).toBe(text);
      }, 10_000);
      await annaField.press('Escape');
      await bramField.press('Escape');
    }
    await closeAll();
  });

  it('keeps the map on screen when a client that is not our editor publishes a broken presence (issue 9.3)', async () => {
    const journeyId = await newJourney();
    const anna = await person(journeyId, 'Anna');
    const errors: string[] = [];
    anna.page.on('pageerror', (error) => errors.push(error.message));
    const hostile = connectEditor(server.url, journeyId);
    try {
      await hostile.synced();
      const broken = [
        { user: { key: 'evil', name: {}, color: '#000000', initials: 'EV' } },
        { user: { key: 'evil', color: '#000000', initials: 'EV' } },
        { user: { key: 'evil', name: 'Evil', color: '#000000', initials: { x: 1 } }, cursor: { x: 'a', y: null } },
        { user: { key: 'evil', name: 'Evil', color: '#000000', initials: 'EV' }, timer: { durationMs: 'soon', remainingMs: [], startedAt: {}, updatedAt: 9e15 } },
      ];
      for (const state of broken) {
        hostile.provider.awareness!.setLocalState(state);
        await sleep(400);
        await anna.stepHead('Parking').waitFor({ timeout: 2_000 });
      }
      expect(errors).toEqual([]);
      // A well-formed participant still appears.
      // It appears as the account it connected with (the test owner's token), not as the name it claims.
      hostile.provider.awareness!.setLocalState({ user: { key: 'evil', name: 'Eva', color: '#1a5fb4', initials: 'EV' } });
      await anna.peer(TEST_OWNER.name).waitFor();
      expect(await anna.peer('Eva').count()).toBe(0);
    } finally {
      hostile.close();
    }
    await closeAll();
  });

  it('undoes only one’s own change: the other person’s edit stays', async () => {
    const journeyId = await newJourney();
    const anna = await person(journeyId, 'Anna');
    const bram = await person(journeyId, 'Bram');
    const parking = await anna.stepId('Parking');
    const before = await anna.scoreOf(parking);
    await anna.keyboardScore('Parking', ['Home']);
    await bram.fillCell(/Customer actions/, 'Parking', 'Bram wrote this');
    await anna.page.locator('.cell', { hasText: 'Bram wrote this' }).waitFor();
    await expect.poll(() => bram.scoreOf(parking)).toBe('-2');

    await anna.undoByKeyboard();
    for (const page of [anna, bram]) {
      await expect.poll(() => page.scoreOf(parking)).toBe(before);
      await page.page.locator('.cell', { hasText: 'Bram wrote this' }).waitFor();
    }
    // Bram has nothing of Anna's to undo: his undo takes back his own cell text only.
    await bram.page.locator('[data-testid="undo"]').click();
    await anna.page.locator('.cell', { hasText: 'Bram wrote this' }).waitFor({ state: 'detached' });
    expect(await anna.scoreOf(parking)).toBe(before);
    // Redo by the button brings Anna's change back.
    await anna.page.locator('[data-testid="redo"]').click();
    await expect.poll(() => bram.scoreOf(parking)).toBe('-2');
    await closeAll();
  });

  it('saves a version, compares it with the map now and restores it for everyone', async () => {
    const journeyId = await newJourney();
    const anna = await person(journeyId, 'Anna');
    const bram = await person(journeyId, 'Bram', 'nl-NL');
    const parking = await anna.stepId('Parking');
    const before = await anna.scoreOf(parking);
    await anna.saveVersion('as-is');
    await bram.keyboardScore('Parking', ['End']);
    await expect.poll(() => anna.scoreOf(parking)).toBe('2');

    const dialog = await anna.compareWithNow('as-is');
    await expect.poll(() => dialog.locator('[data-testid="compare-changed"]').innerText()).toMatch(/1 step changed[\s\S]*Parking: score/);
    expect(await dialog.locator('[data-testid="compare-curves"] figure').count()).toBe(2);
    await dialog.getByRole('button', { name: 'Close' }).click();

    await anna.restoreVersion('as-is');
    await expect.poll(() => bram.scoreOf(parking)).toBe(before);
    // The map as it was before the restore is kept as a version, and Bram sees it at once.
    // Named by what it is and when, in Bram's language, not by a machine name.
    await bram.openSideTab('versions');
    const backup = bram.page.locator('[data-testid="version"][data-kind="before-restore"]');
    await expect.poll(() => backup.getAttribute('data-name')).toMatch(new RegExp(`^Vóór het terugzetten van “as-is”, ${NL_TIME}$`));
    await closeAll();
  });

  it('names each restore by the version it put back, in the list and in the approval badge, in Dutch and English', async () => {
    const journeyId = await newJourney();
    const bramAccount = await invitePerson(server, 'commenter', { name: 'Bram' });
    const anna = await person(journeyId, 'Anna');
    const bram = await person(journeyId, 'Bram', 'nl-NL', 0, bramAccount);
    const parking = await anna.stepId('Parking');
    await anna.saveVersion('as-is');
    await anna.keyboardScore('Parking', ['End']);
    // Saved on the server before it is kept as a version: a restore does not overtake it.
    await eventually(async () => expect((await anna.fetchJourney()).steps.find((s) => s.id === parking)!.score).toBe(2));
    await anna.saveVersion('Workshop 3 Dec');
    await anna.restoreVersion('as-is');
    await expect.poll(() => anna.scoreOf(parking)).not.toBe('2');
    await anna.restoreVersion('Workshop 3 Dec');
    await expect.poll(() => anna.scoreOf(parking)).toBe('2');

    // Two restores within a minute: told apart by what each put back, not by a machine name.
    const backups = (page: WorkshopPage) => page.page.locator('[data-testid="version"][data-kind="before-restore"]').evaluateAll((els) => els.map((el) => el.getAttribute('data-name')));
    const timeEn = '[A-Z][a-z]{2} \\d{1,2}, \\d{4}, \\d{2}:\\d{2} [AP]M';
    await expect.poll(() => backups(anna)).toEqual([expect.stringMatching(new RegExp(`^Before restoring “Workshop 3 Dec”, ${timeEn}$`)), expect.stringMatching(new RegExp(`^Before restoring “as-is”, ${timeEn}$`))]);
    await bram.openSideTab('versions');
    await expect
      .poll(() => backups(bram))
      .toEqual([expect.stringMatching(new RegExp(`^Vóór het terugzetten van “Workshop 3 Dec”, ${NL_TIME}$`)), expect.stringMatching(new RegExp(`^Vóór het terugzetten van “as-is”, ${NL_TIME}$`))]);

    // The badge names the approved version as the list does, each person in their language.
    const kept = (await backups(anna))[1]!;
    await anna.requestApproval(kept, [bramAccount.email], 'The map before the first restore');
    await bram.decide('approve');
    await expect.poll(() => anna.approvalBadge().innerText()).toBe(`Approved: ${kept}`);
    const keptNl = (await backups(bram))[1]!;
    await expect.poll(() => bram.approvalBadge().innerText()).toBe(`Goedgekeurd: ${keptNl}`);

    // The name is longer than the badge's room; whether the map changed since is never cut off.
    await anna.keyboardScore('Parking', ['Home']);
    await expect.poll(() => anna.approvalBadge().innerText(), { timeout: 10_000 }).toBe(`Approved: ${kept} · changed since`);
    await expect.poll(() => bram.approvalBadge().innerText(), { timeout: 10_000 }).toBe(`Goedgekeurd: ${keptNl} · sindsdien gewijzigd`);
    expect(await statusShown(anna.approvalBadge(), 'changed since')).toBe(true);
    expect(await statusShown(bram.approvalBadge(), 'sindsdien gewijzigd')).toBe(true);
    await closeAll();
  });

  it('runs an approval round: changes asked, then approved, and the top bar says when the map changed since', async () => {
    const journeyId = await newJourney();
    // Approvers are accounts: Bram signs in as himself, and only he can decide.
    const bramAccount = await invitePerson(server, 'commenter', { name: 'Bram' });
    const anna = await person(journeyId, 'Anna');
    const bram = await person(journeyId, 'Bram', 'en-US', 0, bramAccount);
    await anna.saveVersion('to-be 2027');
    await anna.requestApproval('to-be 2027', [bramAccount.email], 'Please look at the checkout');
    await expect.poll(() => anna.approvalRound().getAttribute('data-state')).toBe('pending');
    // Anna was not asked: she is offered no decision.
    expect(await anna.approvalRound().locator('[data-testid="decision-form"]').count()).toBe(0);

    await bram.openSideTab('versions');
    await bram.decide('changes', 'Add the exit');
    await expect.poll(() => anna.approvalRound().getAttribute('data-state')).toBe('changes-requested');
    await anna.approvalRound().getByText('Add the exit').waitFor();
    await bram.decide('approve');
    await expect.poll(() => anna.approvalRound().getAttribute('data-state')).toBe('approved');
    await expect.poll(() => anna.approvalBadge().innerText()).toBe('Approved: to-be 2027');

    await anna.keyboardScore('Parking', ['Home']);
    await expect.poll(() => anna.approvalBadge().getAttribute('data-changed'), { timeout: 10_000 }).toBe('true');
    await expect.poll(() => bram.approvalBadge().innerText(), { timeout: 10_000 }).toBe('Approved: to-be 2027 · changed since');
    await closeAll();
  });

  it('keeps editing offline and merges both people’s edits when back online', async () => {
    const journeyId = await newJourney();
    const anna = await person(journeyId, 'Anna');
    const bram = await person(journeyId, 'Bram');
    const parking = await anna.stepId('Parking');
    const context = bram.page.context();

    await context.setOffline(true);
    await expect.poll(() => bram.connectionStatus().getAttribute('data-status')).toBe('disconnected');
    await bram.fillCell(/Pain points/, 'Parking', 'Written on the train');
    await expect.poll(() => bram.connectionStatus().getAttribute('data-unsynced')).toBe('true');
    expect(await bram.connectionStatus().innerText()).toMatch(/Offline.*changes? not yet sent/);
    await anna.keyboardScore('Parking', ['End']);
    await anna.page.waitForTimeout(300);
    expect(await anna.page.locator('.cell', { hasText: 'Written on the train' }).count()).toBe(0);

    await context.setOffline(false);
    await expect.poll(() => bram.connectionStatus().getAttribute('data-status'), { timeout: 15_000 }).toBe('connected');
    await anna.page.locator('.cell', { hasText: 'Written on the train' }).waitFor();
    await expect.poll(() => bram.scoreOf(parking)).toBe('2');
    await eventually(async () => {
      const journey = await anna.fetchJourney();
      expect(journey.cells.some((c) => c.stepId === parking && c.text === 'Written on the train')).toBe(true);
      expect(journey.steps.find((s) => s.id === parking)!.score).toBe(2);
    });
    await closeAll();
  }, 60_000);

  it('comments on a step with an @mention, replies, resolves, and counts open threads on the map', async () => {
    const journeyId = await newJourney();
    const anna = await person(journeyId, 'Anna');
    const bram = await person(journeyId, 'Bram de Vries', 'nl-NL');
    await anna.peer('Bram de Vries').waitFor();
    const parking = await anna.stepId('Parking');
    await anna.selectStep('Parking');
    await anna.openSideTab('comments');
    const composer = anna.page.locator('[data-testid="comments-panel"] > [data-testid="comment-composer"]');
    await composer.locator('textarea').pressSequentially('Is this right, @vr');
    // As in a chat: the suggestion is highlighted, and Enter takes it (it does not post).
    const suggestion = composer.locator('[data-testid="mention-suggestions"]').getByRole('option', { name: '@Bram de Vries' });
    expect(await suggestion.getAttribute('aria-selected')).toBe('true');
    await composer.locator('textarea').press('Enter');
    await expect.poll(() => composer.locator('textarea').inputValue()).toBe('Is this right, @Bram de Vries ');
    await composer.locator('textarea').pressSequentially('?');
    await composer.getByRole('button', { name: 'Post' }).click();
    await anna.page.locator('[data-testid="comment"] mark.mention', { hasText: '@Bram de Vries' }).waitFor();

    const badge = bram.stepHead('Parking').locator('[data-testid="comment-count"]');
    await expect.poll(() => badge.innerText()).toMatch(/1 opmerking/);
    await badge.click();
    const thread = bram.page.locator('[data-testid="comment-thread"]').first();
    expect(await thread.locator('mark.mention').innerText()).toBe('@Bram de Vries');
    await thread.getByRole('button', { name: 'Antwoorden' }).click();
    await thread.locator('textarea').fill('Ja, klopt');
    await thread.getByRole('button', { name: 'Plaatsen' }).click();
    await anna.page.locator('[data-testid="comment"]', { hasText: 'Ja, klopt' }).waitFor();

    // All comments of the journey, step by step: Bram finds the one that mentions him.
    await bram.page.getByTestId('all-comments').click();
    const overview = bram.page.getByTestId('comments-overview');
    await overview.locator('[data-filter="mine"]').click();
    await expect.poll(() => overview.locator('[data-testid="comments-overview-step"]').getAttribute('data-step-id')).toBe(parking);
    expect(await overview.locator('[data-testid="comments-overview-thread"]').innerText()).toMatch(/Anna[\s\S]*1 antwoord[\s\S]*Is this right, @Bram de Vries \?/);
    await overview.locator('.comments-overview__step').click();
    await bram.page.locator('[data-testid="comments-panel"]').waitFor();

    await anna.page.locator('[data-testid="comment-thread"]').first().getByRole('button', { name: 'Resolve' }).click();
    await badge.waitFor({ state: 'detached' });
    await eventually(async () => {
      const comments = (await anna.fetchJourney()).comments;
      expect(comments.map((c) => [c.author, c.stepId, c.resolved, c.mentions])).toEqual([
        // The name as the text shows it, and the account picked for it (mentionResolution.ts).
        ['Anna', parking, true, ['Bram de Vries', (await accountOf('Bram de Vries')).userId]],
        ['Bram de Vries', parking, false, []],
      ]);
    });
    await closeAll();
  });

  it('shares a timer, collects quick captures in an inbox the facilitator places, and counts dot votes', async () => {
    const journeyId = await newJourney();
    const anna = await person(journeyId, 'Anna');
    // Bram's laptop runs 3 minutes fast: the timer must still show him what it shows Anna.
    const bram = await person(journeyId, 'Bram', 'en-US', 3 * 60_000);
    const parking = await anna.stepId('Parking');

    await anna.openSideTab('workshop');
    await anna.page.locator('input[name="timer-minutes"]').fill('5');
    await anna.page.getByRole('button', { name: 'Start', exact: true }).click();
    await expect.poll(() => bram.page.locator('[data-testid="timer-badge"]').getAttribute('data-running')).toBe('true');
    expect(await bram.page.locator('[data-testid="timer-badge"]').innerText()).toMatch(/[45]:\d\d/);

    await bram.openSideTab('workshop');
    await bram.page.getByRole('radio', { name: 'pain point' }).check();
    await bram.page.locator('textarea[name="capture-text"]').fill('Queue at the entrance');
    await bram.page.getByRole('button', { name: 'Add to the inbox' }).click();
    const item = anna.page.locator('[data-testid="inbox-item"]', { hasText: 'Queue at the entrance' });
    await item.locator('select[name="place-step"]').selectOption(parking);
    await item.getByRole('button', { name: 'Place as pain point' }).click();
    await bram.page.locator('.cell', { hasText: 'Queue at the entrance' }).waitFor();
    await expect.poll(() => bram.page.locator('[data-testid="inbox-item"]').count()).toBe(0);

    await bram.page.getByRole('checkbox', { name: 'Vote on the map' }).check();
    const painCell = bram.page.locator('.cell', { hasText: 'Queue at the entrance' });
    await painCell.locator('[data-testid="add-dot"]').click();
    await painCell.locator('[data-testid="add-dot"]').click();
    await expect.poll(() => anna.page.locator('.cell', { hasText: 'Queue at the entrance' }).locator('[data-testid="cell-votes"]').getAttribute('data-total')).toBe('2');
    expect(await bram.page.locator('[data-testid="dots-left"]').innerText()).toBe('You have 3 dots left.');
    await closeAll();
  });
});
