import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { createRootRoute, createRoute, createRouter, Outlet, useLocation, useParams, useRouterState } from '@tanstack/react-router';
import { prefetchPortfolio } from '../api/portfolioApi.ts';
import { SceneLoadBoundary } from '../components/SceneLoadBoundary.tsx';
import { parsePortfolioQuery } from '../components/portfolio/portfolioQuery.ts';
import { useMe } from '../queries/session.ts';
import { InviteScene, ResetPasswordScene, SetupScene, SignInScene } from '../scenes/SignInScenes.tsx';
import { lazyScene, Loading } from '../scenes/lazyScene.tsx';
import { PortfolioScene } from '../scenes/PortfolioScene.tsx';
import { appHistory } from './appHistory.ts';

// Every address of the app (TanStack Router, code-based routes). The server answers index.html
// for each of them (apps/server/src/routes/webApp.ts); an unknown address shows the journeys
// list, as it always has.

// Every scene but the portfolio and the sign-in pages is loaded when first shown (lazyScene): a
// page reads and runs only its own code. The portfolio stays in the first file, which its early
// request (public/early.js) is raced against. A route's loader asks for its scene's file, so it
// is on its way beside the session at the start, and on hovering a link to it (preload: intent).
const EditorScene = lazyScene(() => import('../scenes/EditorScene.tsx'), 'EditorScene');
const DashboardScene = lazyScene(() => import('../scenes/DashboardScene.tsx'), 'DashboardScene');
const PresentScene = lazyScene(() => import('../scenes/PresentScene.tsx'), 'PresentScene');
const SharedScene = lazyScene(() => import('../scenes/SharedScene.tsx'), 'SharedScene');
const JourneysScene = lazyScene(() => import('../scenes/JourneysScene.tsx'), 'JourneysScene');
const AccountScene = lazyScene(() => import('../scenes/AccountScene.tsx'), 'AccountScene');
const InboxScene = lazyScene(() => import('../scenes/InboxScene.tsx'), 'InboxScene');
const MembersScene = lazyScene(() => import('../scenes/WorkspaceScenes.tsx'), 'MembersScene');
const AuditScene = lazyScene(() => import('../scenes/WorkspaceScenes.tsx'), 'AuditScene');
const LinksScene = lazyScene(() => import('../scenes/LinksScene.tsx'), 'LinksScene');

/** The query string's value of `key` as the page has it now (every value is a string, see the router's search parsing). */
function useSearchValue(key: string): string | null {
  return useLocation({ select: (location) => new URLSearchParams(location.searchStr).get(key) });
}

function Root() {
  const { t } = useTranslation();
  // A new scene gets a new boundary: a scene that failed to load does not keep the next one away.
  const routeId = useRouterState({ select: (state) => state.matches.at(-1)?.routeId ?? '' });
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <SceneLoadBoundary key={routeId}>
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </SceneLoadBoundary>
    </>
  );
}

/** The pages of a signed-in person; the sign-in page at their address for anyone else. */
function SignedIn() {
  const me = useMe();
  if (me === undefined) return <Loading />;
  if (me === null) return <SignInScene />;
  return <Outlet />;
}

const rootRoute = createRootRoute({ component: Root });

// Pages anyone with the link may open.
const sharedRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/s/$token',
  loader: () => SharedScene.preload(),
  component: function Shared() {
    const token = useParams({ strict: false }).token ?? '';
    const present = useSearchValue('present') !== null;
    const follow = useSearchValue('follow') !== null;
    return <SharedScene key={token} token={token} present={present} follow={follow} />;
  },
});
const setupRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/setup',
  component: function Setup() {
    return <SetupScene token={useSearchValue('token') ?? ''} />;
  },
});
const inviteRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/invite/$token',
  component: function Invite() {
    const token = useParams({ strict: false }).token ?? '';
    return <InviteScene key={token} token={token} />;
  },
});
const resetPasswordRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: '/reset-password',
  component: function ResetPassword() {
    return <ResetPasswordScene token={useSearchValue('token') ?? ''} />;
  },
});

