import { useTranslation } from 'react-i18next';
import type { LifecyclePoint } from '@klantreis/core/contracts';
import { scoreColor } from '@klantreis/schema';
import { STEP_WIDTH } from '../mapLayout.ts';
import type { PhaseSpan } from '../mapLayout.ts';
import { formatRollupScore, uiLocale } from './experienceFormat.ts';

// The lifecycle curve: one point per stage, at the middle of the stage's columns, so it lines
// up with the stage headers above it. Designed (solid) and measured (dashed), on the same
// −2…+2 axis and colours as a journey's emotion curve.

export const LIFECYCLE_HEIGHT = 132;
const PAD = 18;

function yOf(score: number): number {
  return PAD + ((2 - score) / 4) * (LIFECYCLE_HEIGHT - 2 * PAD);
}

function pathOf(points: readonly { x: number; score: number | null }[]): string {
  let path = '';
  let pen = false;
  for (const { x, score } of points) {
    if (score === null) {
      pen = false;
      continue;
    }
    path += `${pen ? 'L' : 'M'}${x.toFixed(1)},${yOf(score).toFixed(1)} `;
    pen = true;
  }
  return path.trim();
}

export function LifecycleCurve({ spans, curve, columnCount }: { spans: readonly PhaseSpan[]; curve: readonly LifecyclePoint[]; columnCount: number }) {
  const { t, i18n } = useTranslation();
  const locale = uiLocale(i18n.language);
  const byStage = new Map(curve.map((point) => [point.stageId, point]));
  const points = spans.map((span) => {
    const point = byStage.get(span.phase.id);
    return { x: (span.firstColumn + span.span / 2) * STEP_WIDTH, designed: point?.designed ?? null, measured: point?.measured ?? null, name: span.phase.name || t('phase.unnamed') };
  });
  const description = points
    .map((point) => `${point.name}: ${t('experience.curveDescription', { designed: formatRollupScore(point.designed, locale), measured: formatRollupScore(point.measured, locale) })}`)
    .join('; ');
  const width = columnCount * STEP_WIDTH;
  return (
    <svg className="lifecycle-curve" width={width} height={LIFECYCLE_HEIGHT} viewBox={`0 0 ${width} ${LIFECYCLE_HEIGHT}`} role="img" aria-label={`${t('experience.curveTitle')}. ${description}`} data-testid="lifecycle-curve">
      <line x1={0} x2={width} y1={yOf(0)} y2={yOf(0)} className="lifecycle-curve__zero" />
      <path d={pathOf(points.map((p) => ({ x: p.x, score: p.designed })))} className="lifecycle-curve__designed" />
      <path d={pathOf(points.map((p) => ({ x: p.x, score: p.measured })))} className="lifecycle-curve__measured" />
      {points.map((point) => (
        <g key={point.x}>
          {point.designed !== null && <circle cx={point.x} cy={yOf(point.designed)} r={7} fill={scoreColor(point.designed)} className="lifecycle-curve__dot" />}
          {point.measured !== null && (
            <rect x={point.x - 6} y={yOf(point.measured) - 6} width={12} height={12} transform={`rotate(45 ${point.x} ${yOf(point.measured)})`} fill={scoreColor(point.measured)} className="lifecycle-curve__dot" />
          )}
        </g>
      ))}
      <g className="lifecycle-curve__legend" transform={`translate(${width - 190}, 12)`} aria-hidden="true">
        <line x1={0} x2={22} y1={0} y2={0} className="lifecycle-curve__designed" />
        <text x={28} y={4}>
          {t('experience.legendDesigned')}
        </text>
        <line x1={100} x2={122} y1={0} y2={0} className="lifecycle-curve__measured" />
        <text x={128} y={4}>
          {t('experience.legendMeasured')}
        </text>
      </g>
    </svg>
  );
}
