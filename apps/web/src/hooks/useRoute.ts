import { useSyncExternalStore } from 'react';

// Three pages need no router library: the path is the state, history the store.
export type Route =
  | { page: 'journeys'; trash: boolean }
  | { page: 'editor'; journeyId: string }
  | { page: 'dashboard'; journeyId: string }
  | { page: 'setup'; token: string }
  | { page: 'invite'; token: string }
  | { page: 'account' }
  | { page: 'inbox' }
  | { page: 'reset-password'; token: string }
  | { page: 'members'; workspaceId: string }
  | { page: 'audit'; workspaceId: string }
  | { page: 'links'; workspaceId: string }
  | { page: 'shared'; token: string; present: boolean; follow: boolean }
  | { page: 'present'; journeyId: string; follow: boolean }
  /** The query holds the portfolio's tab, filter, sort and grouping (portfolioQuery.ts). */
  | { page: 'portfolio'; query: string };

function parse(pathname: string, search: string): Route {
  const editor = /^\/journeys\/([^/]+)\/?$/.exec(pathname);
  if (editor) return { page: 'editor', journeyId: decodeURIComponent(editor[1]!) };
  if (pathname === '/setup') return { page: 'setup', token: new URLSearchParams(search).get('token') ?? '' };
  const invite = /^\/invite\/([^/]+)\/?$/.exec(pathname);
  if (invite) return { page: 'invite', token: decodeURIComponent(invite[1]!) };
  if (pathname === '/account') return { page: 'account' };
  if (/^\/portfolio\/?$/.test(pathname)) return { page: 'portfolio', query: search };
  if (pathname === '/inbox') return { page: 'inbox' };
  if (pathname === '/reset-password') return { page: 'reset-password', token: new URLSearchParams(search).get('token') ?? '' };
  const workspace = /^\/workspaces\/([^/]+)\/(members|audit|links)\/?$/.exec(pathname);
  if (workspace) return { page: workspace[2] === 'audit' ? 'audit' : workspace[2] === 'links' ? 'links' : 'members', workspaceId: decodeURIComponent(workspace[1]!) };
  const shared = /^\/s\/([^/]+)\/?$/.exec(pathname);
  if (shared) {
    const query = new URLSearchParams(search);
    return { page: 'shared', token: decodeURIComponent(shared[1]!), present: query.has('present'), follow: query.has('follow') };
  }
  const present = /^\/journeys\/([^/]+)\/present\/?$/.exec(pathname);
  if (present) return { page: 'present', journeyId: decodeURIComponent(present[1]!), follow: new URLSearchParams(search).has('follow') };
  const dashboard = /^\/journeys\/([^/]+)\/dashboard\/?$/.exec(pathname);
  if (dashboard) return { page: 'dashboard', journeyId: decodeURIComponent(dashboard[1]!) };
  return { page: 'journeys', trash: new URLSearchParams(search).get('view') === 'trash' };
}

const listeners = new Set<() => void>();
let current = parse(location.pathname, location.search);

function update() {
  current = parse(location.pathname, location.search);
  for (const listener of listeners) listener();
}

window.addEventListener('popstate', update);

/** Goes to `path`; `replace` changes the current history entry instead (typing in a search box). */
export function navigate(path: string, options: { replace?: boolean } = {}): void {
  if (options.replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  update();
}

/** The route of the page as it is now, outside React (what to load first at the start). */
export function currentRoute(): Route {
  return current;
}

export function useRoute(): Route {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => current,
  );
}
