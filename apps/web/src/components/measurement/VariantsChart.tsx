import { useTranslation } from 'react-i18next';
import type { JourneyMetrics } from '../../api/measurementApi.ts';
import { useUiLocale } from '../../hooks/useEvaluation.ts';
import { numberText, percentText } from './formatMeasures.ts';

/** The most common real paths through the steps, each with its share of the cases as a bar. */
export function VariantsChart({ metrics, names }: { metrics: JourneyMetrics; names: Map<string, string> }) {
  const { t } = useTranslation();
  const locale = useUiLocale();
  const top = metrics.variants[0]?.share ?? 1;
  return (
    <section className="dash-section" aria-labelledby="variants-title" data-testid="variants">
      <h2 id="variants-title">{t('measurement.variants.title')}</h2>
      <p className="hint">{t('measurement.variants.count', { count: metrics.variants.length, total: numberText(metrics.variantCount, locale) })}</p>
      <ol className="variants">
        {metrics.variants.map((variant, i) => (
          <li key={i} className="variant">
            <svg className="variant__bar" width={120} height={14} aria-hidden="true">
              <rect width={120} height={14} className="variant__track" />
              <rect width={(120 * variant.share) / top} height={14} className="variant__fill" />
            </svg>
            <span className="variant__share">
              {numberText(variant.cases, locale)} · {t('measurement.variants.share', { share: percentText(variant.share, locale, 1) })}
            </span>
            <span className="variant__path">{variant.stepIds.map((id) => names.get(id) ?? id).join(' → ')}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
