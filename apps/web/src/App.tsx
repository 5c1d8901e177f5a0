import { Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { SceneLoadBoundary } from './components/SceneLoadBoundary.tsx';
import { currentRoute, useRoute, type Route } from './hooks/useRoute.ts';
import { InviteScene, ResetPasswordScene, SetupScene, SignInScene } from './scenes/SignInScenes.tsx';
import { lazyScene } from './scenes/lazyScene.ts';
import { PortfolioScene } from './scenes/PortfolioScene.tsx';
import { useSession } from './stores/sessionStore.ts';

// Every scene but the portfolio and the sign-in pages is loaded when first shown
// (lazyScene): a page reads and runs only its own code. The portfolio stays in the first
// file, which its early request (public/early.js) is raced against.
const EditorScene = lazyScene(() => import('./scenes/EditorScene.tsx'), 'EditorScene');
const DashboardScene = lazyScene(() => import('./scenes/DashboardScene.tsx'), 'DashboardScene');
const PresentScene = lazyScene(() => import('./scenes/PresentScene.tsx'), 'PresentScene');
const SharedScene = lazyScene(() => import('./scenes/SharedScene.tsx'), 'SharedScene');
const JourneysScene = lazyScene(() => import('./scenes/JourneysScene.tsx'), 'JourneysScene');
const AccountScene = lazyScene(() => import('./scenes/AccountScene.tsx'), 'AccountScene');
const InboxScene = lazyScene(() => import('./scenes/InboxScene.tsx'), 'InboxScene');
const MembersScene = lazyScene(() => import('./scenes/WorkspaceScenes.tsx'), 'MembersScene');
const AuditScene = lazyScene(() => import('./scenes/WorkspaceScenes.tsx'), 'AuditScene');
const LinksScene = lazyScene(() => import('./scenes/LinksScene.tsx'), 'LinksScene');

/** The scene of the page the app starts on, asked for beside the session instead of after it. */
const FIRST_SCENE: Partial<Record<Route['page'], { preload(): void }>> = {
  editor: EditorScene,
  dashboard: DashboardScene,
  present: PresentScene,
  shared: SharedScene,
  journeys: JourneysScene,
  account: AccountScene,
  inbox: InboxScene,
  members: MembersScene,
  audit: AuditScene,
  links: LinksScene,
};
FIRST_SCENE[currentRoute().page]?.preload();

function SignedInScene({ route }: { route: Route }) {
  switch (route.page) {
    case 'editor':
      return <EditorScene key={route.journeyId} journeyId={route.journeyId} />;
    case 'dashboard':
      return <DashboardScene key={route.journeyId} journeyId={route.journeyId} />;
    case 'account':
      return <AccountScene />;
    case 'inbox':
      return <InboxScene />;
    case 'members':
      return <MembersScene key={route.workspaceId} workspaceId={route.workspaceId} />;
    case 'audit':
      return <AuditScene key={route.workspaceId} workspaceId={route.workspaceId} />;
    case 'links':
      return <LinksScene key={route.workspaceId} workspaceId={route.workspaceId} />;
    case 'portfolio':
      return <PortfolioScene query={route.query} />;
    case 'present':
      return <PresentScene key={route.journeyId} journeyId={route.journeyId} follow={route.follow} />;
    default:
      return <JourneysScene trash={route.page === 'journeys' && route.trash} />;
  }
}

export function App() {
  const route = useRoute();
  const { t } = useTranslation();
  const me = useSession((s) => s.me);
  useEffect(() => {
    void useSession.getState().load();
  }, []);
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <SceneLoadBoundary key={route.page}>
        <Suspense fallback={<p className="message">{t('editor.loading')}</p>}>
          {route.page === 'shared' ? (
            <SharedScene token={route.token} present={route.present} follow={route.follow} />
          ) : route.page === 'setup' ? (
            <SetupScene token={route.token} />
          ) : route.page === 'invite' ? (
            <InviteScene token={route.token} />
          ) : route.page === 'reset-password' ? (
            <ResetPasswordScene token={route.token} />
          ) : me === undefined ? (
            <p className="message">{t('editor.loading')}</p>
          ) : me === null ? (
            <SignInScene />
          ) : (
            <SignedInScene route={route} />
          )}
        </Suspense>
      </SceneLoadBoundary>
    </>
  );
}
