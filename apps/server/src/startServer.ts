// The API, the collaboration server and the web app on one port (`npm start`, `klantreis serve`).
import { join } from 'node:path';
import { openStore } from '@klantreis/db';
import { buildApp } from './app.ts';
import { seedSampleJourneys } from './commands/sampleJourneys.ts';
import { configFromEnv, type ServerConfig } from './config.ts';

export async function startServer(config: ServerConfig = configFromEnv()) {
  const startedAt = performance.now();
  const store = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const server = await buildApp({
    store,
    webDist: config.webDist,
    logger: false,
    analyticsDir: join(config.dataDir, 'analytics'),
    maxUploadBytes: config.maxUploadBytes,
    maxOpenUploadBytes: config.maxOpenUploadBytes,
    publicUrl: config.publicUrl,
    allowedHosts: config.allowedHosts,
    trustProxy: config.trustProxy,
    authSecret: config.authSecret,
    admin: config.admin,
    oidc: config.oidc,
    saml: config.saml,
    mail: config.mail,
    services: config.services,
    cluster: config.cluster,
  });
  if (config.seedSamples) {
    const seeded = await seedSampleJourneys(store, server.creator, config.sampleLocale);
    if (seeded > 0) console.info(`added ${seeded} sample journeys`);
  }
  const address = await server.app.listen({ port: config.port, host: config.host });
  server.cluster?.listensAt(address.replace('[::1]', '127.0.0.1').replace('localhost', '127.0.0.1'));
  void server.warmPortfolio();
  const where = config.databaseUrl ? 'PostgreSQL' : `${config.dataDir}/klantreis.sqlite`;
  const shown = config.publicUrl ?? address.replace('[::1]', 'localhost').replace('127.0.0.1', 'localhost');
  console.info(`Klantreis listens on ${shown} (data: ${where}; ready in ${Math.round(performance.now() - startedAt)} ms)`);
  if (config.cluster) console.info(`cluster: process ${config.cluster.nodeName} runs ${[...config.services].join(', ')}, reached by the others at ${server.cluster!.ownership.address}`);
  const setupPath = server.setupPath();
  if (setupPath !== null) console.info(`No owner account yet: open ${shown}${setupPath} to create it (or set KLANTREIS_ADMIN_EMAIL and KLANTREIS_ADMIN_PASSWORD)`);

  let stoppingSince: number | null = null;
  const stop = async () => {
    if (stoppingSince !== null) {
      // The same signal twice at once (Ctrl-C reaches `npm start`'s launcher and the server) is
      // one request; asked again later, while a shutdown hangs, the server stops at once.
      if (performance.now() - stoppingSince < 1_000) return;
      console.error('Klantreis: stopping without waiting for the shutdown to finish');
      process.exit(1);
    }
    stoppingSince = performance.now();
    await server.close();
    await store.close();
    process.exit(0);
  };
  // A signal handler cannot wait for the shutdown: a shutdown that fails is said in one line and
  // ends the process with 1, where it was an unhandled rejection's stack trace.
  const stopOnSignal = () => {
    stop().catch((error: unknown) => {
      console.error(`Klantreis: the shutdown failed: ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    });
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, stopOnSignal);
  return { server, store, address };
}
