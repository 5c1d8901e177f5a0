import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../databaseSchema.ts';

export function journeysMigration(dialect: Dialect) {
  const binary = dialect === 'postgres' ? 'bytea' : 'blob';
  // bigint in PostgreSQL for epoch milliseconds; SQLite integers are 64-bit already.
  const time = dialect === 'postgres' ? 'bigint' : 'integer';
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('journeys')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('template_id', 'text')
        .addColumn('created_at', time, (c) => c.notNull())
        .addColumn('updated_at', time, (c) => c.notNull())
        .addColumn('deleted_at', time)
        .addColumn('snapshot', 'text', (c) => c.notNull())
        .addColumn('summary', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('journey_updates')
        .addColumn('journey_id', 'text', (c) => c.notNull().references('journeys.id').onDelete('cascade'))
        .addColumn('seq', dialect === 'postgres' ? 'bigserial' : 'integer', (c) =>
          dialect === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement(),
        )
        .addColumn('data', binary, (c) => c.notNull())
        .addColumn('created_at', time, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('journey_updates_by_journey').on('journey_updates').columns(['journey_id', 'seq']).execute();
      await db.schema
        .createTable('journey_states')
        .addColumn('journey_id', 'text', (c) => c.primaryKey().references('journeys.id').onDelete('cascade'))
        .addColumn('state', binary, (c) => c.notNull())
        .addColumn('upto_seq', time, (c) => c.notNull().defaultTo(sql`0`))
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('journey_states').execute();
      await db.schema.dropTable('journey_updates').execute();
      await db.schema.dropTable('journeys').execute();
    },
  };
}
