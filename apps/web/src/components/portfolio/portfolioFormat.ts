import type { Locale } from '@klantreis/evaluation';
import { numberText, percentText } from '../measurement/formatMeasures.ts';
import { dateTimeFormat } from '../../i18n/intlFormats.ts';

// The portfolio's figures in the reader's language, through Intl: the last change as "3 days
// ago" / "3 dagen geleden", shares as percentages, the drop-off trend in points.

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600_000],
  ['month', 30 * 24 * 3600_000],
  ['week', 7 * 24 * 3600_000],
  ['day', 24 * 3600_000],
  ['hour', 3600_000],
  ['minute', 60_000],
];

const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();

/** "2 hours ago", "yesterday", "3 weeks ago" (numeric: auto), in the UI language. */
export function lastChangeText(timestamp: number, locale: Locale, now = Date.now()): string {
  let format = relativeFormats.get(locale);
  if (!format) relativeFormats.set(locale, (format = new Intl.RelativeTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { numeric: 'auto' })));
  const elapsed = timestamp - now;
  for (const [unit, size] of UNITS) {
    if (Math.abs(elapsed) >= size) return format.format(Math.round(elapsed / size), unit);
  }
  return format.format(0, 'second');
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();

/** The exact moment, for a tooltip beside the relative time. */
export function dateTimeText(timestamp: number, locale: Locale): string {
  let format = dateFormats.get(locale);
  if (!format) dateFormats.set(locale, (format = new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' })));
  return format.format(timestamp);
}

/** A calendar day "2027-01-10" as "10 jan 2027" / "10 Jan 2027". */
export function dayText(isoDate: string | null, locale: Locale): string {
  if (!isoDate) return '–';
  const day = new Date(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(day.getTime())) return isoDate;
  return dateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(day);
}

export function shareText(share: number | null, locale: Locale): string {
  return percentText(share, locale);
}

/** A change in a share, 0.05 → "5" (points), with one decimal under 10. */
export function pointsText(change: number, locale: Locale): string {
  const points = Math.abs(change * 100);
  return numberText(points, locale, points < 10 && points % 1 !== 0 ? 1 : 0);
}
