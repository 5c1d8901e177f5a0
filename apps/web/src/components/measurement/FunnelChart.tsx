import { useTranslation } from 'react-i18next';
import type { JourneyMetrics } from '../../api/measurementApi.ts';
import { useUiLocale } from '../../hooks/useEvaluation.ts';
import { numberText, percentText } from './formatMeasures.ts';

const ROW = 34;
const LABEL = 190;
const WIDTH = 720;
const BAR = WIDTH - LABEL - 150;

/** Reach per step in journey order, the drop-off at each step in red at the end of its bar. */
export function FunnelChart({ metrics, names }: { metrics: JourneyMetrics; names: Map<string, string> }) {
  const { t } = useTranslation();
  const locale = useUiLocale();
  const steps = metrics.steps.filter((s) => s.activities.length > 0);
  const max = Math.max(1, metrics.cases);
  const height = steps.length * ROW + 28;
  return (
    <section className="dash-section dash-section--wide" aria-labelledby="funnel-title">
      <h2 id="funnel-title">{t('measurement.funnel.title')}</h2>
      <svg className="chart" viewBox={`0 0 ${WIDTH} ${height}`} width={WIDTH} height={height} role="img" aria-labelledby="funnel-title funnel-desc" data-testid="funnel-chart">
        <desc id="funnel-desc">
          {steps.map((s) => t('measurement.funnel.reach', { count: s.reach, step: names.get(s.stepId), share: percentText(s.reachShare, locale) })).join('; ')}
        </desc>
        {steps.map((step, i) => {
          const y = i * ROW + 4;
          const width = (BAR * step.reach) / max;
          const drop = (BAR * step.dropOff) / max;
          return (
            <g key={step.stepId} data-step-id={step.stepId}>
              <text x={LABEL - 8} y={y + 18} textAnchor="end" className="chart__label">
                {shorten(names.get(step.stepId) ?? '', 26)}
              </text>
              <rect x={LABEL} y={y + 4} width={Math.max(0, width - drop)} height={ROW - 12} className="funnel__reach" />
              <rect x={LABEL + width - drop} y={y + 4} width={drop} height={ROW - 12} className="funnel__drop" />
              <text x={LABEL + width + 6} y={y + 18} className="chart__value">
                {numberText(step.reach, locale)} ({percentText(step.reachShare, locale)})
                {step.dropOff > 0 ? ` · ${t('measurement.funnel.dropOff', { count: numberText(step.dropOff, locale) })}` : ''}
              </text>
            </g>
          );
        })}
        <g transform={`translate(${LABEL} ${height - 12})`} aria-hidden="true">
          <rect width={12} height={10} y={-9} className="funnel__reach" />
          <text x={16} className="chart__tick">
            {t('measurement.funnel.legendReach')}
          </text>
          <rect x={90} width={12} height={10} y={-9} className="funnel__drop" />
          <text x={106} className="chart__tick">
            {t('measurement.funnel.legendDropOff')}
          </text>
        </g>
      </svg>
    </section>
  );
}

export function shorten(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, length - 1)}…`;
}
