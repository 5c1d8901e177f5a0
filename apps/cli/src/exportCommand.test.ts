import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { formatDuration } from '@klantreis/evaluation';
import { createBlankJourney, createStepRecord } from '@klantreis/schema';
import { SHARED_EVENT_LOGS } from '../../../testing/sharedData.ts';

// `klantreis export` of a measured journey draws what the editor and the export route draw:
// under each measured step its drop-off share and p90 wait, measured from the same data folder.

const BIN = fileURLToPath(new URL('../bin/klantreis.js', import.meta.url));
const RUNNING_EXAMPLE = `${SHARED_EVENT_LOGS}running-example.csv`;
const run = promisify(execFile);
const squeeze = (text: string) => text.replace(/\s+/g, '');

interface StepFigures {
  activities: string[];
  dropOffShare: number | null;
  wait: { measured: { p90Seconds: number | null } };
}

describe('klantreis export of a measured journey', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'klantreis-cli-export-'));
  const klantreis = (...args: string[]) => run(process.execPath, [BIN, ...args], { env: { ...process.env, KLANTREIS_DATA: dataDir, DATABASE_URL: '' }, maxBuffer: 64 * 1024 * 1024 });
  const ids = new Map<'nl' | 'en', string>();
  let plainId: string;

  async function importJourney(locale: 'nl' | 'en', measured: boolean): Promise<string> {
    const journey = createBlankJourney(measured ? 'Compensatie' : 'Zonder metingen', locale);
    const phaseId = journey.phases[0]!.id;
    journey.steps.push(
      createStepRecord({ phaseId, index: 'a0', title: 'Aanvraag', score: 1, activityPatterns: ['register request'] }),
      createStepRecord({ phaseId, index: 'a1', title: 'Onderzoek', score: 0, activityPatterns: ['examine*', 'check ticket'] }),
      createStepRecord({ phaseId, index: 'a2', title: 'Besluit', score: -1, activityPatterns: ['decide'], wait: { moment: 'before', minutes: 1 } }),
      createStepRecord({ phaseId, index: 'a3', title: 'Uitbetaling', score: 2, activityPatterns: ['pay compensation'], journeyEnd: true }),
    );
    const file = join(dataDir, `journey-${locale}-${measured}.json`);
    writeFileSync(file, JSON.stringify(journey));
    const id = (await klantreis('import', file)).stdout.trim();
    if (measured) await klantreis('import-log', id, RUNNING_EXAMPLE);
    return id;
  }

  /** The editor's words under each measured step, from the metrics the CLI prints. */
  async function editorWords(id: string, locale: 'nl' | 'en'): Promise<string[]> {
    const { metrics } = JSON.parse((await klantreis('metrics', id, '--json')).stdout) as { metrics: { steps: StepFigures[] } };
    return metrics.steps
      .filter((step) => step.activities.length > 0)
      .map((step) => `↘ ${Math.round(step.dropOffShare! * 100)}%${step.wait.measured.p90Seconds === null ? '' : ` · ${formatDuration(step.wait.measured.p90Seconds, locale)}`}`);
  }

  beforeAll(async () => {
    for (const locale of ['nl', 'en'] as const) ids.set(locale, await importJourney(locale, true));
    plainId = await importJourney('nl', false);
  }, 120_000);

  it.each(['nl', 'en'] as const)('writes the drop-off and p90 wait under each step in the SVG and on the slide of the curve (%s)', async (locale) => {
    const id = ids.get(locale)!;
    const words = await editorWords(id, locale);
    expect(words).toHaveLength(4);
    const svg = (await klantreis('export', id, '--format', 'svg')).stdout;
    for (const word of words) expect(svg).toContain(`>${word}</tspan>`);
    expect(svg).toContain('>!</tspan>');
    const pptx = join(dataDir, `${locale}.pptx`);
    await klantreis('export', id, '--format', 'pptx', '-o', pptx);
    const zip = await JSZip.loadAsync(readFileSync(pptx));
    const slides = await Promise.all(Object.keys(zip.files).filter((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name)).map((name) => zip.file(name)!.async('string')));
    // A figure too wide for its column is broken after the drop-off, into two paragraphs of one text box.
    const text = squeeze(slides.flatMap((xml) => [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]!)).join(''));
    for (const word of words) expect(text).toContain(squeeze(word));
  }, 60_000);

  it('writes a journey without imports as before: no figures, no measured curve', async () => {
    const svg = (await klantreis('export', plainId, '--format', 'svg')).stdout;
    expect(svg).not.toContain('↘');
    expect(svg).not.toMatch(/>(Gemeten|Measured)</);
  }, 60_000);
});
