import { describe, expect, it } from 'vitest';
import { EMPTY_OPPORTUNITY_FILTER } from './opportunityRows.ts';
import { DEFAULT_OPPORTUNITY_SORT, DEFAULT_SORT, EMPTY_FILTER, parsePortfolioQuery, portfolioQueryString, viewStateFrom, type PortfolioQuery } from './portfolioQuery.ts';

describe('the portfolio state in the URL', () => {
  it('reads the defaults from an empty query and writes them as nothing', () => {
    const state = parsePortfolioQuery('');
    expect(state).toEqual({
      workspace: null,
      tab: 'table',
      filter: EMPTY_FILTER,
      sort: DEFAULT_SORT,
      group: 'none',
      opportunities: { filter: EMPTY_OPPORTUNITY_FILTER, sort: DEFAULT_OPPORTUNITY_SORT },
    });
    expect(portfolioQueryString(state)).toBe('');
  });

  it('round-trips every field', () => {
    const state: PortfolioQuery = {
      workspace: 'ws1',
      tab: 'board',
      filter: { owner: 'u1', status: 'live', kind: 'end-user', tag: 'leden & co', health: 'critical', text: 'lid worden' },
      sort: { key: 'updated', direction: 'desc' },
      group: 'owner',
      opportunities: {
        filter: { source: 'action', journeyId: 'j1', status: 'planned', severity: 'critical', text: 'wachten & betalen' },
        sort: { key: 'dueDate', direction: 'asc' },
      },
    };
    const text = portfolioQueryString(state);
    expect(text).toContain('sort=-updated');
    expect(text).toContain('osort=dueDate');
    expect(parsePortfolioQuery(text)).toEqual(state);
  });

  it('drops values it does not know instead of failing', () => {
    const state = parsePortfolioQuery('?status=gone&kind=poster&sort=-price&group=colour&tab=x&health=purple&from=mail&ostatus=someday&severity=huge&osort=-colour');
    expect(state.opportunities).toEqual({ filter: EMPTY_OPPORTUNITY_FILTER, sort: DEFAULT_OPPORTUNITY_SORT });
    expect(state.filter.status).toBeNull();
    expect(state.filter.kind).toBeNull();
    expect(state.filter.health).toBeNull();
    expect(state.sort).toEqual(DEFAULT_SORT);
    expect(state.group).toBe('none');
    expect(state.tab).toBe('table');
  });

  it('reads a saved view leniently', () => {
    expect(viewStateFrom({ filter: { status: 'live', text: 'x', extra: 1 }, sort: { key: 'title', direction: 'asc' }, group: 'tag' })).toEqual({
      filter: { ...EMPTY_FILTER, status: 'live', text: 'x' },
      sort: { key: 'title', direction: 'asc' },
      group: 'tag',
    });
    expect(viewStateFrom(null)).toEqual({ filter: EMPTY_FILTER, sort: DEFAULT_SORT, group: 'none' });
  });
});
