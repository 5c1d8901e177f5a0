import type { Kysely } from 'kysely';
import type { Dialect } from '../databaseSchema.ts';

/**
 * The journey portfolio: a cached roll-up per journey, so that a portfolio of a thousand
 * journeys is read from one table instead of evaluating a thousand snapshots and querying
 * their imports per request; and the saved views (filter, sort, group) of each workspace.
 */
export function portfolioMigration(dialect: Dialect) {
  const time = dialect === 'postgres' ? 'bigint' : 'integer';
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('journey_rollups')
        .addColumn('journey_id', 'text', (c) => c.primaryKey().references('journeys.id').onDelete('cascade'))
        .addColumn('source_updated_at', time, (c) => c.notNull())
        .addColumn('designed', 'text', (c) => c.notNull())
        .addColumn('measured_key', 'text')
        .addColumn('measured', 'text')
        .execute();
      await db.schema
        .createTable('portfolio_views')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('workspace_id', 'text', (c) => c.notNull().references('workspaces.id').onDelete('cascade'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('definition', 'text', (c) => c.notNull())
        .addColumn('created_by', 'text')
        .addColumn('created_by_name', 'text', (c) => c.notNull())
        .addColumn('created_at', time, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('portfolio_views_by_name').on('portfolio_views').columns(['workspace_id', 'name']).unique().execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('portfolio_views').execute();
      await db.schema.dropTable('journey_rollups').execute();
    },
  };
}
