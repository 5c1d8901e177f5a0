import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { Server } from 'node:http';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { assertMigrationsValid, findJsonNestingTooDeep, findJsonSyntaxError, MAX_JSON_DEPTH, type JourneyDocument } from '@klantreis/schema';
import { journeyFromDoc } from '@klantreis/sync';
import { DocumentLeases, VersionStore, type JourneyStore } from '@klantreis/db';
import { randomBytes } from 'node:crypto';
import { authProviders } from '@klantreis/core/contracts';
import { AccessStore, AuditLog, createOwner, finishFirstStart, Inbox, OIDC_PROVIDER_ID, SamlSignIns, ShareLinks, type OidcSettings, type Role, type SamlSettings, newAccountSchema, openAuth, type Auth } from '@klantreis/core';
import { ActorResolver } from './access/actorResolver.ts';
import type { AccessContext } from './access/accessContext.ts';
import { registerRoutePolicies } from './access/routePolicies.ts';
import { registerContractCheck } from './access/routeContracts.ts';
import { HostPolicy, registerWebHardening } from './access/webHardening.ts';
import { singleSignOnRoutes } from './routes/accounts/singleSignOn.ts';
import { Mailer } from './mail/mailer.ts';
import type { MailSettings } from './mail/mailSettings.ts';
import { accountRoutes } from './routes/accounts/accounts.ts';
import { markCleanStop, recoverSnapshotsAfterCrash } from './commands/snapshotRecovery.ts';
import { attachCollaboration, isValidHost, type Collaboration } from './collaboration/collabServer.ts';
import { IdleMemoryRelease } from './collaboration/idleMemoryRelease.ts';
import { MentionExtension } from './collaboration/mentionExtension.ts';
import { VersionExtension } from './collaboration/versionExtension.ts';
import { JourneyCreator } from './commands/journeyCreator.ts';
import { JourneyAnalytics } from './commands/journeyAnalytics.ts';
import { JourneyDocuments } from './commands/journeyDocuments.ts';
import { stagerHere, UploadArea } from './commands/uploadArea.ts';
import { HttpError, registerErrorHandler } from './httpErrors.ts';
import { evaluationRoutes } from './routes/evaluation/evaluation.ts';
import { healthRoutes } from './routes/health/health.ts';
import { journeyRoutes } from './routes/journeys/journeys.ts';
import { measurementRoutes } from './routes/measurement/measurement.ts';
import { templateRoutes } from './routes/templates/templates.ts';
import { versionRoutes } from './routes/versions/versions.ts';
import { registerWebApp } from './routes/webApp.ts';
import { LinkViewerStreams, sharingRoutes } from './routes/sharing/sharing.ts';
import { PresentationFeed, presentationRoutes } from './routes/sharing/presentation.ts';
import { EventStreams } from './routes/sharing/eventStreams.ts';
import { ChangeFeed } from './collaboration/changeFeed.ts';
import { JourneyChangeSignal } from './commands/journeyChangeSignal.ts';
import { ExperienceRollups } from './commands/experienceRollups.ts';
import { JourneyRollupCache } from './commands/journeyRollupCache.ts';
import { portfolioRoutes } from './routes/portfolio/portfolio.ts';
import { PortfolioRefreshExtension } from './collaboration/portfolioRefreshExtension.ts';
import { experienceRoutes, signalJourneyChanges } from './routes/experience/experience.ts';
import type { ClusterConfig, Service } from './config.ts';
import type { ClusterBus } from './cluster/clusterBus.ts';
import { DocumentOwnership, LEASE_TTL_MS } from './cluster/documentOwnership.ts';
import { clusterSecret, internalUpdateRoutes } from './cluster/internalUpdates.ts';
import { StagingQueue, StagingWorker } from './cluster/stagingJobs.ts';

