import type { Opportunity } from '@klantreis/core/contracts';
import { searchable } from './portfolioRows.ts';

// The opportunity portfolio's logic, apart from its drawing: filter and sort the list, and put
// each judged opportunity in its quadrant of the impact × effort matrix.

export const OPPORTUNITY_SORT_KEYS = ['journey', 'title', 'owner', 'status', 'dueDate', 'impact', 'effort', 'severity'] as const;
export type OpportunitySortKey = (typeof OPPORTUNITY_SORT_KEYS)[number];
export interface OpportunitySort {
  key: OpportunitySortKey;
  direction: 'asc' | 'desc';
}

export interface OpportunityFilter {
  source: Opportunity['source'] | null;
  status: Opportunity['status'] | null;
  severity: NonNullable<Opportunity['severity']> | null;
  journeyId: string | null;
  text: string;
}

export const EMPTY_OPPORTUNITY_FILTER: OpportunityFilter = { source: null, status: null, severity: null, journeyId: null, text: '' };
export const OPPORTUNITY_STATUSES = ['open', 'idea', 'planned', 'doing', 'done'] as const satisfies readonly Opportunity['status'][];
export const SEVERITIES = ['critical', 'warning', 'info', 'positive'] as const;

export function filterOpportunities(opportunities: readonly Opportunity[], filter: OpportunityFilter): Opportunity[] {
  const words = searchable(filter.text).split(/\s+/).filter(Boolean);
  return opportunities.filter((o) => {
    if (filter.source && o.source !== filter.source) return false;
    if (filter.status && o.status !== filter.status) return false;
    if (filter.severity && o.severity !== filter.severity) return false;
    if (filter.journeyId && o.journeyId !== filter.journeyId) return false;
    if (words.length === 0) return true;
    const haystack = searchable([o.title, o.journeyTitle, o.owner, ...o.stepTitles].join(' '));
    return words.every((word) => haystack.includes(word));
  });
}

const STATUS_RANK = new Map<string, number>(OPPORTUNITY_STATUSES.map((s, i) => [s, i]));
const SEVERITY_RANK = new Map<string, number>(SEVERITIES.map((s, i) => [s, SEVERITIES.length - i]));

function value(o: Opportunity, key: OpportunitySortKey): string | number | null {
  switch (key) {
    case 'journey':
      return o.journeyTitle;
    case 'title':
      return o.title;
    case 'owner':
      return o.owner || null;
    case 'status':
      return STATUS_RANK.get(o.status) ?? null;
    case 'dueDate':
      return o.dueDate;
    case 'impact':
      return o.impact;
    case 'effort':
      return o.effort;
    case 'severity':
      return o.severity ? (SEVERITY_RANK.get(o.severity) ?? null) : null;
  }
}

/** Sorted by one column; the ones without a value last either way, ties by journey and title. */
export function sortOpportunities(opportunities: readonly Opportunity[], sort: OpportunitySort, locale: string): Opportunity[] {
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  const sign = sort.direction === 'asc' ? 1 : -1;
  return opportunities
    .map((o) => ({ o, v: value(o, sort.key) }))
    .sort((a, b) => {
      if (a.v === null || b.v === null) {
        if (a.v !== b.v) return a.v === null ? 1 : -1;
      } else {
        const order = typeof a.v === 'number' && typeof b.v === 'number' ? a.v - b.v : collator.compare(String(a.v), String(b.v));
        if (order !== 0) return order * sign;
      }
      return collator.compare(a.o.journeyTitle, b.o.journeyTitle) || collator.compare(a.o.title, b.o.title);
    })
    .map((x) => x.o);
}

export type Quadrant = 'quick-win' | 'big-bet' | 'fill-in' | 'money-pit';

/**
 * Impact and effort are judged 1 … 5; 3 and up counts as high, so the middle of the scale leans
 * to "worth doing" on impact and to "costly" on effort, as a team's cautious reading would.
 */
export function quadrantOf(impact: number, effort: number): Quadrant {
  const highImpact = impact >= 3;
  const highEffort = effort >= 3;
  if (highImpact) return highEffort ? 'big-bet' : 'quick-win';
  return highEffort ? 'money-pit' : 'fill-in';
}

export interface MatrixPoint {
  opportunity: Opportunity;
  impact: number;
  effort: number;
  quadrant: Quadrant;
  /** Where in its cell: opportunities with the same impact and effort sit side by side, not on top of each other. */
  slot: number;
  slots: number;
}

/**
 * The judged actions as points (impact and effort both set) and the actions still to judge, to
 * list beside the matrix. Findings are left out: they are problems, not yet something to do.
 */
export function matrixPoints(opportunities: readonly Opportunity[]): { points: MatrixPoint[]; unjudged: Opportunity[] } {
  const cells = new Map<string, Opportunity[]>();
  const unjudged: Opportunity[] = [];
  for (const o of opportunities) {
    if (o.source !== 'action') continue;
    if (o.impact === null || o.effort === null) {
      unjudged.push(o);
      continue;
    }
    const key = `${o.impact}:${o.effort}`;
    const cell = cells.get(key) ?? [];
    cell.push(o);
    cells.set(key, cell);
  }
  const points = [...cells.values()].flatMap((cell) =>
    cell.map((o, slot) => ({ opportunity: o, impact: o.impact!, effort: o.effort!, quadrant: quadrantOf(o.impact!, o.effort!), slot, slots: cell.length })),
  );
  return { points, unjudged };
}
