import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { Hocuspocus, type Extension, type Document, type onStoreDocumentPayload } from '@hocuspocus/server';
import { WebSocketServer, type RawData } from 'ws';
import type { JourneyStore } from '@klantreis/db';
import { CLOSE_CODES, COLLAB_PATH, JOURNEY_PARAMETER, PROTOCOL_PARAMETER, PROTOCOL_VERSION } from '@klantreis/sync';
import type { AccessStore } from '@klantreis/core';
import type { ActorResolver } from '../access/actorResolver.ts';
import type { HostPolicy } from '../access/webHardening.ts';
import { AccessExtension, type CollabContext } from './accessExtension.ts';
import { AwarenessExtension } from './awarenessExtension.ts';
import { PersistenceExtension } from './persistenceExtension.ts';
import { malformedFrameReason } from './syncMessage.ts';
import type { DocumentOwnership } from '../cluster/documentOwnership.ts';
import { FORWARDED_HEADER, forwardUpgrade } from '../cluster/socketForwarding.ts';

/** A websocket message larger than this closes the connection instead of reaching the document. */
const MAX_MESSAGE_BYTES = 10 * 1024 * 1024;
/** How long an editor of a journey whose lost copy is being unloaded here waits before it is told to reconnect. */
const LOST_COPY_WAIT_MS = 3_000;
/** How often the unload of a lost copy is tried again: for its first minute, and after. */
const LOST_COPY_RETRY_MS = 500;
const LOST_COPY_RETRY_LATER_MS = 5_000;
const LOST_COPY_FIRST_ATTEMPTS = 120;

export interface Collaboration {
  hocuspocus: Hocuspocus;
  persistence: PersistenceExtension;
  /** Closes every socket of one person (4409): they come back with their access as it is now. */
  disconnectUser(userId: string): number;
  /** Closes every socket (4409): everyone comes back with their access as it is now (after messages about access may have been missed). */
  disconnectEveryone(): number;
  /**
   * With several processes: resolves once no copy of the journey whose lease this process lost
   * is loaded here any more (at once when there is none), or after `waitMs`. Returns whether it is gone.
   */
  lostCopyGone(journeyId: string, waitMs?: number): Promise<boolean>;
  /** The journey's live document, unless it is a copy whose lease this process lost. */
  liveDocument(journeyId: string): Document | undefined;
  /** Stores what is pending and closes every connection. */
  close(): Promise<void>;
}

/**
 * The request as Hocuspocus wants it. The URL's host is fixed: the Host header is the client's
 * to choose (`a b` made `new Request` throw), and nothing here reads it from the URL.
 */
function toRequest(request: IncomingMessage, path: string): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    try {
      if (typeof value === 'string') headers.set(name, value);
      else if (Array.isArray(value)) headers.set(name, value.join(', '));
    } catch {
      // A header value that fetch's Headers refuses: Hocuspocus reads none of them.
    }
  }
  return new Request(`http://localhost${path}`, { headers });
}

/** Answers a request that cannot become a collaboration socket, and closes it. */
const STATUS_TEXT = { 400: 'Bad Request', 403: 'Forbidden', 404: 'Not Found', 421: 'Misdirected Request', 503: 'Service Unavailable' } as const;

/** A journey id as the server makes them: what a socket's `journey` parameter may be. */
const JOURNEY_ID = /^[A-Za-z0-9_-]{1,64}$/;

interface CollabTarget {
  path: string;
  protocol: string | null;
  /** The one journey the socket serves (`?journey=`), when the client names it. */
  journey: string | null;
}

