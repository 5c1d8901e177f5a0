import { resolve } from 'node:path';

export interface ServerConfig {
  port: number;
  host: string;
  /** The folder for the embedded SQLite file and imported data. */
  dataDir: string;
  /** Set to use PostgreSQL instead of the embedded SQLite. */
  databaseUrl?: string;
  /** The language of the sample journeys seeded on first start. */
  sampleLocale: 'nl' | 'en';
  /** Seed the template journeys as samples on first start. */
  seedSamples: boolean;
  /** The built web app; without it the server serves the API only. */
  webDist?: string;
  /** The largest event log or survey file one upload may be (KLANTREIS_MAX_UPLOAD_MB, default 2048). */
  maxUploadBytes: number;
  /** The disk all open (not yet imported or discarded) uploads may hold together (KLANTREIS_MAX_OPEN_UPLOADS_MB, default 8192). */
  maxOpenUploadBytes: number;
}

export class ConfigError extends Error {}

function parsePort(value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new ConfigError(`PORT must be a number from 0 to 65535, got "${value}"`);
  return port;
}

function parseMegabytes(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  const megabytes = Number(value);
  if (!Number.isInteger(megabytes) || megabytes < 1) throw new ConfigError(`${name} must be a whole number of megabytes, got "${value}"`);
  return megabytes;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const sampleLocale = env.KLANTREIS_SAMPLE_LOCALE ?? 'nl';
  if (sampleLocale !== 'nl' && sampleLocale !== 'en') {
    throw new ConfigError(`KLANTREIS_SAMPLE_LOCALE must be nl or en, got "${sampleLocale}"`);
  }
  return {
    port: parsePort(env.PORT, 3000),
    host: env.HOST || 'localhost',
    dataDir: resolve(env.KLANTREIS_DATA || 'data'),
    databaseUrl: env.DATABASE_URL || undefined,
    sampleLocale,
    seedSamples: env.KLANTREIS_SAMPLES !== 'off',
    webDist: resolve(env.KLANTREIS_WEB_DIST || new URL('../../web/dist', import.meta.url).pathname),
    maxUploadBytes: parseMegabytes('KLANTREIS_MAX_UPLOAD_MB', env.KLANTREIS_MAX_UPLOAD_MB, 2048) * 1024 * 1024,
    maxOpenUploadBytes: parseMegabytes('KLANTREIS_MAX_OPEN_UPLOADS_MB', env.KLANTREIS_MAX_OPEN_UPLOADS_MB, 8192) * 1024 * 1024,
  };
}
