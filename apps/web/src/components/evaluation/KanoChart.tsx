import { scaleLinear } from 'd3-scale';
import { useTranslation } from 'react-i18next';
import type { KanoElementSummary } from '@klantreis/evaluation';
import { useUiLocale } from '../../hooks/useEvaluation.ts';
import { useEditorStore } from '../../stores/editorStore.ts';
import { pressOnKey, spreadOffsets } from './chartKeys.ts';
import { decimalText } from './formatNumbers.ts';

const WIDTH = 380;
const HEIGHT = 270;
const MARGIN = { top: 12, right: 14, bottom: 40, left: 44 };

/** The quadrants of the Better/Worse chart and the Kano category each one stands for. */
const QUADRANTS = [
  { category: 'attractive', x: -0.03, y: 1.0, anchor: 'start' },
  { category: 'performance', x: 1.03, y: 1.0, anchor: 'end' },
  { category: 'indifferent', x: -0.03, y: -0.02, anchor: 'start' },
  { category: 'must-be', x: 1.03, y: -0.02, anchor: 'end' },
] as const;

/**
 * The Better/Worse scatter of the Kano elements (Berger et al.): how much satisfaction an
 * element adds when present (up) against how much its absence takes away (right). Each point
 * is numbered as in the table below it; click one to go to its step.
 */
export function KanoChart({ elements, labels }: { elements: KanoElementSummary[]; labels: Map<string, string> }) {
  const { t } = useTranslation();
  const locale = useUiLocale();
  const showSteps = useEditorStore((s) => s.showSteps);
  const plotted = elements.map((element, i) => ({ element, number: i + 1 })).filter(({ element }) => element.better !== null && element.worse !== null);
  // A little room past 0 and 1, so points on the edge (Better 1, Worse −1) stay inside.
  const x = scaleLinear().domain([-0.06, 1.06]).range([MARGIN.left, WIDTH - MARGIN.right]);
  const y = scaleLinear().domain([-0.06, 1.06]).range([HEIGHT - MARGIN.bottom, MARGIN.top]);
  const offsets = spreadOffsets(plotted, ({ element }) => `${element.better!.toFixed(2)}|${element.worse!.toFixed(2)}`, 14);
  return (
    <svg className="chart" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width={WIDTH} height={HEIGHT} role="group" aria-label={t('kanoChart.title')} data-testid="kano-chart">
      <line x1={x(0.5)} x2={x(0.5)} y1={y(0)} y2={y(1)} className="chart__divider" />
      <line x1={x(0)} x2={x(1)} y1={y(0.5)} y2={y(0.5)} className="chart__divider" />
      <rect x={x(-0.06)} y={y(1.06)} width={x(1.06) - x(-0.06)} height={y(-0.06) - y(1.06)} className="chart__frame" />
      {[0, 0.5, 1].map((n) => (
        <g key={n}>
          <text x={x(n)} y={HEIGHT - MARGIN.bottom + 15} textAnchor="middle" className="chart__tick">
            {decimalText(-n, locale)}
          </text>
          <text x={MARGIN.left - 8} y={y(n) + 4} textAnchor="end" className="chart__tick">
            {decimalText(n, locale)}
          </text>
        </g>
      ))}
      <text x={(MARGIN.left + WIDTH - MARGIN.right) / 2} y={HEIGHT - 6} textAnchor="middle" className="chart__axis">
        {t('kanoChart.worse')}
      </text>
      <text transform={`translate(12 ${(MARGIN.top + HEIGHT - MARGIN.bottom) / 2}) rotate(-90)`} textAnchor="middle" className="chart__axis">
        {t('kanoChart.better')}
      </text>
      {QUADRANTS.map((q) => (
        <text key={q.category} x={x(q.x)} y={y(q.y) + (q.y > 0.5 ? 4 : 2)} textAnchor={q.anchor} className="chart__quadrant">
          {t(`kano.${q.category}`)}
        </text>
      ))}
      {plotted.map(({ element, number }, i) => {
        // The number drawn on the point starts its name, so what is seen is what is announced.
        const label = `${number}. ` + t('kanoChart.point', {
          element: element.text || t('kanoChart.unnamed'),
          step: labels.get(element.stepId) ?? element.stepId,
          better: decimalText(element.better, locale),
          worse: decimalText(element.worse, locale),
          category: element.category ? t(`kano.${element.category}`) : t('step.kanoNone'),
        });
        const cx = x(-element.worse!) + offsets[i]!;
        const cy = y(element.better!);
        return (
          <g key={`${element.stepId}-${element.elementId}`}>
            <g
              role="button"
              tabIndex={0}
              aria-label={label}
              className={`chart__point chart__point--kano chart__point--${element.category ?? 'none'}`}
              data-element-id={element.elementId}
              onClick={() => showSteps([element.stepId])}
              onKeyDown={pressOnKey(() => showSteps([element.stepId]))}
            >
              <title>{label}</title>
              <circle cx={cx} cy={cy} r={9} />
            </g>
            {/* Outside the button: its text would otherwise be read twice, once from the title. */}
            <text x={cx} y={cy + 4} textAnchor="middle" className="chart__point-number" aria-hidden="true">
              {number}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
