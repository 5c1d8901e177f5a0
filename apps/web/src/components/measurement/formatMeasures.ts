import { formatDuration, formatScore, type Locale } from '@klantreis/evaluation';
import { dateTimeFormat, numberFormat } from '../../i18n/intlFormats.ts';

// Measured figures in the reader's language: a decimal comma and a real minus sign in Dutch,
// durations in the largest unit that keeps them short.

export function numberText(value: number | null, locale: Locale, digits = 0): string {
  if (value === null || !Number.isFinite(value)) return '–';
  const text = numberFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits }).format(Math.abs(value));
  return `${value < 0 && Number(value.toFixed(digits)) !== 0 ? '−' : ''}${text}`;
}

/** A share 0..1 as "42%" (or "42,5%" with one digit). */
export function percentText(share: number | null, locale: Locale, digits = 0): string {
  return share === null ? '–' : `${numberText(share * 100, locale, digits)}%`;
}

/** Seconds with their units in the reader's language: "45 sec", "12 min", "3 uur, 20 min". */
export function durationText(seconds: number | null, locale: Locale): string {
  if (seconds === null || !Number.isFinite(seconds)) return '–';
  return formatDuration(seconds, locale);
}

/**
 * A moment of an event log ("30 dec 2010, 13:32:00 UTC" / "30 Dec 2010, 13:32:00 UTC"). The import
 * keeps a time with an offset as its moment in UTC and a time without one as written, so the
 * moment is shown in UTC and says so, not moved into the reader's time zone. Milliseconds are
 * shown only when the log has them.
 */
export function momentText(iso: string, locale: Locale): string {
  const moment = new Date(iso);
  if (Number.isNaN(moment.getTime())) return iso;
  const options: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23', timeZone: 'UTC', timeZoneName: 'short' };
  if (moment.getUTCMilliseconds() !== 0) options.fractionalSecondDigits = 3;
  return dateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', options).format(moment);
}

/**
 * A period by its first day ("2011-12-01") as a reader names it: "dec 2011" / "Dec 2011" for a
 * month, "K4 2011" / "Q4 2011" for a quarter, "week van 5 dec 2011" / "week of 5 Dec 2011".
 */
export function periodText(start: string, kind: 'week' | 'month' | 'quarter', locale: Locale): string {
  const day = new Date(`${start.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(day.getTime())) return start;
  const tag = locale === 'nl' ? 'nl-NL' : 'en-GB';
  const year = day.getUTCFullYear();
  if (kind === 'quarter') return `${locale === 'nl' ? 'K' : 'Q'}${Math.floor(day.getUTCMonth() / 3) + 1} ${year}`;
  if (kind === 'month') return dateTimeFormat(tag, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(day);
  const date = dateTimeFormat(tag, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(day);
  return locale === 'nl' ? `week van ${date}` : `week of ${date}`;
}

/**
 * A period as a sentence names it after "in": the month written out ("januari 2011" / "January
 * 2011"; a sentence has the room an axis label lacks), "K1 2011" / "Q1 2011", and "de week van
 * 3 jan 2011" / "the week of 3 Jan 2011".
 */
export function periodInSentence(start: string, kind: 'week' | 'month' | 'quarter', locale: Locale): string {
  const day = new Date(`${start.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(day.getTime())) return start;
  if (kind === 'month') return dateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(day);
  const text = periodText(start, kind, locale);
  if (kind === 'quarter') return text;
  return locale === 'nl' ? `de ${text}` : `the ${text}`;
}

export function axisText(value: number | null, locale: Locale): string {
  return value === null ? '–' : formatScore(Math.round(value * 100) / 100, locale);
}