function refuseUpgrade(socket: Duplex, status: keyof typeof STATUS_TEXT, reason: string): void {
  console.warn(`collab: refused an upgrade (${status}): ${reason}`);
  if (socket.writable) socket.end(`HTTP/1.1 ${status} ${STATUS_TEXT[status]}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  else socket.destroy();
}

/** A Host header as RFC 9110 allows it: a name or an IPv4 or bracketed IPv6 address, and a port. */
export function isValidHost(host: string | undefined): boolean {
  return host !== undefined && /^(?:[A-Za-z0-9._~-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/.test(host);
}

/** The path and query of a request for the collaboration socket, or why it is not one. */
function collabTarget(request: IncomingMessage, hosts: HostPolicy): CollabTarget | { refusal: string; status: keyof typeof STATUS_TEXT } {
  if (!isValidHost(request.headers.host)) return { refusal: 'the Host header is missing or malformed', status: 400 };
  if (!hosts.allowsHost(request.headers.host)) return { refusal: `the host ${String(request.headers.host).slice(0, 100)} is not this server's (KLANTREIS_PUBLIC_URL)`, status: 421 };
  // A browser always says which page opens a socket: only this server's own pages may.
  const origin = request.headers.origin;
  if (origin !== undefined && !hosts.allowsOrigin(origin, request.headers.host)) return { refusal: `a page of another site (${origin.slice(0, 100)}) may not open the collaboration socket`, status: 403 };
  const raw = request.url ?? '';
  if (!raw.startsWith('/') || raw.startsWith('//')) return { refusal: 'the path must start with a single /', status: 400 };
  let url: URL;
  try {
    url = new URL(raw, 'http://localhost');
  } catch {
    return { refusal: 'the path cannot be read', status: 400 };
  }
  if (url.pathname !== COLLAB_PATH) return { refusal: `no websocket at ${url.pathname.slice(0, 80)}`, status: 404 };
  if (request.headers.upgrade?.toLowerCase() !== 'websocket') return { refusal: 'not a websocket upgrade', status: 400 };
  const journey = url.searchParams.get(JOURNEY_PARAMETER);
  if (journey !== null && !JOURNEY_ID.test(journey)) return { refusal: `the ${JOURNEY_PARAMETER} parameter is not a journey id`, status: 400 };
  return { path: url.pathname + url.search, protocol: url.searchParams.get(PROTOCOL_PARAMETER), journey };
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  return data instanceof ArrayBuffer ? new Uint8Array(data) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

function finalStorePayload(hocuspocus: Hocuspocus, document: Document): onStoreDocumentPayload {
  const origin = { source: 'local' as const };
  return { instance: hocuspocus, clientsCount: 0, document, documentName: document.name, lastContext: {}, lastTransactionOrigin: origin };
}

/** The Yjs documents of the journeys, served by Hocuspocus at /collab on the API's HTTP server. */
/** `extensions` are further concerns (automatic versions, …) run after access and persistence. */
/** Who may connect: the actor behind a cookie or token, their roles, and the hosts and origins answered. */
export interface CollaborationGuard {
  resolver: ActorResolver;
  access: AccessStore;
  hosts: HostPolicy;
}

/** With several processes: this process's leases (each journey served by one process) and whether it takes editors' sockets. */
export interface CollaborationCluster {
  ownership: DocumentOwnership;
  /** False in a process without the `collab` service: it loads documents for REST writes only. */
  acceptsSockets: boolean;
}

export function attachCollaboration(server: Server, store: JourneyStore, guard: CollaborationGuard, extensions: Extension[] = [], cluster?: CollaborationCluster): Collaboration {
  const persistence = new PersistenceExtension(store, cluster?.ownership);
  const hocuspocus = new Hocuspocus({
    quiet: true,
    // The debounced store only refreshes the JSON snapshot: every update is already a row.
    debounce: 1_000,
    maxDebounce: 5_000,
    // Broadcasts wait for the next turn of the event loop (0), never go out at once (false):
    // a change made on the server is stored by an update listener that runs after
    // Hocuspocus's own, and must be committed before anyone receives it.
    flushDelay: 0,
    extensions: [new AccessExtension(store, guard.resolver, guard.access), new AwarenessExtension(), persistence, ...extensions],
  });
  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });

  /**
   * With several processes, an editor reaches the process that serves its journey: this one,
   * when it holds the lease or nobody serving it answers (the load takes the lease), or the
   * owner, to which the socket is forwarded. An upgrade forwarded once is served here.
   */
  async function routeUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer, target: CollabTarget, ownership: DocumentOwnership): Promise<void> {
    if (target.journey === null) {
      refuseUpgrade(socket, 400, `several processes serve journeys: name the journey (?${JOURNEY_PARAMETER}=)`);
      return;
    }
    // A copy this process lost the lease of must not take editors: it lags the new owner.
    if (!(await lostCopyGone(target.journey, LOST_COPY_WAIT_MS))) {
      refuseUpgrade(socket, 503, 'the journey moves to another process; reconnect');
      return;
    }
    if (request.headers[FORWARDED_HEADER] === undefined) {
      const holder = await ownership.liveHolderElsewhere(target.journey);
      if (holder && (await forwardUpgrade(request, socket, head, holder.address, { name: ownership.nodeName, address: ownership.address }))) return;
    }
    accept(request, socket, head, target);
  }

  /** Set when the server starts to stop: editors reconnecting then wait for the next server. */
  let closing = false;

  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    // A client that goes away mid-handshake must not become an unhandled 'error' event.
    socket.on('error', () => socket.destroy());
    // An editor let in while the documents are stored and unloaded would stay on a server whose
    // store is about to close, holding its edits there; refused, it tries again and finds the next.
    if (closing) {
      refuseUpgrade(socket, 503, 'the server is stopping; reconnect to the next one');
      return;
    }
    try {
      const target = collabTarget(request, guard.hosts);
      if ('refusal' in target) {
        refuseUpgrade(socket, target.status, target.refusal);
        return;
      }
      if (!cluster) {
        accept(request, socket, head, target);
        return;
      }
      if (!cluster.acceptsSockets) {
        refuseUpgrade(socket, 503, 'this process does not run the collab service (KLANTREIS_SERVICES)');
        return;
      }
      routeUpgrade(request, socket, head, target, cluster.ownership).catch((error: unknown) => {
        refuseUpgrade(socket, 503, `the journey's owner could not be found: ${(error as Error).message}`);
      });
    } catch (error) {
      refuseUpgrade(socket, 400, (error as Error).message);
    }
  });

  function accept(request: IncomingMessage, socket: Duplex, head: Buffer, target: CollabTarget): void {
    try {
      sockets.handleUpgrade(request, socket, head, (websocket) => {
        // The handshake finished after the stop began (a forwarded upgrade takes a while).
        if (closing) {
          websocket.terminate();
          return;
        }
        // An older editor would write records this server no longer understands: refuse it by name.
        if (target.protocol !== String(PROTOCOL_VERSION)) {
          console.warn(`collab: refused an editor of protocol ${String(target.protocol).slice(0, 20)}: ${CLOSE_CODES.protocolOutdated.reason}`);
          websocket.close(CLOSE_CODES.protocolOutdated.code, CLOSE_CODES.protocolOutdated.reason);
          return;
        }
        const connection = hocuspocus.handleConnection(websocket as unknown as WebSocket, toRequest(request, target.path));
        websocket.on('message', (data) => {
          const frame = toBytes(data);
          const malformed = malformedFrameReason(frame);
          if (malformed !== null) {
            console.warn(`collab: dropped a malformed message: ${malformed}`);
            websocket.close(1003, 'malformed-message');
            return;
          }
          try {
            connection.handleMessage(frame);
          } catch (error) {
            console.warn(`collab: dropped a malformed message: ${(error as Error).message}`);
            websocket.close(1003, 'malformed-message');
          }
        });
        websocket.on('close', (code, reason) => connection.handleClose({ code, reason: reason.toString() } as CloseEvent));
        websocket.on('error', () => websocket.terminate());
      });
    } catch (error) {
      refuseUpgrade(socket, 400, (error as Error).message);
    }
  }

  /** The journeys whose lease this process lost, while their copy here is being unloaded. */
  const losing = new Map<string, Promise<void>>();

  /**
   * Closes the connections of a journey whose lease was lost and unloads its copy: the new
   * owner has the journey now, and this copy falls behind it (a reader let in here would see
   * an old map, a REST read here would answer one). Hocuspocus keeps a document whose store
   * hooks failed, "to avoid data loss", until a later store succeeds; a lease is lost that way
   * (the database away), so the unload is tried again until it is done, and until then the
   * copy takes no editor and answers no read. It loses nothing: every edit was stored as a row
   * before it was applied.
   */
  async function unloadLostCopy(document: Document): Promise<void> {
    for (let attempt = 1; hocuspocus.documents.get(document.name) === document; attempt++) {
      for (const connection of document.getConnections()) connection.webSocket.close(CLOSE_CODES.ownerMoved.code, CLOSE_CODES.ownerMoved.reason);
      await hocuspocus.unloadDocument(document);
      if (hocuspocus.documents.get(document.name) !== document) return;
      if (attempt === LOST_COPY_FIRST_ATTEMPTS) console.warn(`cluster: the copy of journey ${document.name} is still loaded a minute after its lease was lost; it takes no editors, and its unload is tried every ${LOST_COPY_RETRY_LATER_MS / 1000} s`);
      await sleep(attempt < LOST_COPY_FIRST_ATTEMPTS ? LOST_COPY_RETRY_MS : LOST_COPY_RETRY_LATER_MS, undefined, { ref: false });
    }
  }

  async function lostCopyGone(journeyId: string, waitMs = LOST_COPY_WAIT_MS): Promise<boolean> {
    const unloading = losing.get(journeyId);
    if (!unloading) return true;
    await Promise.race([unloading, sleep(waitMs, undefined, { ref: false })]);
    return !losing.has(journeyId);
  }

  // A lease lost to another process: this one's editors of the journey go to the new owner.
  cluster?.ownership.onLost((journeyId) => {
    const document = hocuspocus.documents.get(journeyId);
    if (!document || losing.has(journeyId)) return;
    losing.set(
      journeyId,
      unloadLostCopy(document).finally(() => losing.delete(journeyId)),
    );
  });

  return {
    hocuspocus,
    persistence,
    disconnectUser(userId) {
      let closed = 0;
      for (const document of hocuspocus.documents.values()) {
        for (const connection of document.getConnections()) {
          const actor = (connection.context as Partial<CollabContext> | undefined)?.actor;
          if (actor?.kind !== 'user' || actor.userId !== userId) continue;
          connection.webSocket.close(CLOSE_CODES.accessChanged.code, CLOSE_CODES.accessChanged.reason);
          closed++;
        }
      }
      return closed;
    },
    lostCopyGone,
    liveDocument: (journeyId) => (losing.has(journeyId) ? undefined : hocuspocus.documents.get(journeyId)),
    disconnectEveryone() {
      let closed = 0;
      for (const document of hocuspocus.documents.values()) {
        for (const connection of document.getConnections()) {
          connection.webSocket.close(CLOSE_CODES.accessChanged.code, CLOSE_CODES.accessChanged.reason);
          closed++;
        }
      }
      return closed;
    },
    async close() {
      // No more editors and no more messages: then every update that was accepted is stored,
      // then each document gets its final snapshot before it is unloaded. Clients reconnect to
      // the next server and resend whatever it lacks.
      closing = true;
      for (const client of sockets.clients) client.terminate();
      hocuspocus.closeConnections();
      await persistence.drain();
      // A message that passed beforeHandleMessage is applied a few microtasks later.
      await new Promise((resolve) => setImmediate(resolve));
      await persistence.drain();
      // A document whose load began before the stop (an editor let in just before) is stored
      // and unloaded too, once loaded: none stays behind on a store about to close. (Bounded:
      // Hocuspocus keeps a document that still has a connection, such as a REST write's.)
      for (let pass = 0; pass < 3 && (hocuspocus.documents.size > 0 || hocuspocus.loadingDocuments.size > 0); pass++) {
        await Promise.allSettled(hocuspocus.loadingDocuments.values());
        for (const document of [...hocuspocus.documents.values()]) {
          await hocuspocus.storeDocumentHooks(document, finalStorePayload(hocuspocus, document), true);
          await hocuspocus.unloadDocument(document);
        }
      }
      await persistence.close();
      sockets.close();
    },
  };
}
