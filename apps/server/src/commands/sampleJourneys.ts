import type { JourneyStore } from '@klantreis/db';
import { TEMPLATE_IDS } from '@klantreis/templates';
import type { JourneyCreator } from './journeyCreator.ts';

const SEEDED_SETTING = 'samples-seeded';

/**
 * On the first start of an instance the templates are added as sample journeys, once: a team
 * that deletes them does not get them back on the next restart.
 */
export async function seedSampleJourneys(store: JourneyStore, creator: JourneyCreator, locale: 'nl' | 'en'): Promise<number> {
  if (await store.getSetting(SEEDED_SETTING)) return 0;
  for (const templateId of TEMPLATE_IDS) await creator.fromTemplate(templateId, locale);
  await store.setSetting(SEEDED_SETTING, new Date().toISOString());
  return TEMPLATE_IDS.length;
}
