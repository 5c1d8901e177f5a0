import { describe, expect, it } from 'vitest';
import * as encoding from 'lib0/encoding';
import { MessageType } from '@hocuspocus/provider';
import { ConfirmingProvider, ConfirmingWebsocket, messageTypeOf } from './confirmingProvider.ts';

function message(name: string, type: number, body: number[] = [1, 2, 3]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, name);
  encoding.writeVarUint(encoder, type);
  encoding.writeVarUint8Array(encoder, new Uint8Array(body));
  return encoding.toUint8Array(encoder);
}

/** The messages the socket keeps for its next connection (a private field of Hocuspocus's). */
const queued = (socket: ConfirmingWebsocket) => (socket as unknown as { messageQueue: unknown[] }).messageQueue;

describe('a provider socket that sends document messages only while open', () => {
  it('reads the type after the document name, also past a one-byte name length', () => {
    expect(messageTypeOf(message('journey-1', MessageType.Sync))).toBe(MessageType.Sync);
    expect(messageTypeOf(message('j'.repeat(300), MessageType.Awareness))).toBe(MessageType.Awareness);
    expect(messageTypeOf(message('journey-1', MessageType.Auth))).toBe(MessageType.Auth);
    expect(messageTypeOf(new Uint8Array())).toBeNull();
    expect(messageTypeOf(message('journey-1', MessageType.Sync).subarray(0, 5))).toBeNull();
  });

  it('drops a document message while offline (the next handshake carries it) and keeps sign-in and presence for the next socket', () => {
    const socket = new ConfirmingWebsocket({ url: 'ws://127.0.0.1:9/collab', autoConnect: false });
    try {
      socket.send(message('journey-1', MessageType.Sync));
      expect(queued(socket)).toHaveLength(0);
      socket.send(message('journey-1', MessageType.Auth));
      socket.send(message('journey-1', MessageType.Awareness));
      expect(queued(socket)).toHaveLength(2);
    } finally {
      socket.destroy();
    }
  });

  it('is the socket a provider given a url makes and manages', () => {
    const provider = new ConfirmingProvider({ url: 'ws://127.0.0.1:9/collab', name: 'journey-1', autoConnect: false } as ConstructorParameters<typeof ConfirmingProvider>[0]);
    try {
      expect(provider.configuration.websocketProvider).toBeInstanceOf(ConfirmingWebsocket);
      expect(provider.manageSocket).toBe(true);
    } finally {
      provider.destroy();
    }
  });
});
