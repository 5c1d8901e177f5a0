import { formatScore, type Locale } from '@klantreis/evaluation';

// Measured figures in the reader's language: a decimal comma and a real minus sign in Dutch,
// durations in the largest unit that keeps them short.

export function numberText(value: number | null, locale: Locale, digits = 0): string {
  if (value === null || !Number.isFinite(value)) return '–';
  const text = new Intl.NumberFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(Math.abs(value));
  return `${value < 0 && Number(value.toFixed(digits)) !== 0 ? '−' : ''}${text}`;
}

/** A share 0..1 as "42%" (or "42,5%" with one digit). */
export function percentText(share: number | null, locale: Locale, digits = 0): string {
  return share === null ? '–' : `${numberText(share * 100, locale, digits)}%`;
}

/** Seconds as "45 s", "12 min", "3 h 20", "4,5 d". */
export function durationText(seconds: number | null, locale: Locale): string {
  if (seconds === null || !Number.isFinite(seconds)) return '–';
  if (seconds < 60) return `${Math.round(seconds)} s`;
  const minutes = seconds / 60;
  if (minutes < 60) return `${Math.round(minutes)} min`;
  if (minutes < 60 * 24) {
    const hours = Math.floor(minutes / 60);
    const rest = Math.round(minutes % 60);
    return rest === 0 || rest === 60 ? `${hours + (rest === 60 ? 1 : 0)} h` : `${hours} h ${rest}`;
  }
  return `${numberText(minutes / (60 * 24), locale, 1)} d`;
}

export function axisText(value: number | null, locale: Locale): string {
  return value === null ? '–' : formatScore(Math.round(value * 100) / 100, locale);
}
