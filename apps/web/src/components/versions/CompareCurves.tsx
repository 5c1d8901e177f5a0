import { useTranslation } from 'react-i18next';
import { scoreColor, type JourneyComparison } from '@klantreis/schema';
import { curveModel, evenColumns } from '../../canvas/curveGeometry.ts';

const COLUMN_WIDTH = 56;
const HEIGHT = 150;
const PADDING = 16;

type CurveSteps = JourneyComparison['curves']['before'];

/** One version's emotion curve, from the same curve model as the map, its steps numbered. */
function VersionCurve({ steps, label, changed }: { steps: CurveSteps; label: string; changed: ReadonlySet<string> }) {
  const { t } = useTranslation();
  const width = Math.max(1, steps.length) * COLUMN_WIDTH;
  const model = curveModel({ scores: steps.map((s) => s.score), columnCenters: evenColumns(steps.length, COLUMN_WIDTH), height: HEIGHT, padding: PADDING });
  const described = steps.map((s, i) => `${i + 1}. ${s.title || t('step.untitled')}: ${s.score === null ? t('step.noScore') : s.score > 0 ? `+${s.score}` : s.score}`).join('; ');
  return (
    <figure className="compare-curve">
      <figcaption>{label}</figcaption>
      {/* Focusable, so a long curve can be scrolled by keyboard too. */}
      <div className="compare-curve__scroll" tabIndex={0} role="group" aria-label={label}>
        <svg width={width} height={HEIGHT + 18} role="img" aria-label={`${label}: ${described}`}>
          {[-2, -1, 0, 1, 2].map((score) => (
            <line key={score} x1={0} x2={width} y1={model.yForScore(score)} y2={model.yForScore(score)} className={score === 0 ? 'curve__zero' : 'curve__grid'} />
          ))}
          <path d={model.path} className="curve__line" />
          {model.points.map((point) => {
            const step = steps[point.column]!;
            return (
              <circle key={step.stepId} cx={point.x} cy={point.y} r={changed.has(step.stepId) ? 7 : 5} fill={scoreColor(point.score)} className={changed.has(step.stepId) ? 'curve__dot compare-curve__changed' : 'curve__dot'} />
            );
          })}
          {steps.map((step, i) => (
            <text key={step.stepId} x={i * COLUMN_WIDTH + COLUMN_WIDTH / 2} y={HEIGHT + 12} textAnchor="middle" className="compare-curve__number">
              {i + 1}
            </text>
          ))}
        </svg>
      </div>
    </figure>
  );
}

/** Both curves side by side; the steps that were added, removed or changed are drawn larger. */
export function CompareCurves({ comparison, fromLabel, toLabel }: { comparison: JourneyComparison; fromLabel: string; toLabel: string }) {
  const changed = new Set([...comparison.stepsAdded, ...comparison.stepsRemoved].map((s) => s.id as string).concat(comparison.stepsChanged.map((c) => c.stepId)));
  return (
    <div className="compare-curves" data-testid="compare-curves">
      <VersionCurve steps={comparison.curves.before} label={fromLabel} changed={changed} />
      <VersionCurve steps={comparison.curves.after} label={toLabel} changed={changed} />
    </div>
  );
}
