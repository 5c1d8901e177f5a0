import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { EMPTY_SURVEY } from '@klantreis/analytics';
import { touchpointVsJourneyAlert } from '@klantreis/evaluation';
import type { JourneyMetrics } from '../../api/measurementApi.ts';
import { en } from '../../i18n/en.ts';
import { nl } from '../../i18n/nl.ts';
import { satisfactionAlertText } from './satisfactionAlert.ts';

/** 0–10 answers on the −2..+2 axis, as the import maps them: (score − 5) / 2.5. */
const axis = (score: number) => (score - 5) / 2.5;
const mean = (values: number[]) => values.reduce((sum, v) => sum + v, 0) / values.length;

// The audit's case: journey-level answers 10, 10, 10, 9 in December 2010 and 1 in January 2011,
// touchpoints at CSAT 5 (+2). The tile shows the mean of all five answers (+1.2); the alert
// judges the last period (−1.6), so it must say which period that is.
const december = [10, 10, 10, 9].map(axis);
const january = [1].map(axis);
const journeyTrend = [
  { period: '2010-12-01', n: december.length, axisMean: mean(december) },
  { period: '2011-01-01', n: january.length, axisMean: mean(january) },
];
const satisfaction: JourneyMetrics['satisfaction'] = {
  journey: { ...EMPTY_SURVEY, n: 5, axisMean: mean([...december, ...january]) },
  steps: { ...EMPTY_SURVEY, n: 3, axisMean: 2 },
  touchpointMean: 2,
  journeyTrend,
  alert: touchpointVsJourneyAlert({ touchpointMean: 2, journeyScores: journeyTrend.map((p) => p.axisMean) }),
};

async function translator(language: 'nl' | 'en') {
  const i18n = i18next.createInstance();
  await i18n.init({ resources: { en: { translation: en }, nl: { translation: nl } }, lng: language, fallbackLng: 'en', interpolation: { escapeValue: false } });
  return i18n.t;
}

describe('the touchpoint-versus-journey alert on the dashboard', () => {
  it('names the period whose journey score it quotes, since the tile beside it shows the mean of all periods', async () => {
    expect(satisfaction.alert?.reason).toBe('journey-low');
    expect(satisfactionAlertText(satisfaction, 'month', 'en', await translator('en'))).toBe(
      'Good touchpoints, poor journey: the touchpoints average +2, yet the journey scores −1.6 in January 2011.',
    );
    expect(satisfactionAlertText(satisfaction, 'month', 'nl', await translator('nl'))).toBe(
      'Goede contactmomenten, slechte klantreis: de contactmomenten scoren gemiddeld +2, maar de klantreis −1,6 in januari 2011.',
    );
  });

  it('names a quarter and a week the way a sentence says them', async () => {
    const byQuarter = { ...satisfaction, journeyTrend: [{ ...journeyTrend[1]!, period: '2011-01-01' }] };
    expect(satisfactionAlertText(byQuarter, 'quarter', 'en', await translator('en'))).toMatch(/yet the journey scores −1\.6 in Q1 2011\.$/);
    expect(satisfactionAlertText(byQuarter, 'quarter', 'nl', await translator('nl'))).toMatch(/maar de klantreis −1,6 in K1 2011\.$/);
    const byWeek = { ...satisfaction, journeyTrend: [{ ...journeyTrend[1]!, period: '2011-01-03' }] };
    expect(satisfactionAlertText(byWeek, 'week', 'en', await translator('en'))).toMatch(/yet the journey scores −1\.6 in the week of 3 Jan 2011\.$/);
    expect(satisfactionAlertText(byWeek, 'week', 'nl', await translator('nl'))).toMatch(/maar de klantreis −1,6 in de week van 3 jan 2011\.$/);
  });

  it('quotes the mean of all answers, without a period, when the answers have no dates', async () => {
    const undated = { ...satisfaction, journey: { ...satisfaction.journey, axisMean: -0.5 }, journeyTrend: [], alert: touchpointVsJourneyAlert({ touchpointMean: 2, journeyScores: [-0.5] }) };
    expect(satisfactionAlertText(undated, 'month', 'en', await translator('en'))).toBe(
      'Good touchpoints, poor journey: the touchpoints average +2, yet the journey scores −0.5.',
    );
  });

  it('says nothing without an alert result', async () => {
    expect(satisfactionAlertText({ ...satisfaction, alert: null }, 'month', 'en', await translator('en'))).toBeNull();
  });
});
