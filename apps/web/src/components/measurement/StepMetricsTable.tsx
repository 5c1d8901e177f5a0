import { useTranslation } from 'react-i18next';
import type { JourneyDocument } from '@klantreis/schema';
import type { JourneyMetrics } from '../../api/measurementApi.ts';
import { useUiLocale } from '../../hooks/useEvaluation.ts';
import { designGaps } from './designGaps.ts';
import { axisText, durationText, numberText, percentText } from './formatMeasures.ts';
import { ScrollRegion } from './ScrollRegion.tsx';

/** Every measured figure of every mapped step, with the measured wait against the designed one. */
export function StepMetricsTable({ journey, metrics, names }: { journey: JourneyDocument; metrics: JourneyMetrics; names: Map<string, string> }) {
  const { t } = useTranslation();
  const locale = useUiLocale();
  const steps = metrics.steps.filter((s) => s.activities.length > 0 || s.survey.n > 0);
  return (
    <section className="dash-section dash-section--wide" aria-labelledby="steps-title" data-testid="step-metrics">
      <h2 id="steps-title">{t('measurement.stepTable.title')}</h2>
      <ScrollRegion label={t('measurement.stepTable.title')}>
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('measurement.stepTable.step')}</th>
              <th scope="col" className="num">
                {t('measurement.stepTable.reach')}
              </th>
              <th scope="col" className="num">
                {t('measurement.stepTable.conversion')}
              </th>
              <th scope="col" className="num">
                {t('measurement.stepTable.dropOff')}
              </th>
              <th scope="col" className="num">
                {t('measurement.stepTable.wait')}
              </th>
              <th scope="col" className="num">
                {t('measurement.stepTable.designed')}
              </th>
              <th scope="col" className="num">
                {t('measurement.stepTable.repeats')}
              </th>
              <th scope="col" className="num">
                {t('measurement.stepTable.score')}
              </th>
            </tr>
          </thead>
          <tbody>
            {steps.map((step) => {
              const design = journey.steps.find((s) => s.id === step.stepId);
              const gaps = design ? designGaps(design, step) : null;
              return (
                <tr key={step.stepId} data-step-id={step.stepId}>
                  <th scope="row">{names.get(step.stepId)}</th>
                  <td className="num">{numberText(step.reach, locale)}</td>
                  <td className="num">{percentText(step.conversion, locale)}</td>
                  <td className="num">
                    {numberText(step.dropOff, locale)} <span className="muted">({percentText(step.dropOffShare, locale)})</span>
                  </td>
                  <td className={`num${gaps?.waitExceeded ? ' gap' : ''}`}>
                    {durationText(step.wait.measured.p90Seconds, locale)}
                    {gaps?.waitExceeded && <span className="gap__mark" title={t('measurement.stepTable.waitTooLong')} aria-label={t('measurement.stepTable.waitTooLong')}> ⚠</span>}
                    <div className="muted">
                      {t(`measurement.stepTable.moments.${step.wait.moment}`)} · {t('measurement.stepTable.waitMedian', { median: durationText(step.wait.measured.medianSeconds, locale) })}
                    </div>
                  </td>
                  <td className="num">{gaps?.designedMinutes == null ? '–' : durationText(gaps.designedMinutes * 60, locale)}</td>
                  <td className="num">
                    {numberText(step.repeatCases, locale)} <span className="muted">({percentText(step.repeatShare, locale)})</span>
                  </td>
                  <td className={`num${gaps?.scoreGapMarked ? ' gap' : ''}`}>
                    {axisText(step.survey.axisMean, locale)}
                    {step.survey.n > 0 && <span className="muted"> (n={numberText(step.survey.n, locale)})</span>}
                    {step.survey.byScale.map((s) => (
                      <div key={s.scale} className="muted">
                        {t(`measurement.importDialog.scales.${s.scale}`)}: {numberText(s.mean, locale, 1)}
                      </div>
                    ))}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollRegion>
    </section>
  );
}
