import { describe, expect, it } from 'vitest';
import { scoreColor } from '@klantreis/schema';
import { layoutCurve, type CurveInput, type CurveStep } from './curveLayout.ts';
import type { Shape } from './shapes.ts';
import type { TextMeasure } from './textWrap.ts';

const measure: TextMeasure = { width: (text, size) => text.length * size * 0.6 };
const labels = { designed: 'Designed', toBe: 'To-be', measured: 'Measured', peak: 'Peak', trough: 'Trough', end: 'End' };
const frame = { x: 100, y: 50, columnWidth: 150, height: 176 };

function step(id: string, score: number | null, more: Partial<CurveStep> = {}): CurveStep {
  return { id, score, targetScore: null, wait: null, measured: null, ...more };
}

function input(columns: (CurveStep | null)[], more: Partial<CurveInput> = {}): CurveInput {
  return { columns, peakStepId: null, troughStepId: null, endStepId: null, labels, measure, ...more };
}

function box(shapes: Shape[]): { x1: number; y1: number; x2: number; y2: number } {
  const xs: number[] = [];
  const ys: number[] = [];
  for (const s of shapes) {
    if (s.kind === 'line') xs.push(s.x1, s.x2), ys.push(s.y1, s.y2);
    if (s.kind === 'circle') xs.push(s.cx - s.r, s.cx + s.r), ys.push(s.cy - s.r, s.cy + s.r);
    if (s.kind === 'text') xs.push(s.x), ys.push(s.y + s.lineHeight / 2);
  }
  return { x1: Math.min(...xs), y1: Math.min(...ys), x2: Math.max(...xs), y2: Math.max(...ys) };
}

