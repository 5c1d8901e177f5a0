import { z } from 'zod';
import { typedIdSchema } from './typedIdSchema.ts';
import type { LinkId, PhaseId } from './ids.ts';
import { journeyIdSchema } from './journeyRecord.ts';

// An experience map's stage (one of its phases) names the journey maps that detail it: one
// journey may serve several stages and a stage may have several journeys. One record per stage
// and journey, its id derived from both, so two people who link the same journey at once write
// one link instead of two.

export const linkRecordSchema = z.strictObject({
  id: typedIdSchema('link'),
  /** The stage of the experience map. */
  phaseId: typedIdSchema('phase'),
  /** The journey map in the same workspace that details the stage. */
  journeyId: journeyIdSchema,
  /** The phase of the linked journey where this stage begins, to open it there; null for its start. */
  targetPhaseId: typedIdSchema('phase').nullable(),
  index: z.string().min(1),
});
export type LinkRecord = Omit<z.infer<typeof linkRecordSchema>, 'targetPhaseId'> & { id: LinkId; phaseId: PhaseId; targetPhaseId: PhaseId | null };

export const LINK_TEXT_FIELDS = [] as const;

export function linkId(phaseId: PhaseId, journeyId: string): LinkId {
  return `link:${phaseId.slice('phase:'.length)}~${journeyId}`;
}

export function createLinkRecord(fields: Omit<LinkRecord, 'id' | 'targetPhaseId'> & { targetPhaseId?: PhaseId | null }): LinkRecord {
  return { id: linkId(fields.phaseId, fields.journeyId), targetPhaseId: null, ...fields };
}
