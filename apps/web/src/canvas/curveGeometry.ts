import { scaleLinear } from 'd3-scale';
import { curveMonotoneX, line } from 'd3-shape';
import { MAX_SCORE, MIN_SCORE } from '@klantreis/schema';

// A small emotion curve's geometry, for the journey cards (MiniCurve) and the version
// comparison (CompareCurves). The map's curve, in the editor and every export, is the layout
// model's `layoutCurve` (@klantreis/render/layout), which draws the same monotone curve.

export interface CurvePoint {
  column: number;
  x: number;
  y: number;
  score: number;
}

export interface CurveModel {
  points: CurvePoint[];
  /** The SVG path through the scored steps; unscored steps are skipped, not drawn at zero. */
  path: string;
  yForScore(score: number): number;
  /** The score level nearest to a y position, for clicking the curve. */
  scoreAtY(y: number): number;
  height: number;
}

export function curveModel(options: {
  scores: readonly (number | null)[];
  /** The x of each column's centre, in the same order as scores. */
  columnCenters: readonly number[];
  height: number;
  padding: number;
}): CurveModel {
  const y = scaleLinear().domain([MIN_SCORE, MAX_SCORE]).range([options.height - options.padding, options.padding]);
  const points: CurvePoint[] = [];
  options.scores.forEach((score, column) => {
    if (score !== null) points.push({ column, x: options.columnCenters[column]!, y: y(score), score });
  });
  const path =
    line<CurvePoint>()
      .x((p) => p.x)
      .y((p) => p.y)
      .curve(curveMonotoneX)(points) ?? '';
  return {
    points,
    path,
    yForScore: (score) => y(score),
    scoreAtY: (yPosition) => Math.max(MIN_SCORE, Math.min(MAX_SCORE, Math.round(y.invert(yPosition)))),
    height: options.height,
  };
}

/** Column centres for equally wide columns. */
export function evenColumns(count: number, width: number, offset = 0): number[] {
  return Array.from({ length: count }, (_, i) => offset + i * width + width / 2);
}
