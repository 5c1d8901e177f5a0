import { type HocuspocusProvider, type HocuspocusProviderWebsocket, WebSocketStatus } from '@hocuspocus/provider';
import * as Y from 'yjs';
import { CLOSE_CODES, collabUrl } from '@klantreis/sync';
import { ConfirmingProvider, ConfirmingWebsocket } from '@klantreis/sync/provider';
import { tokenFor } from '../../testCredentials.ts';

/** An editor as the web app runs it (a ConfirmingProvider over its own ConfirmingWebsocket), in Node. */
export interface EditorConnection {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  socket: HocuspocusProviderWebsocket;
  /** Resolves when the provider is in sync with the server (again). */
  synced(timeoutMs?: number): Promise<void>;
  /** Drops the connection, as a lost network would; edits keep going into `doc`. */
  goOffline(): void;
  /** Reconnects; the provider then syncs whatever either side missed. */
  goOnline(timeoutMs?: number): Promise<void>;
  close(): void;
}

export interface EditorOptions {
  /** A fixed Yjs client id, for runs replayed from a seed. */
  clientId?: number;
  /** Reconnect quickly after a server restart (the provider's default waits a second or more). */
  reconnectDelayMs?: number;
  /** Called with the reason when the server refuses the document. */
  onRefused?: (reason: string) => void;
  /** The API token it connects with; the test token of its server when not given. */
  token?: string;
}

/** Rejects with `what` if `promise` takes longer than `ms`, so a stuck step names itself. */
async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([promise, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${what} within ${ms} ms`)), ms)))]);
  } finally {
    clearTimeout(timer);
  }
}

export function connectEditor(baseUrl: string, journeyId: string, options: EditorOptions = {}): EditorConnection {
  const doc = new Y.Doc();
  if (options.clientId !== undefined) doc.clientID = options.clientId;
  const delay = options.reconnectDelayMs ?? 100;
  // As the web app's: its count of unconfirmed edits is exact (confirmingProvider.ts).
  const socket = new ConfirmingWebsocket({ url: collabUrl(baseUrl, journeyId), delay, minDelay: delay, maxDelay: delay * 4, factor: 1.5 });
  const provider = new ConfirmingProvider({ websocketProvider: socket, name: journeyId, document: doc, token: options.token ?? tokenFor(baseUrl) });
  provider.on('authenticationFailed', ({ reason }: { reason: string }) => {
    // Several processes: another one took the journey over as this one loaded it (go there);
    // or the database does not answer now (try again), as the web app does.
    // The socket is closed, not disconnected: disconnect() stops reconnecting, and a connect()
    // asked for before the old socket had closed did nothing, leaving the editor offline.
    if (reason === CLOSE_CODES.ownerMoved.reason || reason === CLOSE_CODES.storeFailed.reason) {
      socket.webSocket?.close();
      return;
    }
    options.onRefused?.(reason);
  });
  provider.attach();
  return {
    doc,
    provider,
    socket,
    synced(timeoutMs = 10_000) {
      if (provider.isSynced && !provider.hasUnsyncedChanges) return Promise.resolve();
      return new Promise<void>((resolve, reject) => {
        const check = () => {
          if (!provider.isSynced || provider.hasUnsyncedChanges) return;
          done();
          resolve();
        };
        const timer = setTimeout(() => {
          done();
          const state = `synced ${provider.isSynced}, unsynced changes ${provider.unsyncedChanges}, authenticated ${provider.isAuthenticated}, socket ${socket.status}`;
          reject(new Error(`editor of ${journeyId} did not sync within ${timeoutMs} ms (${state})`));
        }, timeoutMs);
        const done = () => {
          clearTimeout(timer);
          provider.off('synced', check);
          provider.off('unsyncedChanges', check);
        };
        provider.on('synced', check);
        provider.on('unsyncedChanges', check);
      });
    },
    goOffline() {
      socket.disconnect();
    },
    async goOnline(timeoutMs = 15_000) {
      // The provider closes its socket asynchronously; connecting before the close event
      // arrives lets that stale event tear down the new socket (HocuspocusProviderWebsocket
      // does not check which socket closed), and the editor stays offline. Without a socket
      // (disconnected between two reconnect attempts) no close event will come: the status
      // stays "connecting" for good, so there is nothing to wait for.
      if (socket.status !== WebSocketStatus.Disconnected && socket.webSocket !== null) {
        const closed = new Promise<void>((resolve) => {
          const onStatus = ({ status }: { status: WebSocketStatus }) => {
            if (status !== WebSocketStatus.Disconnected) return;
            socket.off('status', onStatus);
            resolve();
          };
          socket.on('status', onStatus);
        });
        try {
          await within(closed, 3_000, `the old socket of an editor of ${journeyId} did not close (status ${socket.status})`);
        } catch (error) {
          // A reconnect attempt already under way when the editor went offline can open a new
          // socket after the close was asked for: that editor is simply online again.
          if (socket.status !== WebSocketStatus.Connected) throw error;
        }
      }
      if (socket.status === WebSocketStatus.Connected) {
        // connect() returns early on a live socket without wanting to reconnect again, which a
        // later server restart needs.
        socket.shouldConnect = true;
        return;
      }
      // connect() resolves when its own attempts end: on a socket's first message, or when going
      // offline again cancels them. A second connect() (a second goOnline after the same close: the
      // fuzz drops and restores an editor twice before the first close arrives) cancels them and
      // replaces their socket, and the first one's promise never settled: its goOnline failed after
      // 15 s with the editor online. Whichever socket gets there, the first message means online.
      let onConnect: (() => void) | undefined;
      const reached = new Promise<void>((resolve) => socket.on('connect', (onConnect = resolve)));
      try {
        await within(Promise.race([socket.connect(), reached]), timeoutMs, `an editor of ${journeyId} could not reconnect (status ${socket.status})`);
      } finally {
        socket.off('connect', onConnect);
      }
    },
    close() {
      provider.destroy();
      socket.destroy();
      doc.destroy();
    },
  };
}

/** The journey's document as the server has it now, read by an editor that then leaves. */
export async function readDocumentFromServer(baseUrl: string, journeyId: string): Promise<Y.Doc> {
  const reader = connectEditor(baseUrl, journeyId);
  try {
    await reader.synced();
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(reader.doc));
    return copy;
  } finally {
    reader.close();
  }
}
