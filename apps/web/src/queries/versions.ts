import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { versionsApi } from '../api/versionsApi.ts';

// The versions and approval rounds of a journey live outside its Yjs document, so they are
// read from the server: at opening, after this person changes them (useVersionsChange), when
// someone else says they did (their awareness, hooks/useVersionsSync.ts), and a moment after
// the map of an approved journey changes ("changed since approved").

export const versionsKeys = {
  read: (journeyId: string) => ['journey', journeyId, 'versions'] as const,
  change: (journeyId: string) => ['journey', journeyId, 'versions-change'] as const,
};

export function versionsQuery(journeyId: string) {
  return queryOptions({
    queryKey: versionsKeys.read(journeyId),
    queryFn: async () => {
      const [versions, approval] = await Promise.all([versionsApi.list(journeyId), versionsApi.approval(journeyId)]);
      return { versions, approval };
    },
  });
}

/** The versions and approval of the open journey; `stale` when the last read failed (offline, refused) and what shows may be old. */
export function useVersions(journeyId: string) {
  const read = useQuery(versionsQuery(journeyId));
  return { versions: read.data?.versions ?? [], approval: read.data?.approval ?? null, stale: read.isError };
}

/**
 * A change of the versions or approvals (save, restore, ask, decide): the versions are read
 * again afterwards, and its success is told to the others (useVersionsSync watches this key).
 */
export function useVersionsChange(journeyId: string) {
  const client = useQueryClient();
  const mutation = useMutation({
    mutationKey: versionsKeys.change(journeyId),
    mutationFn: (change: () => Promise<unknown>) => change(),
    onSuccess: () => client.invalidateQueries({ queryKey: versionsKeys.read(journeyId) }),
  });
  return (change: () => Promise<unknown>) => mutation.mutateAsync(change);
}
