import { createBlankJourney, randomKey, validateJourneyDocument, type JourneyDocument } from '@klantreis/schema';
import type { JourneyStore } from '@klantreis/db';
import * as Y from 'yjs';
import { journeyFromDoc, writeJourneyToDoc } from '@klantreis/sync';
import { buildTemplate, type TemplateId } from '@klantreis/templates';

export function newJourneyId(): string {
  return randomKey(16);
}

/** Creates journeys: blank, from a template, from an imported file, or as a copy. */
export class JourneyCreator {
  private readonly store: JourneyStore;

  constructor(store: JourneyStore) {
    this.store = store;
  }

  /** Stores a validated document as a new journey, its Yjs state and JSON snapshot in one transaction. */
  async fromDocument(document: JourneyDocument, templateId: string | null = null, workspaceId: string | null = null): Promise<string> {
    const checked = validateJourneyDocument(document);
    if (!checked.ok) throw new Error(`refusing to store an invalid journey: ${checked.issues[0]!.path}: ${checked.issues[0]!.message}`);
    const id = newJourneyId();
    const doc = new Y.Doc();
    writeJourneyToDoc(doc, document);
    // The snapshot is read back from the document, so it is in the same canonical order as
    // every later snapshot: a version saved now compares equal to the map until it changes.
    await this.store.createJourney({ id, templateId, document: journeyFromDoc(doc, { validate: true }), state: Y.encodeStateAsUpdate(doc), workspaceId });
    return id;
  }

  blank(title: string, locale: 'nl' | 'en', workspaceId: string | null = null): Promise<string> {
    return this.fromDocument(createBlankJourney(title, locale), null, workspaceId);
  }

  fromTemplate(templateId: TemplateId, locale: 'nl' | 'en', title?: string, workspaceId: string | null = null): Promise<string> {
    const document = buildTemplate(templateId, locale);
    if (title) document.journey.title = title;
    return this.fromDocument(document, templateId, workspaceId);
  }

  duplicate(document: JourneyDocument, title: string, workspaceId: string | null = null): Promise<string> {
    return this.fromDocument({ ...document, journey: { ...document.journey, title, status: document.steps.length > 0 ? 'as-is' : 'idea' } }, null, workspaceId);
  }
}
