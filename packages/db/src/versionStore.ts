import type { Kysely } from 'kysely';
import { randomKey, type JourneyDocument } from '@klantreis/schema';
import type { Database } from './databaseSchema.ts';

/**
 * `named`: saved by a person; `auto`: taken while editing, at most hourly; `before-restore`: the
 * map as it was just before someone restored an older version over it.
 */
export const VERSION_KINDS = ['named', 'auto', 'before-restore'] as const;
export type VersionKind = (typeof VERSION_KINDS)[number];

/** A version as another version refers to it: enough to name it in words. */
export interface VersionRef {
  id: string;
  name: string;
  kind: VersionKind;
  createdAt: number;
}

export interface VersionInfo {
  id: string;
  journeyId: string;
  name: string;
  kind: VersionKind;
  author: string;
  createdAt: number;
  /**
   * On a `before-restore` version, the version the restore put back; null on the other kinds, and
   * on those kept by an older Klantreis, whose name (`before restoring: <name>`) is all there is.
   */
  restored: VersionRef | null;
}

export interface ApprovalDecision {
  approver: string;
  decision: 'approved' | 'changes-requested';
  comment: string;
  createdAt: number;
}

export interface ApprovalRequest {
  id: string;
  versionId: string;
  requestedBy: string;
  approvers: string[];
  message: string;
  createdAt: number;
  decisions: ApprovalDecision[];
}

/** Versions of journeys and the approval rounds on them; a journey's rows go with it. */
export class VersionStore {
  private readonly db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.db = db;
  }

  /** `restoredVersionId`: for a `before-restore` version, the version about to be put back. */
  async createVersion(input: { journeyId: string; name: string; kind: VersionKind; author: string; document: JourneyDocument; restoredVersionId?: string }): Promise<VersionInfo> {
    const id = `v_${randomKey(12)}`;
    const createdAt = Date.now();
    await this.db
      .insertInto('journey_versions')
      .values({
        id,
        journey_id: input.journeyId,
        name: input.name,
        kind: input.kind,
        author: input.author,
        created_at: createdAt,
        snapshot: JSON.stringify(input.document),
        restored_version_id: input.restoredVersionId ?? null,
      })
      .execute();
    const restored = input.restoredVersionId === undefined ? undefined : await this.versionRows(input.journeyId).where('v.id', '=', input.restoredVersionId).executeTakeFirst();
    return { id, journeyId: input.journeyId, name: input.name, kind: input.kind, author: input.author, createdAt, restored: restored ? versionRef(versionInfo(restored)) : null };
  }

  /** Newest first. */
  async listVersions(journeyId: string): Promise<VersionInfo[]> {
    const rows = await this.versionRows(journeyId).orderBy('v.created_at', 'desc').orderBy('v.id', 'desc').execute();
    return rows.map(versionInfo);
  }

  async getVersion(journeyId: string, versionId: string): Promise<(VersionInfo & { document: JourneyDocument }) | undefined> {
    const row = await this.versionRows(journeyId).select('v.snapshot').where('v.id', '=', versionId).executeTakeFirst();
    if (!row) return undefined;
    return { ...versionInfo(row), document: JSON.parse(row.snapshot) as JourneyDocument };
  }

  /** A journey's versions, each with the one it put back when it was kept before a restore. */
  private versionRows(journeyId: string) {
    return this.db
      .selectFrom('journey_versions as v')
      .leftJoin('journey_versions as r', (join) => join.onRef('r.id', '=', 'v.restored_version_id').onRef('r.journey_id', '=', 'v.journey_id'))
      .select(['v.id', 'v.journey_id', 'v.name', 'v.kind', 'v.author', 'v.created_at', 'r.id as restored_id', 'r.name as restored_name', 'r.kind as restored_kind', 'r.created_at as restored_created_at'])
      .where('v.journey_id', '=', journeyId);
  }

  async latestVersionTime(journeyId: string, kind: VersionKind): Promise<number | null> {
    const row = await this.db
      .selectFrom('journey_versions')
      .select((eb) => eb.fn.max('created_at').as('latest'))
      .where('journey_id', '=', journeyId)
      .where('kind', '=', kind)
      .executeTakeFirst();
    return row?.latest === null || row?.latest === undefined ? null : Number(row.latest);
  }

  async requestApproval(input: { journeyId: string; versionId: string; requestedBy: string; approvers: string[]; message: string }): Promise<ApprovalRequest> {
    const request: ApprovalRequest = { id: `ar_${randomKey(12)}`, versionId: input.versionId, requestedBy: input.requestedBy, approvers: input.approvers, message: input.message, createdAt: Date.now(), decisions: [] };
    await this.db
      .insertInto('approval_requests')
      .values({ id: request.id, journey_id: input.journeyId, version_id: input.versionId, requested_by: input.requestedBy, approvers: JSON.stringify(input.approvers), message: input.message, created_at: request.createdAt })
      .execute();
    return request;
  }

  async decide(requestId: string, decision: Omit<ApprovalDecision, 'createdAt'>): Promise<ApprovalDecision> {
    const made: ApprovalDecision = { ...decision, createdAt: Date.now() };
    await this.db
      .insertInto('approval_decisions')
      .values({ id: `ad_${randomKey(12)}`, request_id: requestId, approver: made.approver, decision: made.decision, comment: made.comment, created_at: made.createdAt })
      .execute();
    return made;
  }

  /** Newest first, each with its decisions in the order they were made. */
  async listApprovalRequests(journeyId: string): Promise<ApprovalRequest[]> {
    const requests = await this.db.selectFrom('approval_requests').selectAll().where('journey_id', '=', journeyId).orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
    if (requests.length === 0) return [];
    const decisions = await this.db
      .selectFrom('approval_decisions')
      .selectAll()
      .where(
        'request_id',
        'in',
        requests.map((r) => r.id),
      )
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return requests.map((r) => ({
      id: r.id,
      versionId: r.version_id,
      requestedBy: r.requested_by,
      approvers: JSON.parse(r.approvers) as string[],
      message: r.message,
      createdAt: Number(r.created_at),
      decisions: decisions
        .filter((d) => d.request_id === r.id)
        .map((d) => ({ approver: d.approver, decision: d.decision, comment: d.comment, createdAt: Number(d.created_at) })),
    }));
  }
}

function versionRef({ id, name, kind, createdAt }: VersionRef): VersionRef {
  return { id, name, kind, createdAt };
}

interface VersionRow {
  id: string;
  journey_id: string;
  name: string;
  kind: VersionKind;
  author: string;
  created_at: number;
  restored_id: string | null;
  restored_name: string | null;
  restored_kind: VersionKind | null;
  restored_created_at: number | null;
}

function versionInfo(row: VersionRow): VersionInfo {
  // A restored version is never removed on its own (only with its journey), so its id finds it.
  const restored =
    row.restored_id !== null && row.restored_name !== null && row.restored_kind !== null && row.restored_created_at !== null
      ? { id: row.restored_id, name: row.restored_name, kind: row.restored_kind, createdAt: Number(row.restored_created_at) }
      : null;
  return { id: row.id, journeyId: row.journey_id, name: row.name, kind: row.kind, author: row.author, createdAt: Number(row.created_at), restored };
}