const signedInRoute = createRoute({ getParentRoute: () => rootRoute, id: 'signed-in', component: SignedIn });

function Journeys() {
  return <JourneysScene trash={useSearchValue('view') === 'trash'} workspace={useSearchValue('workspace')} />;
}
const journeysRoute = createRoute({ getParentRoute: () => signedInRoute, path: '/', loader: () => JourneysScene.preload(), component: Journeys });
/** Any other address shows the journeys list, as it did before there was a router. */
const elsewhereRoute = createRoute({ getParentRoute: () => signedInRoute, path: '$', loader: () => JourneysScene.preload(), component: Journeys });

const editorRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/journeys/$journeyId',
  loader: () => EditorScene.preload(),
  component: function Editor() {
    const journeyId = useParams({ strict: false }).journeyId ?? '';
    return <EditorScene key={journeyId} journeyId={journeyId} />;
  },
});
const dashboardRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/journeys/$journeyId/dashboard',
  loader: () => DashboardScene.preload(),
  component: function Dashboard() {
    const journeyId = useParams({ strict: false }).journeyId ?? '';
    return <DashboardScene key={journeyId} journeyId={journeyId} />;
  },
});
const presentRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/journeys/$journeyId/present',
  loader: () => PresentScene.preload(),
  component: function Present() {
    const journeyId = useParams({ strict: false }).journeyId ?? '';
    const follow = useSearchValue('follow') !== null;
    return <PresentScene key={journeyId} journeyId={journeyId} follow={follow} />;
  },
});

// At the start on /portfolio, the table is asked for (or the early request of public/early.js
// taken) beside the session, before the person's first workspace is known: one round trip
// less. The portfolio's first read takes that answer when it is for its workspace.
if (location.pathname.replace(/\/$/, '') === '/portfolio') prefetchPortfolio(parsePortfolioQuery(location.search).workspace);

const portfolioRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: '/portfolio',
  component: function Portfolio() {
    // The whole state of the page is its query (portfolioQuery.ts).
    return <PortfolioScene query={useLocation({ select: (location) => location.searchStr })} />;
  },
});
const accountRoute = createRoute({ getParentRoute: () => signedInRoute, path: '/account', loader: () => AccountScene.preload(), component: () => <AccountScene /> });
const inboxRoute = createRoute({ getParentRoute: () => signedInRoute, path: '/inbox', loader: () => InboxScene.preload(), component: () => <InboxScene /> });

function workspaceRoute(page: 'members' | 'audit' | 'links', Scene: typeof MembersScene) {
  const route = createRoute({
    getParentRoute: () => signedInRoute,
    path: `/workspaces/$workspaceId/${page}`,
    loader: () => Scene.preload(),
    component: function Workspace() {
      const workspaceId = useParams({ strict: false }).workspaceId ?? '';
      return <Scene key={workspaceId} workspaceId={workspaceId} />;
    },
  });
  return route;
}

const routeTree = rootRoute.addChildren([
  sharedRoute,
  setupRoute,
  inviteRoute,
  resetPasswordRoute,
  signedInRoute.addChildren([
    journeysRoute,
    editorRoute,
    dashboardRoute,
    presentRoute,
    portfolioRoute,
    accountRoute,
    inboxRoute,
    workspaceRoute('members', MembersScene),
    workspaceRoute('audit', AuditScene),
    workspaceRoute('links', LinksScene),
    elsewhereRoute,
  ]),
]);

/** Every value of the query is a plain string, as the app writes them (URLSearchParams), not JSON. */
function parseSearch(search: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(search));
}
function stringifySearch(search: Record<string, unknown>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(search)) if (value !== undefined && value !== null) query.set(key, String(value));
  const text = query.toString();
  return text ? `?${text}` : '';
}

export const router = createRouter({
  routeTree,
  history: appHistory,
  parseSearch,
  stringifySearch,
  // The address stays as written: /portfolio/ as /portfolio/.
  trailingSlash: 'preserve',
  defaultPreload: 'intent',
  // Scenes show their own "loading" while their data comes; a route never waits for it.
  defaultPendingMs: 0,
  scrollRestoration: false,
});

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
