import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from './databaseSchema.ts';
import type { UpdateRow } from './journeyStore.ts';

/** Now on the database's clock, in milliseconds: every process compares leases against one clock. */
const NOW_MS = sql<number>`(extract(epoch from clock_timestamp()) * 1000)::bigint`;

/** Who holds a journey's lease, as another process sees it. */
export interface LeaseHolder {
  owner: string;
  /** Where the owner answers other processes (KLANTREIS_INTERNAL_URL). */
  address: string;
  token: number;
  /** Milliseconds until the lease runs out unless renewed; 0 or less: it has run out. */
  remainingMs: number;
}

export type LeaseAttempt = { acquired: true; token: number } | { acquired: false; holder: LeaseHolder };

/**
 * A write whose lease is gone: another process serves the journey now, or the lease ran out
 * and was released. Nothing of the batch was stored.
 */
export class LeaseLostError extends Error {
  readonly journeyIds: string[];
  constructor(journeyIds: string[]) {
    super(`another server process serves journey ${journeyIds.join(', ')} now: the write was not stored`);
    this.name = 'LeaseLostError';
    this.journeyIds = journeyIds;
  }
}

/**
 * The leases on journeys' live documents in PostgreSQL, one holder at a time, each new holder
 * with a larger fencing token (one sequence for all journeys). `appendFenced` stores update
 * rows only while the writer's token is still the journey's: it reads the lease rows FOR SHARE,
 * so a takeover (an UPDATE of the row) waits for the write to commit, and a write after the
 * takeover sees the new token. Either the new owner loads the row, or the row is refused.
 */
export class DocumentLeases {
  private readonly db: Kysely<Database>;
  private readonly ttlMs: number;

  constructor(db: Kysely<Database>, options: { ttlMs: number }) {
    this.db = db;
    this.ttlMs = options.ttlMs;
  }

  /**
   * Takes the lease when it is free, has run out, or is still held under `takeOver`: the token
   * of a holder known to be gone (its port refuses). Only that holder's lease is taken, never
   * one another process took meanwhile. Otherwise says who holds it.
   */
  async acquire(journeyId: string, owner: string, address: string, options: { takeOver?: number } = {}): Promise<LeaseAttempt> {
    const takeOver = options.takeOver ?? -1;
    const taken = await sql<{ token: number }>`
      insert into document_leases (journey_id, owner, address, token, expires_at)
      values (${journeyId}, ${owner}, ${address}, nextval('document_lease_tokens'), ${NOW_MS} + ${this.ttlMs})
      on conflict (journey_id) do update
        set owner = excluded.owner, address = excluded.address, token = excluded.token, expires_at = excluded.expires_at
        where document_leases.expires_at <= ${NOW_MS} or document_leases.token = ${takeOver}
      returning token`.execute(this.db);
    const row = taken.rows[0];
    if (row) return { acquired: true, token: Number(row.token) };
    const holder = await this.holder(journeyId);
    // Released between the two statements: try once more.
    if (!holder) return this.acquire(journeyId, owner, address, options);
    return { acquired: false, holder };
  }

  async holder(journeyId: string): Promise<LeaseHolder | undefined> {
    const result = await sql<{ owner: string; address: string; token: number; remaining_ms: number }>`
      select owner, address, token, expires_at - ${NOW_MS} as remaining_ms from document_leases where journey_id = ${journeyId}`.execute(this.db);
    const row = result.rows[0];
    return row ? { owner: row.owner, address: row.address, token: Number(row.token), remainingMs: Number(row.remaining_ms) } : undefined;
  }

  /** Extends the leases still held under these tokens; returns the journeys whose lease is no longer this process's. */
  async renew(owner: string, held: ReadonlyMap<string, number>): Promise<string[]> {
    if (held.size === 0) return [];
    const ids = [...held.keys()];
    const tokens = ids.map((id) => held.get(id)!);
    const renewed = await sql<{ journey_id: string }>`
      update document_leases set expires_at = ${NOW_MS} + ${this.ttlMs}
      where owner = ${owner}
        and (journey_id, token) in (select * from unnest(${ids}::text[], ${tokens}::bigint[]))
      returning journey_id`.execute(this.db);
    const kept = new Set(renewed.rows.map((row) => row.journey_id));
    return ids.filter((id) => !kept.has(id));
  }

  /** Gives the lease up (the document was unloaded); a lease another process took meanwhile stays theirs. */
  async release(journeyId: string, token: number): Promise<void> {
    await sql`delete from document_leases where journey_id = ${journeyId} and token = ${token}`.execute(this.db);
  }

  /** Stores the rows in one transaction if every journey's lease is still held under its token. */
  async appendFenced(rows: readonly UpdateRow[], tokens: ReadonlyMap<string, number>): Promise<void> {
    if (rows.length === 0) return;
    const at = Date.now();
    await this.db.transaction().execute(async (trx) => {
      await this.checkFence(trx, [...new Set(rows.map((row) => row.journeyId))], tokens);
      await trx
        .insertInto('journey_updates')
        .values(rows.map((row) => ({ journey_id: row.journeyId, data: row.update, created_at: at, lease_token: tokens.get(row.journeyId)! })))
        .execute();
    });
  }

  /** Throws LeaseLostError naming the journeys whose lease is not held under the given token. */
  async checkFence(trx: Transaction<Database>, journeyIds: readonly string[], tokens: ReadonlyMap<string, number>): Promise<void> {
    const held = await sql<{ journey_id: string; token: number }>`
      select journey_id, token from document_leases where journey_id = any(${[...journeyIds]}::text[]) for share`.execute(trx);
    const current = new Map(held.rows.map((row) => [row.journey_id, Number(row.token)]));
    const lost = journeyIds.filter((id) => tokens.get(id) === undefined || current.get(id) !== tokens.get(id));
    if (lost.length > 0) throw new LeaseLostError(lost);
  }
}

/** PostgreSQL's codes for "not there right now": connection failures, shutting down, starting up. */
const UNAVAILABLE_SQLSTATES = new Set(['57P01', '57P02', '57P03', '08000', '08001', '08003', '08004', '08006']);
const UNAVAILABLE_ERRNOS = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT']);

/** Whether an error says the database cannot be reached now (restarting, down), not that the request was wrong. */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && (UNAVAILABLE_SQLSTATES.has(code) || UNAVAILABLE_ERRNOS.has(code))) return true;
  const message = (error as { message?: unknown }).message;
  return typeof message === 'string' && /Connection terminated|connection timeout|Client has encountered a connection error/i.test(message);
}
