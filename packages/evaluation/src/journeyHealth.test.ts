import { describe, expect, it } from 'vitest';
import { healthReasonText, journeyHealth, type HealthInputs, type HealthReason } from './journeyHealth.ts';

// The health rule per input: starting from a healthy journey, each input alone flips the light
// to attention and to critical at its thresholds, and the reasons say which input did.

const HEALTHY: HealthInputs = {
  findings: { critical: 0, warning: 0 },
  scores: { designedRemembered: 1.5, measuredRemembered: null },
  measurement: { cases: 200, completionRate: 0.9, dropOffTrend: 0 },
  xla: { met: 2, atRisk: 0, missed: 0, noData: 0 },
};

function withInputs(change: Partial<HealthInputs>): HealthInputs {
  return { ...HEALTHY, ...change };
}

const codes = (reasons: HealthReason[]) => reasons.map((r) => r.code);

describe('health rule per input', () => {
  it('is healthy when every judged input is good, with the positive reasons', () => {
    const health = journeyHealth(HEALTHY);
    expect(health.level).toBe('healthy');
    expect(health.reasons).toEqual([
      { code: 'remembered-score-high', score: 1.5, measured: false },
      { code: 'xla-met', count: 2 },
    ]);
  });

  it('findings: one warning or one critical finding asks attention; findings alone never make it critical', () => {
    expect(journeyHealth(withInputs({ findings: { critical: 0, warning: 1 } })).level).toBe('attention');
    const many = journeyHealth(withInputs({ findings: { critical: 7, warning: 3 } }));
    expect(many.level).toBe('attention');
    expect(many.reasons.slice(0, 2)).toEqual([
      { code: 'critical-findings', count: 7 },
      { code: 'warning-findings', count: 3 },
    ]);
    // With a journey remembered badly, the critical findings follow the score's reason.
    const bad = journeyHealth(withInputs({ findings: { critical: 1, warning: 0 }, scores: { designedRemembered: -1, measuredRemembered: null } }));
    expect(bad.level).toBe('critical');
    expect(codes(bad.reasons)).toEqual(['remembered-score-low', 'critical-findings', 'xla-met']);
  });

  it('designed remembered score: +1 is healthy, just below +1 attention, below 0 critical', () => {
    const at = (score: number) => journeyHealth(withInputs({ scores: { designedRemembered: score, measuredRemembered: null } })).level;
    expect(at(1)).toBe('healthy');
    expect(at(0.99)).toBe('attention');
    expect(at(0)).toBe('attention');
    expect(at(-0.01)).toBe('critical');
  });

  it('the measured remembered score outweighs the designed one', () => {
    const health = journeyHealth(withInputs({ scores: { designedRemembered: 2, measuredRemembered: -0.5 } }));
    expect(health.level).toBe('critical');
    expect(health.reasons[0]).toEqual({ code: 'remembered-score-low', score: -0.5, measured: true });
    expect(journeyHealth(withInputs({ scores: { designedRemembered: -1, measuredRemembered: 1.2 } })).level).toBe('healthy');
  });

  it('completion: below 80% attention, below 50% critical, not judged under 10 cases', () => {
    const at = (rate: number, cases = 200) => journeyHealth(withInputs({ measurement: { cases, completionRate: rate, dropOffTrend: 0 } }));
    expect(at(0.8).level).toBe('healthy');
    expect(at(0.79).level).toBe('attention');
    expect(at(0.49).level).toBe('critical');
    expect(at(0.49).reasons[0]).toEqual({ code: 'completion-low', rate: 0.49 });
    expect(at(0.1, 9).level).toBe('healthy');
  });

  it('drop-off trend: +5 points attention, +15 points critical, a fall is fine', () => {
    const at = (change: number) => journeyHealth(withInputs({ measurement: { cases: 200, completionRate: 0.9, dropOffTrend: change } })).level;
    expect(at(-0.2)).toBe('healthy');
    expect(at(0.049)).toBe('healthy');
    expect(at(0.05)).toBe('attention');
    expect(at(0.15)).toBe('critical');
  });

  it('XLA: one indicator at risk asks attention, one missed is critical', () => {
    const atRisk = journeyHealth(withInputs({ xla: { met: 1, atRisk: 1, missed: 0, noData: 0 } }));
    expect(atRisk.level).toBe('attention');
    expect(codes(atRisk.reasons)).toEqual(['xla-at-risk', 'remembered-score-high']);
    const missed = journeyHealth(withInputs({ xla: { met: 1, atRisk: 0, missed: 1, noData: 1 } }));
    expect(missed.level).toBe('critical');
    expect(missed.reasons[0]).toEqual({ code: 'xla-missed', count: 1 });
  });

  it('nothing to judge is unknown, not healthy', () => {
    const health = journeyHealth({
      findings: { critical: 0, warning: 0 },
      scores: { designedRemembered: null, measuredRemembered: null },
      measurement: null,
      xla: { met: 0, atRisk: 0, missed: 0, noData: 2 },
    });
    expect(health).toEqual({ level: 'unknown', reasons: [{ code: 'no-scores' }] });
  });

  it('lists the weightiest reasons first: critical, then attention, then positive', () => {
    const health = journeyHealth({
      findings: { critical: 0, warning: 2 },
      scores: { designedRemembered: 1.5, measuredRemembered: null },
      measurement: { cases: 50, completionRate: 0.3, dropOffTrend: 0.06 },
      xla: { met: 1, atRisk: 0, missed: 0, noData: 0 },
    });
    expect(health.level).toBe('critical');
    expect(codes(health.reasons)).toEqual(['completion-low', 'warning-findings', 'drop-off-rising', 'remembered-score-high', 'xla-met']);
  });
});

