import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '@klantreis/db';
import { actorId, actorName, type Actor } from '../access/actor.ts';

import { AUDIT_ACTIONS, type AuditAction, type AuditEvent } from './auditActions.ts';

export { AUDIT_ACTIONS, type AuditAction, type AuditEvent };

export interface AuditFilter {
  workspaceId: string;
  action?: AuditAction;
  actorId?: string;
  from?: number;
  to?: number;
  limit?: number;
}

/**
 * Append-only: rows are inserted, never changed or deleted by the application. The id starts
 * with the time so ids sort as the events happened.
 */
export class AuditLog {
  private readonly db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.db = db;
  }

  /** This log on `trx`: the event commits with the change it tells of, or neither does. */
  within(trx: Kysely<Database>): AuditLog {
    return new AuditLog(trx);
  }

  async record(actor: Actor, action: AuditAction, target: { type: string; id?: string | null; workspaceId?: string | null }, detail: Record<string, unknown> = {}): Promise<void> {
    const at = Date.now();
    await this.db
      .insertInto('audit_events')
      .values({
        id: `${at.toString(36).padStart(9, '0')}-${randomBytes(6).toString('base64url')}`,
        workspace_id: target.workspaceId ?? null,
        actor_id: actorId(actor),
        actor_name: actorName(actor),
        action,
        target_type: target.type,
        target_id: target.id ?? null,
        detail: JSON.stringify(detail),
        at,
      })
      .execute();
  }

  /** Newest first. */
  async list(filter: AuditFilter): Promise<AuditEvent[]> {
    let query = this.db.selectFrom('audit_events').selectAll().where('workspace_id', '=', filter.workspaceId);
    if (filter.action) query = query.where('action', '=', filter.action);
    if (filter.actorId) query = query.where('actor_id', '=', filter.actorId);
    if (filter.from !== undefined) query = query.where('at', '>=', filter.from);
    if (filter.to !== undefined) query = query.where('at', '<', filter.to);
    const rows = await query.orderBy('id', 'desc').limit(Math.min(filter.limit ?? 1000, 10_000)).execute();
    return rows.map((r) => ({
      id: r.id,
      workspaceId: r.workspace_id,
      actorId: r.actor_id,
      actorName: r.actor_name,
      action: r.action as AuditAction,
      targetType: r.target_type,
      targetId: r.target_id,
      detail: JSON.parse(r.detail) as Record<string, unknown>,
      at: Number(r.at),
    }));
  }
}

const CSV_COLUMNS = ['at', 'actorName', 'actorId', 'action', 'targetType', 'targetId', 'detail'] as const;

/** RFC 4180 CSV; a cell that a spreadsheet would run as a formula is prefixed with a quote. */
export function auditCsv(events: readonly AuditEvent[]): string {
  const cell = (value: string): string => {
    const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
    return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  const lines = [CSV_COLUMNS.join(',')];
  for (const event of events) {
    lines.push(
      [new Date(event.at).toISOString(), event.actorName, event.actorId ?? '', event.action, event.targetType, event.targetId ?? '', JSON.stringify(event.detail)].map(cell).join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}
