import { hostname } from 'node:os';
import { resolve } from 'node:path';
// The single sign-on settings alone, not @klantreis/core's index (better-auth): the CLI reads this file.
import { oidcSettingsFromEnv, samlSettingsFromEnv, SsoConfigError, type OidcSettings, type SamlSettings } from '@klantreis/core/singleSignOn';
import { MailConfigError, mailSettingsFromEnv, type MailSettings } from './mail/mailSettings.ts';

/** What one process does (KLANTREIS_SERVICES, `--services=`): all three unless split. */
export const SERVICES = ['api', 'collab', 'worker'] as const;
export type Service = (typeof SERVICES)[number];

/**
 * Several processes on one PostgreSQL (docs/deploy.md): set by KLANTREIS_REDIS_URL. Each
 * journey's live document is served by one process at a time (a lease in PostgreSQL); Redis
 * carries what the processes tell each other (a journey changed, a person's access changed).
 */
export interface ClusterConfig {
  redisUrl: string;
  /** KLANTREIS_NODE_NAME: this process's name in the leases and the logs (host and pid when not given). */
  nodeName: string;
  /** KLANTREIS_INTERNAL_URL: where the other processes reach this one, past the proxy (http://HOST:PORT when not given). */
  internalUrl?: string;
}

export interface ServerConfig {
  /** The services this process runs: `api` (REST and the web app), `collab` (editors' sockets), `worker` (background work). */
  services: ReadonlySet<Service>;
  cluster?: ClusterConfig;
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
  /** KLANTREIS_PUBLIC_URL: the address people reach the server at (https makes cookies Secure). */
  publicUrl?: string;
  /** KLANTREIS_ALLOWED_HOSTS: further host names answered, comma-separated. */
  allowedHosts: string[];
  /** KLANTREIS_TRUST_PROXY: the proxies in front (addresses, CIDRs) whose X-Forwarded-For names the client. */
  trustProxy?: string[];
  /** KLANTREIS_AUTH_SECRET: signs session cookies (kept in the database when not given). */
  authSecret?: string;
  /** KLANTREIS_ADMIN_EMAIL + KLANTREIS_ADMIN_PASSWORD (+ _NAME): the owner made at the first start. */
  admin?: { email: string; password: string; name?: string };
  /** KLANTREIS_OIDC_ISSUER, _CLIENT_ID, _CLIENT_SECRET, _NAME, _ROLE_MAP, _DEFAULT_ROLE: single sign-on. */
  oidc?: OidcSettings;
  /** KLANTREIS_SAML_ENTRY_POINT, _IDP_CERT, _IDP_ISSUER, _NAME, _ROLE_MAP, _DEFAULT_ROLE, _WORKSPACE, _WANT_RESPONSE_SIGNED: SAML single sign-on. */
  saml?: SamlSettings;
  /** KLANTREIS_SMTP_URL + KLANTREIS_MAIL_FROM: Klantreis mails invitations and password-reset links itself. */
  mail?: MailSettings;
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

/** `api,collab` → the set; an unknown or empty list is refused by name. */
export function parseServices(value: string | undefined): ReadonlySet<Service> {
  if (value === undefined || value.trim() === '') return new Set(SERVICES);
  const named = value.split(',').map((name) => name.trim()).filter(Boolean);
  const unknown = named.filter((name) => !(SERVICES as readonly string[]).includes(name));
  if (unknown.length > 0) throw new ConfigError(`KLANTREIS_SERVICES (--services) knows ${SERVICES.join(', ')}, not ${unknown.join(', ')}`);
  if (named.length === 0) throw new ConfigError(`KLANTREIS_SERVICES (--services) must name at least one of ${SERVICES.join(', ')}`);
  return new Set(named as Service[]);
}

function clusterFromEnv(env: NodeJS.ProcessEnv): ClusterConfig | undefined {
  const redisUrl = env.KLANTREIS_REDIS_URL || undefined;
  if (redisUrl === undefined) return undefined;
  if (!/^rediss?:\/\//.test(redisUrl)) throw new ConfigError(`KLANTREIS_REDIS_URL must be a redis:// address, got "${redisUrl}"`);
  if (!env.DATABASE_URL) throw new ConfigError('several processes (KLANTREIS_REDIS_URL) share one PostgreSQL: set DATABASE_URL too');
  const internalUrl = env.KLANTREIS_INTERNAL_URL || undefined;
  if (internalUrl !== undefined && !/^http:\/\/[^/]+\/?$/.test(internalUrl)) {
    throw new ConfigError(`KLANTREIS_INTERNAL_URL must be this process's own address, as http://10.0.0.5:3001, got "${internalUrl}"`);
  }
  return { redisUrl, nodeName: env.KLANTREIS_NODE_NAME || `${hostname()}-${process.pid}`, internalUrl: internalUrl?.replace(/\/$/, '') };
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const sampleLocale = env.KLANTREIS_SAMPLE_LOCALE ?? 'nl';
  if (sampleLocale !== 'nl' && sampleLocale !== 'en') {
    throw new ConfigError(`KLANTREIS_SAMPLE_LOCALE must be nl or en, got "${sampleLocale}"`);
  }
  const publicUrl = env.KLANTREIS_PUBLIC_URL || undefined;
  if (publicUrl !== undefined && !/^https?:\/\/[^/]+\/?$/.test(publicUrl)) {
    throw new ConfigError(`KLANTREIS_PUBLIC_URL must be the server's address, as https://klantreis.example.org, got "${publicUrl}"`);
  }
  const adminEmail = env.KLANTREIS_ADMIN_EMAIL || undefined;
  const adminPassword = env.KLANTREIS_ADMIN_PASSWORD || undefined;
  if ((adminEmail === undefined) !== (adminPassword === undefined)) {
    throw new ConfigError('set KLANTREIS_ADMIN_EMAIL and KLANTREIS_ADMIN_PASSWORD together (or neither: the first visit then asks)');
  }
  let oidc: OidcSettings | undefined;
  let saml: SamlSettings | undefined;
  try {
    oidc = oidcSettingsFromEnv(env);
    saml = samlSettingsFromEnv(env);
  } catch (error) {
    if (error instanceof SsoConfigError) throw new ConfigError(error.message);
    throw error;
  }
  let mail: MailSettings | undefined;
  try {
    mail = mailSettingsFromEnv(env);
  } catch (error) {
    if (error instanceof MailConfigError) throw new ConfigError(error.message);
    throw error;
  }
  if (mail && !publicUrl) throw new ConfigError('KLANTREIS_SMTP_URL is set: set KLANTREIS_PUBLIC_URL too, the address the mailed links point to');
  const services = parseServices(env.KLANTREIS_SERVICES);
  const cluster = clusterFromEnv(env);
  if (!cluster && services.size < SERVICES.length) throw new ConfigError('a process that runs only some services needs the others elsewhere: set KLANTREIS_REDIS_URL and DATABASE_URL (docs/deploy.md)');
  return {
    services,
    cluster,
    oidc,
    saml,
    mail,
    publicUrl: publicUrl?.replace(/\/$/, ''),
    allowedHosts: (env.KLANTREIS_ALLOWED_HOSTS ?? '').split(',').map((h) => h.trim()).filter(Boolean),
    trustProxy: env.KLANTREIS_TRUST_PROXY ? env.KLANTREIS_TRUST_PROXY.split(',').map((a) => a.trim()).filter(Boolean) : undefined,
    authSecret: env.KLANTREIS_AUTH_SECRET || undefined,
    admin: adminEmail && adminPassword ? { email: adminEmail, password: adminPassword, name: env.KLANTREIS_ADMIN_NAME || undefined } : undefined,
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
