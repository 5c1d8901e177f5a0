import type { Kysely } from 'kysely';
import type { Dialect } from '../databaseSchema.ts';

/**
 * SAML sign-ins in progress (packages/core/src/accounts/samlSignIn.ts): the requests this server
 * sent to the IdP (`request`: an answer must name one, and each is used once), the browser's
 * sign-in that started it (`state`: where to go after), and the checked answer waiting for the
 * browser that started it (`code`), and the assertions used (`assertion`, until they expire:
 * each signs in once). In the database, not in memory, so that the IdP's answer
 * may reach any process of several. Rows live minutes and are swept as new ones are written.
 */
export function samlSignInsMigration(dialect: Dialect) {
  const time = dialect === 'postgres' ? 'bigint' : 'integer';
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema
        .createTable('saml_sign_ins')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('payload', 'text', (c) => c.notNull())
        .addColumn('expires_at', time, (c) => c.notNull())
        .execute();
      await db.schema.createIndex('saml_sign_ins_by_expiry').on('saml_sign_ins').column('expires_at').execute();
    },
    async down(db: Kysely<unknown>): Promise<void> {
      await db.schema.dropTable('saml_sign_ins').execute();
    },
  };
}
