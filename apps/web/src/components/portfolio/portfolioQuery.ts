import { JOURNEY_KINDS, JOURNEY_STATUSES, type JourneyKind, type JourneyStatus } from '@klantreis/schema';
import type { HealthLevel } from '@klantreis/core/contracts';
import { OPPORTUNITY_SORT_KEYS, OPPORTUNITY_STATUSES, SEVERITIES, type OpportunityFilter, type OpportunitySort } from './opportunityRows.ts';

// The portfolio's filter, sort, grouping and tab live in the URL query, not in a store: a link
// shows a colleague the same view, and the back button undoes the last change. One parser and
// one writer, so the scene, the saved views and the tests read the same state.

export const PORTFOLIO_TABS = ['table', 'board', 'opportunities'] as const;
export type PortfolioTab = (typeof PORTFOLIO_TABS)[number];

export const HEALTH_LEVELS = ['critical', 'attention', 'healthy', 'unknown'] as const satisfies readonly HealthLevel[];

export const SORT_KEYS = [
  'title',
  'kind',
  'status',
  'owner',
  'tags',
  'persona',
  'stages',
  'updated',
  'designed',
  'measured',
  'completion',
  'dropOff',
  'xla',
  'findings',
  'health',
] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDirection = 'asc' | 'desc';
export interface PortfolioSort {
  key: SortKey;
  direction: SortDirection;
}

export const GROUP_KEYS = ['none', 'owner', 'status', 'stage', 'tag'] as const;
export type GroupKey = (typeof GROUP_KEYS)[number];

/** Owner `none` keeps the journeys nobody owns; null in a field means "any". */
export interface PortfolioFilter {
  owner: string | null;
  status: JourneyStatus | null;
  kind: JourneyKind | null;
  tag: string | null;
  health: HealthLevel | null;
  text: string;
}

/** What a saved view keeps: the filter, the sort and the grouping (not the tab or the workspace). */
export interface PortfolioViewState {
  filter: PortfolioFilter;
  sort: PortfolioSort;
  group: GroupKey;
}

/** The opportunity tab's own filter and sort (its list is of actions and findings, not journeys). */
export interface OpportunityView {
  filter: OpportunityFilter;
  sort: OpportunitySort;
}

export interface PortfolioQuery extends PortfolioViewState {
  workspace: string | null;
  tab: PortfolioTab;
  opportunities: OpportunityView;
}

/** The weightiest first. */
export const DEFAULT_OPPORTUNITY_SORT: OpportunitySort = { key: 'impact', direction: 'desc' };
const OPPORTUNITY_SOURCES = ['action', 'finding'] as const;

export const NO_OWNER = 'none';
export const EMPTY_FILTER: PortfolioFilter = { owner: null, status: null, kind: null, tag: null, health: null, text: '' };
/** The worst first: management opens the portfolio to see what needs work. */
export const DEFAULT_SORT: PortfolioSort = { key: 'health', direction: 'desc' };

function oneOf<T extends string>(values: readonly T[], value: string | null): T | null {
  return value !== null && (values as readonly string[]).includes(value) ? (value as T) : null;
}

/**
 * Reads `?ws=…&tab=board&status=live&owner=…&kind=…&tag=…&health=…&q=…&sort=-updated&group=owner`,
 * and the opportunity tab's `&from=action&journey=…&ostatus=planned&severity=critical&oq=…&osort=dueDate`.
 */
