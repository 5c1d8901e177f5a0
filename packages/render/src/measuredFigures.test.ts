import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { buildTemplate } from '@klantreis/templates';
import { sortByIndex, type JourneyDocument } from '@klantreis/schema';
import { fontMeasure } from './fonts.ts';
import { journeyView } from './journeyView.ts';
import { layoutCurve, type CurveStep } from './layout/curveLayout.ts';
import { layoutMap } from './layout/mapLayout.ts';
import type { Shape, TextShape } from './layout/shapes.ts';
import { curveMeasured, measuredStepsFromMetrics, type MeasuredStep, type StepMetricsFigures } from './measuredFigures.ts';
import { journeyPptx } from './pptx.ts';
import { layoutSvg } from './svg.ts';

// A measured step says in every picture of the map what it says in the editor: "↘ 12% · 3 min"
// under it (drop-off, p90 wait) and a "!" when the p90 wait is longer than the designed wait.

function metrics(stepId: string, more: { activities?: string[]; dropOffShare?: number | null; p90?: number | null; n?: number; mean?: number | null } = {}): StepMetricsFigures {
  return {
    stepId,
    activities: more.activities ?? ['a'],
    dropOffShare: more.dropOffShare ?? null,
    wait: { measured: { p90Seconds: more.p90 ?? null } },
    survey: { n: more.n ?? 0, axisMean: more.mean ?? null },
  };
}

/** IKEA's first three steps measured: 12 % drop-off and 80 min against a designed 30 min; 5 % and 3 min; answers only. */
function measuredSample(locale: 'nl' | 'en'): { doc: JourneyDocument; measured: Map<string, MeasuredStep> } {
  const doc = buildTemplate('ikea-visit', locale);
  const [first, second, third] = sortByIndex(doc.steps);
  first!.wait = { moment: 'before', minutes: 30 };
  second!.wait = null;
  const measured = measuredStepsFromMetrics([
    metrics(first!.id, { dropOffShare: 0.12, p90: 80 * 60, n: 4, mean: 0.5 }),
    metrics(second!.id, { dropOffShare: 0.05, p90: 180 }),
    metrics(third!.id, { activities: [], n: 2, mean: -1 }),
  ]);
  return { doc, measured };
}

const squeeze = (text: string) => text.replace(/\s+/g, '');
const texts = (shapes: readonly Shape[]) => shapes.filter((s): s is TextShape => s.kind === 'text').flatMap((s) => s.lines);

