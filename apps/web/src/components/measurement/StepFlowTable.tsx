import { useTranslation } from 'react-i18next';
import type { JourneyMetrics } from '../../api/measurementApi.ts';
import { useUiLocale } from '../../hooks/useEvaluation.ts';
import { durationText, numberText } from './formatMeasures.ts';
import { ScrollRegion } from './ScrollRegion.tsx';

/** The directly-follows graph of the steps as an ordered list of edges: most frequent first. */
export function StepFlowTable({ metrics, names }: { metrics: JourneyMetrics; names: Map<string, string> }) {
  const { t } = useTranslation();
  const locale = useUiLocale();
  const max = Math.max(1, ...metrics.dfg.edges.map((e) => e.count));
  return (
    <section className="dash-section" aria-labelledby="flow-title" data-testid="step-flow">
      <h2 id="flow-title">{t('measurement.flow.title')}</h2>
      <p className="hint">{t('measurement.flow.help')}</p>
      <ScrollRegion label={t('measurement.flow.title')}>
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('measurement.flow.from')}</th>
              <th scope="col">{t('measurement.flow.to')}</th>
              <th scope="col" className="num">
                {t('measurement.flow.count')}
              </th>
              <th scope="col" className="num">
                {t('measurement.flow.median')}
              </th>
            </tr>
          </thead>
          <tbody>
            {metrics.dfg.edges.map((edge) => (
              <tr key={`${edge.from}>${edge.to}`}>
                <td>{names.get(edge.from)}</td>
                <td>{names.get(edge.to)}</td>
                <td className="num">
                  <svg width={60} height={10} className="flow__bar" aria-hidden="true">
                    <rect width={(60 * edge.count) / max} height={10} />
                  </svg>{' '}
                  {numberText(edge.count, locale)}
                </td>
                <td className="num">{durationText(edge.medianSeconds, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </section>
  );
}
