import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../databaseSchema.ts';

/**
 * Who serves each journey's live document when several server processes share one PostgreSQL
 * (docs/deploy.md): a lease per journey, held by one process until it expires, with a fencing
 * token that grows with every new holder. A write carries the token it was made under and is
 * refused once another process holds the lease, so a process that lost its lease without
 * knowing (paused, cut off) can never write beside the new owner. One process on SQLite
 * never needs it; the table exists there too, so both databases have one schema.
 */
export function documentLeasesMigration(dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('document_leases')
        .addColumn('journey_id', 'text', (c) => c.primaryKey())
        .addColumn('owner', 'text', (c) => c.notNull())
        .addColumn('address', 'text', (c) => c.notNull())
        .addColumn('token', dialect === 'postgres' ? 'bigint' : 'integer', (c) => c.notNull())
        // Milliseconds on the database's clock, so processes on machines whose clocks differ agree.
        .addColumn('expires_at', dialect === 'postgres' ? 'bigint' : 'integer', (c) => c.notNull())
        .execute();
      if (dialect === 'postgres') await sql`create sequence document_lease_tokens`.execute(db);
      // Each row says which lease it was written under: that no row of an old token follows a
      // row of a newer one is what "never two owners writing" means, and can be checked.
      await db.schema.alterTable('journey_updates').addColumn('lease_token', dialect === 'postgres' ? 'bigint' : 'integer').execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('journey_updates').dropColumn('lease_token').execute();
      await db.schema.dropTable('document_leases').execute();
      if (dialect === 'postgres') await sql`drop sequence document_lease_tokens`.execute(db);
    },
  };
}