describe('layoutCurve', () => {
  it('puts +2 and −2 inside the padding and finds the score of a click again', () => {
    const curve = layoutCurve(input([step('a', 2), null, step('b', -2)]), frame);
    expect(curve.yForScore(2)).toBe(frame.y + 22);
    expect(curve.yForScore(-2)).toBe(frame.y + frame.height - 22);
    for (const score of [-2, -1, 0, 1, 2]) expect(curve.scoreAtY(curve.yForScore(score) + 7)).toBe(score);
    expect(curve.scoreAtY(frame.y)).toBe(2);
    expect(curve.points.map((p) => [p.column, p.x])).toEqual([
      [0, 175],
      [2, 475],
    ]);
    expect(curve.width).toBe(450);
  });

  it("draws a measured step as a diamond in its score's colour, outlined in red with a line to the design when a point or more apart", () => {
    const curve = layoutCurve(input([step('a', 0, { measured: { score: 1.5 } }), step('b', 1, { measured: { score: 0.5 } })]), frame);
    const [a, b] = curve.items.filter((i) => i.part === 'measured-step');
    const diamond = (shapes: Shape[]) => shapes.find((s) => s.part === 'measured-point') as Shape & { kind: 'path' };
    expect(diamond(a!.shapes).fill).toBe(scoreColor(2));
    expect(diamond(a!.shapes).stroke).toBe('#b71c1c');
    expect(a!.shapes.some((s) => s.part === 'score-gap')).toBe(true);
    expect(diamond(b!.shapes).stroke).toBe('#263238');
    expect(b!.shapes.some((s) => s.part === 'score-gap')).toBe(false);
    expect(curve.items.find((i) => i.part === 'legend')).toBeDefined();
  });

  it('keeps the legend off a dot in the top right corner and off a wait, and a wait and its duration inside the curve', () => {
    const curve = layoutCurve(input([step('a', 0, { wait: { moment: 'before', text: '2 days' }, targetScore: 1 }), step('b', 0), step('c', 2)]), frame);
    const legend = box(curve.items.find((i) => i.part === 'legend')!.shapes);
    const wait = curve.items.find((i) => i.part === 'wait')!;
    const band = wait.shapes.find((s) => s.part === 'wait-band') as Shape & { kind: 'rect' };
    // Not over the dot at +2 in the top right, nor over the wait's band at the left edge.
    const dot = curve.points.find((p) => p.stepId === 'c')!;
    expect(legend.x2 < dot.x - 8 || legend.y1 > dot.y + 8).toBe(true);
    expect(legend.x1).toBeGreaterThan(band.x + band.width);
    expect(band.x).toBe(frame.x);
    const hatch = wait.shapes.filter((s) => s.kind === 'line') as (Shape & { kind: 'line' })[];
    expect(hatch.length).toBeGreaterThan(10);
    for (const line of hatch) {
      for (const [x, y] of [[line.x1, line.y1], [line.x2, line.y2]] as const) {
        expect(x).toBeGreaterThanOrEqual(band.x);
        expect(x).toBeLessThanOrEqual(band.x + band.width);
        expect(y).toBeGreaterThanOrEqual(band.y);
        expect(y).toBeLessThanOrEqual(band.y + band.height);
      }
    }
    const duration = wait.shapes.find((s) => s.kind === 'text') as Shape & { kind: 'text' };
    expect(duration.x - measure.width('2 days', 12, 'bold') / 2).toBeGreaterThanOrEqual(frame.x);
  });

  it('draws a wait after a step and a wait before the next side by side at their boundary, bands and durations apart', () => {
    const curve = layoutCurve(input([step('a', 0, { wait: { moment: 'after', text: '1 h 30 min' } }), step('b', 0, { wait: { moment: 'before', text: '2 days' } }), step('c', 1)]), frame);
    const waits = curve.items.filter((i) => i.part === 'wait');
    expect(waits.map((w) => w.stepId)).toEqual(['a', 'b']);
    const boundary = frame.x + frame.columnWidth;
    const rectBox = (shape: Shape | undefined) => {
      if (shape?.kind !== 'rect') throw new Error('no rect');
      return { x1: shape.x, y1: shape.y, x2: shape.x + shape.width, y2: shape.y + shape.height };
    };
    const parts = waits.map((w) => ({
      band: rectBox(w.shapes.find((s) => s.part === 'wait-band')),
      label: rectBox(w.shapes.find((s) => s.kind === 'rect' && s.part !== 'wait-band')),
    }));
    const [after, before] = parts;
    const apart = (p: ReturnType<typeof rectBox>, q: ReturnType<typeof rectBox>) => p.x2 <= q.x1 || q.x2 <= p.x1 || p.y2 <= q.y1 || q.y2 <= p.y1;
    expect(apart(after!.band, before!.band)).toBe(true);
    expect(apart(after!.label, before!.label)).toBe(true);
    // The step's own wait on its side of the boundary: "after" to the left, "before" to the right.
    expect(after!.band.x2).toBeLessThanOrEqual(boundary);
    expect(before!.band.x1).toBeGreaterThanOrEqual(boundary);
    expect(after!.label.x2).toBeLessThanOrEqual(boundary);
    expect(before!.label.x1).toBeGreaterThanOrEqual(boundary);
  });

  it('marks peak and end together above, the trough below, and beside the dot at +2', () => {
    const curve = layoutCurve(input([step('a', 1), step('b', -1), step('c', 2)], { peakStepId: 'c', endStepId: 'c', troughStepId: 'b' }), frame);
    const markers = curve.items.filter((i) => i.part === 'marker');
    expect(markers.map((m) => m.marker)).toEqual(['peak end', 'trough']);
    const [peakEnd, trough] = markers.map((m) => m.shapes[0] as Shape & { kind: 'rect' });
    // +2 leaves no room above: beside the dot, to its left at the curve's end.
    expect(peakEnd!.x + peakEnd!.width).toBeLessThanOrEqual(curve.columnCentre(2) - 13 + 0.01);
    expect(trough!.y).toBeGreaterThan(curve.yForScore(-1));
  });
});
