// `npm start`: the entry point. V8's compile cache is switched on before anything else is
// loaded, so a restart does not compile Fastify, Hocuspocus and Kysely again (measured:
// bench/editor/coldStart.ts).
import { enableCompileCache } from 'node:module';

enableCompileCache();
const { startServer } = await import('./startServer.ts');
startServer().catch((error: unknown) => {
  console.error(`Klantreis could not start: ${(error as Error).message}`);
  process.exit(1);
});
