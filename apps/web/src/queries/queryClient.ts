import { QueryClient } from '@tanstack/react-query';

// One cache for every read of the server (TanStack Query). An answer is shown at once when a
// page is opened again (Back, a tab) and asked for again behind it; a change the person makes
// (useMutation) invalidates the reads it touches, and a change someone else makes comes in by a
// signal the app already has (the map's Yjs document, its awareness, the experience map's
// event stream) rather than by polling.
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A failed read says so at once, as the pages did before; the person can try again.
      retry: false,
      // A page opened again shows its last answer at once and asks again behind it, as every
      // page asked on opening before.
      staleTime: 0,
    },
    mutations: { retry: false },
  },
});
