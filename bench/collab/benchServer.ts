// The real server (startServer, as `npm start` runs it) in a child process that answers the
// load bench's questions over IPC: its memory after a full garbage collection, its event
// loop delay, how many documents it holds. Started by load.ts with --expose-gc.
import { readFileSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { startServer } from '../../apps/server/src/startServer.ts';
import { configFromEnv } from '../../apps/server/src/config.ts';

export interface ServerReport {
  rssMb: number;
  /** Resident memory of the process's own (anonymous) pages, without mapped files such as the program's code. */
  rssAnonMb: number;
  heapUsedMb: number;
  /** What V8 has committed for its heap, used or not. */
  heapTotalMb: number;
  /** Memory outside the JavaScript heap: buffers, and the update thread's isolate is in RSS only. */
  externalMb: number;
  documents: number;
  connections: number;
  /** How often the server has given memory back after its documents closed (IdleMemoryRelease). */
  memoryReleases: number;
  loopDelayP99Ms: number;
  loopDelayMaxMs: number;
}

export type ServerRequest = { type: 'report'; id: number; gc: boolean; resetLoopDelay?: boolean };

const toMb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

/** RssAnon from /proc/self/status (Linux), in bytes; 0 elsewhere. */
function anonymousResidentBytes(): number {
  try {
    const match = /RssAnon:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

const loopDelay = monitorEventLoopDelay({ resolution: 5 });
loopDelay.enable();
const { server, address } = await startServer(configFromEnv());
const hocuspocus = server.collaboration.hocuspocus;

process.on('message', (request: ServerRequest) => {
  if (request.type !== 'report') return;
  const gc = (globalThis as { gc?: () => void }).gc;
  if (request.gc && gc) {
    // Twice: the first pass finalizes what the second then frees.
    gc();
    gc();
  }
  const memory = process.memoryUsage();
  const report: ServerReport = {
    rssMb: toMb(memory.rss),
    rssAnonMb: toMb(anonymousResidentBytes()),
    heapUsedMb: toMb(memory.heapUsed),
    heapTotalMb: toMb(memory.heapTotal),
    externalMb: toMb(memory.external),
    documents: hocuspocus.getDocumentsCount(),
    connections: hocuspocus.getConnectionsCount(),
    memoryReleases: server.memoryRelease.releases,
    loopDelayP99Ms: Math.round((loopDelay.percentile(99) / 1e6) * 10) / 10,
    loopDelayMaxMs: Math.round((loopDelay.max / 1e6) * 10) / 10,
  };
  if (request.resetLoopDelay) loopDelay.reset();
  process.send!({ type: 'report', id: request.id, report });
});
process.send!({ type: 'listening', address });