export interface AppOptions {
  store: JourneyStore;
  webDist?: string;
  logger?: boolean;
  /** How often at most an automatic version is taken while a journey is edited (default hourly). */
  autoVersionIntervalMs?: number;
  /** The folder of imported event logs and survey answers (Parquet), one subfolder per journey. */
  analyticsDir: string;
  /** The largest file one upload may be (default 2 GiB). */
  maxUploadBytes?: number;
  /** The disk all open uploads may hold together; four uploads' worth when not given. */
  maxOpenUploadBytes?: number;
  /** Quiet time after the last document closes before memory is given back (default 20 s). */
  idleMemoryReleaseMs?: number;
  /** KLANTREIS_PUBLIC_URL: the address people use. Its host is the one answered; https makes cookies Secure. */
  publicUrl?: string;
  /** KLANTREIS_ALLOWED_HOSTS: further Host names answered (behind a proxy with several names). */
  allowedHosts?: string[];
  /** KLANTREIS_TRUST_PROXY: the proxies whose X-Forwarded-For is the client's address (sign-in limits count per client). */
  trustProxy?: string[];
  /** KLANTREIS_AUTH_SECRET: signs session cookies; made once and kept in the database when not given. */
  authSecret?: string;
  /** KLANTREIS_ADMIN_EMAIL/_PASSWORD(/_NAME): the owner account made at the first start, without a visit. */
  admin?: { email: string; password: string; name?: string };
  /** Sign-in attempts per minute and client (default 10). */
  signInPerMinute?: number;
  /** KLANTREIS_OIDC_*: single sign-on with an OpenID Connect IdP, its groups mapped to roles. */
  oidc?: OidcSettings;
  /** KLANTREIS_SAML_*: single sign-on with a SAML 2.0 IdP, its groups mapped to roles. */
  saml?: SamlSettings;
  /** KLANTREIS_SMTP_URL/_MAIL_FROM: invitation and password-reset links mailed too (they are always shown to hand on). */
  mail?: MailSettings;
  /** KLANTREIS_SERVICES: what this process runs (all when not given). */
  services?: ReadonlySet<Service>;
  /** KLANTREIS_REDIS_URL and friends: one of several processes on one PostgreSQL (docs/deploy.md). */
  cluster?: ClusterConfig;
}

/** This process's part in a deployment of several (docs/deploy.md). */
export interface ClusterRole {
  ownership: DocumentOwnership;
  bus: ClusterBus;
  /** Sets where the other processes reach this one, once it listens (KLANTREIS_INTERNAL_URL or its own address). */
  listensAt(address: string): void;
}

export interface KlantreisApp {
  app: FastifyInstance;
  collaboration: Collaboration;
  creator: JourneyCreator;
  documents: JourneyDocuments;
  analytics: JourneyAnalytics;
  memoryRelease: IdleMemoryRelease;
  auth: Auth;
  access: AccessStore;
  audit: AuditLog;
  /** The first-start link's path while there is no owner yet (print it with the server's address), else null. */
  setupPath(): string | null;
  /** Brings the portfolio's cached roll-ups up to date in the background (after a start); close() stops it. Resolves when done. */
  warmPortfolio(): Promise<void>;
  /** With several processes: this one's leases and messages; undefined for one process alone. */
  cluster: ClusterRole | undefined;
  services: ReadonlySet<Service>;
  /** Stores pending work and closes the server; the store is the caller's to close. */
  close(): Promise<void>;
}

/** The live document of a journey someone has open, as the portfolio reads it; undefined when none is open or it cannot be read. */
function liveJourney(collaboration: Collaboration, journeyId: string): JourneyDocument | undefined {
  const live = collaboration.liveDocument(journeyId);
  if (!live) return undefined;
  try {
    return journeyFromDoc(live, { validate: true });
  } catch {
    return undefined;
  }
}

/** A person who forgot their password is mailed a link at most this often (the sign-in page may be used to flood them). */
const RESET_MAIL_INTERVAL_MS = 5 * 60_000;

/** The whole server in one process: REST API, OpenAPI docs, the web app and /collab. */

