import i18next, { type TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import type { StepMetrics } from '@klantreis/analytics';
import { evaluateJourney } from '@klantreis/evaluation';
import { sortByIndex, type JourneyDocument } from '@klantreis/schema';
import { TEMPLATE_IDS, buildTemplate } from '@klantreis/templates';
import { CURVE_HEIGHT, LABEL_WIDTH, STEP_WIDTH, journeyView, layoutCurve, layoutMap, type MeasuredStep, type Shape, type TextMeasure } from '@klantreis/render/layout';
import { en } from '../i18n/en.ts';
import { nl } from '../i18n/nl.ts';
import { editorCurveInput } from './curveInput.ts';
import { mapColumns } from './mapLayout.ts';

// The editor's curve and the exports' curve are one layout (layoutCurve): for the same journey
// the editor's input and the export's give the same shapes. What differs is where the curve
// sits (the export's title block and label column before it) and how wide a column is, so the
// editor's input is laid out here in the export's frame.

const measure: TextMeasure = { width: (text, size, weight) => text.length * size * (weight === 'bold' ? 0.6 : 0.55) };

/** A sample journey with what the curve draws beyond the designed scores: targets, measured scores, an unscored step. */
function sample(id: (typeof TEMPLATE_IDS)[number], locale: 'nl' | 'en'): { doc: JourneyDocument; measured: Map<string, number | null> } {
  const doc = buildTemplate(id, locale);
  const steps = sortByIndex(doc.steps);
  steps.forEach((step, i) => {
    if (i % 3 === 1) step.targetScore = 2;
    if (i === steps.length - 2) step.score = null;
  });
  // Measured: the first steps a point apart from the design either way, one with answers but no mean.
  const measured = new Map<string, number | null>(steps.slice(0, 4).map((step, i) => [step.id, i === 2 ? null : Math.max(-2, Math.min(2, (step.score ?? 0) + (i % 2 === 0 ? 1.5 : -0.5)))]));
  return { doc, measured };
}

function stepMetrics(stepId: string, score: number | null): StepMetrics {
  return { stepId, activities: [], dropOffShare: null, wait: { measured: { p90Seconds: null } }, survey: { axisMean: score, n: 3 } } as unknown as StepMetrics;
}

/** The shapes wholly inside the curve's step columns: the curve, without the label column. */
function curveShapes(shapes: Shape[], box: { x: number; y: number; width: number; height: number }): Shape[] {
  const inside = (x: number, y: number) => x >= box.x - 0.01 && x <= box.x + box.width + 0.01 && y >= box.y - 0.01 && y <= box.y + box.height + 0.01;
  return shapes.filter((shape) => {
    switch (shape.kind) {
      case 'rect':
        return inside(shape.x, shape.y) && inside(shape.x + shape.width, shape.y + shape.height);
      case 'line':
        return inside(shape.x1, shape.y1) && inside(shape.x2, shape.y2);
      case 'circle':
        return inside(shape.cx, shape.cy);
      case 'text':
        return inside(shape.x, shape.y + shape.lineHeight / 2);
      case 'path': {
        const numbers = shape.d.match(/-?\d+(\.\d+)?(e-?\d+)?/g)!.map(Number);
        return numbers.every((n, i) => (i % 2 === 0 ? inside(n, box.y) : inside(box.x, n)));
      }
    }
  });
}

describe("the editor's emotion curve and the export's", () => {
  const cases = TEMPLATE_IDS.flatMap((id) => (['nl', 'en'] as const).map((locale) => ({ id, locale })));
  it.each(cases)('$id ($locale): the same shapes, from the same layout', async ({ id, locale }) => {
    const i18n = i18next.createInstance();
    await i18n.init({ resources: { en: { translation: en }, nl: { translation: nl } }, lng: locale, fallbackLng: 'en', interpolation: { escapeValue: false } });
    const t = i18n.t.bind(i18n) as TFunction;
    const { doc, measured } = sample(id, locale);

    const view = journeyView(doc, { locale, measured: new Map<string, MeasuredStep>([...measured].map(([stepId, score]) => [stepId, { score }])) });
    const exported = layoutMap(view, measure);
    const region = exported.regions.find((r) => r.kind === 'curve')!;
    const frame = { x: region.x + LABEL_WIDTH, y: region.y, columnWidth: STEP_WIDTH, height: CURVE_HEIGHT };
    const exportCurve = curveShapes(exported.shapes, { ...frame, width: region.width - LABEL_WIDTH, height: CURVE_HEIGHT });

    const { columns } = mapColumns(sortByIndex(doc.phases), sortByIndex(doc.steps));
    const { peakStepId, troughStepId, endStepId } = evaluateJourney(doc, { locale }).peakEnd;
    const metrics = new Map([...measured].map(([stepId, score]) => [stepId, stepMetrics(stepId, score)]));
    const editorCurve = layoutCurve(editorCurveInput(columns, { metrics, peakStepId, troughStepId, endStepId, locale, t, measure }), frame);

    expect(editorCurve.shapes.length).toBeGreaterThan(columns.length);
    expect(exportCurve).toEqual(editorCurve.shapes);
    // What the issue-14 look asks for is there: diamonds in the score's colour, the legend, the to-be rings, the markers.
    const parts = new Set(editorCurve.items.map((item) => item.part));
    for (const part of ['measured-step', 'legend', 'target', 'to-be-line', 'marker', 'unscored', 'designed-line']) expect(parts).toContain(part);
    expect(editorCurve.shapes.filter((s) => s.part === 'measured-point')).toHaveLength(3);
  });
});
