import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, NotificationsTable } from '@klantreis/db';
import type { Notification } from '../contracts/accounts.ts';

export type { Notification };

const EXCERPT_LENGTH = 200;

/** Each person's inbox: what mentions them or asks them to decide, newest first, read or unread. */
export class Inbox {
  private readonly db: Kysely<Database>;

  constructor(db: Kysely<Database>) {
    this.db = db;
  }

  async notify(userIds: readonly string[], entry: { journeyId: string; kind: NotificationsTable['kind']; actorName: string; recordId: string | null; excerpt: string }): Promise<void> {
    const unique = [...new Set(userIds)];
    if (unique.length === 0) return;
    const at = Date.now();
    await this.db
      .insertInto('notifications')
      .values(
        unique.map((userId) => ({
          id: `${at.toString(36).padStart(9, '0')}-${randomBytes(6).toString('base64url')}`,
          user_id: userId,
          journey_id: entry.journeyId,
          kind: entry.kind,
          actor_name: entry.actorName,
          record_id: entry.recordId,
          excerpt: entry.excerpt.slice(0, EXCERPT_LENGTH),
          created_at: at,
          read_at: null,
        })),
      )
      .execute();
  }

  async list(userId: string, limit = 100): Promise<{ unread: number; items: Notification[] }> {
    const [rows, unread] = await Promise.all([
      this.db
        .selectFrom('notifications')
        .innerJoin('journeys', 'journeys.id', 'notifications.journey_id')
        .select(['notifications.id', 'notifications.journey_id', 'journeys.title', 'notifications.kind', 'notifications.actor_name', 'notifications.record_id', 'notifications.excerpt', 'notifications.created_at', 'notifications.read_at'])
        .where('notifications.user_id', '=', userId)
        .where('journeys.deleted_at', 'is', null)
        .orderBy('notifications.id', 'desc')
        .limit(limit)
        .execute(),
      this.unreadCount(userId),
    ]);
    return {
      unread,
      items: rows.map((r) => ({
        id: r.id,
        journeyId: r.journey_id,
        journeyTitle: r.title,
        kind: r.kind,
        actorName: r.actor_name,
        recordId: r.record_id,
        excerpt: r.excerpt,
        createdAt: Number(r.created_at),
        read: r.read_at !== null,
      })),
    };
  }

  async unreadCount(userId: string): Promise<number> {
    const row = await this.db
      .selectFrom('notifications')
      .innerJoin('journeys', 'journeys.id', 'notifications.journey_id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('notifications.user_id', '=', userId)
      .where('notifications.read_at', 'is', null)
      .where('journeys.deleted_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** Marks the given entries (all when none are given) as read; only the person's own. */
  async markRead(userId: string, ids?: readonly string[]): Promise<void> {
    let query = this.db.updateTable('notifications').set({ read_at: Date.now() }).where('user_id', '=', userId).where('read_at', 'is', null);
    if (ids) {
      if (ids.length === 0) return;
      query = query.where('id', 'in', [...ids]);
    }
    await query.execute();
  }
}
