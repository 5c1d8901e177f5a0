import { scoreColor } from '@klantreis/schema';
import { curveModel, evenColumns } from '../canvas/curveGeometry.ts';

/** The small emotion curve on a journey card. */
export function MiniCurve({ scores, label }: { scores: readonly (number | null)[]; label: string }) {
  const width = 240;
  const height = 56;
  const columnWidth = scores.length > 0 ? width / scores.length : width;
  const model = curveModel({ scores, columnCenters: evenColumns(scores.length, columnWidth), height, padding: 8 });
  return (
    <svg className="mini-curve" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={label}>
      <line x1={0} x2={width} y1={model.yForScore(0)} y2={model.yForScore(0)} className="mini-curve__zero" />
      <path d={model.path} className="mini-curve__line" />
      {model.points.map((p) => (
        <circle key={p.column} cx={p.x} cy={p.y} r={3} fill={scoreColor(p.score)} stroke="#37474f" strokeWidth={0.5} />
      ))}
    </svg>
  );
}
