// `npm start`: the entry point. V8's compile cache is switched on before anything else is
// loaded, so a restart does not compile Fastify, Hocuspocus and Kysely again (measured:
// bench/editor/coldStart.ts).
import { enableCompileCache } from 'node:module';

enableCompileCache();
// `--services=api,collab` is KLANTREIS_SERVICES given on the command line (docs/deploy.md).
const servicesFlag = process.argv.find((argument) => argument.startsWith('--services='));
if (servicesFlag) process.env.KLANTREIS_SERVICES = servicesFlag.slice('--services='.length);
const { startServer } = await import('./startServer.ts');
startServer().catch((error: unknown) => {
  console.error(`Klantreis could not start: ${(error as Error).message}`);
  process.exit(1);
});
