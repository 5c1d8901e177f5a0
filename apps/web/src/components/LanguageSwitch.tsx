import { useTranslation } from 'react-i18next';
import type { UiLanguage } from '../i18n/i18n.ts';
import { useChooseLanguage } from '../queries/session.ts';

/** NL | EN: the person's choice, kept on this device and, when signed in, with their account. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  const choose = useChooseLanguage();
  return (
    <div className="language-switch" role="group" aria-label={t('app.language')}>
      {(['nl', 'en'] as const).map((language: UiLanguage) => (
        <button
          key={language}
          type="button"
          lang={language}
          aria-pressed={i18n.language === language}
          // The choice shows at once; if the account cannot keep it now (offline), this device does.
          onClick={() => choose.mutate(language)}
          title={t(`app.languages.${language}`)}
        >
          {language.toUpperCase()}
        </button>
      ))}
    </div>
  );
}
