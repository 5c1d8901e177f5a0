import { describe, expect, it } from 'vitest';
import { evaluateJourney } from './evaluateJourney.ts';
import { buildJourney, stepIdByTitle, type StepSpec } from './testJourneyBuilder.ts';
import { relativeFall, touchpointVsJourneyAlert } from './touchpointVsJourney.ts';

describe('touchpointVsJourneyAlert', () => {
  it('alerts on the HBR pay-TV onboarding: every touchpoint fine, satisfaction falling almost 40% in three months', () => {
    // Month by month on the −2..+2 axis: CSAT 5.0, 4.1 and 3.1 (a 38% fall), while calls,
    // the installation and the support e-mails all went well (+1.5 on average).
    const result = touchpointVsJourneyAlert({ touchpointMean: 1.5, journeyScores: [2, 1.1, 0.1] });
    expect(result.alert).toBe(true);
    expect(result.reason).toBe('journey-falling');
    expect(result.fall).toBeCloseTo(0.38, 10);
  });

  it('does not alert on the same fall when the touchpoints average below +1', () => {
    expect(touchpointVsJourneyAlert({ touchpointMean: 0.9, journeyScores: [2, 1.1, 0.1] }).alert).toBe(false);
  });

  it('alerts from a 20% fall on, not below it', () => {
    // +2 → +1 is CSAT 5 → 4: exactly 20%; +2 → +1.1 is 5 → 4.1: 18%.
    expect(touchpointVsJourneyAlert({ touchpointMean: 1, journeyScores: [2, 1] })).toEqual({ alert: true, reason: 'journey-falling', fall: 0.2 });
    expect(touchpointVsJourneyAlert({ touchpointMean: 1, journeyScores: [2, 1.5, 1.1] }).alert).toBe(false);
    // measured averages are not exact; 20% computed a hair below still counts
    expect(touchpointVsJourneyAlert({ touchpointMean: 1, journeyScores: [0.5, 0.5 - 0.7] }).alert).toBe(true);
  });

  it('alerts when the last journey score is 0 or below, whatever the trend', () => {
    expect(touchpointVsJourneyAlert({ touchpointMean: 1.2, journeyScores: [0] })).toEqual({ alert: true, reason: 'journey-low', fall: null });
    expect(touchpointVsJourneyAlert({ touchpointMean: 1.2, journeyScores: [-1, -0.5] }).reason).toBe('journey-low');
    expect(touchpointVsJourneyAlert({ touchpointMean: 1.2, journeyScores: [0.1] }).alert).toBe(false);
  });

  it('does not alert without journey scores or on a rising journey', () => {
    expect(touchpointVsJourneyAlert({ touchpointMean: 2, journeyScores: [] }).alert).toBe(false);
    expect(touchpointVsJourneyAlert({ touchpointMean: 2, journeyScores: [0.5, 1.5] })).toEqual({ alert: false, reason: null, fall: -1 / 3.5 });
  });

  it('refuses scores off the axis, naming the field', () => {
    expect(() => touchpointVsJourneyAlert({ touchpointMean: 1, journeyScores: [1, 4] })).toThrow(/journeyScores\[1\]/);
    expect(() => touchpointVsJourneyAlert({ touchpointMean: Number.NaN, journeyScores: [] })).toThrow(/touchpointMean/);
  });

  it('measures the fall on the CSAT 1–5 equivalent', () => {
    expect(relativeFall(2, 0.1)).toBeCloseTo(0.38, 10);
    expect(relativeFall(-1, -2)).toBe(0.5);
    expect(relativeFall(1, 1)).toBe(0);
  });
});

describe('touchpoint versus journey on a designed map', () => {
  const steps: StepSpec[] = [
    { title: 'Sales call', score: 2, touchpoints: [null] },
    { title: 'Installation', score: 1, touchpoints: [null, null] },
    { title: 'Waiting for the fix', score: -1 },
    { title: 'Support mail', score: 1, touchpoints: [null] },
  ];

  it('alerts when the steps with a touchpoint average +1 or more and the journey score is 0 or below', () => {
    const doc = buildJourney({ journeyScore: -1, phases: [{ steps }] });
    const evaluation = evaluateJourney(doc, { locale: 'en' });
    const alert = evaluation.findings.filter((f) => f.rule === 'touchpoint-vs-journey.alert');
    expect(alert).toEqual([
      {
        rule: 'touchpoint-vs-journey.alert',
        severity: 'warning',
        stepIds: ['Sales call', 'Installation', 'Support mail'].map((title) => stepIdByTitle(doc, title)),
        message:
          'The 3 steps with a touchpoint average +1.33, yet the journey as a whole scores −1. Green touchpoints, unhappy customer: improve the journey as a whole, not the single touchpoints.',
      },
    ]);
    expect(evaluation.touchpointVsJourney).toEqual({ touchpointMean: 4 / 3, journeyScore: -1, alert: true });
    expect(evaluateJourney(doc, { locale: 'nl' }).findings.find((f) => f.rule === 'touchpoint-vs-journey.alert')!.message).toContain(
      'De 3 stappen met een contactmoment scoren gemiddeld +1,33, maar de reis als geheel scoort −1.',
    );
  });

  it('stays quiet with a positive journey score, without one, or with touchpoints below +1', () => {
    const rules = (journeyScore: -2 | 0 | 1 | null, s = steps) =>
      evaluateJourney(buildJourney({ journeyScore, phases: [{ steps: s }] })).findings.map((f) => f.rule);
    expect(rules(1)).not.toContain('touchpoint-vs-journey.alert');
    expect(rules(null)).not.toContain('touchpoint-vs-journey.alert');
    expect(rules(0)).toContain('touchpoint-vs-journey.alert');
    expect(rules(-2, [...steps, { title: 'Broken box', score: -2, touchpoints: [null] }])).not.toContain('touchpoint-vs-journey.alert');
  });
});
