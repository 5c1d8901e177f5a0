import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en.ts';
import { nl } from './nl.ts';

export type UiLanguage = 'nl' | 'en';
const STORAGE_KEY = 'klantreis.language';

/** The language of the browser: Dutch for Dutch browsers, English for every other. */
export function browserLanguage(): UiLanguage {
  const browser = globalThis.navigator?.languages?.[0] ?? globalThis.navigator?.language ?? 'en';
  return browser.toLowerCase().startsWith('nl') ? 'nl' : 'en';
}

/** The language chosen on this device, or null while the UI follows the browser. */
export function chosenLanguage(): UiLanguage | null {
  const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
  return stored === 'nl' || stored === 'en' ? stored : null;
}

/** The reader's own choice if made, else the browser's language. */
export function initialLanguage(): UiLanguage {
  return chosenLanguage() ?? browserLanguage();
}

/** Show the UI in `language` and remember it on this device; null follows the browser again. */
export function setLanguage(language: UiLanguage | null): void {
  if (language === null) globalThis.localStorage?.removeItem(STORAGE_KEY);
  else globalThis.localStorage?.setItem(STORAGE_KEY, language);
  void i18next.changeLanguage(language ?? browserLanguage());
}

export async function initI18n(): Promise<void> {
  await i18next.use(initReactI18next).init({
    resources: { en: { translation: en }, nl: { translation: nl } },
    lng: initialLanguage(),
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
  });
  const syncHtmlLang = (language: string) => document.documentElement.setAttribute('lang', language);
  syncHtmlLang(i18next.language);
  i18next.on('languageChanged', syncHtmlLang);
}
