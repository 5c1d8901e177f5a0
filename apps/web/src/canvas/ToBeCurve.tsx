import { curveModel, evenColumns } from './curveGeometry.ts';
import { STEP_WIDTH, type MapColumn } from './mapLayout.ts';

/**
 * The to-be curve, dashed beside the as-is one: each step at its target score, or at its
 * as-is score when it has no target (it is meant to stay as it is). Steps with a target of
 * their own get a ring. Nothing is drawn while no step has a target.
 */
export function ToBeCurve({ columns, height, padding }: { columns: MapColumn[]; height: number; padding: number }) {
  const hasTarget = columns.some((c) => c.kind === 'step' && c.step.targetScore !== null);
  if (!hasTarget) return null;
  const scores = columns.map((c) => (c.kind === 'step' ? (c.step.targetScore ?? c.step.score) : null));
  const model = curveModel({ scores, columnCenters: evenColumns(columns.length, STEP_WIDTH), height, padding });
  return (
    <g className="to-be-curve" data-testid="to-be-curve" aria-hidden="true">
      <path d={model.path} className="curve__line curve__line--to-be" />
      {columns.map((column, i) =>
        column.kind === 'step' && column.step.targetScore !== null ? (
          <circle
            key={column.step.id}
            cx={i * STEP_WIDTH + STEP_WIDTH / 2}
            cy={model.yForScore(column.step.targetScore)}
            r={6}
            className="curve__target"
            data-step-id={column.step.id}
            data-target={column.step.targetScore}
          />
        ) : null,
      )}
    </g>
  );
}
