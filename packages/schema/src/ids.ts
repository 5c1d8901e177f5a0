// Every record is keyed by a typed id: the prefix names the record type, so a bare id
// read from a Yjs map, a URL or an import file always says what it points at.
export const RECORD_TYPES = ['journey', 'phase', 'step', 'lane', 'cell', 'persona', 'action', 'indicator', 'comment', 'capture', 'vote', 'link'] as const;
export type RecordType = (typeof RECORD_TYPES)[number];
export type RecordId<T extends RecordType> = `${T}:${string}`;

export type JourneyId = string;
export type PhaseId = RecordId<'phase'>;
export type StepId = RecordId<'step'>;
export type LaneId = RecordId<'lane'>;
export type CellId = RecordId<'cell'>;
export type PersonaId = RecordId<'persona'>;
export type ActionId = RecordId<'action'>;
export type IndicatorId = RecordId<'indicator'>;
export type CommentId = RecordId<'comment'>;
export type CaptureId = RecordId<'capture'>;
export type VoteId = RecordId<'vote'>;
export type LinkId = RecordId<'link'>;

/** The one journey record of a document always has this id. */
export const JOURNEY_RECORD_ID = 'journey:root' as const;

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/** 14 random base-36 characters: 72 bits, enough that concurrent editors never collide. */
export function randomKey(length = 14): string {
  const bytes = new Uint8Array(length);
  globalThis.crypto.getRandomValues(bytes);
  let key = '';
  for (const byte of bytes) key += ALPHABET[byte % ALPHABET.length];
  return key;
}

export function createId<T extends RecordType>(type: T): RecordId<T> {
  return `${type}:${randomKey()}`;
}

export function recordTypeOf(id: string): RecordType | undefined {
  const prefix = id.slice(0, id.indexOf(':'));
  return (RECORD_TYPES as readonly string[]).includes(prefix) ? (prefix as RecordType) : undefined;
}

/**
 * A cell's id is derived from its lane and step, so two people who type into the same
 * empty cell at once write to one record instead of creating two.
 */
export function cellId(laneId: LaneId, stepId: StepId): CellId {
  return `cell:${laneId.slice('lane:'.length)}~${stepId.slice('step:'.length)}`;
}
