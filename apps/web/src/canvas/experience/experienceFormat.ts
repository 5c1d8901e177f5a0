// Numbers of the roll-up in the reader's language: scores with their sign and one decimal,
// waits as a duration (formatWaitMinutes, as the map's wait badges write them).
import { formatWaitMinutes } from '@klantreis/evaluation';
import { numberFormat } from '../../i18n/intlFormats.ts';

export type UiLocale = 'nl' | 'en';

export function uiLocale(language: string): UiLocale {
  return language.startsWith('nl') ? 'nl' : 'en';
}

export function formatRollupScore(score: number | null, locale: UiLocale): string {
  if (score === null) return '–';
  return numberFormat(locale, { maximumFractionDigits: 1, signDisplay: 'exceptZero' }).format(score);
}

export function formatWait(minutes: number | null, locale: UiLocale): string | null {
  return minutes === null ? null : formatWaitMinutes(minutes, locale);
}
