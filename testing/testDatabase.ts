import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** A fresh, empty database on the test PostgreSQL server, so test files never see each other's rows. */
export async function createTestDatabase(adminUrl: string): Promise<string> {
  const name = `klantreis_test_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`create database ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
