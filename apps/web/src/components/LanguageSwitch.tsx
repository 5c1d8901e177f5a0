import { useTranslation } from 'react-i18next';
import { setLanguage, type UiLanguage } from '../i18n/i18n.ts';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <div className="language-switch" role="group" aria-label={t('app.language')}>
      {(['nl', 'en'] as const).map((language: UiLanguage) => (
        <button
          key={language}
          type="button"
          lang={language}
          aria-pressed={i18n.language === language}
          onClick={() => setLanguage(language)}
          title={t(`app.languages.${language}`)}
        >
          {language.toUpperCase()}
        </button>
      ))}
    </div>
  );
}
