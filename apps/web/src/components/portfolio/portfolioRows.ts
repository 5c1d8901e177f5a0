import { JOURNEY_STATUSES } from '@klantreis/schema';
import type { HealthLevel, PortfolioJourney, StageRef } from '@klantreis/core/contracts';
import { NO_OWNER, type GroupKey, type PortfolioFilter, type PortfolioSort, type SortKey } from './portfolioQuery.ts';

// Filter, sort and group the portfolio's journeys: pure functions over the API's rows, so the
// table, the lifecycle board and the tests agree, and a thousand journeys re-sort in a few ms
// without asking the server again.

/** Lower case without accents: "Eén" is found by "een". */
export function searchable(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();
}

/** An account's id; an owner named without an account (an imported map) by name; else `none`. */
export function ownerKey(journey: PortfolioJourney): string {
  return journey.owner.id ?? (journey.owner.name ? `name:${journey.owner.name}` : NO_OWNER);
}

export function filterJourneys(journeys: readonly PortfolioJourney[], filter: PortfolioFilter): PortfolioJourney[] {
  const words = searchable(filter.text).split(/\s+/).filter(Boolean);
  return journeys.filter((journey) => {
    if (filter.owner && ownerKey(journey) !== filter.owner) return false;
    if (filter.status && journey.status !== filter.status) return false;
    if (filter.kind && journey.kind !== filter.kind) return false;
    if (filter.tag && !journey.tags.includes(filter.tag)) return false;
    if (filter.health && journey.health.level !== filter.health) return false;
    if (words.length === 0) return true;
    // Every word somewhere in the title, owner, tags, personas or stages.
    const haystack = searchable([journey.title, journey.owner.name, ...journey.tags, ...journey.personas, ...journey.stages.map((s) => s.stageName)].join(' '));
    return words.every((word) => haystack.includes(word));
  });
}

/** Worse is higher, so "descending" puts the journeys that need work first; unknown has no value. */
const HEALTH_RANK: Record<HealthLevel, number | null> = { healthy: 0, attention: 1, critical: 2, unknown: null };
const STATUS_RANK = new Map<string, number>(JOURNEY_STATUSES.map((status, i) => [status, i]));

type SortValue = string | number | null;

/** The value a column sorts by; null sorts last whichever the direction. */
export function sortValue(journey: PortfolioJourney, key: SortKey): SortValue {
  switch (key) {
    case 'title':
      return journey.title;
    case 'kind':
      return journey.kind;
    case 'status':
      return STATUS_RANK.get(journey.status) ?? null;
    case 'owner':
      return journey.owner.name || null;
    case 'tags':
      return journey.tags.length ? [...journey.tags].sort().join(', ') : null;
    case 'persona':
      return journey.personas.length ? journey.personas.join(', ') : null;
    case 'stages':
      return journey.stages.length ? journey.stages.map((s) => s.stageName).join(', ') : null;
    case 'updated':
      return journey.updatedAt;
    case 'designed':
      return journey.scores.designedRemembered;
    case 'measured':
      return journey.scores.measuredRemembered;
    case 'completion':
      return journey.measurement?.completionRate ?? null;
    case 'dropOff':
      return journey.measurement?.dropOffTrend ?? null;
    case 'xla':
      // Missed weighs most, then at risk; met counts against (more met is better).
      return journey.xla ? journey.xla.missed * 1000 + journey.xla.atRisk * 10 - journey.xla.met / 100 : null;
    case 'findings':
      return journey.findings.critical * 1000 + journey.findings.warning;
    case 'health':
      return HEALTH_RANK[journey.health.level];
  }
}

export function sortJourneys(journeys: readonly PortfolioJourney[], sort: PortfolioSort, locale: string): PortfolioJourney[] {
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  const sign = sort.direction === 'asc' ? 1 : -1;
  const keyed = journeys.map((journey) => ({ journey, value: sortValue(journey, sort.key) }));
  keyed.sort((a, b) => {
    if (a.value === null || b.value === null) {
      if (a.value !== b.value) return a.value === null ? 1 : -1;
    } else {
      const order = typeof a.value === 'number' && typeof b.value === 'number' ? a.value - b.value : collator.compare(String(a.value), String(b.value));
      if (order !== 0) return order * sign;
    }
    // Ties by title, always A to Z, so the order is the same on every screen.
    return collator.compare(a.journey.title, b.journey.title) || a.journey.id.localeCompare(b.journey.id);
  });
  return keyed.map((k) => k.journey);
}

