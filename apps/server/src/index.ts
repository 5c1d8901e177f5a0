export { buildApp, type KlantreisApp } from './app.ts';
export { startServer } from './startServer.ts';
export { configFromEnv, type ServerConfig } from './config.ts';
export { DuplicateImportError, JourneyAnalytics, type JourneyMeasurement } from './commands/journeyAnalytics.ts';
export { journeyFromStore } from './commands/snapshotRecovery.ts';
