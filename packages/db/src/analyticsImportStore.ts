import type { Kysely } from 'kysely';
import { randomKey } from '@klantreis/schema';
import type { AnalyticsImportsTable, Database } from './databaseSchema.ts';

export type AnalyticsImportKind = AnalyticsImportsTable['kind'];

export interface AnalyticsImport {
  id: string;
  journeyId: string;
  kind: AnalyticsImportKind;
  fileName: string;
  contentHash: string;
  rows: number;
  rejected: number;
  cases: number | null;
  firstAt: string | null;
  lastAt: string | null;
  details: Record<string, unknown>;
  createdAt: number;
}

export type NewAnalyticsImport = Omit<AnalyticsImport, 'id' | 'createdAt'>;

function fromRow(row: AnalyticsImportsTable): AnalyticsImport {
  return {
    id: row.id,
    journeyId: row.journey_id,
    kind: row.kind,
    fileName: row.file_name,
    contentHash: row.content_hash,
    rows: Number(row.row_count),
    rejected: Number(row.rejected_count),
    cases: row.case_count === null ? null : Number(row.case_count),
    firstAt: row.first_at,
    lastAt: row.last_at,
    details: JSON.parse(row.details) as Record<string, unknown>,
    createdAt: Number(row.created_at),
  };
}

/** The record of what was imported for each journey; a journey's rows go with it. */
export class AnalyticsImportStore {
  private readonly db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.db = db;
  }

  /** An id for an import about to be added (its files are put in place under it first). */
  static newId(): string {
    return `imp_${randomKey(12)}`;
  }

  async add(input: NewAnalyticsImport & { id?: string }): Promise<AnalyticsImport> {
    // Import order decides how events of equal time are read, so two imports within one
    // millisecond must still get distinct, increasing times (the id is random, no tie-breaker).
    const latest = await this.db
      .selectFrom('analytics_imports')
      .select((eb) => eb.fn.max('created_at').as('latest'))
      .where('journey_id', '=', input.journeyId)
      .executeTakeFirst();
    const after = latest?.latest === null || latest?.latest === undefined ? 0 : Number(latest.latest) + 1;
    const created: AnalyticsImport = { ...input, id: input.id ?? AnalyticsImportStore.newId(), createdAt: Math.max(Date.now(), after) };
    await this.db
      .insertInto('analytics_imports')
      .values({
        id: created.id,
        journey_id: created.journeyId,
        kind: created.kind,
        file_name: created.fileName,
        content_hash: created.contentHash,
        row_count: created.rows,
        rejected_count: created.rejected,
        case_count: created.cases,
        first_at: created.firstAt,
        last_at: created.lastAt,
        details: JSON.stringify(created.details),
        created_at: created.createdAt,
      })
      .execute();
    return created;
  }

  /** In import order, oldest first: the order in which events of equal time are read. */
  async list(journeyId: string, kind?: AnalyticsImportKind): Promise<AnalyticsImport[]> {
    let query = this.db.selectFrom('analytics_imports').selectAll().where('journey_id', '=', journeyId);
    if (kind !== undefined) query = query.where('kind', '=', kind);
    const rows = await query.orderBy('created_at').orderBy('id').execute();
    return rows.map(fromRow);
  }

  async get(journeyId: string, id: string): Promise<AnalyticsImport | undefined> {
    const row = await this.db.selectFrom('analytics_imports').selectAll().where('journey_id', '=', journeyId).where('id', '=', id).executeTakeFirst();
    return row === undefined ? undefined : fromRow(row);
  }

  async findByContent(journeyId: string, kind: AnalyticsImportKind, contentHash: string): Promise<AnalyticsImport | undefined> {
    const row = await this.db
      .selectFrom('analytics_imports')
      .selectAll()
      .where('journey_id', '=', journeyId)
      .where('kind', '=', kind)
      .where('content_hash', '=', contentHash)
      .executeTakeFirst();
    return row === undefined ? undefined : fromRow(row);
  }

  async delete(journeyId: string, id: string): Promise<boolean> {
    const result = await this.db.deleteFrom('analytics_imports').where('journey_id', '=', journeyId).where('id', '=', id).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }
}
