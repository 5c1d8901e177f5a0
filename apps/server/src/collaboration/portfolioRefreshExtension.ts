import type { Extension, afterStoreDocumentPayload } from '@hocuspocus/server';
import type { JourneyRollupCache } from '../commands/journeyRollupCache.ts';

/**
 * Refreshes a journey's cached portfolio roll-up (its designed half) once its new snapshot is
 * stored, so that the portfolio's next read finds it ready instead of evaluating the journey
 * while management waits. Rides on Hocuspocus's debounced store: once per burst of edits.
 */
export class PortfolioRefreshExtension implements Extension {
  private readonly cache: JourneyRollupCache;

  constructor(cache: JourneyRollupCache) {
    this.cache = cache;
  }

  async afterStoreDocument({ documentName }: afterStoreDocumentPayload): Promise<void> {
    // The roll-up is only a shortcut: a failure leaves it stale, and the next read recomputes it.
    await this.cache.refreshDesigned(documentName).catch((error: unknown) => {
      console.warn(`portfolio: roll-up of journey ${documentName} not refreshed: ${(error as Error).message}`);
    });
  }
}
