import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createToken, rememberToken, TEST_OWNER_ENV } from '../../testCredentials.ts';

const ENTRIES = {
  main: fileURLToPath(new URL('../../main.ts', import.meta.url)),
  /** What `npm start` runs: main.ts in a child process with the server's malloc settings. */
  launch: fileURLToPath(new URL('../../launch.ts', import.meta.url)),
};

/** The real server (`node apps/server/src/main.ts`) as a child process, to be killed for real. */
export interface ServerProcess {
  url: string;
  /** An owner's API token, for its REST and collaboration clients. */
  token: string;
  pid: number;
  /** SIGKILL: no shutdown code runs, as in a crash or an OOM kill. */
  kill9(): Promise<void>;
  /** SIGTERM: the graceful shutdown. */
  stop(): Promise<void>;
  /** SIGSTOP and SIGCONT: the process stands still (as cut off) and goes on. */
  pause(): void;
  resume(): void;
  running(): boolean;
  /** What the server printed, for a failure message. */
  output(): string;
  /** The exit code, once it has exited. */
  exitCode(): number | null;
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

export async function startServerProcess(
  dataDir: string,
  options: {
    timeoutMs?: number;
    execArgv?: string[];
    entry?: keyof typeof ENTRIES;
    env?: NodeJS.ProcessEnv;
    /** Several processes (testing/clusterHarness.ts): a fixed port, PostgreSQL, and the variables of a process of several. */
    cluster?: { port: number; databaseUrl: string; env: NodeJS.ProcessEnv };
  } = {},
): Promise<ServerProcess> {
  const child = spawn(process.execPath, [...(options.execArgv ?? []), ENTRIES[options.entry ?? 'main']], {
    env: {
      ...process.env,
      ...TEST_OWNER_ENV,
      ...options.env,
      PORT: String(options.cluster?.port ?? 0),
      HOST: '127.0.0.1',
      KLANTREIS_DATA: dataDir,
      KLANTREIS_SAMPLES: 'off',
      KLANTREIS_WEB_DIST: `${dataDir}/no-web-app`,
      DATABASE_URL: options.cluster?.databaseUrl ?? '',
      ...options.cluster?.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the server did not start within ${options.timeoutMs ?? 15_000} ms:\n${output}`));
    }, options.timeoutMs ?? 15_000);
    const onData = () => {
      const match = /listens on http:\/\/[^:]+:(\d+)/.exec(output);
      if (!match) return;
      clearTimeout(timer);
      child.stdout!.off('data', onData);
      // With KLANTREIS_PUBLIC_URL the line names the proxy, not this process.
      resolve(options.cluster?.port ?? Number(match[1]));
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${code ?? signal}) before it listened:\n${output}`));
    });
  });
  const url = `http://127.0.0.1:${port}`;
  // A process of several signs people in at the proxy's address (KLANTREIS_PUBLIC_URL) only:
  // the harness makes the token there once the proxy is up.
  const token = options.cluster ? '' : await createToken(url);
  if (token) rememberToken(url, token);
  const signal = (name: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(name);
  };
  return {
    url,
    token,
    pid: child.pid!,
    async kill9() {
      child.kill('SIGKILL');
      await exited(child);
    },
    async stop() {
      signal('SIGCONT');
      child.kill('SIGTERM');
      await exited(child);
    },
    pause: () => signal('SIGSTOP'),
    resume: () => signal('SIGCONT'),
    running: () => child.exitCode === null && child.signalCode === null,
    output: () => output,
    exitCode: () => child.exitCode,
  };
}
