import { describe, expect, it } from 'vitest';
import { createActionRecord, createIndicatorRecord } from '@klantreis/schema';
import { buildJourney } from '../../../../packages/evaluation/src/testJourneyBuilder.ts';
import { journeyRollup } from './journeyRollup.ts';

// The roll-up's designed figures, computed by hand for a small journey. The measured half is
// checked through the real import path in routes/portfolio/portfolio.test.ts.

describe('journeyRollup', () => {
  it('rolls up a small journey as computed by hand', () => {
    // Steps in display order: +1, −2 | 0, +2, +1 (two phases).
    // Most intense: |−2| = |+2| = 2, a tie goes to the negative one: −2. End: +1.
    // Designed remembered (peak-end) = (−2 + 1) / 2 = −0.5.
    // Designed mean = (1 − 2 + 0 + 2 + 1) / 5 = 2 / 5 = 0.4.
    // Findings: the −2 step is "what they will remember" (critical); the end (+1) is neither
    // weak (< +1) nor strong (+2); the start (+1) is not weak. Nothing else is marked.
    // Actions: two, one done, so one open. Indicators: one, without data.
    // Health: critical (remembered −0.5 is below 0); the critical finding asks attention.
    const doc = buildJourney({ phases: [{ steps: [1, -2] }, { steps: [0, 2, 1] }] });
    doc.actions.push(createActionRecord({ index: 'a0', title: 'Sneller antwoord', status: 'doing' }));
    doc.actions.push(createActionRecord({ index: 'a1', title: 'Betere brief', status: 'done' }));
    doc.indicators.push(createIndicatorRecord({ index: 'a0', name: 'Tevredenheid' }));

    const rollup = journeyRollup(doc);
    expect(rollup.scores).toEqual({ designedRemembered: -0.5, designedMean: 0.4, measuredRemembered: null, measuredMean: null });
    expect(rollup.findings).toEqual({ critical: 1, warning: 0, info: 0, positive: 0 });
    expect(rollup.openActions).toBe(1);
    expect(rollup.measurement).toBeNull();
    expect(rollup.xla).toEqual({ met: 0, atRisk: 0, missed: 0, noData: 1 });
    expect(rollup.health).toEqual({
      level: 'critical',
      reasons: [
        { code: 'remembered-score-low', score: -0.5, measured: false },
        { code: 'critical-findings', count: 1 },
      ],
    });
  });

  it('has no scores and unknown health for a blank journey', () => {
    const rollup = journeyRollup(buildJourney([null, null]));
    expect(rollup.scores.designedRemembered).toBeNull();
    expect(rollup.xla).toBeNull();
    expect(rollup.health.level).toBe('unknown');
  });
});
