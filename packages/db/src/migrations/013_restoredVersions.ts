import type { Kysely } from 'kysely';

/**
 * Which version a restore put back, on the version kept just before it (kind `before-restore`),
 * so the list can say "before restoring “Workshop 3 Dec”" in the reader's language. Rows kept
 * before this migration have none (null): their name, `before restoring: <name>`, is all there is.
 */
export const restoredVersionsMigration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('journey_versions').addColumn('restored_version_id', 'text').execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('journey_versions').dropColumn('restored_version_id').execute();
  },
};
