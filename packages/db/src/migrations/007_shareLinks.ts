import type { Kysely } from 'kysely';
import type { Dialect } from '../databaseSchema.ts';

/** Read-only links to one journey, and the viewers who opened them (past a password, if any). */
export function shareLinksMigration(dialect: Dialect) {
  const time = dialect === 'postgres' ? 'bigint' : 'integer';
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('share_links')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('journey_id', 'text', (c) => c.notNull().references('journeys.id').onDelete('cascade'))
        .addColumn('workspace_id', 'text')
        .addColumn('token', 'text', (c) => c.notNull().unique())
        .addColumn('password_hash', 'text')
        .addColumn('shows', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_by_name', 'text', (c) => c.notNull())
        .addColumn('created_at', time, (c) => c.notNull())
        .addColumn('expires_at', time)
        .addColumn('last_opened_at', time)
        .addColumn('revoked_at', time)
        .execute();
      await db.schema.createIndex('share_links_by_workspace').on('share_links').columns(['workspace_id', 'created_at']).execute();
      await db.schema.createIndex('share_links_by_journey').on('share_links').columns(['journey_id']).execute();
      await db.schema
        .createTable('share_viewers')
        .addColumn('token_hash', 'text', (c) => c.primaryKey())
        .addColumn('link_id', 'text', (c) => c.notNull().references('share_links.id').onDelete('cascade'))
        .addColumn('created_at', time, (c) => c.notNull())
        .addColumn('expires_at', time, (c) => c.notNull())
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('share_viewers').execute();
      await db.schema.dropTable('share_links').execute();
    },
  };
}