export async function buildApp(options: AppOptions): Promise<KlantreisApp> {
  assertMigrationsValid();
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: 5 * 1024 * 1024, trustProxy: options.trustProxy ?? false }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerErrorHandler(app);
  // JSON bodies: a syntax error names its line and column (V8's message no longer does), and a
  // text nested deeper than any journey is refused before JSON.parse builds it.
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    const text = body as string;
    if (text.trim() === '') return done(new HttpError(400, 'the body is empty: send a JSON value', [{ path: 'body', message: 'must be JSON' }]));
    const tooDeep = findJsonNestingTooDeep(text, MAX_JSON_DEPTH);
    if (tooDeep) return done(new HttpError(400, `the body is not valid JSON: line ${tooDeep.line}, column ${tooDeep.column}: ${tooDeep.message}`, [{ path: 'body', message: tooDeep.message }]));
    try {
      done(null, JSON.parse(text));
    } catch (error) {
      const where = findJsonSyntaxError(text);
      const message = where ? `line ${where.line}, column ${where.column}: ${where.message}` : (error as Error).message;
      done(new HttpError(400, `the body is not valid JSON: ${message}`, [{ path: 'body', message }]));
    }
  });
  // A request whose Host cannot be a host is answered before any route sees it (the
  // collaboration socket checks the same, collabServer.ts).
  app.addHook('onRequest', async (request, reply) => {
    if (!isValidHost(request.headers.host)) await reply.code(400).send({ error: 'the Host header is missing or malformed' });
  });

  const hosts = new HostPolicy({ publicUrl: options.publicUrl, allowedHosts: options.allowedHosts });
  const services = options.services ?? new Set<Service>(['api', 'collab', 'worker']);
  const cluster = options.cluster ? await joinCluster(options.store, options.cluster, hosts) : undefined;
  // With several processes, one that takes a journey over from a dead one refreshes its
  // snapshot (PersistenceExtension); a whole deployment's restart is the worker's to check.
  if (!cluster || services.has('worker')) await recoverSnapshotsAfterCrash(options.store);
  const access = new AccessStore(options.store.db);
  const audit = new AuditLog(options.store.db);
  const inbox = new Inbox(options.store.db);
  // The configuration asks for KLANTREIS_PUBLIC_URL with mail: a mailed link points there.
  const mailer = options.mail ? new Mailer(options.mail, options.publicUrl ?? '') : null;
  // better-auth hands a reset token to its callback while the request that asked for it waits:
  // an owner's request for a member's link takes it (each waiting one in turn); one the person
  // asked for (the sign-in page's "forgot password") is mailed to them, once per few minutes.
  const resetWaiters = new Map<string, ((token: string) => void)[]>();
  const lastResetMail = new Map<string, number>();
  async function mailOwnReset(userId: string, token: string): Promise<void> {
    const user = await access.getUser(userId);
    if (!mailer || !user) return;
    // Someone who signs in by single sign-on only gets no password this way: it would outlive
    // their removal at the IdP.
    const accounts = await (await auth.$context).internalAdapter.findAccounts(userId);
    if (!accounts.some((account) => account.providerId === 'credential')) return;
    const now = Date.now();
    if (now - (lastResetMail.get(userId) ?? 0) < RESET_MAIL_INTERVAL_MS) return;
    lastResetMail.set(userId, now);
    await mailer.send({ to: user.email, kind: 'password-reset', language: user.language ?? 'nl', path: `/reset-password?token=${encodeURIComponent(token)}` });
  }
  // The role an SSO sign-in's claims gave, by e-mail address, until its session starts.
  const ssoRoles = new Map<string, Role | null>();
  const saml = options.saml ? await SamlSignIns.open(options.store.db, options.saml) : undefined;
  const ssoSettings = { oidc: options.oidc, saml: options.saml };
  const roleMapVariable = { oidc: 'KLANTREIS_OIDC_ROLE_MAP', saml: 'KLANTREIS_SAML_ROLE_MAP' } as const;
  const auth = await openAuth(options.store, {
    publicUrl: options.publicUrl,
    secret: options.authSecret,
    signInPerMinute: options.signInPerMinute,
    rateLimitStorage: cluster?.bus.rateLimit(),
    onPasswordResetToken: (userId, token) => {
      const waiter = resetWaiters.get(userId)?.shift();
      if (waiter) waiter(token);
      else void mailOwnReset(userId, token).catch((error: unknown) => console.warn(`mail: the password-reset link could not be sent: ${(error as Error).message}`));
    },
    oidc: options.oidc,
    saml,
    onSsoRole: (email, role) => ssoRoles.set(email, role),
    // Asked only while the IdP's callback is answered, after its claims gave the role above.
    mayEnter: (email) => {
      if (ssoRoles.get(email)) return true;
      ssoRoles.delete(email);
      console.warn(`single sign-on: ${email} has no role in Klantreis (the IdP's role map): not signed in`);
      return false;
    },
    onSessionCreated: async (userId, { sso }) => {
      const user = await access.getUser(userId);
      if (!user) return;
      // Every SSO sign-in sets the role its groups give now, in KLANTREIS_OIDC_WORKSPACE or
      // KLANTREIS_SAML_WORKSPACE (the first workspace when not set).
      const ssoRole = sso ? ssoRoles.get(user.email.toLowerCase()) : undefined;
      if (sso) ssoRoles.delete(user.email.toLowerCase());
      const named = sso ? ssoSettings[sso]?.workspace : undefined;
      const target = named ? await access.workspaceById(named) : await access.firstWorkspace();
      if (sso && ssoRole && !target && named) console.warn(`single sign-on: KLANTREIS_${sso.toUpperCase()}_WORKSPACE names no workspace ("${named}"): ${user.email} gets no role`);
      if (sso && ssoRole && target && (await access.roleInWorkspace(userId, target.id)) !== ssoRole) {
        try {
          const before = await access.setMemberRole(target.id, userId, ssoRole);
          context.disconnectUser(userId);
          await audit.record({ kind: 'local-admin', name: 'single sign-on' }, 'member.role-changed', { type: 'account', id: userId, workspaceId: target.id }, { from: before, to: ssoRole, by: roleMapVariable[sso] });
        } catch (error) {
          // The workspace's only owner stays owner (setMemberRole refuses).
          console.warn(`single sign-on: ${user.email} keeps their role, not ${ssoRole}: ${(error as Error).message}`);
        }
      }
      const actor = { kind: 'user', userId, name: user.name, email: user.email, cap: 'owner', via: 'session' } as const;
      for (const w of await access.workspacesOf(userId)) await audit.record(actor, 'account.sign-in', { type: 'account', id: userId, workspaceId: w.id });
    },
  });
  const context: AccessContext = {
    auth,
    access,
    audit,
    inbox,
    async passwordResetToken(email, userId) {
      let token: string | null = null;
      const waiter = (made: string) => {
        token = made;
      };
      resetWaiters.set(userId, [...(resetWaiters.get(userId) ?? []), waiter]);
      try {
        // better-auth calls the token callback before it answers.
        await auth.api.requestPasswordReset({ body: { email, redirectTo: '/reset-password' } });
      } finally {
        const left = (resetWaiters.get(userId) ?? []).filter((w) => w !== waiter);
        if (left.length > 0) resetWaiters.set(userId, left);
        else resetWaiters.delete(userId);
      }
      if (token === null) throw new Error('better-auth made no reset token');
      return token;
    },
    disconnectUser: () => undefined,
    atomically: (work) => options.store.db.transaction().execute((trx) => work({ access: access.within(trx), audit: audit.within(trx) })),
  };
  // A first start stopped halfway is finished before anything asks for the owner. With several
  // processes another one may be making the owner right now: only a claim older than that waits.
  const finished = await finishFirstStart(options.store, access, options.cluster ? 60_000 : 0);
  if (finished === 'workspace-made') console.warn('first start: the owner had no workspace (a start stopped halfway); it has it now');
  if (finished === 'claim-dropped') console.warn('first start: a claim of the first account without the account (a start stopped halfway) was dropped; the owner is asked for again');
  if (options.admin && (await access.countUsers()) === 0) {
    const account = newAccountSchema.parse({ name: options.admin.name ?? options.admin.email.split('@')[0], email: options.admin.email, password: options.admin.password });
    await createOwner(options.store, auth, access, account);
  }
  // While there is no owner, the first visit needs this secret (printed by the server) to
  // become owner, so a stranger who finds a fresh server first cannot.
  let setupToken: string | null = (await access.countUsers()) === 0 ? randomBytes(18).toString('base64url') : null;

  registerWebHardening(app, hosts);
  const resolver = new ActorResolver(auth, access);
  const links = new ShareLinks(options.store.db);
  registerRoutePolicies(app, resolver, access, links, (options.services ?? new Set(['api'])).has('api'));
  registerContractCheck(app, (options.services ?? new Set(['api'])).has('api'));
  const versions = new VersionStore(options.store.db);
  const memoryRelease = new IdleMemoryRelease({ quietMs: options.idleMemoryReleaseMs });
  const feed = new ChangeFeed();
  const changeSignal = new JourneyChangeSignal();
  // The portfolio's roll-ups read the live documents and the measurements made below; they are
  // first asked for once the routes exist.
  const portfolioCache = new JourneyRollupCache({
    store: options.store,
    liveDocument: (id) => liveJourney(collaboration, id),
    readDocument: (id) => documents.read(id),
    measure: (id, document) => analytics.measure(id, document),
  });
  changeSignal.listen((id, change) => portfolioCache.changed(id, change));
  const collaboration = attachCollaboration(
    app.server,
    options.store,
    { resolver, access, hosts },
    [new VersionExtension(versions, options.autoVersionIntervalMs), new MentionExtension(access, inbox), memoryRelease, feed, changeSignal, new PortfolioRefreshExtension(portfolioCache)],
    cluster ? { ownership: cluster.ownership, acceptsSockets: services.has('collab') } : undefined,
  );
  /** Told when a person's access changed on this process (the experience maps' live roll-ups). */
  const accessListeners: ((userId: string) => void)[] = [];
  const disconnectHere = (userId: string) => {
    const closed = collaboration.disconnectUser(userId);
    if (closed > 0) console.info(`collab: closed ${closed} socket(s) of ${userId} whose access changed`);
    for (const listener of accessListeners) listener(userId);
  };
  context.disconnectUser = (userId) => {
    disconnectHere(userId);
    cluster?.bus.publish({ kind: 'access-changed', userId });
  };
  const presentations = new PresentationFeed();
  const linkViewers = new LinkViewerStreams();
  // A journey moved to the trash elsewhere: its editors here are let go, as the trash route does.
  const closeIfTrashed = async (journeyId: string) => {
    const row = await options.store.getJourney(journeyId);
    if (!row || row.deletedAt !== null) collaboration.hocuspocus.closeConnections(journeyId);
  };
  if (cluster) {
    relayChanges(cluster.bus, { signal: changeSignal, feed, presentations, disconnectHere, closeIfTrashed }, options.store);
    linkViewers.relay = (linkId) => cluster.bus.publish({ kind: 'link-revoked', linkId });
    cluster.bus.listen((message) => {
      if (message.kind === 'link-revoked') linkViewers.endHere(message.linkId);
    });
    // A person's access may have changed while Redis was away: every socket signs in again.
    cluster.bus.onResync(() => {
      const closed = collaboration.disconnectEveryone();
      if (closed > 0) console.info(`cluster: ${closed} socket(s) sign in again after Redis was away`);
    });
  }
  const creator = new JourneyCreator(options.store);
  const documents = new JourneyDocuments(
    options.store,
    collaboration.hocuspocus,
    collaboration.persistence,
    cluster ? { ownership: cluster.ownership, secret: await clusterSecret(options.store), lostCopyGone: (id) => collaboration.lostCopyGone(id) } : undefined,
  );
  const analytics = new JourneyAnalytics(options.store, options.analyticsDir);
  // Several processes share the data folder: each keeps its uploads in progress in a folder of its own.
  // With several processes a file's check (reading the whole log) runs on a `worker` process.
  const stagingQueue = cluster ? new StagingQueue(options.store.db) : undefined;
  const uploads = new UploadArea(analytics, {
    maxBytes: options.maxUploadBytes ?? 2 * 1024 ** 3,
    maxOpenBytes: options.maxOpenUploadBytes,
    folder: options.cluster?.nodeName,
    stager: stagingQueue,
  });
  const stagingWorker = cluster && services.has('worker') ? new StagingWorker(options.store.db, options.cluster!.nodeName, stagerHere(analytics)) : undefined;
  stagingWorker?.start();
  // What imports and uploads interrupted by a crash left; nothing runs yet that could own it.
  // With several processes, another may be importing now: only what an hour left alone goes.
  await uploads.sweepLeftovers();
  if (!cluster || services.has('worker')) {
    const swept = await analytics.sweepInterruptedImports(cluster ? { olderThanMs: 3_600_000 } : {});
    if (swept > 0) console.info(`removed ${swept} folders of imports a stop interrupted`);
  }
  if (cluster) {
    await app.register(internalUpdateRoutes, {
      secret: await clusterSecret(options.store),
      serves: (journeyId: string) => cluster.ownership.holds(journeyId),
      apply: (journeyId: string, update: Uint8Array) => documents.applyForwarded(journeyId, update),
    });
  }

  await app.register(healthRoutes, { prefix: '/api/health', store: options.store, node: options.cluster?.nodeName ?? null, services });
  // A process without the `api` service answers its health checks and the other processes only.
  if (services.has('api')) {
    signalJourneyChanges(app, changeSignal);
    await app.register(fastifySwagger, {
      openapi: { info: { title: 'Klantreis API', description: 'Design, evaluate and measure customer journeys.', version: '0.1.0' } },
      transform: jsonSchemaTransform,
    });
    await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
    await app.register(accountRoutes, { prefix: '/api', context, store: options.store, setupToken: () => setupToken, mailer });
    await app.register(singleSignOnRoutes, { prefix: '/api/sso', context, oidc: options.oidc, saml });
    app.get('/api/auth-providers', { schema: { tags: ['accounts'], summary: 'How one can sign in here: e-mail and password, and single sign-on when configured', response: { 200: authProviders } } }, async () => ({
      oidc: options.oidc ? { name: options.oidc.name, providerId: OIDC_PROVIDER_ID } : null,
      saml: options.saml ? { name: options.saml.name, startUrl: '/api/auth/saml/sign-in' } : null,
      mail: mailer !== null,
    }));
    await app.register(journeyRoutes, { prefix: '/api/journeys', context, store: options.store, creator, documents, hocuspocus: collaboration.hocuspocus, analytics });
    await app.register(measurementRoutes, { prefix: '/api/journeys', context, analytics, uploads, documents });
    await app.register(evaluationRoutes, { prefix: '/api/journeys', documents });
    await app.register(versionRoutes, { prefix: '/api/journeys', context, versions, documents });
    await app.register(templateRoutes, { prefix: '/api/templates' });
    const streams = new EventStreams(app);
    await app.register(sharingRoutes, { prefix: '/api', context, links, documents, analytics, feed, viewers: linkViewers, streams });
    const rollups = new ExperienceRollups({ store: options.store, documents, analytics, access, signal: changeSignal });
    accessListeners.push((userId) => rollups.accessChanged(userId));
    await app.register(experienceRoutes, { prefix: '/api/journeys', rollups, streams, resolver });
    await app.register(portfolioRoutes, { prefix: '/api', context, cache: portfolioCache, documents });
    await app.register(presentationRoutes, { prefix: '/api', feed: presentations, viewers: linkViewers, streams });
    await registerWebApp(app, options.webDist);
  }
  let warming: Promise<void> = Promise.resolve();
  memoryRelease.releaseWhenIdle(collaboration.hocuspocus);

  return {
    app,
    collaboration,
    creator,
    documents,
    analytics,
    memoryRelease,
    auth,
    access,
    audit,
    cluster,
    services,
    setupPath: () => (setupToken === null ? null : `/setup?token=${setupToken}`),
    warmPortfolio() {
      // With several processes, the worker keeps the shared roll-up table up to date.
      if (cluster && !services.has('worker')) return Promise.resolve();
      warming = portfolioCache.warmUp().then(
        (count) => console.info(`portfolio: roll-ups of ${count} journeys up to date`),
        (error: unknown) => console.warn(`portfolio: warming the roll-ups stopped: ${(error as Error).message}`),
      );
      return warming;
    },
    async close() {
      portfolioCache.stopWarming();
      await warming;
      await collaboration.close();
      // Every document was stored and unloaded, which gave its lease up; any left go now.
      await cluster?.ownership.releaseAll();
      await cluster?.bus.close();
      // A portfolio roll-up still measuring in the background reads the store.
      await portfolioCache.settled();
      await closeHttp(app.server, app.close());
      stagingQueue?.close();
      mailer?.close();
      await stagingWorker?.stop();
      await uploads.close();
      await markCleanStop(options.store);
    },
  };
}

