import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import * as syncProtocol from 'y-protocols/sync';
import { syncStep2UpdateOf } from './localCopyFirst.ts';

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
