import { createBrowserHistory } from '@tanstack/react-router';

// The browser history the router (routing/router.tsx) listens to. Its own module, so that a
// scene can go somewhere without importing the router, which imports the scenes.
export const appHistory = createBrowserHistory();

/** Goes to `path`; `replace` changes the current history entry instead (typing in a search box). */
export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (options.replace) appHistory.replace(path);
  else appHistory.push(path);
}
