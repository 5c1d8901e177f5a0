import { keepPreviousData, queryOptions } from '@tanstack/react-query';
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
