import { useTranslation } from 'react-i18next';
import { scoreColor } from '@klantreis/schema';
import type { StepMetrics } from '@klantreis/analytics';
import { useUiLocale } from '../hooks/useEvaluation.ts';
import { useMeasurementContext } from '../hooks/useMeasurement.ts';
import { axisText, durationText, percentText } from '../components/measurement/formatMeasures.ts';
import { designGaps } from '../components/measurement/designGaps.ts';
import { curveModel, evenColumns } from './curveGeometry.ts';
import { STEP_WIDTH, stepDisplayTitle, type MapColumn } from './mapLayout.ts';
import './measuredCurve.css';

/**
 * The measured curve beside the designed one: each step at the mean survey score of its answers
 * on the same −2..+2 axis, dotted. Under each measured step its drop-off and its p90 wait; a
 * marker where measured and designed part: a score gap of a point or more, or a p90 wait longer
 * than the designed wait. Nothing is drawn for a journey without measured data.
 */
export function MeasuredCurve({ columns, height, padding }: { columns: MapColumn[]; height: number; padding: number }) {
  const { t } = useTranslation();
  const locale = useUiLocale();
  const measurement = useMeasurementContext();
  if (!measurement) return null;
  const byStep = new Map<string, StepMetrics>(measurement.metrics.steps.map((s) => [s.stepId, s]));
  const measured = columns.map((c) => (c.kind === 'step' ? (byStep.get(c.step.id)?.survey.axisMean ?? null) : null));
  const anyMeasured = columns.some((c) => c.kind === 'step' && ((byStep.get(c.step.id)?.activities.length ?? 0) > 0 || measured.some((m) => m !== null)));
  if (!anyMeasured) return null;
  const model = curveModel({ scores: measured, columnCenters: evenColumns(columns.length, STEP_WIDTH), height, padding });
  const untitled = t('step.untitled');

  return (
    <g className="measured-curve" data-testid="measured-curve">
      <path d={model.path} className="measured-curve__line" aria-hidden="true" />
      {/* Designed: the solid line with circles; measured: dotted with diamonds. Both take the
          colour of their score on the same scale, so a measured +1 is green like a designed +1. */}
      <g className="measured-curve__legend" transform={`translate(${columns.length * STEP_WIDTH - 196} 12)`} data-testid="curve-legend">
        <title>{t('measurement.curve.legend')}</title>
        <line x1={0} x2={22} y1={-4} y2={-4} className="measured-curve__legend-designed" />
        <circle cx={11} cy={-4} r={4.5} fill={scoreColor(1)} className="measured-curve__legend-mark" />
        <text x={27} textAnchor="start">
          {t('measurement.curve.designed')}
        </text>
        <line x1={98} x2={120} y1={-4} y2={-4} className="measured-curve__line" />
        <rect x={105} y={-9} width={10} height={10} transform="rotate(45 110 -4)" fill={scoreColor(1)} className="measured-curve__legend-mark" />
        <text x={126} textAnchor="start">
          {t('measurement.curve.measured')}
        </text>
      </g>
      {columns.map((column, i) => {
        if (column.kind !== 'step') return null;
        const step = byStep.get(column.step.id);
        if (!step || (step.activities.length === 0 && step.survey.n === 0)) return null;
        const name = stepDisplayTitle(column.step, i + 1, untitled);
        const x = i * STEP_WIDTH + STEP_WIDTH / 2;
        const score = step.survey.axisMean;
        const gaps = designGaps(column.step, step);
        const scoreGap = gaps.scoreGapMarked;
        const parts = [
          score === null ? null : t('measurement.curve.point', { step: name, score: axisText(score, locale), count: step.survey.n }),
          step.activities.length === 0 ? null : t('measurement.curve.dropOff', { share: percentText(step.dropOffShare, locale) }),
          step.wait.measured.p90Seconds === null ? null : t('measurement.curve.wait', { wait: durationText(step.wait.measured.p90Seconds, locale) }),
          scoreGap ? t('measurement.curve.gapScore', { step: name, measured: axisText(score, locale), designed: axisText(gaps.designedScore, locale) }) : null,
          gaps.waitExceeded
            ? t('measurement.curve.gapWait', { step: name, measured: durationText(step.wait.measured.p90Seconds, locale), designed: durationText((gaps.designedMinutes ?? 0) * 60, locale) })
            : null,
        ].filter((part): part is string => part !== null);
        return (
          <g key={column.step.id} role="img" aria-label={parts.join('; ')} data-step-id={column.step.id} data-measured={score ?? ''} className="measured-curve__step">
            <title>{parts.join('\n')}</title>
            {scoreGap && gaps.designedScore !== null && score !== null && (
              <line x1={x + 14} x2={x + 14} y1={model.yForScore(gaps.designedScore)} y2={model.yForScore(score)} className="measured-curve__gap" data-gap="score" />
            )}
            {score !== null && <rect x={x - 6} y={model.yForScore(score) - 6} width={12} height={12} transform={`rotate(45 ${x} ${model.yForScore(score)})`} className={`measured-curve__point${scoreGap ? ' measured-curve__point--gap' : ''}`} style={{ fill: scoreColor(score) }} />}
            {step.activities.length > 0 && (
              <text x={x} y={height - 5} textAnchor="middle" className="measured-curve__figures">
                {`↘ ${percentText(step.dropOffShare, locale)}`}
                {step.wait.measured.p90Seconds !== null ? ` · ${durationText(step.wait.measured.p90Seconds, locale)}` : ''}
              </text>
            )}
            {gaps.waitExceeded && (
              <g transform={`translate(${x + 22} 4)`} className="measured-curve__wait-gap" data-gap="wait">
                <circle r={9} cx={8} cy={8} />
                <text x={8} y={12.5} textAnchor="middle">
                  !
                </text>
              </g>
            )}
          </g>
        );
      })}
    </g>
  );
}
