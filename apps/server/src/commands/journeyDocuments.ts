import type { Hocuspocus } from '@hocuspocus/server';
import type * as Y from 'yjs';
import type { JourneyStore } from '@klantreis/db';
import { CURRENT_SCHEMA_VERSION, parseJourneyDocument, type JourneyDocument } from '@klantreis/schema';
import { journeyFromDoc } from '@klantreis/sync';

export class JourneyNotFoundError extends Error {
  readonly statusCode = 404;
  constructor(id: string) {
    super(`no journey with id ${id}`);
    this.name = 'JourneyNotFoundError';
  }
}

/**
 * Reads and writes journeys for the REST API. Reads take the live document when someone is
 * editing it (its snapshot may be a second behind) and the stored JSON snapshot otherwise;
 * writes always go through the Yjs document, so open editors see them at once.
 */
export class JourneyDocuments {
  private readonly store: JourneyStore;
  private readonly hocuspocus: Hocuspocus;

  constructor(store: JourneyStore, hocuspocus: Hocuspocus) {
    this.store = store;
    this.hocuspocus = hocuspocus;
  }

  async read(id: string): Promise<JourneyDocument> {
    const live = this.hocuspocus.documents.get(id);
    if (live) return journeyFromDoc(live, { validate: true });
    const row = await this.store.getJourney(id);
    if (!row) throw new JourneyNotFoundError(id);
    const snapshot = JSON.parse(row.snapshot) as JourneyDocument;
    if (snapshot.schemaVersion === CURRENT_SCHEMA_VERSION) return snapshot;
    // A snapshot stored by an older Klantreis, of a journey nobody has opened since: migrate it
    // as an import would (the Yjs document is migrated when it is next loaded).
    const migrated = parseJourneyDocument(snapshot);
    if (!migrated.ok) throw new Error(`journey ${id}: stored snapshot cannot be migrated: ${migrated.issues[0]!.path}: ${migrated.issues[0]!.message}`);
    return migrated.document;
  }

  /** Runs `change` on the journey's Yjs document; a validation error in it changes nothing. */
  async edit<T>(id: string, change: (doc: Y.Doc) => T): Promise<T> {
    const row = await this.store.getJourney(id);
    if (!row || row.deletedAt !== null) throw new JourneyNotFoundError(id);
    const connection = await this.hocuspocus.openDirectConnection(id);
    try {
      let result: T | undefined;
      let failure: unknown;
      await connection.transact((doc) => {
        try {
          result = change(doc);
        } catch (error) {
          failure = error;
        }
      });
      if (failure) throw failure;
      return result as T;
    } finally {
      await connection.disconnect();
    }
  }
}
