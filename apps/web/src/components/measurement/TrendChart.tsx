import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { useTranslation } from 'react-i18next';
import type { JourneyMetrics } from '../../api/measurementApi.ts';
import { useUiLocale } from '../../hooks/useEvaluation.ts';
import { numberText, percentText, periodText } from './formatMeasures.ts';

const WIDTH = 720;
const HEIGHT = 240;
const MARGIN = { top: 16, right: 48, bottom: 44, left: 52 };

/** Cases started per period as bars, the share of them that completed as a line on the right axis. */
export function TrendChart({ metrics }: { metrics: JourneyMetrics }) {
  const { t } = useTranslation();
  const locale = useUiLocale();
  const points = metrics.trend;
  const periodName = t(`measurement.xla.periods.${metrics.period}`);
  if (points.length === 0) return null;
  const band = (WIDTH - MARGIN.left - MARGIN.right) / points.length;
  const maxCases = Math.max(1, ...points.map((p) => p.cases));
  const y = scaleLinear().domain([0, maxCases]).nice().range([HEIGHT - MARGIN.bottom, MARGIN.top]);
  const rate = scaleLinear().domain([0, 1]).range([HEIGHT - MARGIN.bottom, MARGIN.top]);
  const x = (i: number) => MARGIN.left + band * i + band / 2;
  const path = line<(typeof points)[number]>()
    .x((_, i) => x(i))
    .y((p) => rate(p.completionRate ?? 0))(points) ?? '';
  const labelEvery = Math.max(1, Math.ceil(points.length / 12));
  return (
    <section className="dash-section dash-section--wide" aria-labelledby="trend-title">
      <h2 id="trend-title">{t('measurement.trend.title', { period: periodName })}</h2>
      <svg className="chart" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width={WIDTH} height={HEIGHT} role="img" aria-labelledby="trend-title trend-desc" data-testid="trend-chart">
        <desc id="trend-desc">
          {points.map((p) => t('measurement.trend.point', { period: periodText(p.period, metrics.period, locale), cases: numberText(p.cases, locale), completion: percentText(p.completionRate, locale) })).join('; ')}
        </desc>
        {y.ticks(4).map((tick) => (
          <g key={tick}>
            <line x1={MARGIN.left} x2={WIDTH - MARGIN.right} y1={y(tick)} y2={y(tick)} className="chart__grid" />
            <text x={MARGIN.left - 6} y={y(tick) + 4} textAnchor="end" className="chart__tick">
              {numberText(tick, locale)}
            </text>
          </g>
        ))}
        {[0, 0.5, 1].map((share) => (
          <text key={share} x={WIDTH - MARGIN.right + 6} y={rate(share) + 4} className="chart__tick chart__tick--rate">
            {percentText(share, locale)}
          </text>
        ))}
        {points.map((p, i) => (
          <g key={p.period}>
            <rect x={x(i) - band * 0.35} width={band * 0.7} y={y(p.cases)} height={y(0) - y(p.cases)} className="trend__bar" />
            {i % labelEvery === 0 && (
              <text x={x(i)} y={HEIGHT - MARGIN.bottom + 16} textAnchor="middle" className="chart__tick">
                {periodText(p.period, metrics.period, locale)}
              </text>
            )}
          </g>
        ))}
        <path d={path} className="trend__line" />
        {points.map((p, i) => (
          <circle key={p.period} cx={x(i)} cy={rate(p.completionRate ?? 0)} r={3.5} className="trend__dot" />
        ))}
        <g transform={`translate(${MARGIN.left} ${HEIGHT - 8})`} aria-hidden="true">
          <rect width={12} height={10} y={-9} className="trend__bar" />
          <text x={16} className="chart__tick">
            {t('measurement.trend.cases')}
          </text>
          <line x1={150} x2={172} y1={-4} y2={-4} className="trend__line" />
          <text x={178} className="chart__tick">
            {t('measurement.trend.completion')}
          </text>
        </g>
      </svg>
    </section>
  );
}
