// `npm start`: runs the server (main.ts) in a child process whose environment chooses its
// memory allocator (mallocSettings.ts: jemalloc when installed, else tuned glibc malloc), which
// is fixed at process start. Signals are passed on, and the launcher exits with the server's
// exit code.
import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { fileURLToPath } from 'node:url';
import { serverAllocator } from './mallocSettings.ts';

const main = fileURLToPath(new URL('./main.ts', import.meta.url));
const { env } = serverAllocator(process.env);
const server = spawn(process.execPath, [...process.execArgv, main, ...process.argv.slice(2)], { stdio: 'inherit', env });

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  // Ctrl-C reaches both processes; the server stops once however often it is told to.
  process.on(signal, () => server.kill(signal));
}
server.on('error', (error) => {
  console.error(`Klantreis could not start the server: ${error.message}`);
  process.exit(1);
});
// Killed by a signal: the shell's convention, 128 + its number.
server.on('exit', (code, signal) => process.exit(code ?? (signal === null ? 0 : 128 + (constants.signals[signal] ?? 0))));
