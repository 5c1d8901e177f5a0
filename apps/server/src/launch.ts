// `npm start`: runs the server (main.ts) in a child process whose environment carries the
// malloc settings of mallocSettings.ts, which glibc only reads at process start. Signals are
// passed on, and the launcher exits with the server's exit code.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { withServerMallocEnv } from './mallocSettings.ts';

const main = fileURLToPath(new URL('./main.ts', import.meta.url));
const server = spawn(process.execPath, [...process.execArgv, main, ...process.argv.slice(2)], { stdio: 'inherit', env: withServerMallocEnv(process.env) });

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  // Ctrl-C reaches both processes; the server stops once however often it is told to.
  process.on(signal, () => server.kill(signal));
}
server.on('exit', (code, signal) => process.exit(code ?? (signal === null ? 0 : 1)));
