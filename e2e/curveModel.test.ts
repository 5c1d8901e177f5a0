// Issue 11, one render model: the editor draws its emotion curve from the same layout as the
// SVG export (layoutCurve), so the designed curve's path is the export's, moved to where the
// export puts the curve (the columns are as wide in both; the scale below stays for the day they
// are not).
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { STEP_WIDTH as EXPORT_STEP_WIDTH } from '@klantreis/render/layout';
import { sortByIndex } from '@klantreis/schema';
import { buildTemplate } from '@klantreis/templates';
import { STEP_WIDTH as EDITOR_STEP_WIDTH } from '../apps/web/src/canvas/mapLayout.ts';
import { browserUnavailable, newContext } from './fixtures/browser.ts';
import { useBrowserAndServer } from './fixtures/browserAndServer.ts';

const unavailable = browserUnavailable();

/** The commands and the numbers of an SVG path, in order. */
function pathParts(d: string): { commands: string; numbers: number[] } {
  return { commands: d.replace(/[^A-Za-z]/g, ''), numbers: d.match(/-?\d+(\.\d+)?(e-?\d+)?/g)!.map(Number) };
}

describe.skipIf(unavailable !== null)("the editor's curve and the SVG export's, in Chromium", () => {
  const running = useBrowserAndServer();

  it("draws the designed curve with the export's path, and the to-be curve's targets the export draws", async () => {
    const doc = buildTemplate('ikea-visit', 'en');
    const steps = sortByIndex(doc.steps);
    steps[1]!.targetScore = 2;
    steps.at(-1)!.targetScore = 1;
    const workspaceId = (await running.server.server.access.firstWorkspace())!.id;
    const id = await running.server.server.creator.fromDocument(doc, null, workspaceId);

    const context = await newContext(running.browser, 'en-US');
    const page = await context.newPage();
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`${running.server.url}/journeys/${id}`);
    const curve = page.getByTestId('emotion-curve');
    const designed = curve.locator('path[data-part="designed-line"]');
    await designed.waitFor();
    const inEditor = pathParts((await designed.getAttribute('d'))!);

    const svg = await (await running.server.fetch(`/api/journeys/${id}/export?format=svg`)).text();
    const exportedD = [...svg.matchAll(/<path d="([^"]+)" fill="none" stroke="#37474f" stroke-width="2.5"\/>/g)].map((m) => m[1]!);
    expect(exportedD).toHaveLength(1);
    const inExport = pathParts(exportedD[0]!);

    // The same commands through the same points: x scaled from the editor's columns to the
    // export's (the same width today) and moved past its label column, y moved below its title block and step heads.
    expect(inExport.commands).toBe(inEditor.commands);
    expect(inExport.numbers).toHaveLength(inEditor.numbers.length);
    const scale = EXPORT_STEP_WIDTH / EDITOR_STEP_WIDTH;
    const dx = inExport.numbers[0]! - inEditor.numbers[0]! * scale;
    const dy = inExport.numbers[1]! - inEditor.numbers[1]!;
    inEditor.numbers.forEach((value, i) => {
      const expected = i % 2 === 0 ? value * scale + dx : value + dy;
      expect(Math.abs(inExport.numbers[i]! - expected), `number ${i} of the path`).toBeLessThan(0.02);
    });
    expect(dx).toBeGreaterThan(0);
    expect(dy).toBeGreaterThan(0);

    // The to-be curve and its rings are drawn in both, one ring a target. The editor's first
    // frame draws only the columns in view (firstFrame); the last step's ring comes a frame later.
    await expect.poll(() => curve.locator('[data-testid="to-be-curve"] [data-target]').count()).toBe(2);
    expect([...svg.matchAll(/<circle [^>]*r="6" fill="#ffffff" stroke="#5e35b1"/g)]).toHaveLength(2);

    // For the eye: the editor's curve and the export, side by side in the temp folder.
    await page.locator('.curve-cell').screenshot({ path: `${tmpdir()}/klantreis-curve-editor.png` });
    writeFileSync(`${tmpdir()}/klantreis-curve-export.png`, Buffer.from(await (await running.server.fetch(`/api/journeys/${id}/export?format=png&scale=1`)).arrayBuffer()));

    // The sliders stay the editor's, over the model's dots: the focus ring shows, a key moves the
    // score, and the model draws the dot and the curve there.
    const first = steps[0]!;
    const slider = curve.locator(`g.curve__point[data-step-id="${first.id}"]`);
    await slider.focus();
    expect(await slider.locator('.curve__hit').evaluate((el) => getComputedStyle(el).stroke)).toBe('rgb(26, 95, 180)');
    const score = Number(await slider.getAttribute('data-score'));
    await slider.press(score < 2 ? 'ArrowUp' : 'ArrowDown');
    const moved = score < 2 ? score + 1 : score - 1;
    await curve.locator(`g.curve__point[data-step-id="${first.id}"][data-score="${moved}"]`).waitFor();
    await expect.poll(async () => pathParts((await designed.getAttribute('d'))!).numbers[1]).not.toBe(inEditor.numbers[1]);
    const centre = async (selector: string) => {
      const box = (await curve.locator(selector).boundingBox())!;
      return [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)];
    };
    expect(await centre(`g.curve__point[data-step-id="${first.id}"] .curve__hit`)).toEqual(await centre(`g.curve__model-dot[data-step-id="${first.id}"] circle`));
    await page.locator('.curve-cell').screenshot({ path: `${tmpdir()}/klantreis-curve-editor-focus.png` });
    await context.close();
  }, 60_000);
});
