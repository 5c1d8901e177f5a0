import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, PortfolioViewsTable } from './databaseSchema.ts';

// The portfolio's tables: a cached roll-up per journey (its JSON is the server's business;
// this store only keeps it with what it was computed from) and the saved views of a workspace.

/** A journey of a workspace as the portfolio lists it, with its cached roll-up when there is one. */
export interface PortfolioRow {
  id: string;
  title: string;
  workspaceId: string | null;
  updatedAt: number;
  /** The snapshot, only when the cached designed roll-up is missing or older than it. */
  snapshot: string | null;
  rollup: { sourceUpdatedAt: number; designed: string; measuredKey: string | null; measured: string | null } | null;
}

export interface PortfolioView {
  id: string;
  workspaceId: string;
  name: string;
  /** The view's filter, sort and group as JSON, validated by the route before it is stored. */
  definition: string;
  createdBy: string | null;
  createdByName: string;
  createdAt: number;
}

/** Ids bound in one query at most: SQLite allows 32,766 bound values. */
const ID_SLICE = 5000;

function viewFromRow(row: PortfolioViewsTable): PortfolioView {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    name: row.name,
    definition: row.definition,
    createdBy: row.created_by,
    createdByName: row.created_by_name,
    createdAt: Number(row.created_at),
  };
}

