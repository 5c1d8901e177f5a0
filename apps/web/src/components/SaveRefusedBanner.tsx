import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Shown once the server has refused one of this editor's changes: the editor no longer saves,
 * and reloading from the server's copy (which forgets this browser's copy) is the way on.
 */
export function SaveRefusedBanner({ onReload }: { onReload: () => Promise<void> }) {
  const { t } = useTranslation();
  const [reloading, setReloading] = useState(false);
  return (
    <div role="alert" className="error banner save-refused" data-testid="save-refused">
      <p>{t('editor.saveRefused.message')}</p>
      <button
        type="button"
        className="primary"
        disabled={reloading}
        onClick={() => {
          setReloading(true);
          void onReload();
        }}
      >
        {t('editor.saveRefused.reload')}
      </button>
    </div>
  );
}
