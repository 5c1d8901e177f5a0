// Why the server closes an editor's websocket, named so the editor can tell its user. The codes
// (`CLOSE_CODES.updateRefused`, `CLOSE_CODES.storeFailed`) live in @klantreis/sync, shared with it.
import type { CloseCode } from '@klantreis/sync';

/** An error Hocuspocus turns into a close of the connection with this code and reason. */
export class RefusalError extends Error {
  readonly code: number;
  readonly reason: string;
  constructor(refusal: CloseCode, message: string) {
    super(message);
    this.code = refusal.code;
    this.reason = refusal.reason;
  }
}
