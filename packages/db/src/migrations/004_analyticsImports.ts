import type { Kysely } from 'kysely';
import type { Dialect } from '../databaseSchema.ts';

/**
 * The event logs and survey answers imported for a journey. The data itself is Parquet in the
 * data folder (analytics/<journey>/<kind>/<id>/); these rows say what was imported, from which
 * file, and make a second import of the same content detectable.
 */
export function analyticsImportsMigration(dialect: Dialect) {
  const time = dialect === 'postgres' ? 'bigint' : 'integer';
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('analytics_imports')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('journey_id', 'text', (c) => c.notNull().references('journeys.id').onDelete('cascade'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('file_name', 'text', (c) => c.notNull())
        .addColumn('content_hash', 'text', (c) => c.notNull())
        .addColumn('row_count', time, (c) => c.notNull())
        .addColumn('rejected_count', time, (c) => c.notNull())
        .addColumn('case_count', time)
        .addColumn('first_at', 'text')
        .addColumn('last_at', 'text')
        .addColumn('details', 'text', (c) => c.notNull())
        .addColumn('created_at', time, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('analytics_imports_by_content').on('analytics_imports').columns(['journey_id', 'kind', 'content_hash']).unique().execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('analytics_imports').execute();
    },
  };
}
