import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { ConfirmingWebsocket } from '@klantreis/sync/provider';
import { LocalFirstProvider, syncStep2UpdateOf, worthHandingOn } from './localCopyFirst.ts';

/** A message as Hocuspocus frames it: the document's name, the message type (0, sync), the sync message. */
function hocuspocusMessage(name: string, write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, name);
  encoding.writeVarUint(encoder, 0);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

describe('the server’s answer to the state vector, read from its message', () => {
  it('is the update of a sync step 2 and nothing else', () => {
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'x'.repeat(300)); // longer than a one-byte length
    const update = Y.encodeStateAsUpdate(doc);
    const step2 = hocuspocusMessage('journey-1', (encoder) => syncProtocol.writeSyncStep2(encoder, doc));
    expect(syncStep2UpdateOf(step2)).toEqual(update);
    // Applied to an empty document, the bytes give the same text.
    const copy = new Y.Doc();
    Y.applyUpdate(copy, syncStep2UpdateOf(step2)!);
    expect(copy.getText('t').toString()).toBe('x'.repeat(300));

    expect(syncStep2UpdateOf(hocuspocusMessage('journey-1', (encoder) => syncProtocol.writeSyncStep1(encoder, doc)))).toBeNull();
    expect(syncStep2UpdateOf(hocuspocusMessage('journey-1', (encoder) => syncProtocol.writeUpdate(encoder, update)))).toBeNull();
    // An awareness message (type 1), a cut message, nothing at all.
    const awareness = encoding.createEncoder();
    encoding.writeVarString(awareness, 'journey-1');
    encoding.writeVarUint(awareness, 1);
    encoding.writeVarUint8Array(awareness, new Uint8Array([1, 2, 3]));
    expect(syncStep2UpdateOf(encoding.toUint8Array(awareness))).toBeNull();
    expect(syncStep2UpdateOf(step2.subarray(0, step2.length - 10))).toBeNull();
    expect(syncStep2UpdateOf(new Uint8Array())).toBeNull();
  });
});

describe('the server’s answer handed on to y-indexeddb as it came', () => {
  /** Applies `update` to `doc` as the provider does, and gives the transaction. */
  function applied(doc: Y.Doc, update: Uint8Array): Y.Transaction {
    let seen: Y.Transaction | undefined;
    const listen = (transaction: Y.Transaction) => (seen = transaction);
    doc.on('afterTransaction', listen);
    try {
      Y.applyUpdate(doc, update, 'provider');
    } catch {
      // y-protocols catches it too; the transaction has ended by then.
    } finally {
      doc.off('afterTransaction', listen);
    }
    return seen!;
  }

  it('only when it changed the document, and only when its bytes read as a whole update', () => {
    const server = new Y.Doc();
    server.getText('cell').insert(0, 'Pay at the till');
    server.getMap('records').set('step', { title: 'Pay' });
    const update = Y.encodeStateAsUpdate(server);
    const browser = new Y.Doc();
    // A first visit: everything is news.
    expect(worthHandingOn(update, applied(browser, update))).toBe(true);
    // A reconnect's answer repeats it: nothing changed, nothing to store (Yjs would emit nothing).
    expect(worthHandingOn(update, applied(browser, update))).toBe(false);
    // A deletion alone is a change.
    server.getText('cell').delete(0, 4);
    const deletion = Y.encodeStateAsUpdate(server, Y.encodeStateVector(browser));
    expect(worthHandingOn(deletion, applied(browser, deletion))).toBe(true);
    // Bytes Yjs cannot read (a struct cut in the middle, the frame's length intact) are not stored.
    server.getText('cell').insert(0, 'x'.repeat(200));
    const news = Y.encodeStateAsUpdate(server, Y.encodeStateVector(browser));
    const broken = news.slice(0, news.length - 60);
    const fresh = new Y.Doc();
    const transaction = applied(fresh, broken);
    expect(() => Y.parseUpdateMeta(broken)).toThrow();
    expect(worthHandingOn(broken, transaction)).toBe(false);
    // Even where the document did change, unreadable bytes stay out of the copy.
    const whole = Y.encodeStateAsUpdate(server);
    expect(worthHandingOn(whole.slice(0, whole.length - 60), applied(new Y.Doc(), whole))).toBe(false);
    expect(worthHandingOn(whole, applied(new Y.Doc(), whole))).toBe(true);
  });
});

describe('the editor’s provider', () => {
  it('sends through a socket whose count of unconfirmed edits is exact (no offline queue of document messages)', () => {
    const provider = new LocalFirstProvider({ url: 'ws://127.0.0.1:9/collab', name: 'journey-1', autoConnect: false } as ConstructorParameters<typeof LocalFirstProvider>[0]);
    try {
      expect(provider.configuration.websocketProvider).toBeInstanceOf(ConfirmingWebsocket);
    } finally {
      provider.destroy();
    }
  });
});
