import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { SceneLoadBoundary } from './components/SceneLoadBoundary.tsx';
import { useRoute, type Route } from './hooks/useRoute.ts';
import { AccountScene } from './scenes/AccountScene.tsx';
import { InboxScene } from './scenes/InboxScene.tsx';
import { JourneysScene } from './scenes/JourneysScene.tsx';
import { InviteScene, ResetPasswordScene, SetupScene, SignInScene } from './scenes/SignInScenes.tsx';
import { AuditScene, MembersScene } from './scenes/WorkspaceScenes.tsx';
import { LinksScene } from './scenes/LinksScene.tsx';
import { PortfolioScene } from './scenes/PortfolioScene.tsx';
import { useSession } from './stores/sessionStore.ts';

// The map's scenes (the canvas, Yjs and its connection, the charts) are loaded when first
// opened: the journeys list and the portfolio start without reading and running their code.
const EditorScene = lazy(() => import('./scenes/EditorScene.tsx').then((m) => ({ default: m.EditorScene })));
const DashboardScene = lazy(() => import('./scenes/DashboardScene.tsx').then((m) => ({ default: m.DashboardScene })));
const PresentScene = lazy(() => import('./scenes/PresentScene.tsx').then((m) => ({ default: m.PresentScene })));
const SharedScene = lazy(() => import('./scenes/SharedScene.tsx').then((m) => ({ default: m.SharedScene })));

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
