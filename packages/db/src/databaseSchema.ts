import type { Generated } from 'kysely';

/** Times are epoch milliseconds: one type on SQLite and PostgreSQL, no time-zone surprises. */
export interface JourneysTable {
  id: string;
  title: string;
  template_id: string | null;
  created_at: number;
  updated_at: number;
  /** Set when the journey is in the trash; null while it is live. */
  deleted_at: number | null;
  /** The canonical JSON snapshot (open format) that the API, CLI and evaluation read. */
  snapshot: string;
  /** A small JSON summary for the journeys list: step count and the curve's scores. */
  summary: string;
}

/** Every Yjs update as it arrived, so a crash loses nothing that was accepted. */
export interface JourneyUpdatesTable {
  journey_id: string;
  seq: Generated<number>;
  data: Uint8Array;
  created_at: number;
}

/** The merged Yjs state up to (and including) update `upto_seq`. */
export interface JourneyStatesTable {
  journey_id: string;
  state: Uint8Array;
  upto_seq: number;
}

export interface SettingsTable {
  key: string;
  value: string;
}

export interface Database {
  settings: SettingsTable;
  journeys: JourneysTable;
  journey_updates: JourneyUpdatesTable;
  journey_states: JourneyStatesTable;
}

export type Dialect = 'sqlite' | 'postgres';
