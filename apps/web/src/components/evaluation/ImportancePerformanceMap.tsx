import { scaleLinear } from 'd3-scale';
import { useTranslation } from 'react-i18next';
import type { ImportancePerformance, Quadrant } from '@klantreis/evaluation';
import type { JourneyDocument } from '@klantreis/schema';
import { useUiLocale } from '../../hooks/useEvaluation.ts';
import { useEditorStore } from '../../stores/editorStore.ts';
import { pressOnKey, spreadOffsets } from './chartKeys.ts';
import { scoreText } from './formatNumbers.ts';
import { stepNames } from './stepNames.ts';

const WIDTH = 380;
const HEIGHT = 250;
const MARGIN = { top: 12, right: 12, bottom: 40, left: 44 };

/** Where each quadrant's name is written: in its own corner of the map. */
const QUADRANT_CORNERS: Record<Quadrant, { x: number; y: number; anchor: 'start' | 'end' }> = {
  'possible-overkill': { x: 1.0, y: 2.35, anchor: 'start' },
  'keep-up': { x: 5.0, y: 2.35, anchor: 'end' },
  'low-priority': { x: 1.0, y: -2.2, anchor: 'start' },
  'act-first': { x: 5.0, y: -2.2, anchor: 'end' },
};

/**
 * The performance and improvement map: each touchpoint's importance (1–5) across and its
 * step's score up. High importance with a low score is where to act first; low importance
 * with a high score may be overkill. Click a point to go to its step.
 */
export function ImportancePerformanceMap({ journey, result }: { journey: JourneyDocument; result: ImportancePerformance }) {
  const { t } = useTranslation();
  const locale = useUiLocale();
  const showSteps = useEditorStore((s) => s.showSteps);
  const selected = useEditorStore((s) => s.selectedStepId);
  const names = stepNames(journey.steps, t('step.untitled'));
  const touchpoints = new Map<string, string>(journey.steps.flatMap((s) => s.touchpoints.map((tp) => [tp.id, tp.name || (tp.channel === 'custom' ? tp.customChannel : t(`channels.${tp.channel}`))] as [string, string])));
  const x = scaleLinear().domain([0.5, 5.5]).range([MARGIN.left, WIDTH - MARGIN.right]);
  const y = scaleLinear().domain([-2.5, 2.5]).range([HEIGHT - MARGIN.bottom, MARGIN.top]);
  const offsets = spreadOffsets(result.points, (p) => `${p.importance}|${p.performance}`, 9);

  return (
    <section className="eval-section" aria-labelledby="eval-importance">
      <h3 id="eval-importance">{t('importance.title')}</h3>
      {result.points.length === 0 ? (
        <p className="hint">{t('importance.empty')}</p>
      ) : (
        <svg className="chart" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width={WIDTH} height={HEIGHT} role="group" aria-label={t('importance.title')} data-testid="importance-map">
          {/* High importance starts at 4, low ends at 2, and a good score starts at +1: the lines
              sit halfway between, and importance 3 is neither, so it is in no coloured zone. */}
          <rect x={x(3.5)} y={y(0.5)} width={x(5.5) - x(3.5)} height={y(-2.5) - y(0.5)} className="chart__zone chart__zone--act" />
          <rect x={x(0.5)} y={y(2.5)} width={x(2.5) - x(0.5)} height={y(0.5) - y(2.5)} className="chart__zone chart__zone--overkill" />
          <line x1={x(3.5)} x2={x(3.5)} y1={y(2.5)} y2={y(-2.5)} className="chart__divider" />
          <line x1={x(0.5)} x2={x(5.5)} y1={y(0.5)} y2={y(0.5)} className="chart__divider" />
          {[1, 2, 3, 4, 5].map((n) => (
            <text key={n} x={x(n)} y={HEIGHT - MARGIN.bottom + 15} textAnchor="middle" className="chart__tick">
              {n}
            </text>
          ))}
          {[-2, -1, 0, 1, 2].map((n) => (
            <text key={n} x={MARGIN.left - 8} y={y(n) + 4} textAnchor="end" className="chart__tick">
              {scoreText(n, locale)}
            </text>
          ))}
          <text x={(MARGIN.left + WIDTH - MARGIN.right) / 2} y={HEIGHT - 6} textAnchor="middle" className="chart__axis">
            {t('importance.xAxis')}
          </text>
          <text transform={`translate(12 ${(MARGIN.top + HEIGHT - MARGIN.bottom) / 2}) rotate(-90)`} textAnchor="middle" className="chart__axis">
            {t('importance.yAxis')}
          </text>
          {(Object.keys(QUADRANT_CORNERS) as Quadrant[]).map((quadrant) => {
            const corner = QUADRANT_CORNERS[quadrant];
            return (
              <text key={quadrant} x={x(corner.x) + (corner.anchor === 'start' ? -12 : 12)} y={y(corner.y)} textAnchor={corner.anchor} className={`chart__quadrant chart__quadrant--${quadrant}`}>
                {t(`importance.quadrants.${quadrant}`)}
              </text>
            );
          })}
          {result.points.map((point, i) => {
            const label = t('importance.point', {
              touchpoint: touchpoints.get(point.touchpointId) || t('importance.unnamedTouchpoint'),
              step: names.get(point.stepId) ?? point.stepId,
              importance: point.importance,
              score: scoreText(point.performance, locale),
              quadrant: t(`importance.quadrants.${point.quadrant}`),
            });
            return (
              <g
                key={`${point.stepId}-${point.touchpointId}`}
                role="button"
                tabIndex={0}
                aria-label={label}
                className={`chart__point chart__point--${point.quadrant}${point.stepId === selected ? ' chart__point--selected' : ''}`}
                data-step-id={point.stepId}
                data-quadrant={point.quadrant}
                onClick={() => showSteps([point.stepId])}
                onKeyDown={pressOnKey(() => showSteps([point.stepId]))}
              >
                <title>{label}</title>
                <circle cx={x(point.importance) + offsets[i]!} cy={y(point.performance)} r={7} />
              </g>
            );
          })}
        </svg>
      )}
    </section>
  );
}
