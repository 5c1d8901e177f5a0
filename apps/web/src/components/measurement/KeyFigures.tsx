import { useTranslation } from 'react-i18next';
import type { JourneyMetrics } from '../../api/measurementApi.ts';
import { useUiLocale } from '../../hooks/useEvaluation.ts';
import { durationText, numberText, percentText } from './formatMeasures.ts';

/** The journey as a whole in a few tiles. */
export function KeyFigures({ metrics }: { metrics: JourneyMetrics }) {
  const { t } = useTranslation();
  const locale = useUiLocale();
  const tiles: { key: string; label: string; value: string; detail?: string }[] = [
    { key: 'cases', label: t('measurement.figures.cases'), value: numberText(metrics.cases, locale), detail: t('measurement.figures.casesOf', { count: metrics.coverage.cases }) },
    { key: 'completion', label: t('measurement.figures.completion'), value: percentText(metrics.completionRate, locale, 1) },
    {
      key: 'duration',
      label: t('measurement.figures.duration'),
      value: durationText(metrics.duration.medianSeconds, locale),
      detail: t('measurement.figures.durationDetail', { p90: durationText(metrics.duration.p90Seconds, locale) }),
    },
    { key: 'contacts', label: t('measurement.figures.contacts'), value: numberText(metrics.contactsPerCase, locale, 1) },
    { key: 'variants', label: t('measurement.figures.variants'), value: numberText(metrics.variantCount, locale) },
    { key: 'coverage', label: t('measurement.figures.coverage'), value: percentText(metrics.coverage.share, locale, 1) },
  ];
  return (
    <section className="dash-section dash-section--wide" aria-labelledby="figures-title">
      <h2 id="figures-title">{t('measurement.figures.title')}</h2>
      <dl className="tiles" data-testid="key-figures">
        {tiles.map((tile) => (
          <div key={tile.key} className="tile" data-figure={tile.key}>
            <dt>{tile.label}</dt>
            <dd>
              <span className="tile__value">{tile.value}</span>
              {tile.detail && <span className="tile__detail">{tile.detail}</span>}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
