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

/**
 * A HocuspocusProvider whose count of unconfirmed edits (`unsyncedChanges`, shown as "saved")
 * is exact: the server stores an edit before it confirms it, one confirmation per message in
 * the order sent, and with ConfirmingWebsocket every document message counted is sent once, on
 * the socket whose handshake reset the count. Given a `url`, it makes and manages its own
 * ConfirmingWebsocket, as the stock provider does its own.
 */
export class ConfirmingProvider extends HocuspocusProvider {
  override setConfiguration(configuration: Partial<HocuspocusProviderConfiguration> = {}): void {
    if (configuration.websocketProvider || !('url' in configuration)) {
      super.setConfiguration(configuration);
      return;
    }
    super.setConfiguration({ ...configuration, websocketProvider: new ConfirmingWebsocket(configuration as ConstructorParameters<typeof ConfirmingWebsocket>[0]) });
    this.manageSocket = true;
  }
}
