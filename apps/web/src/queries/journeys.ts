import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { accountsApi } from '../api/accountsApi.ts';
import { experienceApi } from '../api/experienceApi.ts';
import { journeysApi } from '../api/journeysApi.ts';

// The journeys list and what is read of one journey outside its Yjs document.

export const journeyKeys = {
  /** Every list of journeys (any search, the trash): invalidated after a create, rename, copy, trash or restore. */
  lists: ['journeys'] as const,
  journey: (journeyId: string) => ['journey', journeyId] as const,
};

export function journeysQuery(options: { search: string; trash: boolean }) {
  return queryOptions({
    queryKey: [...journeyKeys.lists, options],
    queryFn: () => journeysApi.list(options),
    // While a new search is on its way the cards of the last one stay.
    placeholderData: keepPreviousData,
  });
}

/** The signed-in person's role on a journey, and what the server's policy lets it do. */
export function journeyAccessQuery(journeyId: string) {
  return queryOptions({ queryKey: [...journeyKeys.journey(journeyId), 'access'], queryFn: () => accountsApi.journeyAccess(journeyId) });
}

/** Everyone with a role on a journey (whom a comment can @mention, whom to ask for approval). */
export function journeyPeopleQuery(journeyId: string) {
  return queryOptions({ queryKey: [...journeyKeys.journey(journeyId), 'people'], queryFn: () => accountsApi.people(journeyId) });
}

/** The journeys a journey may link to (an experience map's stages, a step's sub-journey). */
export function linkableQuery(journeyId: string) {
  return queryOptions({ queryKey: [...journeyKeys.journey(journeyId), 'linkable'], queryFn: () => experienceApi.linkable(journeyId), enabled: journeyId !== '' });
}

/** A journey as a document, for the presentation (not the live map: that is its Yjs document). */
export function journeyDocumentQuery(journeyId: string) {
  return queryOptions({ queryKey: [...journeyKeys.journey(journeyId), 'document'], queryFn: () => journeysApi.get(journeyId) });
}
