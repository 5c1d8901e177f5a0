import { describe, expect, it } from 'vitest';
import { evaluateJourney } from './evaluateJourney.ts';
import { importancePerformanceQuadrant } from './importancePerformance.ts';
import { buildJourney, stepIdByTitle } from './testJourneyBuilder.ts';

describe('importancePerformanceQuadrant', () => {
  it('puts each importance and performance in its quadrant', () => {
    const grid = [1, 2, 3, 4, 5].map((importance) => [-2, -1, 0, 1, 2].map((score) => importancePerformanceQuadrant(importance, score)));
    const [A, K, L, O] = ['act-first', 'keep-up', 'low-priority', 'possible-overkill'];
    expect(grid).toEqual([
      [L, L, L, O, O],
      [L, L, L, O, O],
      [L, L, L, L, L],
      [A, A, A, K, K],
      [A, A, A, K, K],
    ]);
  });
});

describe('importance × performance on a map', () => {
  const doc = buildJourney([
    { title: 'Report the incident', score: -1, touchpoints: [{ importance: 5, name: 'Service desk call' }, { importance: 2, channel: 'email' }, null] },
    { title: 'Status page', score: 2, touchpoints: [{ importance: 1, channel: 'self-service-portal' }, { importance: 4 }] },
    { title: 'Fixed', score: 1, touchpoints: [3] },
    { title: 'Unscored', score: null, touchpoints: [5] },
  ]);

  it('returns one point per touchpoint with an importance on a scored step', () => {
    const { points } = evaluateJourney(doc).importancePerformance;
    const report = doc.steps[0]!;
    expect(points[0]).toEqual({ stepId: report.id, touchpointId: report.touchpoints[0]!.id, importance: 5, performance: -1, quadrant: 'act-first' });
    expect(points.map((p) => [p.importance, p.performance, p.quadrant])).toEqual([
      [5, -1, 'act-first'],
      [2, -1, 'low-priority'],
      [1, 2, 'possible-overkill'],
      [4, 2, 'keep-up'],
      [3, 1, 'low-priority'],
    ]);
  });

  it('reports act-first as a warning and overkill as info, naming the touchpoints', () => {
    const findings = evaluateJourney(doc, { locale: 'en' }).findings.filter((f) => f.rule.startsWith('importance-performance.'));
    expect(findings).toEqual([
      {
        rule: 'importance-performance.act-first',
        severity: 'warning',
        stepIds: [stepIdByTitle(doc, 'Report the incident')],
        message: '“Service desk call” at “Report the incident” matters to customers (importance 5 of 5) but performs at −1: act here first.',
      },
      {
        rule: 'importance-performance.overkill',
        severity: 'info',
        stepIds: [stepIdByTitle(doc, 'Status page')],
        message:
          'The contact by self-service portal at “Status page” scores +2 but matters little to customers (importance 1 of 5): possible overkill, effort that may do more elsewhere.',
      },
    ]);
    const nl = evaluateJourney(doc, { locale: 'nl' }).findings.find((f) => f.rule === 'importance-performance.overkill')!;
    expect(nl.message).toContain('Het contact via selfserviceportaal bij “Status page” scoort +2');
  });
});
