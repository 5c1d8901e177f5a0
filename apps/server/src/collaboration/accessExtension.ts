import type { Extension, onAuthenticatePayload } from '@hocuspocus/server';
import type { JourneyStore } from '@klantreis/db';
import { CLOSE_CODES } from '@klantreis/sync';

/** Only journeys that exist and are not in the trash can be opened for editing. */
export class AccessExtension implements Extension {
  private readonly store: JourneyStore;

  constructor(store: JourneyStore) {
    this.store = store;
  }

  async onAuthenticate({ documentName }: onAuthenticatePayload): Promise<void> {
    const journey = await this.store.getJourney(documentName);
    if (!journey || journey.deletedAt !== null) {
      throw Object.assign(new Error(`no journey ${documentName}`), { reason: CLOSE_CODES.journeyNotFound.reason });
    }
  }
}
