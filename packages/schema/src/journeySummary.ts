import type { JourneyDocument } from './journeyDocument.ts';
import type { JourneyKind } from './journeyRecord.ts';

/** What the journeys list needs of a journey without parsing its whole snapshot. */
export interface JourneySummary {
  kind: JourneyKind;
  locale: 'nl' | 'en';
  phaseCount: number;
  stepCount: number;
  /** The designed scores in step order, null for unscored steps: the card's small curve. */
  scores: (number | null)[];
}

export function summarizeJourney(document: JourneyDocument): JourneySummary {
  return {
    kind: document.journey.kind,
    locale: document.journey.locale,
    phaseCount: document.phases.length,
    stepCount: document.steps.length,
    scores: document.steps.map((s) => s.score),
  };
}

/** A journey as the journeys list shows it: the API's list item, shared by server and web app. */
export interface JourneyListItem {
  id: string;
  title: string;
  templateId: string | null;
  createdAt: number;
  updatedAt: number;
  deletedAt: number | null;
  summary: JourneySummary;
}