describe('healthReasonText', () => {
  it('says each reason in Dutch and English', () => {
    expect(healthReasonText({ code: 'critical-findings', count: 2 }, 'nl')).toBe('2 kritieke bevindingen in de evaluatie');
    expect(healthReasonText({ code: 'critical-findings', count: 1 }, 'en')).toBe('1 critical finding in the evaluation');
    expect(healthReasonText({ code: 'remembered-score-low', score: -0.5, measured: true }, 'nl')).toBe('Gemeten herinnerde score −0,5: klanten onthouden deze reis negatief');
    expect(healthReasonText({ code: 'remembered-score-low', score: 0.5 }, 'en')).toBe('Designed remembered score +0.5: customers do not remember this journey positively (below +1)');
    expect(healthReasonText({ code: 'completion-low', rate: 0.456 }, 'en')).toBe('Only 46% of customers complete the journey');
    expect(healthReasonText({ code: 'drop-off-rising', change: 0.07 }, 'nl')).toBe('De afhakers stegen met 7 procentpunt in de laatste periode');
    expect(healthReasonText({ code: 'xla-missed', count: 1 }, 'en')).toBe('1 XLA indicator misses the target');
    expect(healthReasonText({ code: 'no-scores' }, 'nl')).toBe('Nog geen scores of metingen om te beoordelen');
  });

  it('has a sentence for every code in both languages', () => {
    const reasons: HealthReason[] = [
      { code: 'critical-findings', count: 1 },
      { code: 'warning-findings', count: 1 },
      { code: 'remembered-score-low', score: 0 },
      { code: 'remembered-score-high', score: 2 },
      { code: 'completion-low', rate: 0.5 },
      { code: 'drop-off-rising', change: 0.1 },
      { code: 'xla-missed', count: 2 },
      { code: 'xla-at-risk', count: 2 },
      { code: 'xla-met', count: 2 },
      { code: 'no-scores' },
    ];
    for (const reason of reasons) {
      const nl = healthReasonText(reason, 'nl');
      const en = healthReasonText(reason, 'en');
      expect(nl.length).toBeGreaterThan(10);
      expect(en.length).toBeGreaterThan(10);
      expect(nl).not.toBe(en);
    }
  });
});
