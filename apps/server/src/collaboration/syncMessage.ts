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
