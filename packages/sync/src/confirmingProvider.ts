import { HocuspocusProvider, HocuspocusProviderWebsocket, MessageType, type HocuspocusProviderConfiguration } from '@hocuspocus/provider';

/** WebSocket.OPEN, the same in browsers and Node. */
const OPEN = 1;

/** A provider message's type: the varUint after its document name (a varString), or null if unreadable. */
export function messageTypeOf(message: Uint8Array): number | null {
  let at = 0;
  const readVarUint = (): number | null => {
    let value = 0;
    for (let shift = 0; shift < 35; shift += 7) {
      if (at >= message.length) return null;
      const byte = message[at++]!;
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return value;
    }
    return null;
  };
  const nameLength = readVarUint();
  if (nameLength === null) return null;
  at += nameLength;
  return readVarUint();
}

/**
 * The provider's socket, which sends a document message only on an open socket. The stock one
 * queues every message sent while it is offline and sends the queue on the next socket, after
 * that socket's handshake has begun: the server then confirmed each queued edit, and the
 * provider, whose count of unconfirmed edits the handshake had reset to one, counted each of
 * those confirmations off it. It said "everything is stored" while most of an offline burst had
 * not reached the server (acknowledgement.test.ts). A document message needs no queue: the next
 * socket's handshake sends the server all it lacks, and that one message is confirmed once.
 * Sign-in and presence messages are queued as before.
 */
export class ConfirmingWebsocket extends HocuspocusProviderWebsocket {
  override send(message: unknown): void {
    if (this.webSocket?.readyState !== OPEN && message instanceof Uint8Array && messageTypeOf(message) === MessageType.Sync) return;
    super.send(message);
  }
}

/** Per provider message class, whether it carries the document (an update or a sync step). */
const documentClasses = new WeakMap<object, boolean>();

/** Whether a provider message class carries the document, by its type: read once per class (every keystroke and cursor move sends). */
function isDocumentMessage(message: new () => { type?: unknown }): boolean {
  let document = documentClasses.get(message);
  if (document === undefined) {
    document = new message().type === MessageType.Sync;
    documentClasses.set(message, document);
  }
  return document;
}

/**
 * A HocuspocusProvider whose count of unconfirmed edits (`unsyncedChanges`, shown as "saved")
 * is exact: the server stores an edit before it confirms it, one confirmation per message in
 * the order received, and the count is reset to one by each socket's handshake. So:
 * - every document message counted goes out once, on the socket whose handshake reset the
 *   count (ConfirmingWebsocket drops those sent while no socket is open);
 * - the handshake runs once per open socket: a start deferred past a reconnect (the web app's
 *   first sync waits for the browser's copy) ran a second time on the new socket, and its second
 *   answer confirmed one edit too many;
 * - an edit made between a socket's opening and its handshake (the sign-in is awaited first) is
 *   not sent ahead of it: counted before the reset and confirmed after, it made the count 0
 *   while the handshake's answer, holding the edits made offline, was still on its way. The
 *   handshake's answer carries it.
 * Given a `url`, it makes and manages its own ConfirmingWebsocket, as the stock provider does its own.
 * (It does not support `forceSyncInterval` or `flushDelay`, which reset and batch the count.)
 */
export class ConfirmingProvider extends HocuspocusProvider {
  /** The socket the last handshake ran on. */
  private handshakeSocket: unknown = null;
  private startingSync = false;

  override setConfiguration(configuration: Partial<HocuspocusProviderConfiguration> = {}): void {
    if (configuration.websocketProvider || !('url' in configuration)) {
      super.setConfiguration(configuration);
      return;
    }
    super.setConfiguration({ ...configuration, websocketProvider: new ConfirmingWebsocket(configuration as ConstructorParameters<typeof ConfirmingWebsocket>[0]) });
    this.manageSocket = true;
  }

  override startSync(): void {
    const socket = this.configuration.websocketProvider.webSocket;
    // No open socket: its `open` starts the handshake. This socket's handshake ran already.
    if (!socket || socket.readyState !== OPEN || socket === this.handshakeSocket) return;
    this.handshakeSocket = socket;
    this.startingSync = true;
    try {
      super.startSync();
    } finally {
      this.startingSync = false;
    }
  }

  override send(message: Parameters<HocuspocusProvider['send']>[0], args: Parameters<HocuspocusProvider['send']>[1]): void {
    const handshakeDone = this.handshakeSocket !== null && this.configuration.websocketProvider.webSocket === this.handshakeSocket;
    if (!this.startingSync && !handshakeDone && isDocumentMessage(message as new () => { type?: unknown })) return;
    super.send(message, args);
  }
}
