import pg from 'pg';

/**
 * Makes every insert into `journey_updates` of a PostgreSQL database fail ("disk full (test)"),
 * as a store that cannot write; the returned function lets inserts through again.
 */
export async function refuseUpdateRows(databaseUrl: string): Promise<() => Promise<void>> {
  const admin = new pg.Client({ connectionString: databaseUrl });
  await admin.connect();
  await admin.query(`create function refuse_update_rows() returns trigger language plpgsql as $$ begin raise exception 'disk full (test)'; end $$`);
  await admin.query('create trigger refuse_update_rows before insert on journey_updates for each row execute function refuse_update_rows()');
  return async () => {
    await admin.query('drop trigger if exists refuse_update_rows on journey_updates');
    await admin.query('drop function if exists refuse_update_rows()');
    await admin.end();
  };
}

/**
 * Holds every insert into `journey_updates` back (a table lock in EXCLUSIVE mode, which blocks
 * inserts, not reads) until the returned function releases it.
 */
export async function holdUpdateRows(databaseUrl: string): Promise<() => Promise<void>> {
  const blocker = new pg.Client({ connectionString: databaseUrl });
  await blocker.connect();
  await blocker.query('begin');
  await blocker.query('lock table journey_updates in exclusive mode');
  return async () => {
    await blocker.query('rollback');
    await blocker.end();
  };
}
