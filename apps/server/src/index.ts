export { buildApp, type KlantreisApp } from './app.ts';
export { startServer } from './main.ts';
export { configFromEnv, type ServerConfig } from './config.ts';
