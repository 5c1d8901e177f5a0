import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { Hocuspocus, type Extension, type Document, type onStoreDocumentPayload } from '@hocuspocus/server';
import { WebSocketServer, type RawData } from 'ws';
import type { JourneyStore } from '@klantreis/db';
import { CLOSE_CODES, COLLAB_PATH, PROTOCOL_PARAMETER, PROTOCOL_VERSION } from '@klantreis/sync';
import { AccessExtension } from './accessExtension.ts';
import { PersistenceExtension } from './persistenceExtension.ts';

/** A websocket message larger than this closes the connection instead of reaching the document. */
const MAX_MESSAGE_BYTES = 10 * 1024 * 1024;

export interface Collaboration {
  hocuspocus: Hocuspocus;
  persistence: PersistenceExtension;
  /** Stores what is pending and closes every connection. */
  close(): Promise<void>;
}

function toRequest(request: IncomingMessage): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (typeof value === 'string') headers.set(name, value);
    else if (Array.isArray(value)) headers.set(name, value.join(', '));
  }
  return new Request(`http://${request.headers.host ?? 'localhost'}${request.url ?? '/'}`, { headers });
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
export function attachCollaboration(server: Server, store: JourneyStore, extensions: Extension[] = []): Collaboration {
  const persistence = new PersistenceExtension(store);
  const hocuspocus = new Hocuspocus({
    quiet: true,
    // The debounced store only refreshes the JSON snapshot: every update is already a row.
    debounce: 1_000,
    maxDebounce: 5_000,
    // Broadcasts wait for the next turn of the event loop (0), never go out at once (false):
    // a change made on the server is stored by an update listener that runs after
    // Hocuspocus's own, and must be committed before anyone receives it.
    flushDelay: 0,
    extensions: [new AccessExtension(store), persistence, ...extensions],
  });
  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });

  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname !== COLLAB_PATH) {
      socket.destroy();
      return;
    }
    sockets.handleUpgrade(request, socket, head, (websocket) => {
      // An older editor would write records this server no longer understands: refuse it by name.
      if (url.searchParams.get(PROTOCOL_PARAMETER) !== String(PROTOCOL_VERSION)) {
        websocket.close(CLOSE_CODES.protocolOutdated.code, CLOSE_CODES.protocolOutdated.reason);
        return;
      }
      const connection = hocuspocus.handleConnection(websocket as unknown as WebSocket, toRequest(request));
      websocket.on('message', (data) => {
        try {
          connection.handleMessage(toBytes(data));
        } catch (error) {
          console.warn(`collab: dropped a malformed message: ${(error as Error).message}`);
          websocket.close(1003, 'malformed-message');
        }
      });
      websocket.on('close', (code, reason) => connection.handleClose({ code, reason: reason.toString() } as CloseEvent));
      websocket.on('error', () => websocket.terminate());
    });
  });

  return {
    hocuspocus,
    persistence,
    async close() {
      // No more messages: then every update that was accepted is stored, then each document
      // gets its final snapshot before it is unloaded. Clients reconnect to the next server
      // and resend whatever it lacks.
      for (const client of sockets.clients) client.terminate();
      hocuspocus.closeConnections();
      await persistence.drain();
      // A message that passed beforeHandleMessage is applied a few microtasks later.
      await new Promise((resolve) => setImmediate(resolve));
      await persistence.drain();
      for (const document of [...hocuspocus.documents.values()]) {
        await hocuspocus.storeDocumentHooks(document, finalStorePayload(hocuspocus, document), true);
        await hocuspocus.unloadDocument(document);
      }
      await persistence.close();
      sockets.close();
    },
  };
}
