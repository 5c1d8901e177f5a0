import type { Kysely } from 'kysely';
import type { Dialect } from '../databaseSchema.ts';

/**
 * Who may do what: workspaces and their members, journeys shared with a person, invitations,
 * API tokens and the audit log. The accounts themselves (users, sessions, passwords) are
 * better-auth's tables (auth_*), created by its own migration after this list runs.
 * A journey belongs to one workspace; `workspace_id` is null only between this migration and
 * the first owner's creation, which puts every journey in the first workspace.
 */
export function accessMigration(dialect: Dialect) {
  const time = dialect === 'postgres' ? 'bigint' : 'integer';
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('workspaces')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('created_at', time, (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('workspace_members')
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('created_at', time, (c) => c.notNull())
        .addPrimaryKeyConstraint('workspace_members_pk', ['workspace_id', 'user_id'])
        .execute();
      await db.schema.createIndex('workspace_members_by_user').on('workspace_members').column('user_id').execute();
      await db.schema.alterTable('journeys').addColumn('workspace_id', 'text').execute();
      await db.schema
        .createTable('journey_members')
        .addColumn('journey_id', 'text', (c) => c.notNull().references('journeys.id').onDelete('cascade'))
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('created_at', time, (c) => c.notNull())
        .addPrimaryKeyConstraint('journey_members_pk', ['journey_id', 'user_id'])
        .execute();
      await db.schema.createIndex('journey_members_by_user').on('journey_members').column('user_id').execute();
      await db.schema
        .createTable('invitations')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('journey_id', 'text')
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text', (c) => c.notNull())
        .addColumn('created_at', time, (c) => c.notNull())
        .addColumn('expires_at', time, (c) => c.notNull())
        .addColumn('accepted_by', 'text')
        .addColumn('accepted_at', time)
        .execute();
      await db.schema
        .createTable('api_tokens')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('created_at', time, (c) => c.notNull())
        .addColumn('last_used_at', time)
        .addColumn('revoked_at', time)
        .execute();
      await db.schema
        .createTable('audit_events')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('workspace_id', 'text')
        .addColumn('actor_id', 'text')
        .addColumn('actor_name', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('target_type', 'text', (c) => c.notNull())
        .addColumn('target_id', 'text')
        .addColumn('detail', 'text', (c) => c.notNull())
        .addColumn('at', time, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('audit_events_by_workspace').on('audit_events').columns(['workspace_id', 'at']).execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      for (const table of ['audit_events', 'api_tokens', 'invitations', 'journey_members', 'workspace_members', 'workspaces']) await db.schema.dropTable(table).execute();
      await db.schema.alterTable('journeys').dropColumn('workspace_id').execute();
    },
  };
}
