import type { Kysely } from 'kysely';
import { randomKey, type JourneyDocument } from '@klantreis/schema';
import type { Database } from './databaseSchema.ts';

/**
 * `named`: saved by a person; `auto`: taken while editing, at most hourly; `before-restore`: the
 * map as it was just before someone restored an older version over it.
 */
export const VERSION_KINDS = ['named', 'auto', 'before-restore'] as const;
export type VersionKind = (typeof VERSION_KINDS)[number];

export interface VersionInfo {
  id: string;
  journeyId: string;
  name: string;
  kind: VersionKind;
  author: string;
  createdAt: number;
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

  async createVersion(input: { journeyId: string; name: string; kind: VersionKind; author: string; document: JourneyDocument }): Promise<VersionInfo> {
    const version: VersionInfo = { id: `v_${randomKey(12)}`, journeyId: input.journeyId, name: input.name, kind: input.kind, author: input.author, createdAt: Date.now() };
    await this.db
      .insertInto('journey_versions')
      .values({ id: version.id, journey_id: version.journeyId, name: version.name, kind: version.kind, author: version.author, created_at: version.createdAt, snapshot: JSON.stringify(input.document) })
      .execute();
    return version;
  }

  /** Newest first. */
  async listVersions(journeyId: string): Promise<VersionInfo[]> {
    const rows = await this.db
      .selectFrom('journey_versions')
      .select(['id', 'journey_id', 'name', 'kind', 'author', 'created_at'])
      .where('journey_id', '=', journeyId)
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .execute();
    return rows.map((r) => ({ id: r.id, journeyId: r.journey_id, name: r.name, kind: r.kind, author: r.author, createdAt: Number(r.created_at) }));
  }

  async getVersion(journeyId: string, versionId: string): Promise<(VersionInfo & { document: JourneyDocument }) | undefined> {
    const row = await this.db.selectFrom('journey_versions').selectAll().where('journey_id', '=', journeyId).where('id', '=', versionId).executeTakeFirst();
    if (!row) return undefined;
    return { id: row.id, journeyId: row.journey_id, name: row.name, kind: row.kind, author: row.author, createdAt: Number(row.created_at), document: JSON.parse(row.snapshot) as JourneyDocument };
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
