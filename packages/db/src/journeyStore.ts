import { type Kysely, sql } from 'kysely';
import { summarizeJourney, type JourneyDocument, type JourneyListItem, type JourneySummary } from '@klantreis/schema';
import type { Database, Dialect } from './databaseSchema.ts';

export interface StoredDocument {
  /** The merged state, or null when only updates were stored so far. */
  state: Uint8Array | null;
  /** Updates stored after the merged state, oldest first. */
  updates: Uint8Array[];
  /** The sequence number of the last update, the point a compaction merges up to. */
  lastSeq: number;
}

/**
 * Writes one update row. SQLite's is synchronous on purpose: it commits in the same tick in
 * which Hocuspocus hands us the update, before the update is broadcast, so nothing another
 * client has seen can be lost by a kill -9.
 */
export type UpdateAppender = (journeyId: string, update: Uint8Array, at: number) => void | Promise<void>;

/** One Yjs update to store as a row. */
export interface UpdateRow {
  journeyId: string;
  update: Uint8Array;
}

/**
 * Writes several update rows in one transaction: one commit (one fsync on SQLite with
 * synchronous=FULL) for every update that arrived in the same turn of the event loop.
 * SQLite's is synchronous, like `UpdateAppender`.
 */
export type UpdateBatchAppender = (rows: readonly UpdateRow[], at: number) => void | Promise<void>;

/** Replaces the merged state and drops the updates up to `uptoSeq`, in one transaction. */
export type StateCompactor = (journeyId: string, state: Uint8Array, uptoSeq: number) => void | Promise<void>;

type Row = Database['journeys'];

function toListItem(row: Omit<Row, 'snapshot' | 'workspace_id'>): JourneyListItem {
  return {
    id: row.id,
    title: row.title,
    templateId: row.template_id,
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
    deletedAt: row.deleted_at === null ? null : Number(row.deleted_at),
    summary: JSON.parse(row.summary) as JourneySummary,
  };
}

/** Journeys, their Yjs updates and their JSON snapshots, on SQLite or PostgreSQL alike. */
export class JourneyStore {
  readonly db: Kysely<Database>;
  readonly dialect: Dialect;
  private readonly appendUpdateRow: UpdateAppender;
  private readonly appendUpdateRows: UpdateBatchAppender;
  private readonly compactState: StateCompactor;
  private readonly closeDatabase: () => Promise<void>;

  constructor(options: {
    db: Kysely<Database>;
    dialect: Dialect;
    appendUpdate?: UpdateAppender;
    appendUpdates?: UpdateBatchAppender;
    compact?: StateCompactor;
    close?: () => Promise<void>;
  }) {
    this.db = options.db;
    this.dialect = options.dialect;
    this.appendUpdateRow =
      options.appendUpdate ??
      (async (journeyId, data, at) => {
        await this.db.insertInto('journey_updates').values({ journey_id: journeyId, data, created_at: at }).execute();
      });
    this.appendUpdateRows =
      options.appendUpdates ??
      (async (rows, at) => {
        if (rows.length === 0) return;
        // One statement is one transaction: all rows are stored, or none.
        await this.db
          .insertInto('journey_updates')
          .values(rows.map((row) => ({ journey_id: row.journeyId, data: row.update, created_at: at })))
          .execute();
      });
    this.compactState =
      options.compact ??
      (async (journeyId, state, uptoSeq) => {
        await this.db.transaction().execute(async (trx) => {
          // Two processes may compact one journey (an owner that lost its lease and the new
          // one): a merge only replaces a state that covers less, so the state never goes back.
          const current = await trx.selectFrom('journey_states').select('upto_seq').where('journey_id', '=', journeyId).forUpdate().executeTakeFirst();
          if (current && Number(current.upto_seq) >= uptoSeq) return;
          await trx
            .insertInto('journey_states')
            .values({ journey_id: journeyId, state, upto_seq: uptoSeq })
            .onConflict((oc) => oc.column('journey_id').doUpdateSet({ state, upto_seq: uptoSeq }))
            .execute();
          await trx.deleteFrom('journey_updates').where('journey_id', '=', journeyId).where('seq', '<=', uptoSeq).execute();
        });
      });
    this.closeDatabase = options.close ?? (() => this.db.destroy());
  }

