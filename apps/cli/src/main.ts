// Every command module imports the packages it works with inside its actions, not at the top:
// `klantreis --help` and a `log stats` load only what they need (issue 13). The choices that
// options list come from the packages' light `names` entry points.
import { Command } from 'commander';
import { registerBackupCommands } from './backupCommands.ts';
import { CliError } from './cliError.ts';
import { registerEvaluateCommand } from './evaluateCommand.ts';
import { registerJourneyCommands } from './journeyCommands.ts';
import { registerLogCommands } from './logCommands.ts';
import { registerMeasurementCommands } from './measurementCommands.ts';
import { registerPortfolioCommand } from './portfolioCommand.ts';
import { registerRemoteCommands } from './remoteCommands.ts';

const program = new Command('klantreis')
  .description('Klantreis: design, evaluate and measure customer journeys.\nData: KLANTREIS_DATA (default ./data) or DATABASE_URL for PostgreSQL.')
  .showHelpAfterError();

program
  .command('serve')
  .description('start the web app, the API and the collaboration server (PORT, HOST, KLANTREIS_DATA, DATABASE_URL)')
  .option('--services <list>', 'run only some of api,collab,worker in this process (several processes: docs/deploy.md)')
  .action(async (options: { services?: string }) => {
    if (options.services !== undefined) process.env.KLANTREIS_SERVICES = options.services;
    const { startServer } = await import('@klantreis/server');
    await startServer();
  });

registerJourneyCommands(program);
registerEvaluateCommand(program);
registerLogCommands(program);
registerMeasurementCommands(program);
registerPortfolioCommand(program);
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
