// Issue 14: the map says whose journey it is (a persona strip above it) and draws each wait
// where the customer waits (a gap on the curve with its duration), in Dutch and English.
import { describe, expect, it } from 'vitest';
import { buildTemplate } from '@klantreis/templates';
import { formatWaitMinutes } from '@klantreis/evaluation';
import { en } from '../apps/web/src/i18n/en.ts';
import { nl } from '../apps/web/src/i18n/nl.ts';
import { browserUnavailable, newContext } from './fixtures/browser.ts';
import { useBrowserAndServer } from './fixtures/browserAndServer.ts';

const unavailable = browserUnavailable();
const MESSAGES = { 'en-US': en, 'nl-NL': nl } as const;

describe.skipIf(unavailable !== null)('whose journey, and where the customer waits, in Chromium', () => {
  const running = useBrowserAndServer();

  it.each(['nl-NL', 'en-US'] as const)('in %s: names the persona above the map, draws each wait between the right steps, and follows a changed wait', async (locale) => {
    const language = locale === 'nl-NL' ? 'nl' : 'en';
    const doc = buildTemplate('ikea-visit', language);
    const workspaceId = (await running.server.server.access.firstWorkspace())!.id;
    const id = await running.server.server.creator.fromDocument(doc, null, workspaceId);
    const persona = doc.personas.find((p) => doc.journey.personaIds.includes(p.id))!;
    const waits = doc.steps.filter((step) => step.wait);
    expect(waits.length).toBeGreaterThan(1);

    const page = await (await newContext(running.browser, locale)).newPage();
    await page.goto(`${running.server.url}/journeys/${id}`);
    const strip = page.getByTestId('persona-strip');
    await strip.waitFor();
    const words = MESSAGES[locale];
    expect(await strip.textContent()).toContain(words.personaStrip.whose);
    expect(await strip.textContent()).toContain(persona.name);

    // One gap per wait, named in words, at the edge of its step's column for a wait before it.
    // The waits of the columns beyond the view follow the map's first frame.
    const gaps = page.getByTestId('wait-gap');
    await expect.poll(() => gaps.count()).toBe(waits.length);
    for (const step of waits) {
      const gap = page.locator(`[data-testid="wait-gap"][data-step-id="${step.id}"]`);
      const duration = formatWaitMinutes(step.wait!.minutes, language);
      expect(await gap.getAttribute('aria-label')).toContain(duration);
      expect(await gap.getAttribute('aria-label')).toContain(words.step.waitMoments[step.wait!.moment]);
      expect(await gap.locator('text').textContent()).toBe(duration);
    }
    const before = waits.find((step) => step.wait!.moment === 'before')!;
    const edgeOf = async (stepId: string) => (await page.locator(`.curve__column[data-step-id="${stepId}"]`).boundingBox())!;
    const gapBox = async (stepId: string) => (await page.locator(`[data-testid="wait-gap"][data-step-id="${stepId}"] [data-part="wait-band"]`).boundingBox())!;
    const column = await edgeOf(before.id);
    const band = await gapBox(before.id);
    expect(Math.abs(band.x + band.width / 2 - column.x)).toBeLessThan(2);

    // Changed to a wait after the step, elsewhere: the gap moves to the column's right edge, live.
    const patched = await running.server.fetch(`/api/journeys/${id}/records/${before.id}`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ wait: { moment: 'after', minutes: 2 * 24 * 60 } }) });
    expect(patched.status).toBe(200);
    await expect.poll(() => page.locator(`[data-testid="wait-gap"][data-step-id="${before.id}"]`).getAttribute('data-moment')).toBe('after');
    const moved = await gapBox(before.id);
    const edge = column.x + column.width;
    // When the next step waits before it, the two waits share that edge: this one lies just left of it.
    const next = doc.steps[doc.steps.findIndex((step) => step.id === before.id) + 1];
    if (next?.wait?.moment === 'before') expect(Math.abs(moved.x + moved.width - edge)).toBeLessThan(2);
    else expect(Math.abs(moved.x + moved.width / 2 - edge)).toBeLessThan(2);
    expect(await page.locator(`[data-testid="wait-gap"][data-step-id="${before.id}"] text`).textContent()).toBe(formatWaitMinutes(2 * 24 * 60, language));

    // The strip opens the personas.
    await strip.getByRole('button', { name: new RegExp(persona.name) }).click();
    await page.getByRole('dialog', { name: words.persona.title }).waitFor();
    await page.context().close();
  });
});
