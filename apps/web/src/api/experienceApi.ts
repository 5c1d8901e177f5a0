import type { LinkableJourney } from '@klantreis/core/contracts';
import { request } from './journeysApi.ts';

// The journeys a journey may link to (an experience map's stages, a step's sub-journey): the
// server answers those of the same workspace that the reader may see. The roll-up itself comes
// over its event stream (hooks/useExperienceRollup.ts).

export type { LinkableJourney };

export const experienceApi = {
  linkable: (journeyId: string) => request<LinkableJourney[]>(`/api/journeys/${encodeURIComponent(journeyId)}/linkable`),
};