/**
 * Waits for the HTTP server's `closing`, closing each connection as soon as it is idle. Node's
 * close() closes the keep-alive connections idle at that moment and waits for the others: one
 * whose response was still being made then stayed open until its client let it go, which fetch
 * does after the 72 s Fastify announces (a stop with one request under way took 70.7 s; the
 * convergence test's restarts took 71 s now and then, httpClose.test.ts).
 */
async function closeHttp(server: Server, closing: Promise<unknown>): Promise<void> {
  const idle = setInterval(() => server.closeIdleConnections(), 50);
  try {
    await closing;
  } finally {
    clearInterval(idle);
  }
}

/** Joins the deployment: leases on PostgreSQL, messages on Redis (docs/deploy.md). */
async function joinCluster(store: JourneyStore, config: ClusterConfig, hosts: HostPolicy): Promise<ClusterRole> {
  if (store.dialect !== 'postgres') throw new Error('several processes share one PostgreSQL (DATABASE_URL), not SQLite');
  const ownership = new DocumentOwnership(new DocumentLeases(store.db, { ttlMs: LEASE_TTL_MS }), config.nodeName, config.internalUrl ?? '');
  // Loaded only here: one process alone never needs a Redis client in its memory.
  const { ClusterBus } = await import('./cluster/clusterBus.ts');
  const bus = new ClusterBus(config.redisUrl, config.nodeName);
  await bus.start();
  return {
    ownership,
    bus,
    listensAt(address) {
      const internal = config.internalUrl ?? address;
      ownership.address = internal;
      hosts.alsoAllow(new URL(internal).host);
    },
  };
}

