import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useRoute, type Route } from './hooks/useRoute.ts';
import { AccountScene } from './scenes/AccountScene.tsx';
import { DashboardScene } from './scenes/DashboardScene.tsx';
import { InboxScene } from './scenes/InboxScene.tsx';
import { EditorScene } from './scenes/EditorScene.tsx';
import { JourneysScene } from './scenes/JourneysScene.tsx';
import { InviteScene, ResetPasswordScene, SetupScene, SignInScene } from './scenes/SignInScenes.tsx';
import { AuditScene, MembersScene } from './scenes/WorkspaceScenes.tsx';
import { LinksScene } from './scenes/LinksScene.tsx';
import { PresentScene } from './scenes/PresentScene.tsx';
import { PortfolioScene } from './scenes/PortfolioScene.tsx';
import { SharedScene } from './scenes/SharedScene.tsx';
import { useSession } from './stores/sessionStore.ts';

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
    </>
  );
}
