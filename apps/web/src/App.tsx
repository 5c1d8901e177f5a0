import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from '@tanstack/react-router';
import { queryClient } from './queries/queryClient.ts';
import { meQuery } from './queries/session.ts';
import { router } from './routing/router.tsx';

// Who is signed in is asked for as the script starts (the answer public/early.js asked for with
// the page), beside the first scene's file that the router's loader asks for.
void queryClient.prefetchQuery(meQuery);

/** The app: one cache of the server's answers (queries/) and the router's pages (routing/router.tsx). */
export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  );
}
