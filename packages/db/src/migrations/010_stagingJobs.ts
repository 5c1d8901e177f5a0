import type { Kysely } from 'kysely';
import type { Dialect } from '../databaseSchema.ts';

/**
 * Checks of uploaded files (reading a whole event log into Parquet) waiting for, or done by, a
 * process that runs the `worker` service (several processes, docs/deploy.md). The process that
 * received the upload queues the check and follows it here; a worker claims it, reports its
 * progress, and leaves the staged result or the problem. One process alone never uses it.
 */
export function stagingJobsMigration(dialect: Dialect) {
  const time = dialect === 'postgres' ? 'bigint' : 'integer';
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('staging_jobs')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('journey_id', 'text', (c) => c.notNull().references('journeys.id').onDelete('cascade'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('file', 'text', (c) => c.notNull())
        .addColumn('file_name', 'text', (c) => c.notNull())
        .addColumn('options', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('claimed_by', 'text')
        .addColumn('heartbeat_at', time)
        .addColumn('progress', 'text')
        .addColumn('staged', 'text')
        .addColumn('problem', 'text')
        .addColumn('created_at', time, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('staging_jobs_by_state').on('staging_jobs').columns(['state', 'created_at']).execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('staging_jobs').execute();
    },
  };
}
