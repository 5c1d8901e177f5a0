import { useMutation, useQueryClient, type QueryKey } from '@tanstack/react-query';

/**
 * A change the person makes on the server (a useMutation), after which the reads under each
 * of `touches` are asked for again, whether it went through or not: the page then shows what
 * the server holds. `run` rejects as the change does, for the caller to say why.
 */
export function useServerChange(...touches: QueryKey[]) {
  const client = useQueryClient();
  const mutation = useMutation({
    mutationFn: (change: () => Promise<unknown>) => change(),
    onSettled: () => Promise.all(touches.map((queryKey) => client.invalidateQueries({ queryKey }))),
  });
  // The answer is the change's own; the mutation only sees it as unknown.
  const run = <T,>(change: () => Promise<T>): Promise<T> => mutation.mutateAsync(change) as Promise<T>;
  return { run, pending: mutation.isPending, error: mutation.error };
}
