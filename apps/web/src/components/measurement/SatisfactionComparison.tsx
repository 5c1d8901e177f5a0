import { useTranslation } from 'react-i18next';
import type { JourneyMetrics } from '../../api/measurementApi.ts';
import { useUiLocale } from '../../hooks/useEvaluation.ts';
import { axisText, numberText } from './formatMeasures.ts';
import { satisfactionAlertText } from './satisfactionAlert.ts';

/**
 * Journey-level against touchpoint-level satisfaction (Rawson, Duncan & Jones): every touchpoint
 * can do well while the journey as a whole fails, and only asking about the journey shows it.
 */
export function SatisfactionComparison({ metrics }: { metrics: JourneyMetrics }) {
  const { t } = useTranslation();
  const locale = useUiLocale();
  const { journey, steps, touchpointMean, alert } = metrics.satisfaction;
  const answers = (n: number) => t('measurement.satisfaction.answers', { count: n });
  return (
    <section className="dash-section" aria-labelledby="satisfaction-title" data-testid="satisfaction">
      <h2 id="satisfaction-title">{t('measurement.satisfaction.title')}</h2>
      {journey.n === 0 && steps.n === 0 ? (
        <p className="hint">{t('measurement.satisfaction.noData')}</p>
      ) : (
        <>
          <dl className="tiles tiles--two">
            <div className="tile">
              <dt>{t('measurement.satisfaction.journey')}</dt>
              <dd>
                <span className="tile__value">{axisText(journey.axisMean, locale)}</span>
                <span className="tile__detail">{answers(journey.n)}</span>
              </dd>
            </div>
            <div className="tile">
              <dt>{t('measurement.satisfaction.touchpoints')}</dt>
              <dd>
                <span className="tile__value">{axisText(touchpointMean, locale)}</span>
                <span className="tile__detail">{answers(steps.n)}</span>
              </dd>
            </div>
            {journey.happiness !== null && (
              <div className="tile">
                <dt>{t('measurement.satisfaction.happiness')}</dt>
                <dd>
                  <span className="tile__value">{numberText(journey.happiness, locale)}</span>
                  <span className="tile__detail">{answers(journey.happinessN)}</span>
                </dd>
              </div>
            )}
            {(journey.lostMinutesMean ?? steps.lostMinutesMean) !== null && (
              <div className="tile">
                <dt>{t('measurement.satisfaction.lostTime')}</dt>
                <dd>
                  <span className="tile__value">{numberText(journey.lostMinutesMean ?? steps.lostMinutesMean, locale)} min</span>
                </dd>
              </div>
            )}
          </dl>
          {alert && (
            <p className={alert.alert ? 'finding-alert' : 'hint'} role={alert.alert ? 'alert' : undefined} data-testid="satisfaction-alert">
              {satisfactionAlertText(metrics.satisfaction, metrics.period, locale, t)}
            </p>
          )}
        </>
      )}
    </section>
  );
}
