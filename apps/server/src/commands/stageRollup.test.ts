// The stage roll-up's arithmetic over linked journeys, by hand: each journey counts once for
// the scores, cases count for drop-off, waits by their median, and only available journeys.
import { describe, expect, it } from 'vitest';
import type { HealthLevel, LinkedJourneyRollup, MeasurementRollup } from '@klantreis/core/contracts';
import { rollUpJourneys } from './stageRollup.ts';

function linked(id: string, figures: { remembered?: number | null; mean?: number | null; measurement?: MeasurementRollup | null; health?: HealthLevel; availability?: LinkedJourneyRollup['availability'] }): LinkedJourneyRollup {
  return {
    linkId: `link:s~${id}`,
    journeyId: id,
    targetPhaseId: null,
    targetPhaseName: null,
    availability: figures.availability ?? 'available',
    title: id,
    kind: 'journey',
    scores: { designedRemembered: figures.remembered ?? null, designedMean: figures.mean ?? null, measuredRemembered: null, measuredMean: null },
    measurement: figures.measurement ?? null,
    xla: { met: 1, atRisk: 0, missed: 0, noData: 0 },
    findings: { critical: 1, warning: 2, info: 0, positive: 0 },
    health: { level: figures.health ?? 'unknown', reasons: [] },
  };
}

describe('rollUpJourneys', () => {
  it('means the journeys once each, weighs drop-off by cases, takes the median wait and the worst light', () => {
    const stage = rollUpJourneys([
      // A: remembered −1, mean 0; 100 cases, 80% complete (20 dropped), wait 30 min.
      linked('a', { remembered: -1, mean: 0, health: 'attention', measurement: { cases: 100, completionRate: 0.8, dropOffTrend: null, medianWaitMinutes: 30 } }),
      // B: remembered 2, mean 1; 300 cases, 50% complete (150 dropped), wait 90 min.
      linked('b', { remembered: 2, mean: 1, health: 'critical', measurement: { cases: 300, completionRate: 0.5, dropOffTrend: null, medianWaitMinutes: 90 } }),
      // C: not scored, not measured, healthy.
      linked('c', { health: 'healthy' }),
      // D: in the trash: counts for nothing.
      linked('d', { remembered: -2, mean: -2, availability: 'trashed', health: 'critical', measurement: { cases: 1000, completionRate: 0, dropOffTrend: null, medianWaitMinutes: 600 } }),
    ]);
    // Scores: (−1 + 2) / 2 = 0.5 and (0 + 1) / 2 = 0.5; C has none and D is not available.
    expect(stage.designedRemembered).toBe(0.5);
    expect(stage.designedMean).toBe(0.5);
    // Drop-off over cases: (20 + 150) / (100 + 300) = 170 / 400 = 0.425 (not the mean of 0.2 and 0.5).
    expect(stage.cases).toBe(400);
    expect(stage.dropOffRate).toBeCloseTo(0.425, 12);
    // Waits 30 and 90: the median of two is their mean, 60.
    expect(stage.medianWaitMinutes).toBe(60);
    // Sums over A, B, C: XLA 3 met; findings 3 critical and 6 warnings.
    expect(stage.xla).toEqual({ met: 3, atRisk: 0, missed: 0, noData: 0 });
    expect(stage.findings).toEqual({ critical: 3, warning: 6, info: 0, positive: 0 });
    expect(stage.health).toBe('critical');
  });

  it('says nothing where nothing is known', () => {
    expect(rollUpJourneys([])).toEqual({
      designedRemembered: null,
      designedMean: null,
      measuredRemembered: null,
      measuredMean: null,
      cases: 0,
      dropOffRate: null,
      medianWaitMinutes: null,
      xla: null,
      findings: { critical: 0, warning: 0, info: 0, positive: 0 },
      health: 'unknown',
    });
    expect(rollUpJourneys([linked('x', { availability: 'unavailable', health: 'critical' })]).health).toBe('unknown');
  });
});
