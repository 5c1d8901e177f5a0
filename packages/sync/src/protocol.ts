// The wire contract between the editor and the collaboration server.

/**
 * Raised when a change to the document model would confuse an older client. 2: steps carry a
 * targetScore and Kano questionnaire fields, and action records exist; a version-1 editor
 * validates steps strictly and would refuse every edit of a step with the new fields.
 * 3: steps carry activityPatterns and journeyEnd, and indicator records exist (schema 7).
 * 4: comment, capture and vote records exist (schema 10); an older editor would write schema 7
 * into `meta`, which the server refuses.
 * 5: a cell's text is a root-level Y.Text (derivedTexts.ts); an older editor would write it
 * into the cell's map, where a concurrent creation of the cell dropped one person's text.
 * 6: journeys carry the portfolio fields (status idea … measured, ownerId, tags), actions
 * impact and effort, steps subJourneyId, and link records exist (schema 14); an older editor
 * would write schema 10 into `meta` and records without the new fields, which the server refuses.
 */
export const PROTOCOL_VERSION = 6;

/** The query parameter on the websocket URL that carries the client's protocol version. */
export const PROTOCOL_PARAMETER = 'protocol';

export const COLLAB_PATH = '/collab';

/** WebSocket close codes (4000–4999 are free for applications), named so both sides agree. */
export const CLOSE_CODES = {
  protocolOutdated: { code: 4426, reason: 'klantreis-protocol-outdated' },
  journeyNotFound: { code: 4404, reason: 'klantreis-journey-not-found' },
  loadFailed: { code: 4500, reason: 'klantreis-load-failed' },
  /**
   * The editor sent an update that cannot be read or does not fit the journey schema. It was
   * not stored or applied, and sending it again gets the same answer: the editor stops.
   */
  updateRefused: { code: 4422, reason: 'klantreis-update-refused' },
  /**
   * The update could not be stored, so it was not applied. Nothing is wrong with it: the editor
   * keeps it and sends it again when it reconnects.
   */
  storeFailed: { code: 4503, reason: 'klantreis-store-failed' },
  /** No session or token, or one that is no longer valid: sign in again. */
  unauthorized: { code: 4401, reason: 'klantreis-unauthorized' },
  /**
   * The update changes what the person's role may not change (a viewer's any change, a
   * commenter's change outside comments and votes). Not stored; the editor shows read-only.
   */
  forbidden: { code: 4403, reason: 'klantreis-forbidden' },
  /**
   * The person's role or session changed (a new role, removed, signed out everywhere, a token
   * revoked): the editor reconnects, is authenticated again, and asks what it may now do.
   */
  accessChanged: { code: 4409, reason: 'klantreis-access-changed' },
  /**
   * Several server processes (docs/deploy.md): another process serves this journey now (this
   * one lost its lease, or lost a race to take it). Nothing sent was lost: the editor
   * reconnects at once, reaches the owner, and resends what the owner lacks.
   */
  ownerMoved: { code: 4308, reason: 'klantreis-owner-moved' },
  /**
   * The update builds on changes the server does not have yet, and not the sender's own (an
   * edit sent before the sync that brings what it builds on). Not stored: the editor
   * reconnects as after any drop (`saveProblemOf` names no problem), and its sync sends
   * everything in order.
   */
  updateEarly: { code: 4425, reason: 'klantreis-update-early' },
} as const;


export type CloseCode = (typeof CLOSE_CODES)[keyof typeof CLOSE_CODES];

/** The Yjs document of a journey is named by the journey's id, so URLs and rooms agree. */
export function documentNameForJourney(journeyId: string): string {
  return journeyId;
}

/**
 * The query parameter naming the one journey a socket serves. A proxy in front of several
 * processes hashes it, so every editor of a journey reaches the process that serves it.
 */
export const JOURNEY_PARAMETER = 'journey';

/** The websocket URL of the collaboration server for an http(s) base URL, for one journey. */
export function collabUrl(baseUrl: string, journeyId?: string): string {
  const url = new URL(COLLAB_PATH, baseUrl);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  url.searchParams.set(PROTOCOL_PARAMETER, String(PROTOCOL_VERSION));
  if (journeyId !== undefined) url.searchParams.set(JOURNEY_PARAMETER, journeyId);
  return url.toString();
}
