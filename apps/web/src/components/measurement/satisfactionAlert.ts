import type { TFunction } from 'i18next';
import type { Locale } from '@klantreis/evaluation';
import type { JourneyMetrics, MetricsPeriod } from '../../api/measurementApi.ts';
import { axisText, percentText, periodInSentence } from './formatMeasures.ts';

/**
 * The sentence under the journey and touchpoint tiles, or null without an alert result.
 * The journey tile shows the mean of all journey-level answers, but the alert judges the last
 * period's score (touchpointVsJourneyAlert): "+1.2" beside "the journey scores −1.6" reads as a
 * contradiction unless the sentence says the −1.6 is January 2011's. Answers without dates have
 * no periods; then the alert judged the overall mean, the tile's own figure, and names no period.
 */
export function satisfactionAlertText(satisfaction: JourneyMetrics['satisfaction'], period: MetricsPeriod, locale: Locale, t: TFunction): string | null {
  const { alert, touchpointMean, journeyTrend, journey } = satisfaction;
  if (!alert) return null;
  if (alert.reason === 'journey-falling') return t('measurement.satisfaction.alertFalling', { fall: percentText(alert.fall, locale) });
  if (alert.reason !== 'journey-low') return t('measurement.satisfaction.noAlert');
  const touchpoints = axisText(touchpointMean, locale);
  const last = journeyTrend.at(-1);
  if (last === undefined) return t('measurement.satisfaction.alertLow', { touchpoints, journey: axisText(journey.axisMean, locale) });
  return t('measurement.satisfaction.alertLowInPeriod', { touchpoints, journey: axisText(last.axisMean, locale), period: periodInSentence(last.period, period, locale) });
}
