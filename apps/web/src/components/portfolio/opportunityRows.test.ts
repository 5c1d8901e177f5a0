import { describe, expect, it } from 'vitest';
import type { Opportunity } from '@klantreis/core/contracts';
import { EMPTY_OPPORTUNITY_FILTER, filterOpportunities, matrixPoints, quadrantOf, sortOpportunities } from './opportunityRows.ts';

function opportunity(fields: Partial<Opportunity> & { id: string; title: string }): Opportunity {
  return { journeyId: 'j1', journeyTitle: 'Lid worden', source: 'action', owner: '', status: 'idea', dueDate: null, impact: null, effort: null, severity: null, stepIds: [], stepTitles: [], ...fields };
}

const chat = opportunity({ id: 'a1', title: 'Chat op de website', owner: 'Anna', status: 'planned', impact: 5, effort: 1, dueDate: '2027-01-10' });
const rebuild = opportunity({ id: 'a2', title: 'Nieuw CRM', journeyId: 'j2', journeyTitle: 'Verlengen', impact: 4, effort: 5, dueDate: '2026-12-01' });
const finding = opportunity({ id: 'peak-end.weak-end', title: 'Zwak einde', source: 'finding', status: 'open', severity: 'critical', stepTitles: ['Betalen'] });
const all = [chat, rebuild, finding];

describe('the opportunity portfolio', () => {
  it('puts impact and effort in the four quadrants, 3 counting as high', () => {
    expect(quadrantOf(5, 1)).toBe('quick-win');
    expect(quadrantOf(4, 5)).toBe('big-bet');
    expect(quadrantOf(1, 2)).toBe('fill-in');
    expect(quadrantOf(2, 4)).toBe('money-pit');
    expect(quadrantOf(3, 3)).toBe('big-bet');
  });

  it('makes points of the judged actions, side by side in a shared cell, and lists the unjudged actions (not the findings)', () => {
    const twin = opportunity({ id: 'a3', title: 'Ook chat', impact: 5, effort: 1 });
    const halfJudged = opportunity({ id: 'a4', title: 'Half', impact: 2 });
    const { points, unjudged } = matrixPoints([...all, twin, halfJudged]);
    expect(points.map((p) => [p.opportunity.id, p.quadrant, p.slot, p.slots])).toEqual([
      ['a1', 'quick-win', 0, 2],
      ['a3', 'quick-win', 1, 2],
      ['a2', 'big-bet', 0, 1],
    ]);
    expect(unjudged.map((o) => o.id)).toEqual(['a4']);
  });

  it('filters by source, status, severity, journey and words (also in step titles)', () => {
    expect(filterOpportunities(all, { ...EMPTY_OPPORTUNITY_FILTER, source: 'finding' })).toEqual([finding]);
    expect(filterOpportunities(all, { ...EMPTY_OPPORTUNITY_FILTER, status: 'planned' })).toEqual([chat]);
    expect(filterOpportunities(all, { ...EMPTY_OPPORTUNITY_FILTER, severity: 'critical' })).toEqual([finding]);
    expect(filterOpportunities(all, { ...EMPTY_OPPORTUNITY_FILTER, journeyId: 'j2' })).toEqual([rebuild]);
    expect(filterOpportunities(all, { ...EMPTY_OPPORTUNITY_FILTER, text: 'betalen' })).toEqual([finding]);
  });

  it('sorts by a column with the empty ones last', () => {
    const ids = (list: Opportunity[]) => list.map((o) => o.id);
    expect(ids(sortOpportunities(all, { key: 'dueDate', direction: 'asc' }, 'nl'))).toEqual(['a2', 'a1', 'peak-end.weak-end']);
    expect(ids(sortOpportunities(all, { key: 'impact', direction: 'desc' }, 'nl'))).toEqual(['a1', 'a2', 'peak-end.weak-end']);
    expect(ids(sortOpportunities(all, { key: 'severity', direction: 'desc' }, 'nl'))).toEqual(['peak-end.weak-end', 'a1', 'a2']);
  });
});
