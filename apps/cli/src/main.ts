import { Command } from 'commander';
import { startServer } from '@klantreis/server';
import { registerBackupCommands } from './backupCommands.ts';
import { CliError } from './cliError.ts';
import { registerEvaluateCommand } from './evaluateCommand.ts';
import { registerJourneyCommands } from './journeyCommands.ts';
import { registerLogCommands } from './logCommands.ts';
import { registerMeasurementCommands } from './measurementCommands.ts';
import { registerRemoteCommands } from './remoteCommands.ts';

const program = new Command('klantreis')
  .description('Klantreis: design, evaluate and measure customer journeys.\nData: KLANTREIS_DATA (default ./data) or DATABASE_URL for PostgreSQL.')
  .showHelpAfterError();

program
  .command('serve')
  .description('start the web app, the API and the collaboration server (PORT, HOST, KLANTREIS_DATA, DATABASE_URL)')
  .action(async () => {
    await startServer();
  });

registerJourneyCommands(program);
registerEvaluateCommand(program);
registerLogCommands(program);
registerMeasurementCommands(program);
registerRemoteCommands(program);
registerBackupCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CliError) {
    console.error(error.message);
    process.exit(error.exitCode);
  }
  throw error;
}