/**
 * What other processes say reaches this one's listeners as if it happened here: a journey's
 * change (roll-ups, share-link viewers, presentations), a person's changed access (their
 * sockets here close). What happens here is said to the others, but not what was heard.
 */
function relayChanges(
  bus: ClusterBus,
  {
    signal,
    feed,
    presentations,
    disconnectHere,
    closeIfTrashed,
  }: {
    signal: JourneyChangeSignal;
    feed: ChangeFeed;
    presentations: PresentationFeed;
    disconnectHere: (userId: string) => void;
    closeIfTrashed: (journeyId: string) => Promise<void>;
  },
  store: JourneyStore,
): void {
  let hearing = false;
  signal.listen((journeyId, change) => {
    if (!hearing) bus.publish({ kind: 'journey-changed', journeyId, change });
  });
  presentations.relay = (journeyId, { stepIndex, at }) => bus.publish({ kind: 'presentation-moved', journeyId, stepIndex, at });
  bus.listen((message) => {
    if (message.kind === 'access-changed') return disconnectHere(message.userId);
    if (message.kind === 'presentation-moved') return presentations.arrive(message.journeyId, { stepIndex: message.stepIndex, at: message.at });
    if (message.kind !== 'journey-changed') return;
    if (message.change === 'trash') void closeIfTrashed(message.journeyId).catch(() => undefined);
    hearing = true;
    try {
      signal.changed(message.journeyId, message.change);
      feed.changed(message.journeyId);
    } finally {
      hearing = false;
    }
  });
  // Redis was away: any change of that time may have gone unheard.
  bus.onResync(() => {
    void store.listJourneys().then((journeys) => {
      hearing = true;
      try {
        for (const journey of journeys) signal.changed(journey.id, 'content');
      } finally {
        hearing = false;
      }
    });
  });
}
