import { Component, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

function LoadFailed() {
  const { t } = useTranslation();
  return (
    <div role="alert" className="message">
      <p>{t('app.loadFailed')}</p>
      <button type="button" onClick={() => location.reload()}>
        {t('app.reload')}
      </button>
    </div>
  );
}

/**
 * The map's scenes are loaded when first opened (App.tsx). A scene that cannot be loaded (the
 * network is gone, or the server was upgraded and the old file is no longer there) says so
 * and offers a reload, instead of leaving an empty page.
 */
export class SceneLoadBoundary extends Component<{ children: ReactNode }, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override componentDidCatch(error: Error) {
    // The browser's own words (in its language) for whoever looks at the console.
    console.error(`a page could not be loaded or shown: ${error.message}`);
  }

  override render() {
    return this.state.error ? <LoadFailed /> : this.props.children;
  }
}
