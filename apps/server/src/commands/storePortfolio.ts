import type { JourneyStore } from '@klantreis/db';
import type { OpportunitiesResponse, PortfolioResponse } from '@klantreis/core/contracts';
import { CURRENT_SCHEMA_VERSION, parseJourneyDocument, type JourneyDocument } from '@klantreis/schema';
import { journeyPortfolio, opportunityPortfolio, type PortfolioQuery } from './journeyPortfolio.ts';
import { JourneyRollupCache } from './journeyRollupCache.ts';

export { opportunitiesCsv } from './opportunitiesCsv.ts';

// The portfolio on a store without a running server, for `klantreis portfolio`: the same
// roll-up cache and the same functions as GET /api/portfolio, as the local admin (every
// journey, as owner). Loads neither Fastify nor Hocuspocus; DuckDB only when a measured
// roll-up must be computed again.

export class UnknownWorkspaceError extends Error {
  constructor(workspaceId: string | undefined) {
    super(workspaceId === undefined ? 'there is no workspace yet: start the server once to make the first owner' : `no workspace ${workspaceId}`);
    this.name = 'UnknownWorkspaceError';
  }
}

async function snapshotOf(store: JourneyStore, journeyId: string): Promise<JourneyDocument> {
  const row = await store.getJourney(journeyId);
  if (!row) throw new Error(`no journey with id ${journeyId}`);
  const stored = JSON.parse(row.snapshot) as JourneyDocument;
  if (stored.schemaVersion === CURRENT_SCHEMA_VERSION) return stored;
  const migrated = parseJourneyDocument(stored);
  if (!migrated.ok) throw new Error(`journey ${journeyId}: stored snapshot cannot be migrated: ${migrated.issues[0]!.path}: ${migrated.issues[0]!.message}`);
  return migrated.document;
}

/** A roll-up cache over the store; measuring opens the imports under `analyticsDir` as the server does. */
export function storeRollupCache(store: JourneyStore, analyticsDir: string): JourneyRollupCache {
  return new JourneyRollupCache({
    store,
    readDocument: (id) => snapshotOf(store, id),
    measure: async (id, document) => {
      const { JourneyAnalytics } = await import('./journeyAnalytics.ts');
      return new JourneyAnalytics(store, analyticsDir).measure(id, document);
    },
  });
}

async function localQuery(cache: JourneyRollupCache, workspaceId: string | undefined): Promise<PortfolioQuery> {
  const first = await cache.portfolio.firstWorkspaceId();
  const id = workspaceId ?? first ?? undefined;
  if (id === undefined || !(await cache.portfolio.workspaceExists(id))) throw new UnknownWorkspaceError(id);
  return { workspaceId: id, isFirstWorkspace: id === first, roleOf: () => 'owner' };
}

/** The portfolio of a workspace (the first when none is named), with the figures the API gives. */
export async function storePortfolio(store: JourneyStore, analyticsDir: string, workspaceId?: string): Promise<PortfolioResponse> {
  const cache = storeRollupCache(store, analyticsDir);
  return journeyPortfolio(cache, await localQuery(cache, workspaceId));
}

export async function storeOpportunities(store: JourneyStore, analyticsDir: string, workspaceId?: string): Promise<OpportunitiesResponse> {
  const cache = storeRollupCache(store, analyticsDir);
  return opportunityPortfolio(cache, await localQuery(cache, workspaceId));
}