export class PortfolioStore {
  private readonly db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.db = db;
  }

  /**
   * The journeys of a workspace that are not in the trash, each with its cached roll-up; the
   * snapshot is read only where the roll-up is stale, so a warm portfolio reads no snapshot.
   * `includeUnassigned` also takes journeys without a workspace (they count as the first one's).
   */
  async journeysOfWorkspace(workspaceId: string, includeUnassigned: boolean): Promise<PortfolioRow[]> {
    return this.portfolioRows({ workspaceId, includeUnassigned });
  }

  /** Every journey not in the trash, of every workspace (warming the cache after a start). */
  async allJourneys(): Promise<PortfolioRow[]> {
    return this.portfolioRows(null);
  }

  private async portfolioRows(scope: { workspaceId: string; includeUnassigned: boolean } | null): Promise<PortfolioRow[]> {
    const rows = await this.db
      .selectFrom('journeys')
      .leftJoin('journey_rollups', 'journey_rollups.journey_id', 'journeys.id')
      .select([
        'journeys.id',
        'journeys.title',
        'journeys.workspace_id',
        'journeys.updated_at',
        'journey_rollups.source_updated_at',
        'journey_rollups.designed',
        'journey_rollups.measured_key',
        'journey_rollups.measured',
      ])
      .select((eb) =>
        eb
          .case()
          .when(eb.or([eb('journey_rollups.source_updated_at', 'is', null), eb('journey_rollups.source_updated_at', '<>', eb.ref('journeys.updated_at'))]))
          .then(eb.ref('journeys.snapshot'))
          .else(null)
          .end()
          .as('stale_snapshot'),
      )
      .where('journeys.deleted_at', 'is', null)
      .where((eb) => {
        if (scope === null) return eb.lit(true);
        const inWorkspace = eb('journeys.workspace_id', '=', scope.workspaceId);
        return scope.includeUnassigned ? eb.or([inWorkspace, eb('journeys.workspace_id', 'is', null)]) : inWorkspace;
      })
      .orderBy('journeys.updated_at', 'desc')
      .orderBy('journeys.id')
      .execute();
    return rows.map((row) => ({
      id: row.id,
      title: row.title,
      workspaceId: row.workspace_id,
      updatedAt: Number(row.updated_at),
      snapshot: row.stale_snapshot,
      rollup:
        row.designed === null || row.source_updated_at === null
          ? null
          : { sourceUpdatedAt: Number(row.source_updated_at), designed: row.designed, measuredKey: row.measured_key, measured: row.measured },
    }));
  }

  /** The key the journey's cached measured roll-up was computed under; null when there is none. */
  async measuredKey(journeyId: string): Promise<string | null> {
    const row = await this.db.selectFrom('journey_rollups').select('measured_key').where('journey_id', '=', journeyId).executeTakeFirst();
    return row?.measured_key ?? null;
  }

  /** Keeps the designed roll-up computed from the snapshot saved at `sourceUpdatedAt`; the measured part stays. */
  async saveDesigned(journeyId: string, sourceUpdatedAt: number, designed: string): Promise<void> {
    await this.db
      .insertInto('journey_rollups')
      .values({ journey_id: journeyId, source_updated_at: sourceUpdatedAt, designed, measured_key: null, measured: null })
      .onConflict((oc) => oc.column('journey_id').doUpdateSet({ source_updated_at: sourceUpdatedAt, designed }))
      .execute();
  }

  /** Keeps the measured roll-up of the imports and mapping digested in `measuredKey`. */
  async saveMeasured(journeyId: string, measuredKey: string, measured: string): Promise<void> {
    await this.db.updateTable('journey_rollups').set({ measured_key: measuredKey, measured }).where('journey_id', '=', journeyId).execute();
  }

  /** Forgets a journey's roll-up (trash, restore): the next portfolio computes it again. */
  async forget(journeyId: string): Promise<void> {
    await this.db.deleteFrom('journey_rollups').where('journey_id', '=', journeyId).execute();
  }

  /** Which journeys have imports, with their import ids (sorted): part of the measured roll-up's key. */
  async importIdsByJourney(journeyIds: readonly string[]): Promise<Map<string, string[]>> {
    const result = new Map<string, string[]>();
    // In slices, so that a workspace of any size stays under SQLite's limit of bound values.
    for (let start = 0; start < journeyIds.length; start += ID_SLICE) {
      const slice = journeyIds.slice(start, start + ID_SLICE);
      const rows = await this.db.selectFrom('analytics_imports').select(['journey_id', 'id']).where('journey_id', 'in', slice).orderBy('journey_id').orderBy('id').execute();
      for (const row of rows) {
        const list = result.get(row.journey_id) ?? [];
        list.push(row.id);
        result.set(row.journey_id, list);
      }
    }
    return result;
  }

  /** The names of the people with an account, by id (an owner's name in the portfolio). */
  async userNames(userIds: readonly string[]): Promise<Map<string, string>> {
    const ids = [...new Set(userIds)];
    const names = new Map<string, string>();
    for (let start = 0; start < ids.length; start += ID_SLICE) {
      const rows = await this.db.selectFrom('auth_user').select(['id', 'name', 'email']).where('id', 'in', ids.slice(start, start + ID_SLICE)).execute();
      for (const row of rows) names.set(row.id, row.name || row.email);
    }
    return names;
  }

  async isMember(workspaceId: string, userId: string): Promise<boolean> {
    const row = await this.db.selectFrom('workspace_members').select('user_id').where('workspace_id', '=', workspaceId).where('user_id', '=', userId).executeTakeFirst();
    return row !== undefined;
  }

  async firstWorkspaceId(): Promise<string | null> {
    const row = await this.db.selectFrom('workspaces').select('id').orderBy('created_at').orderBy('id').limit(1).executeTakeFirst();
    return row?.id ?? null;
  }

  async workspaceExists(workspaceId: string): Promise<boolean> {
    return (await this.db.selectFrom('workspaces').select('id').where('id', '=', workspaceId).executeTakeFirst()) !== undefined;
  }

  async listViews(workspaceId: string): Promise<PortfolioView[]> {
    const rows = await this.db.selectFrom('portfolio_views').selectAll().where('workspace_id', '=', workspaceId).orderBy('name').execute();
    return rows.map(viewFromRow);
  }

  async getView(viewId: string): Promise<PortfolioView | undefined> {
    const row = await this.db.selectFrom('portfolio_views').selectAll().where('id', '=', viewId).executeTakeFirst();
    return row && viewFromRow(row);
  }

  /** Saves a view; a view of the same name in the workspace is replaced (it keeps its id). */
  async saveView(input: Omit<PortfolioView, 'id' | 'createdAt'>): Promise<PortfolioView> {
    const createdAt = Date.now();
    return this.db.transaction().execute(async (trx) => {
      const existing = await trx.selectFrom('portfolio_views').select('id').where('workspace_id', '=', input.workspaceId).where('name', '=', input.name).executeTakeFirst();
      const id = existing?.id ?? randomBytes(12).toString('base64url');
      const row = { workspace_id: input.workspaceId, name: input.name, definition: input.definition, created_by: input.createdBy, created_by_name: input.createdByName, created_at: createdAt };
      if (existing) await trx.updateTable('portfolio_views').set(row).where('id', '=', id).execute();
      else await trx.insertInto('portfolio_views').values({ id, ...row }).execute();
      return { ...input, id, createdAt };
    });
  }

  /** Returns false when the workspace has no view with this id. */
  async deleteView(workspaceId: string, viewId: string): Promise<boolean> {
    const result = await this.db.deleteFrom('portfolio_views').where('workspace_id', '=', workspaceId).where('id', '=', viewId).executeTakeFirst();
    return Number(result.numDeletedRows) > 0;
  }
}
