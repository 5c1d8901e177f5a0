import { useTranslation } from 'react-i18next';
import { useRoute } from './hooks/useRoute.ts';
import { DashboardScene } from './scenes/DashboardScene.tsx';
import { EditorScene } from './scenes/EditorScene.tsx';
import { JourneysScene } from './scenes/JourneysScene.tsx';

export function App() {
  const route = useRoute();
  const { t } = useTranslation();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      {route.page === 'editor' ? (
        <EditorScene key={route.journeyId} journeyId={route.journeyId} />
      ) : route.page === 'dashboard' ? (
        <DashboardScene key={route.journeyId} journeyId={route.journeyId} />
      ) : (
        <JourneysScene trash={route.trash} />
      )}
    </>
  );
}
