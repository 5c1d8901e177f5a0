import type { Kysely } from 'kysely';
import { type Migration, type MigrationProvider, Migrator } from 'kysely/migration';
import type { Dialect } from './databaseSchema.ts';
import { journeysMigration } from './migrations/001_journeys.ts';
import { settingsMigration } from './migrations/002_settings.ts';
import { versionsMigration } from './migrations/003_versions.ts';
import { analyticsImportsMigration } from './migrations/004_analyticsImports.ts';
import { accessMigration } from './migrations/005_access.ts';
import { notificationsMigration } from './migrations/006_notifications.ts';
import { shareLinksMigration } from './migrations/007_shareLinks.ts';
import { portfolioMigration } from './migrations/008_portfolio.ts';
import { documentLeasesMigration } from './migrations/009_documentLeases.ts';
import { stagingJobsMigration } from './migrations/010_stagingJobs.ts';
import { samlSignInsMigration } from './migrations/011_samlSignIns.ts';
import { clientClaimsMigration } from './migrations/012_clientClaims.ts';
import { restoredVersionsMigration } from './migrations/013_restoredVersions.ts';

// Migrations are listed in code rather than read from a folder, so the same list runs in
// the server, the CLI and the tests, whatever the working directory.
class ListedMigrations implements MigrationProvider {
  private readonly dialect: Dialect;
  constructor(dialect: Dialect) {
    this.dialect = dialect;
  }
  async getMigrations(): Promise<Record<string, Migration>> {
    return {
      '001_journeys': journeysMigration(this.dialect),
      '002_settings': settingsMigration,
      '003_versions': versionsMigration(this.dialect),
      '004_analytics_imports': analyticsImportsMigration(this.dialect),
      '005_access': accessMigration(this.dialect),
      '006_notifications': notificationsMigration(this.dialect),
      '007_share_links': shareLinksMigration(this.dialect),
      '008_portfolio': portfolioMigration(this.dialect),
      '009_document_leases': documentLeasesMigration(this.dialect),
      '010_staging_jobs': stagingJobsMigration(this.dialect),
      '011_saml_sign_ins': samlSignInsMigration(this.dialect),
      '012_client_claims': clientClaimsMigration(this.dialect),
      '013_restored_versions': restoredVersionsMigration,
    };
  }
}

export async function migrateToLatest(db: Kysely<unknown>, dialect: Dialect): Promise<void> {
  const migrator = new Migrator({ db, provider: new ListedMigrations(dialect) });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`database migration ${failed?.migrationName ?? ''} failed: ${String(error)}`);
  }
}
