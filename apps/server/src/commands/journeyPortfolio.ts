import type { Opportunity, OpportunitiesResponse, PortfolioJourney, PortfolioResponse, Role, StageRef } from '@klantreis/core/contracts';
import { combineRollup } from './journeyRollup.ts';
import type { JourneyRollupCache, RollupEntry } from './journeyRollupCache.ts';

// The journey portfolio and the opportunity portfolio of one workspace, as `GET /api/portfolio`
// and `klantreis portfolio` give them: one function for both, so the API and the CLI cannot
// disagree. Who may see which journey is the caller's business (`roleOf`); the figures come
// from the roll-up cache (journeyRollupCache.ts).

/** The caller's role on a journey of the workspace; null hides it. */
export type RoleOf = (journeyId: string) => Role | null;

export interface PortfolioQuery {
  workspaceId: string;
  /** Journeys without a workspace (made before the first owner) belong to the first workspace. */
  isFirstWorkspace: boolean;
  roleOf: RoleOf;
}

async function visibleEntries(cache: JourneyRollupCache, query: PortfolioQuery): Promise<{ entry: RollupEntry; role: Role }[]> {
  const rows = await cache.portfolio.journeysOfWorkspace(query.workspaceId, query.isFirstWorkspace);
  const visible = rows.flatMap((row) => {
    const role = query.roleOf(row.id);
    return role === null ? [] : [{ row, role }];
  });
  const entries = await cache.entries(visible.map((v) => v.row));
  return entries.map((entry, i) => ({ entry, role: visible[i]!.role }));
}

/** Per journey, the stages of the visible experience maps that link to it. */
function stagesByJourney(entries: readonly RollupEntry[]): Map<string, StageRef[]> {
  const stages = new Map<string, StageRef[]>();
  for (const map of entries) {
    for (const link of map.designed.links) {
      const list = stages.get(link.journeyId) ?? [];
      list.push({ experienceMapId: map.id, experienceMapTitle: map.title, stageId: link.stageId, stageName: link.stageName, stagePosition: link.stagePosition });
      stages.set(link.journeyId, list);
    }
  }
  return stages;
}

async function ownerNames(cache: JourneyRollupCache, entries: readonly RollupEntry[]): Promise<(entry: RollupEntry) => { id: string | null; name: string }> {
  const ids = entries.map((e) => e.designed.ownerId).filter((id): id is string => id !== null);
  const names = await cache.portfolio.userNames(ids);
  // An owner id whose account is gone shows the owner text, as an import without an account does.
  return (entry) => {
    const id = entry.designed.ownerId;
    const name = id === null ? undefined : names.get(id);
    return name === undefined ? { id: null, name: entry.designed.owner } : { id, name };
  };
}

/** Every journey of the workspace the caller may see, with its figures and health. */
export async function journeyPortfolio(cache: JourneyRollupCache, query: PortfolioQuery): Promise<PortfolioResponse> {
  const visible = await visibleEntries(cache, query);
  const entries = visible.map((v) => v.entry);
  const stages = stagesByJourney(entries);
  const ownerOf = await ownerNames(cache, entries);
  const journeys: PortfolioJourney[] = visible.map(({ entry, role }) => {
    const { designed } = entry;
    const rollup = combineRollup(designed.designed, entry.measured);
    return {
      id: entry.id,
      title: designed.title,
      kind: designed.kind,
      status: designed.status,
      owner: ownerOf(entry),
      tags: designed.tags,
      personas: designed.personas,
      locale: designed.locale,
      updatedAt: entry.updatedAt,
      stepCount: designed.stepCount,
      stages: stages.get(entry.id) ?? [],
      scores: rollup.scores,
      measurement: rollup.measurement,
      xla: rollup.xla,
      findings: rollup.findings,
      openActions: rollup.openActions,
      health: rollup.health,
      role,
    };
  });
  return { workspaceId: query.workspaceId, generatedAt: Date.now(), journeys };
}

/**
 * Every improvement action of every visible journey, and their open critical and warning
 * findings that no action covers; a finding's owner is its journey's owner.
 */
export async function opportunityPortfolio(cache: JourneyRollupCache, query: PortfolioQuery): Promise<OpportunitiesResponse> {
  const entries = (await visibleEntries(cache, query)).map((v) => v.entry);
  const ownerOf = await ownerNames(cache, entries);
  const opportunities: Opportunity[] = entries.flatMap((entry) =>
    entry.designed.opportunities.map((o) => ({
      journeyId: entry.id,
      journeyTitle: entry.designed.title,
      source: o.source,
      id: o.id,
      rule: o.rule,
      title: o.title,
      owner: o.source === 'finding' ? ownerOf(entry).name : o.owner,
      status: o.status,
      dueDate: o.dueDate,
      impact: o.impact,
      effort: o.effort,
      severity: o.severity,
      stepIds: o.stepIds,
      stepTitles: o.stepTitles,
    })),
  );
  return { workspaceId: query.workspaceId, opportunities };
}
