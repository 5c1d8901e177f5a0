import type { Command } from 'commander';

// `klantreis backup` and `restore`; the archive itself (format, consistency, checks) is in
// backupArchive.ts, loaded only when one of them runs.
export function registerBackupCommands(program: Command): void {
  program
    .command('backup <file>')
    .description('write the database and the analytics folder to one archive (.tar.gz), also while the server runs')
    .action(async (file: string) => (await import('./backupArchive.ts')).backup(file));
  program
    .command('restore <file>')
    .description('bring a backup back into an empty data folder (KLANTREIS_DATA), or an empty PostgreSQL database (DATABASE_URL)')
    .action(async (file: string) => (await import('./backupArchive.ts')).restore(file));
}
