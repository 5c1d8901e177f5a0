export * from './databaseSchema.ts';
export * from './journeyStore.ts';
export * from './sqliteStore.ts';
export * from './postgresStore.ts';
export * from './openStore.ts';
export * from './versionStore.ts';
export * from './analyticsImportStore.ts';
export * from './portfolioStore.ts';
