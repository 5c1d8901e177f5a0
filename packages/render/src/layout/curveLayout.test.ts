import { describe, expect, it } from 'vitest';
import { scoreColor } from '@klantreis/schema';
import { layoutCurve, type CurveInput, type CurveLayout, type CurveStep } from './curveLayout.ts';
import { CURVE_HEIGHT, STEP_WIDTH } from './mapLayout.ts';
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

interface Bounds {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** Where a shape draws, its stroke and a text's width and line height included (unlike `box`, rects and text too). */
function shapeBounds(shape: Shape): Bounds {
  const half = 'strokeWidth' in shape && shape.stroke ? (shape.strokeWidth ?? 1) / 2 : 0;
  const grown = (b: Bounds) => ({ x1: b.x1 - half, y1: b.y1 - half, x2: b.x2 + half, y2: b.y2 + half });
  switch (shape.kind) {
    case 'rect':
      return grown({ x1: shape.x, y1: shape.y, x2: shape.x + shape.width, y2: shape.y + shape.height });
    case 'circle':
      return grown({ x1: shape.cx - shape.r, y1: shape.cy - shape.r, x2: shape.cx + shape.r, y2: shape.cy + shape.r });
    case 'line':
      return grown({ x1: Math.min(shape.x1, shape.x2), y1: Math.min(shape.y1, shape.y2), x2: Math.max(shape.x1, shape.x2), y2: Math.max(shape.y1, shape.y2) });
    case 'path': {
      // M, L, C and Z only: the points and control points hold the whole path.
      const numbers = shape.d.match(/-?\d+(\.\d+)?(e-?\d+)?/g)!.map(Number);
      const xs = numbers.filter((_, i) => i % 2 === 0);
      const ys = numbers.filter((_, i) => i % 2 === 1);
      return grown({ x1: Math.min(...xs), y1: Math.min(...ys), x2: Math.max(...xs), y2: Math.max(...ys) });
    }
    case 'text': {
      const width = Math.max(...shape.lines.map((line) => measure.width(line, shape.size, shape.weight)));
      const x1 = shape.anchor === 'start' ? shape.x : shape.anchor === 'middle' ? shape.x - width / 2 : shape.x - width;
      return { x1, y1: shape.y, x2: x1 + width, y2: shape.y + shape.lines.length * shape.lineHeight };
    }
  }
}

function union(boxes: Bounds[]): Bounds {
  return { x1: Math.min(...boxes.map((b) => b.x1)), y1: Math.min(...boxes.map((b) => b.y1)), x2: Math.max(...boxes.map((b) => b.x2)), y2: Math.max(...boxes.map((b) => b.y2)) };
}

function intersect(a: Bounds, b: Bounds, clearance = 0): boolean {
  return a.x1 - clearance < b.x2 && b.x1 < a.x2 + clearance && a.y1 - clearance < b.y2 && b.y1 < a.y2 + clearance;
}

/**
 * What is drawn on the curve as things a reader must tell apart: dots, rings, diamonds, a gap's
 * line, figures, "!", a wait's band and duration, each marker and the legend (the lines and
 * the grid left out: a curve crosses them by nature).
 */
function drawnThings(curve: CurveLayout): { name: string; box: Bounds }[] {
  const things: { name: string; box: Bounds }[] = [];
  for (const item of curve.items) {
    const name = `${item.part}${item.stepId ? ` ${item.stepId}` : ''}${item.marker ? ` (${item.marker})` : ''}`;
    if (['marker', 'legend', 'point', 'unscored', 'target'].includes(item.part)) things.push({ name, box: union(item.shapes.map(shapeBounds)) });
    if (item.part === 'measured-step' || item.part === 'wait') {
      // Each of its shapes on its own (a diamond and its figures far below are not one box); a wait's hatching lies inside its band.
      for (const shape of item.shapes) if (!(item.part === 'wait' && shape.kind === 'line')) things.push({ name: `${name} ${shape.part ?? shape.kind}`, box: shapeBounds(shape) });
    }
  }
  return things;
}

/** The pairs of a marker or the legend and anything else drawn that overlap, in words; empty when none do. */
function collisions(curve: CurveLayout, frameBox: Bounds): string[] {
  const things = drawnThings(curve);
  const found: string[] = [];
  things.forEach((thing, i) => {
    if (!thing.name.startsWith('marker') && !thing.name.startsWith('legend')) return;
    const inside = thing.box.x1 >= frameBox.x1 - 0.01 && thing.box.x2 <= frameBox.x2 + 0.01 && thing.box.y1 >= frameBox.y1 - 0.01 && thing.box.y2 <= frameBox.y2 + 0.01;
    if (!inside) found.push(`${thing.name} outside the curve`);
    things.forEach((other, j) => {
      if (j === i || (j < i && (other.name.startsWith('marker') || other.name.startsWith('legend')))) return;
      if (intersect(thing.box, other.box)) found.push(`${thing.name} over ${other.name}`);
    });
  });
  return found;
}

/** The top-left corner of a box of this size 2 px clear of everything drawn and of the curve's ends, on a 1 px grid, in words; null when there is none. */
function clearSpot(curve: CurveLayout, frameBox: Bounds, width: number, height: number): string | null {
  const things = drawnThings(curve);
  for (let y = frameBox.y1; y + height <= frameBox.y2; y++) {
    for (let x = frameBox.x1 + 2; x + width <= frameBox.x2 - 2; x++) {
      const spot = { x1: x, y1: y, x2: x + width, y2: y + height };
      if (!things.some((thing) => intersect(spot, thing.box, 2))) return `${x},${y}`;
    }
  }
  return null;
}

/** A small deterministic random source (mulberry32), so a failing case is found again by its number. */
function randomSource(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const dutch = { designed: 'Ontworpen', toBe: 'Gewenst (to-be)', measured: 'Gemeten', peak: 'Piek', trough: 'Dal', end: 'Einde' };
/** The editor's curve: a 156-px step column, 176 px high, from the SVG's corner. */
const editorFrame = { x: 0, y: 0, columnWidth: STEP_WIDTH, height: CURVE_HEIGHT };

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

  // The audit's map (issue 14): four steps with designed scores, events and survey answers
  // imported, the last step the peak and the end at +2 with its measured diamond just under the
  // dot. The top left has the first step's measured +2, the bottom the figures, the top a "!":
  // the legend went to the top right, over the "Piek · Einde" pill, its diamond above the data's.
  const auditMap = input(
    [
      step('a', 1, { measured: { score: 2, figures: '↘ 0%' } }),
      step('b', 0, { measured: { score: null, figures: '↘ 0% · 2 dagen, 8 uur' } }),
      step('c', -1, { wait: { moment: 'before', text: '1 min' }, measured: { score: -1, figures: '↘ 50% · 6 dagen, 1 uur', waitExceeded: true } }),
      step('d', 2, { measured: { score: 1.5, figures: '↘ 0% · 8 dagen, 6 uur' } }),
    ],
    { peakStepId: 'd', endStepId: 'd', troughStepId: 'c', labels: dutch },
  );

  it("keeps the legend and the peak-end marker of a small measured map off each other and off every dot, diamond, figure and wait", () => {
    const curve = layoutCurve(auditMap, editorFrame);
    const legend = curve.items.find((i) => i.part === 'legend')!;
    expect(legend.shapes.filter((s) => s.kind === 'text').map((s) => (s as Shape & { kind: 'text' }).lines[0])).toEqual(['Ontworpen', 'Gemeten']);
    expect(curve.items.filter((i) => i.part === 'marker').map((m) => m.marker)).toEqual(['peak end', 'trough']);
    expect(collisions(curve, { x1: 0, y1: 0, x2: curve.width, y2: CURVE_HEIGHT })).toEqual([]);
    // Not so near a dot or diamond that its own marks read as data: room to spare around each.
    const legendBox = union(legend.shapes.map(shapeBounds));
    const marks = drawnThings(curve).filter((t) => t.name.startsWith('point') || t.name.endsWith('measured-point'));
    expect(marks.map((m) => m.name)).toContain('measured-step d measured-point');
    for (const mark of marks) expect(intersect(legendBox, mark.box, 4), mark.name).toBe(false);
  });

  it('places the same legend and markers for the same map, every time', () => {
    expect(layoutCurve(auditMap, editorFrame).shapes).toEqual(layoutCurve(auditMap, editorFrame).shapes);
  });

  it('keeps the legend and the markers apart, and off everything drawn, on many small maps (1–6 steps)', () => {
    const random = randomSource(14);
    const pick = <T,>(choices: readonly T[]): T => choices[Math.floor(random() * choices.length)]!;
    const figures = ['↘ 0%', '↘ 12% · 3 min', '↘ 50% · 6 dagen, 1 uur', '↘ 100% · 4 dagen, 12 uur', '↘ –'];
    const failures: { map: number; steps: number; found: string[]; input: string }[] = [];
    let compared = 0;
    let leftOut = 0;
    for (let n = 0; n < 600; n++) {
      const count = 1 + (n % 6);
      const columns = Array.from({ length: count }, (_, i) =>
        step(`s${i}`, random() < 0.1 ? null : pick([-2, -1, 0, 1, 2]), {
          targetScore: random() < 0.2 ? pick([-2, -1, 0, 1, 2]) : null,
          measured:
            random() < 0.15
              ? null
              : {
                  score: random() < 0.1 ? null : Math.round((random() * 4 - 2) * 10) / 10,
                  figures: random() < 0.7 ? pick(figures) : null,
                  waitExceeded: random() < 0.25,
                },
        }),
      );
      const someStep = () => (random() < 0.15 ? null : `s${Math.floor(random() * count)}`);
      const peakStepId = someStep();
      const map = input(columns, { peakStepId, endStepId: random() < 0.4 ? peakStepId : someStep(), troughStepId: someStep(), labels: n % 2 === 0 ? dutch : labels });
      const frameHere = random() < 0.3 ? frame : editorFrame;
      const curve = layoutCurve(map, frameHere);
      const frameBox = { x1: frameHere.x, y1: frameHere.y, x2: frameHere.x + curve.width, y2: frameHere.y + frameHere.height };
      const found = collisions(curve, frameBox);
      // A legend is left out only where not even its smallest form (10 px names in 14 px rows,
      // 27 px for a curve's sample before each) is clear, 2 px off everything, anywhere on the curve.
      const entries = [map.labels.designed, ...(columns.some((c) => c.targetScore !== null) ? [map.labels.toBe] : []), ...(columns.some((c) => c.measured !== null) ? [map.labels.measured] : [])];
      const legendDrawn = curve.items.some((i) => i.part === 'legend');
      if (entries.length > 1 && !legendDrawn) {
        leftOut++;
        const spot = clearSpot(curve, frameBox, 27 + Math.max(...entries.map((e) => measure.width(e, 10, 'bold'))), entries.length * 14 + 2);
        if (spot) found.push(`no legend, though ${spot} was clear`);
      }
      if (found.length > 0) failures.push({ map: n, steps: count, found, input: JSON.stringify({ ...map, measure: undefined }) });
      if (legendDrawn) compared++;
    }
    // All of them, so a change is judged by how many it mends; the first one's input to replay it.
    expect(failures.map(({ map, steps, found }) => `map ${map} (${steps} steps): ${found.join('; ')}`), failures[0]?.input).toEqual([]);
    // Most of them have a legend (a target or a measured step): the test looked at legends. A
    // few of one step have no room for one at all.
    expect(compared).toBeGreaterThan(400);
    expect(leftOut).toBeLessThan(15);
  });

  it('keeps the legend off everything and a marker off all but a wait or a gap line, on small maps with waits too', () => {
    // A wait "during" a step runs its band through the dot: on a map of one step a marker may
    // have no place but over it (its pill hides the hatching), as over the line of a gap.
    const random = randomSource(15);
    const pick = <T,>(choices: readonly T[]): T => choices[Math.floor(random() * choices.length)]!;
    const failures: string[] = [];
    for (let n = 0; n < 600; n++) {
      const count = 1 + (n % 6);
      const columns = Array.from({ length: count }, (_, i) =>
        step(`s${i}`, random() < 0.1 ? null : pick([-2, -1, 0, 1, 2]), {
          targetScore: random() < 0.2 ? pick([-2, -1, 0, 1, 2]) : null,
          wait: random() < 0.3 ? { moment: pick(['before', 'during', 'after'] as const), text: pick(['1 min', '2 dagen', '1 h 30 min']) } : null,
          measured: random() < 0.15 ? null : { score: random() < 0.1 ? null : Math.round((random() * 4 - 2) * 10) / 10, figures: random() < 0.7 ? pick(['↘ 0%', '↘ 50% · 6 dagen, 1 uur']) : null, waitExceeded: random() < 0.25 },
        }),
      );
      const someStep = () => (random() < 0.15 ? null : `s${Math.floor(random() * count)}`);
      const peakStepId = someStep();
      const curve = layoutCurve(input(columns, { peakStepId, endStepId: random() < 0.4 ? peakStepId : someStep(), troughStepId: someStep(), labels: n % 2 === 0 ? dutch : labels }), editorFrame);
      const found = collisions(curve, { x1: 0, y1: 0, x2: curve.width, y2: CURVE_HEIGHT }).filter((c) => !/^marker .* over (wait \S+ wait-band|measured-step \S+ score-gap)$/.test(c));
      if (found.length > 0) failures.push(`map ${n} (${count} steps): ${found.join('; ')}`);
    }
    expect(failures).toEqual([]);
  });
});
