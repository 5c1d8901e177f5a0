import type { Kysely } from 'kysely';
import type { Dialect } from '../databaseSchema.ts';

/**
 * Which account writes under each Yjs client id of a journey (apps/server's
 * incomingUpdateValidator.ts): a client id is one browser document's, and nobody else may write
 * under it. Kept here so that a restart, or another process taking the journey over, knows the
 * claims made before it and does not hand a client id to the next account that uses it.
 */
export function clientClaimsMigration(dialect: Dialect) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('journey_client_claims')
        .addColumn('journey_id', 'text', (c) => c.notNull().references('journeys.id').onDelete('cascade'))
        // Yjs client ids go up to 2^32 - 1: past PostgreSQL's integer.
        .addColumn('client_id', dialect === 'postgres' ? 'bigint' : 'integer', (c) => c.notNull())
        .addColumn('user_id', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('journey_client_claims_pk', ['journey_id', 'client_id'])
        .execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('journey_client_claims').execute();
    },
  };
}
