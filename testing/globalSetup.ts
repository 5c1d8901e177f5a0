import type { TestProject } from 'vitest/node';
import { startPostgres } from './postgresServer.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** An admin URL of a PostgreSQL server for the tests, or null when there is none. */
    postgresUrl: string | null;
  }
}

export default async function setup(project: TestProject) {
  const given = process.env.KLANTREIS_TEST_DATABASE_URL;
  if (given) {
    project.provide('postgresUrl', given);
    return;
  }
  const started = await startPostgres();
  if ('unavailable' in started) {
    if (process.env.CI === 'true') throw new Error(`PostgreSQL tests must run in CI: ${started.unavailable}`);
    console.warn(`PostgreSQL tests are skipped: ${started.unavailable}`);
    project.provide('postgresUrl', null);
    return;
  }
  project.provide('postgresUrl', started.url);
  return () => started.stop();
}
