// Issue 9.2: one TCP request with a malformed Host or path threw in the websocket upgrade
// handler and the server process exited. Every malformed request gets an HTTP answer, and the
// real server process (as `npm start` runs it) lives on.
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { COLLAB_PATH, PROTOCOL_PARAMETER, PROTOCOL_VERSION } from '@klantreis/sync';
import { startServerProcess, type ServerProcess } from './reliability/serverProcess.ts';
import { authorizedFetch } from '../testCredentials.ts';

/** Sends raw bytes and resolves with what came back before the server closed (or 3 s passed). */
function rawRequest(url: string, request: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    let answer = '';
    const timer = setTimeout(() => {
      socket.destroy();
      resolve(answer);
    }, 3_000);
    socket.on('data', (chunk) => (answer += chunk.toString('latin1')));
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(answer);
    });
    socket.on('error', (error) => {
      clearTimeout(timer);
      if ((error as NodeJS.ErrnoException).code === 'ECONNRESET') resolve(answer);
      else reject(error);
    });
    socket.write(request, 'latin1');
  });
}

const upgrade = (path: string, host: string | null) =>
  `GET ${path} HTTP/1.1\r\n${host === null ? '' : `Host: ${host}\r\n`}Upgrade: websocket\r\nConnection: Upgrade\r\n` +
  'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n';
const collab = `${COLLAB_PATH}?${PROTOCOL_PARAMETER}=${PROTOCOL_VERSION}`;

const MALFORMED: [string, string][] = [
  ['a Host with a space', upgrade(collab, 'a b')],
  ['a Host with a bracket', upgrade(collab, '[::1')],
  ['a Host of a user and port only', upgrade(collab, '@:99999')],
  ['no Host at all', upgrade(collab, null)],
  ['the path //[', upgrade('//[', 'localhost')],
  ['a path that is a bare bracket', upgrade('[', 'localhost')],
  ['a broken percent escape in the path', upgrade('/collab%zz', 'localhost')],
  ['an absolute URL as the path', upgrade('http://a b/collab', 'localhost')],
  ['a path of 60,000 characters', upgrade(`/collab?x=${'a'.repeat(60_000)}`, 'localhost')],
  ['an upgrade to something else', upgrade(collab, 'localhost').replace('Upgrade: websocket', 'Upgrade: h2c')],
  ['a websocket upgrade without its key', upgrade(collab, 'localhost').replace(/Sec-WebSocket-Key: [^\r]*\r\n/, '')],
  ['a plain GET with a Host with a space', 'GET /api/health HTTP/1.1\r\nHost: a b\r\nConnection: close\r\n\r\n'],
  ['a plain GET of //[', 'GET //[ HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n'],
];

describe('malformed requests to the real server process', () => {
  let dataDir: string;
  let server: ServerProcess;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'klantreis-upgrade-'));
    server = await startServerProcess(dataDir);
  });
  afterAll(async () => {
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it.each(MALFORMED)('answers %s with an HTTP error, and lives on', async (_name, request) => {
    const answer = await rawRequest(server.url, request);
    expect(answer, server.output()).toMatch(/^HTTP\/1\.1 4\d\d /);
    expect(server.exitCode(), server.output()).toBeNull();
    const health = await authorizedFetch(`${server.url}/api/health`);
    expect(health.status).toBe(200);
  });

  it('logs one line per malformed websocket frame or refused update, without a stack trace', async () => {
    const created = await authorizedFetch(`${server.url}/api/journeys`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"title":"x"}' });
    const { id } = (await created.json()) as { id: string };
    const address = (bytes: number[]) => new Uint8Array([id.length, ...Buffer.from(id), ...bytes]);
    const frames = [
      new Uint8Array([1, 2, 3]),
      new Uint8Array([200, 200, 200, 200]),
      address([0, 2, 5, 1, 2]), // a sync update that ends early
      address([0, 9]), // an unknown sync type
      address([42]), // an unknown message type
    ];
    const before = server.output().split('\n').length;
    for (let i = 0; i < 40; i++) {
      await new Promise<void>((resolve) => {
        const socket = new WebSocket(`${server.url.replace('http', 'ws')}${collab}`);
        socket.on('open', () => socket.send(frames[i % frames.length]!));
        socket.on('close', () => resolve());
        socket.on('error', () => resolve());
        setTimeout(() => {
          socket.terminate();
          resolve();
        }, 2_000);
      });
    }
    const lines = server.output().split('\n').slice(before - 1).filter((line) => line.trim() !== '');
    expect(lines.length, lines.join('\n')).toBeLessThanOrEqual(40);
    expect(lines.filter((line) => /^\s+at /.test(line)), lines.join('\n')).toEqual([]);
    expect(server.exitCode()).toBeNull();
  });

  it('logs one line per refused upgrade, without a stack trace', async () => {
    const before = server.output().split('\n').length;
    for (let i = 0; i < 20; i++) await rawRequest(server.url, upgrade('//[', 'localhost'));
    const lines = server.output().split('\n').slice(before - 1).filter((line) => line.trim() !== '');
    expect(lines.length, lines.join('\n')).toBeLessThanOrEqual(20);
    expect(lines.filter((line) => /^\s+at /.test(line))).toEqual([]);
  });
});