  async createJourney(input: { id: string; templateId?: string | null; document: JourneyDocument; state: Uint8Array; workspaceId?: string | null }): Promise<void> {
    const now = Date.now();
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('journeys')
        .values({
          id: input.id,
          title: input.document.journey.title,
          template_id: input.templateId ?? null,
          created_at: now,
          updated_at: now,
          deleted_at: null,
          snapshot: JSON.stringify(input.document),
          summary: JSON.stringify(summarizeJourney(input.document)),
          workspace_id: input.workspaceId ?? null,
        })
        .execute();
      await trx.insertInto('journey_states').values({ journey_id: input.id, state: input.state, upto_seq: 0 }).execute();
    });
  }

  /**
   * `visibleTo` limits the list to what one person may see: journeys of their workspaces
   * (a journey without one counts as the first workspace's) and journeys shared with them.
   */
  async listJourneys(
    options: { trash?: boolean; search?: string; visibleTo?: { workspaceIds: string[]; journeyIds: string[]; firstWorkspaceId: string | null } } = {},
  ): Promise<(JourneyListItem & { workspaceId: string | null })[]> {
    let query = this.db
      .selectFrom('journeys')
      .select(['id', 'title', 'template_id', 'created_at', 'updated_at', 'deleted_at', 'summary', 'workspace_id'])
      .where('deleted_at', options.trash ? 'is not' : 'is', null);
    const scope = options.visibleTo;
    if (scope) {
      const inFirst = scope.firstWorkspaceId !== null && scope.workspaceIds.includes(scope.firstWorkspaceId);
      query = query.where((eb) =>
        eb.or([
          ...(scope.workspaceIds.length > 0 ? [eb('workspace_id', 'in', scope.workspaceIds)] : []),
          ...(scope.journeyIds.length > 0 ? [eb('id', 'in', scope.journeyIds)] : []),
          ...(inFirst ? [eb('workspace_id', 'is', null)] : []),
          sql<boolean>`1 = 0`,
        ]),
      );
    }
    const search = options.search?.trim();
    if (search) {
      const pattern = `%${search.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      query = query.where(sql<boolean>`lower(title) like ${pattern} escape '\\'`);
    }
    const rows = await query.orderBy('updated_at', 'desc').orderBy('id').execute();
    return rows.map((row) => ({ ...toListItem(row), workspaceId: row.workspace_id }));
  }

  /** The journey's row with its snapshot, also when it is in the trash. */
  async getJourney(id: string): Promise<(JourneyListItem & { snapshot: string }) | undefined> {
    const row = await this.db.selectFrom('journeys').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? { ...toListItem(row), snapshot: row.snapshot } : undefined;
  }

  async saveSnapshot(id: string, document: JourneyDocument): Promise<void> {
    await this.db
      .updateTable('journeys')
      .set({
        title: document.journey.title,
        snapshot: JSON.stringify(document),
        summary: JSON.stringify(summarizeJourney(document)),
        updated_at: Date.now(),
      })
      .where('id', '=', id)
      .execute();
  }

  appendUpdate(journeyId: string, update: Uint8Array): void | Promise<void> {
    return this.appendUpdateRow(journeyId, update, Date.now());
  }

  /** Stores several update rows, of one or more journeys, in one transaction. */
  appendUpdates(rows: readonly UpdateRow[]): void | Promise<void> {
    return this.appendUpdateRows(rows, Date.now());
  }

  async loadDocument(journeyId: string): Promise<StoredDocument | undefined> {
    if (this.dialect === 'sqlite') return this.readDocument(this.db, journeyId);
    // The state and the rows after it from one snapshot: a compaction committed between two
    // separate reads would leave out the rows it merged.
    return this.db.transaction().setIsolationLevel('repeatable read').execute((trx) => this.readDocument(trx, journeyId));
  }

  private async readDocument(db: Kysely<Database>, journeyId: string): Promise<StoredDocument | undefined> {
    const exists = await db.selectFrom('journeys').select('id').where('id', '=', journeyId).executeTakeFirst();
    if (!exists) return undefined;
    const stateRow = await db.selectFrom('journey_states').selectAll().where('journey_id', '=', journeyId).executeTakeFirst();
    const uptoSeq = stateRow ? Number(stateRow.upto_seq) : 0;
    const updates = await db
      .selectFrom('journey_updates')
      .select(['seq', 'data'])
      .where('journey_id', '=', journeyId)
      .where('seq', '>', uptoSeq)
      .orderBy('seq')
      .execute();
    return {
      state: stateRow ? new Uint8Array(stateRow.state) : null,
      updates: updates.map((u) => new Uint8Array(u.data)),
      lastSeq: updates.length > 0 ? Number(updates.at(-1)!.seq) : uptoSeq,
    };
  }

  /** Replaces the merged state and drops the updates it includes, in one transaction. */
  async compact(journeyId: string, state: Uint8Array, uptoSeq: number): Promise<void> {
    await this.compactState(journeyId, state, uptoSeq);
  }

  async countUpdates(journeyId: string): Promise<number> {
    const row = await this.db
      .selectFrom('journey_updates')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('journey_id', '=', journeyId)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Returns false when there is no such journey. */
  async moveToTrash(id: string): Promise<boolean> {
    const result = await this.db.updateTable('journeys').set({ deleted_at: Date.now() }).where('id', '=', id).executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  async restoreFromTrash(id: string): Promise<boolean> {
    const result = await this.db.updateTable('journeys').set({ deleted_at: null }).where('id', '=', id).executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  /** Which account writes under each Yjs client id of a journey (see 012_clientClaims.ts). */
  async clientClaims(journeyId: string): Promise<Map<number, string>> {
    const rows = await this.db.selectFrom('journey_client_claims').select(['client_id', 'user_id']).where('journey_id', '=', journeyId).execute();
    return new Map(rows.map((row) => [Number(row.client_id), row.user_id]));
  }

  /** Records that an account writes under these client ids; a client id claimed before keeps its account. */
  async claimClientIds(journeyId: string, userId: string, clientIds: readonly number[]): Promise<void> {
    if (clientIds.length === 0) return;
    await this.db
      .insertInto('journey_client_claims')
      .values(clientIds.map((clientId) => ({ journey_id: journeyId, client_id: clientId, user_id: userId })))
      .onConflict((oc) => oc.columns(['journey_id', 'client_id']).doNothing())
      .execute();
  }

  /** Deletes a journey for good, with its updates and state. */
  async purge(id: string): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('journey_client_claims').where('journey_id', '=', id).execute();
      await trx.deleteFrom('journey_updates').where('journey_id', '=', id).execute();
      await trx.deleteFrom('journey_states').where('journey_id', '=', id).execute();
      const result = await trx.deleteFrom('journeys').where('id', '=', id).executeTakeFirst();
      return result.numDeletedRows > 0n;
    });
  }

  /** A round trip to the database, for the health check. */
  async ping(): Promise<void> {
    await sql`select 1`.execute(this.db);
  }

  async getSetting(key: string): Promise<string | undefined> {
    const row = await this.db.selectFrom('settings').select('value').where('key', '=', key).executeTakeFirst();
    return row?.value;
  }

  async setSetting(key: string, value: string): Promise<void> {
    await this.db
      .insertInto('settings')
      .values({ key, value })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
      .execute();
  }

  close(): Promise<void> {
    return this.closeDatabase();
  }
}
