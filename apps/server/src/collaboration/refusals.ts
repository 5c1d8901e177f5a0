// Why the server closes an editor's websocket, named so the editor can tell its user. The codes
// (`CLOSE_CODES.updateRefused`, `CLOSE_CODES.storeFailed`) live in @klantreis/sync, shared with it.
import type { CloseCode } from '@klantreis/sync';

/** An error Hocuspocus turns into a close of the connection with this code and reason. */
export class RefusalError extends Error {
  declare readonly code: number;
  declare readonly reason: string;
  constructor(refusal: CloseCode, message: string) {
    super(message);
    this.name = 'RefusalError';
    // Hocuspocus logs the error it closes a connection for, stack, fields and all: a client's
    // fault is one line in the log, not a trace of our code (886 bad frames wrote 7,306 lines).
    // Hence no stack, and the close code and reason as fields the log does not print.
    this.stack = `${this.name}: ${message}`;
    Object.defineProperty(this, 'code', { value: refusal.code, enumerable: false });
    Object.defineProperty(this, 'reason', { value: refusal.reason, enumerable: false });
  }
}
