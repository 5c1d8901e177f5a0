import { indicesBetween } from './order.ts';
import { createJourneyRecord } from './journeyRecord.ts';
import type { JourneyDocument } from './journeyDocument.ts';
import { DEFAULT_LANE_KINDS, createLaneRecord } from './laneRecord.ts';
import { CURRENT_SCHEMA_VERSION } from './migrations.ts';
import { createPhaseRecord } from './phaseRecord.ts';
import { emptyLists } from './recordTypes.ts';

/** A new journey: the default lanes and one empty phase, ready for the first step. */
export function createBlankJourney(title: string, locale: 'nl' | 'en' = 'nl'): JourneyDocument {
  const laneIndices = indicesBetween(null, null, DEFAULT_LANE_KINDS.length);
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    journey: createJourneyRecord({ title, locale }),
    ...emptyLists(),
    phases: [createPhaseRecord({ index: indicesBetween(null, null, 1)[0]! })],
    lanes: DEFAULT_LANE_KINDS.map((kind, i) => createLaneRecord({ kind, index: laneIndices[i]! })),
  };
}