describe('measured figures', () => {
  it('takes the steps the editor takes: mapped activities or survey answers', () => {
    const measured = measuredStepsFromMetrics([metrics('a', { activities: [], n: 0 }), metrics('b', { activities: [], n: 3, mean: 1 }), metrics('c', { dropOffShare: 0.2, p90: 60 })]);
    expect([...measured.keys()]).toEqual(['b', 'c']);
    expect(measured.get('b')).toEqual({ score: 1, events: null });
    expect(measured.get('c')).toEqual({ score: null, events: { dropOffShare: 0.2, waitP90Seconds: 60 } });
  });

  it('takes no figure from NaN or infinity, and words a p90 wait of 0 (dates without times) as "0 sec"', () => {
    const measured = measuredStepsFromMetrics([metrics('a', { dropOffShare: Number.NaN, p90: Number.POSITIVE_INFINITY, n: 2, mean: Number.NaN })]);
    expect(measured.get('a')).toEqual({ score: null, events: { dropOffShare: null, waitP90Seconds: null } });
    expect(curveMeasured({ wait: { moment: 'before', minutes: 1 } }, measured.get('a')!, 'en')).toEqual({ score: null, figures: '↘ –', waitExceeded: false });
    const zero = measuredStepsFromMetrics([metrics('b', { dropOffShare: 0, p90: 0 })]).get('b')!;
    expect(curveMeasured({ wait: null }, zero, 'nl').figures).toBe('↘ 0% · 0 sec');
  });

  it('words them as the editor does, in the journey language, and marks a wait longer than designed', () => {
    const long = { score: 1, events: { dropOffShare: 0.125, waitP90Seconds: 80 * 60 } };
    expect(curveMeasured({ wait: { moment: 'before', minutes: 30 } }, long, 'nl')).toEqual({ score: 1, figures: '↘ 13% · 1 uur, 20 min', waitExceeded: true });
    expect(curveMeasured({ wait: { moment: 'before', minutes: 90 } }, long, 'en')).toEqual({ score: 1, figures: '↘ 13% · 1 hr, 20 min', waitExceeded: false });
    expect(curveMeasured({ wait: null }, { score: null, events: { dropOffShare: null, waitP90Seconds: null } }, 'en')).toEqual({ score: null, figures: '↘ –', waitExceeded: false });
    expect(curveMeasured({ wait: null }, { score: 0.5 }, 'nl')).toEqual({ score: 0.5 });
  });

  it.each(['nl', 'en'] as const)('draws them under the curve of the map (%s), with the "!", in the SVG as text', (locale) => {
    const { doc, measured } = measuredSample(locale);
    const layout = layoutMap(journeyView(doc, { measured }), fontMeasure(), { date: new Date('2026-12-06') });
    const words = texts(layout.shapes);
    expect(words).toContain(locale === 'nl' ? '↘ 12% · 1 uur, 20 min' : '↘ 12% · 1 hr, 20 min');
    expect(words).toContain('↘ 5% · 3 min');
    expect(layout.shapes.filter((s) => s.part === 'wait-exceeded')).toHaveLength(1);
    // The key under the curve's heading, as a poster has no tooltip.
    const labels = journeyView(doc).labels;
    expect(squeeze(words.join(' '))).toContain(squeeze(`↘ ${labels.dropOff} · ${labels.p90Wait}`));
    expect(squeeze(words.join(' '))).toContain(squeeze(labels.waitExceeded));
    const svg = layoutSvg(layout);
    expect(svg).toContain(locale === 'nl' ? '↘ 12% · 1 uur, 20 min' : '↘ 12% · 1 hr, 20 min');
  });

  it('draws a journey without measurement as before: no figures, no measured curve', () => {
    const doc = buildTemplate('ikea-visit', 'nl');
    const plain = layoutMap(journeyView(doc), fontMeasure(), { date: new Date('2026-12-06') });
    expect(layoutMap(journeyView(doc, { measured: new Map() }), fontMeasure(), { date: new Date('2026-12-06') })).toEqual(plain);
    expect(texts(plain.shapes).some((line) => line.startsWith('↘'))).toBe(false);
    expect(plain.shapes.some((s) => s.part === 'measured-point' || s.part === 'wait-exceeded')).toBe(false);
  });

  it('keeps long figures inside their column, a wait duration off them and its band behind a backing', () => {
    const measure = fontMeasure();
    const frame = { x: 0, y: 0, columnWidth: 156, height: 176 };
    // 154 px at 11 px bold: past the 148 px a 156 px column leaves.
    const long = '↘ 100% · 1444 dagen, 23 uur';
    const step = (id: string, more: Partial<CurveStep>): CurveStep => ({ id, score: 0, targetScore: null, wait: null, measured: null, ...more });
    const curve = layoutCurve(
      {
        columns: [step('a', { measured: { score: null, figures: long } }), step('b', { wait: { moment: 'during', text: '2 d' }, measured: { score: null, figures: long } })],
        peakStepId: null,
        troughStepId: null,
        endStepId: null,
        labels: { designed: 'D', toBe: 'T', measured: 'M', peak: 'P', trough: 'T', end: 'E' },
        measure,
      },
      frame,
    );
    const figures = curve.shapes.filter((s): s is TextShape => s.kind === 'text' && s.lines[0] === long);
    expect(figures).toHaveLength(2);
    for (const text of figures) expect(text.size).toBeLessThan(11);
    for (const text of figures) expect(measure.width(long, text.size, 'bold')).toBeLessThanOrEqual(frame.columnWidth - 8);
    const duration = curve.items.find((i) => i.part === 'wait')!.shapes.find((s): s is TextShape => s.kind === 'text')!;
    const figuresTop = figures[1]!.y;
    expect(duration.y + duration.lineHeight).toBeLessThanOrEqual(figuresTop + 1);
    // Across the wait's hatched band the figures get a backing; elsewhere they stand on the curve's white.
    const backed = (stepId: string) => curve.items.find((i) => i.part === 'measured-step' && i.stepId === stepId)!.shapes.some((s) => s.kind === 'rect');
    expect([backed('a'), backed('b')]).toEqual([false, true]);
  });

  it.each(['nl', 'en'] as const)('puts them on the slide of the curve as native text (%s)', async (locale) => {
    const { doc, measured } = measuredSample(locale);
    const zip = await JSZip.loadAsync(await journeyPptx(journeyView(doc, { measured }), { date: new Date('2026-12-06') }));
    const slides = await Promise.all(
      Object.keys(zip.files)
        .filter((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name))
        .map((name) => zip.file(name)!.async('string')),
    );
    const curve = slides.find((xml) => xml.includes('↘'))!;
    // A figure too wide for its column is broken after the drop-off, into two paragraphs of one text box.
    const text = squeeze([...curve.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => m[1]!).join(''));
    expect(text).toContain(squeeze(locale === 'nl' ? '↘ 12% · 1 uur, 20 min' : '↘ 12% · 1 hr, 20 min'));
    expect(text).toContain(squeeze('↘ 5% · 3 min'));
    expect(text).toContain(squeeze(locale === 'nl' ? 'wachttijd p90 langer dan ontworpen' : 'p90 wait longer than designed'));
    expect((curve.match(/prst="diamond"/g) ?? []).length).toBe(2);
    expect(curve).not.toContain('<p:pic>');
  });
});