export interface JourneyGroup {
  /** Stable across renders and languages: an owner's id, a status, a stage id, a tag; `none` for the rest. */
  key: string;
  /** The group's own name (owner, tag, stage name); empty for the `none` group and for statuses, which the UI translates. */
  name: string;
  /** The experience map of a stage group. */
  mapTitle?: string;
  journeys: PortfolioJourney[];
}

export const NO_GROUP = 'none';

/**
 * The sorted journeys in groups: by owner (A to Z), by status (in its lifecycle order), by stage
 * (experience map, then stage order) or by tag (A to Z); a journey in two stages or with two
 * tags is in both groups. The group of journeys without one comes last. Empty groups are left out.
 */
export function groupJourneys(journeys: readonly PortfolioJourney[], group: GroupKey, locale: string): JourneyGroup[] {
  if (group === 'none') return [{ key: NO_GROUP, name: '', journeys: [...journeys] }];
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  const groups = new Map<string, JourneyGroup>();
  const add = (key: string, name: string, journey: PortfolioJourney, mapTitle?: string) => {
    let found = groups.get(key);
    if (!found) groups.set(key, (found = { key, name, mapTitle, journeys: [] }));
    found.journeys.push(journey);
  };
  for (const journey of journeys) {
    if (group === 'owner') add(ownerKey(journey), journey.owner.name, journey);
    else if (group === 'status') add(journey.status, '', journey);
    else if (group === 'tag') {
      if (journey.tags.length === 0) add(NO_GROUP, '', journey);
      for (const tag of new Set(journey.tags)) add(tag, tag, journey);
    } else {
      if (journey.stages.length === 0) add(NO_GROUP, '', journey);
      for (const stage of journey.stages) add(stage.stageId, stage.stageName, journey, stage.experienceMapTitle);
    }
  }
  const none = groups.get(NO_GROUP);
  groups.delete(NO_GROUP);
  let ordered = [...groups.values()];
  if (group === 'status') ordered.sort((a, b) => (STATUS_RANK.get(a.key) ?? 0) - (STATUS_RANK.get(b.key) ?? 0));
  else if (group === 'stage') {
    const order = new Map(stageOrder(journeys).map((stage, i) => [stage.stageId, i]));
    ordered.sort((a, b) => (order.get(a.key) ?? 0) - (order.get(b.key) ?? 0));
  } else ordered.sort((a, b) => collator.compare(a.name, b.name));
  if (none) ordered = [...ordered, none];
  return ordered;
}

/**
 * The stages of the workspace's experience maps in time order, read from the journeys' stage
 * lists (each in its map's order): a stage comes after every stage listed before it in some
 * journey, ties by first appearance. Maps stay together, in order of first appearance.
 */
export function stageOrder(journeys: readonly PortfolioJourney[]): StageRef[] {
  const stages = new Map<string, StageRef>();
  const after = new Map<string, Set<string>>();
  for (const journey of journeys) {
    let previous: StageRef | null = null;
    for (const stage of journey.stages) {
      if (!stages.has(stage.stageId)) {
        stages.set(stage.stageId, stage);
        after.set(stage.stageId, new Set());
      }
      if (previous && previous.experienceMapId === stage.experienceMapId && previous.stageId !== stage.stageId) after.get(stage.stageId)!.add(previous.stageId);
      previous = stage;
    }
  }
  const mapOrder = [...new Set([...stages.values()].map((s) => s.experienceMapId))];
  const result: StageRef[] = [];
  for (const mapId of mapOrder) {
    const pending = [...stages.values()].filter((s) => s.experienceMapId === mapId);
    const placed = new Set<string>();
    while (pending.length > 0) {
      // The first stage whose predecessors are all placed; on a cycle, simply the first.
      const index = Math.max(0, pending.findIndex((s) => [...after.get(s.stageId)!].every((p) => placed.has(p))));
      const [next] = pending.splice(index, 1);
      placed.add(next!.stageId);
      result.push(next!);
    }
  }
  return result;
}

/** The distinct owners and tags of the journeys, for the filter's choices. */
export function filterChoices(journeys: readonly PortfolioJourney[], locale: string): { owners: { id: string; name: string }[]; tags: string[] } {
  const collator = new Intl.Collator(locale, { sensitivity: 'base' });
  const owners = new Map<string, string>();
  const tags = new Set<string>();
  for (const journey of journeys) {
    if (ownerKey(journey) !== NO_OWNER) owners.set(ownerKey(journey), journey.owner.name);
    for (const tag of journey.tags) tags.add(tag);
  }
  return {
    owners: [...owners].map(([id, name]) => ({ id, name })).sort((a, b) => collator.compare(a.name, b.name)),
    tags: [...tags].sort(collator.compare),
  };
}
