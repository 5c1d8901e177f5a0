// Why the server closes an editor's websocket, named so the editor can tell its user.
// 4000–4999 are free for applications; the codes shared with the editor live in @klantreis/sync.

export const REFUSALS = {
  /** The message would write something that does not fit the journey schema, or cannot be read. */
  updateRefused: { code: 4422, reason: 'klantreis-update-refused' },
  /** The update could not be stored, so it was not applied; the editor keeps it and resends it. */
  storeFailed: { code: 4503, reason: 'klantreis-store-failed' },
} as const;

export type Refusal = (typeof REFUSALS)[keyof typeof REFUSALS];

/** An error Hocuspocus turns into a close of the connection with this code and reason. */
export class RefusalError extends Error {
  readonly code: number;
  readonly reason: string;
  constructor(refusal: Refusal, message: string) {
    super(message);
    this.code = refusal.code;
    this.reason = refusal.reason;
  }
}
