import type { Extension, onStoreDocumentPayload } from '@hocuspocus/server';
import type { VersionStore } from '@klantreis/db';
import { journeyFromDoc } from '@klantreis/sync';

export const AUTO_VERSION_INTERVAL_MS = 60 * 60 * 1000;

/**
 * Takes an automatic version of a journey while it is being edited, at most once an interval
 * (hourly by default), so a workshop can always go back to how the map looked an hour ago.
 * It rides on Hocuspocus's debounced store hook, which only fires after changes.
 */
export class VersionExtension implements Extension {
  private readonly versions: VersionStore;
  private readonly intervalMs: number;

  constructor(versions: VersionStore, intervalMs = AUTO_VERSION_INTERVAL_MS) {
    this.versions = versions;
    this.intervalMs = intervalMs;
  }

  async onStoreDocument({ documentName, document }: onStoreDocumentPayload): Promise<void> {
    const latest = await this.versions.latestVersionTime(documentName, 'auto');
    if (latest !== null && Date.now() - latest < this.intervalMs) return;
    const snapshot = journeyFromDoc(document, { validate: true });
    await this.versions.createVersion({ journeyId: documentName, name: new Date().toISOString(), kind: 'auto', author: 'Klantreis', document: snapshot });
  }
}
