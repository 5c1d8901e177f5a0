import type { JourneyStore } from '@klantreis/db';
import { buildTemplate, templatesInLinkOrder, type LinkedJourneys, type TemplateId } from '@klantreis/templates';
import type { JourneyCreator } from './journeyCreator.ts';

const SEEDED_SETTING = 'samples-seeded';

/**
 * On the first start of an instance the templates are added as sample journeys, once: a team
 * that deletes them does not get them back on the next restart. A journey is stored before the
 * experience maps that link to it, so their stages link to the real sample journeys.
 */
export async function seedSampleJourneys(store: JourneyStore, creator: JourneyCreator, locale: 'nl' | 'en'): Promise<number> {
  if (await store.getSetting(SEEDED_SETTING)) return 0;
  const stored = new Map<TemplateId, { journeyId: string; phaseIds: string[] }>();
  const order = templatesInLinkOrder();
  for (const templateId of order) {
    const document = buildTemplate(templateId, locale, stored as LinkedJourneys);
    const journeyId = await creator.fromDocument(document, templateId);
    stored.set(templateId, { journeyId, phaseIds: document.phases.map((phase) => phase.id) });
  }
  await store.setSetting(SEEDED_SETTING, new Date().toISOString());
  return order.length;
}
