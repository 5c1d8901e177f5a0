import { IncomingMessage, MessageType } from '@hocuspocus/server';

// The y-protocols sync sub-types (y-protocols/sync.js): a state vector, or a document update.
const SYNC_STEP_1 = 0;
const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

export class MalformedMessageError extends Error {}

/**
 * The Yjs update a websocket frame would apply to the document, or null for frames that
 * change nothing in it (awareness, a state vector, authentication, stateless messages).
 * A frame is `[address][message type][…]`; a sync frame continues `[sync type][update]`.
 */
export function documentUpdateOf(frame: Uint8Array): Uint8Array | null {
  try {
    const message = new IncomingMessage(frame);
    message.readVarString();
    const type = message.readVarUint();
    if (type !== MessageType.Sync && type !== MessageType.SyncReply) return null;
    const syncType = message.readVarUint();
    if (syncType === SYNC_STEP_1) return null;
    if (syncType !== SYNC_STEP_2 && syncType !== SYNC_UPDATE) throw new Error(`unknown sync message type ${syncType}`);
    // A copy: the decoder's view shares the frame's buffer, which the socket may reuse.
    return message.readVarUint8Array().slice();
  } catch (error) {
    throw new MalformedMessageError(`malformed sync message: ${(error as Error).message}`);
  }
}

// Hocuspocus's message types (its MessageType): those a client may send, and what follows them.
const AWARENESS = 1;
const AUTH = 2;
const QUERY_AWARENESS = 3;
const STATELESS = 5;
const CLOSE = 7;
const SYNC_STATUS = 8;
const PING = 9;
const PONG = 10;

/**
 * Why a websocket frame is not a message an editor sends, or null when it reads as one. Read
 * before Hocuspocus gets it: Hocuspocus logs a stack trace for each frame it cannot read.
 */
export function malformedFrameReason(frame: Uint8Array): string | null {
  try {
    const message = new IncomingMessage(frame);
    message.readVarString();
    const type = message.readVarUint();
    if (type === MessageType.Sync || type === MessageType.SyncReply) {
      const syncType = message.readVarUint();
      if (syncType !== SYNC_STEP_1 && syncType !== SYNC_STEP_2 && syncType !== SYNC_UPDATE) return `unknown sync message type ${syncType}`;
      message.readVarUint8Array();
    } else if (type === AWARENESS) message.readVarUint8Array();
    else if (type === AUTH) message.readVarUint();
    else if (type === STATELESS) message.readVarString();
    else if (![QUERY_AWARENESS, CLOSE, SYNC_STATUS, PING, PONG].includes(type)) return `unknown message type ${type}`;
    return null;
  } catch (error) {
    return `cannot be read: ${(error as Error).message}`;
  }
}