export function parsePortfolioQuery(search: string): PortfolioQuery {
  const query = new URLSearchParams(search);
  const sortText = query.get('sort') ?? '';
  const sortKey = oneOf(SORT_KEYS, sortText.replace(/^-/, ''));
  const opportunitySortText = query.get('osort') ?? '';
  const opportunitySortKey = oneOf(OPPORTUNITY_SORT_KEYS, opportunitySortText.replace(/^-/, ''));
  return {
    opportunities: {
      filter: {
        source: oneOf(OPPORTUNITY_SOURCES, query.get('from')),
        journeyId: query.get('journey') || null,
        status: oneOf(OPPORTUNITY_STATUSES, query.get('ostatus')),
        severity: oneOf(SEVERITIES, query.get('severity')),
        text: query.get('oq') ?? '',
      },
      sort: opportunitySortKey ? { key: opportunitySortKey, direction: opportunitySortText.startsWith('-') ? 'desc' : 'asc' } : DEFAULT_OPPORTUNITY_SORT,
    },
    workspace: query.get('ws') || null,
    tab: oneOf(PORTFOLIO_TABS, query.get('tab')) ?? 'table',
    filter: {
      owner: query.get('owner') || null,
      status: oneOf(JOURNEY_STATUSES, query.get('status')),
      kind: oneOf(JOURNEY_KINDS, query.get('kind')),
      tag: query.get('tag') || null,
      health: oneOf(HEALTH_LEVELS, query.get('health')),
      text: query.get('q') ?? '',
    },
    sort: sortKey ? { key: sortKey, direction: sortText.startsWith('-') ? 'desc' : 'asc' } : DEFAULT_SORT,
    group: oneOf(GROUP_KEYS, query.get('group')) ?? 'none',
  };
}

/** The query string of a state, leaving out what is the default, so links stay short. */
export function portfolioQueryString(state: PortfolioQuery): string {
  const query = new URLSearchParams();
  if (state.workspace) query.set('ws', state.workspace);
  if (state.tab !== 'table') query.set('tab', state.tab);
  const { filter } = state;
  if (filter.owner) query.set('owner', filter.owner);
  if (filter.status) query.set('status', filter.status);
  if (filter.kind) query.set('kind', filter.kind);
  if (filter.tag) query.set('tag', filter.tag);
  if (filter.health) query.set('health', filter.health);
  if (filter.text) query.set('q', filter.text);
  if (state.sort.key !== DEFAULT_SORT.key || state.sort.direction !== DEFAULT_SORT.direction) {
    query.set('sort', `${state.sort.direction === 'desc' ? '-' : ''}${state.sort.key}`);
  }
  if (state.group !== 'none') query.set('group', state.group);
  const { filter: chances, sort: chancesSort } = state.opportunities;
  if (chances.source) query.set('from', chances.source);
  if (chances.journeyId) query.set('journey', chances.journeyId);
  if (chances.status) query.set('ostatus', chances.status);
  if (chances.severity) query.set('severity', chances.severity);
  if (chances.text) query.set('oq', chances.text);
  if (chancesSort.key !== DEFAULT_OPPORTUNITY_SORT.key || chancesSort.direction !== DEFAULT_OPPORTUNITY_SORT.direction) {
    query.set('osort', `${chancesSort.direction === 'desc' ? '-' : ''}${chancesSort.key}`);
  }
  const text = query.toString();
  return text ? `?${text}` : '';
}

/** A saved view's stored JSON read back leniently: a view saved by an older version keeps what still fits. */
export function viewStateFrom(stored: unknown): PortfolioViewState {
  const value = (typeof stored === 'object' && stored !== null ? stored : {}) as Record<string, unknown>;
  const filter = (typeof value.filter === 'object' && value.filter !== null ? value.filter : {}) as Record<string, unknown>;
  const sort = (typeof value.sort === 'object' && value.sort !== null ? value.sort : {}) as Record<string, unknown>;
  const text = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);
  const sortKey = oneOf(SORT_KEYS, text(sort.key));
  return {
    filter: {
      owner: text(filter.owner),
      status: oneOf(JOURNEY_STATUSES, text(filter.status)),
      kind: oneOf(JOURNEY_KINDS, text(filter.kind)),
      tag: text(filter.tag),
      health: oneOf(HEALTH_LEVELS, text(filter.health)),
      text: text(filter.text) ?? '',
    },
    sort: sortKey ? { key: sortKey, direction: sort.direction === 'desc' ? 'desc' : 'asc' } : DEFAULT_SORT,
    group: oneOf(GROUP_KEYS, text(value.group)) ?? 'none',
  };
}

export function filterIsEmpty(filter: PortfolioFilter): boolean {
  return !filter.owner && !filter.status && !filter.kind && !filter.tag && !filter.health && !filter.text;
}
