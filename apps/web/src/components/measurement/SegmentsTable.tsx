import { useTranslation } from 'react-i18next';
import type { JourneyMetrics } from '../../api/measurementApi.ts';
import { useUiLocale } from '../../hooks/useEvaluation.ts';
import { durationText, numberText, percentText } from './formatMeasures.ts';

/** The journey per customer segment. */
export function SegmentsTable({ metrics }: { metrics: JourneyMetrics }) {
  const { t } = useTranslation();
  const locale = useUiLocale();
  if (metrics.segments.length <= 1 && metrics.segments[0]?.segment === null) return null;
  return (
    <section className="dash-section" aria-labelledby="segments-title" data-testid="segments">
      <h2 id="segments-title">{t('measurement.segments.title')}</h2>
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">{t('measurement.segments.segment')}</th>
            <th scope="col" className="num">
              {t('measurement.segments.cases')}
            </th>
            <th scope="col" className="num">
              {t('measurement.segments.completion')}
            </th>
            <th scope="col" className="num">
              {t('measurement.segments.duration')}
            </th>
          </tr>
        </thead>
        <tbody>
          {metrics.segments.map((s) => (
            <tr key={s.segment ?? ''}>
              <th scope="row">{s.segment ?? t('measurement.segments.none')}</th>
              <td className="num">{numberText(s.cases, locale)}</td>
              <td className="num">{percentText(s.completionRate, locale, 1)}</td>
              <td className="num">{durationText(s.durationMedianSeconds, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
