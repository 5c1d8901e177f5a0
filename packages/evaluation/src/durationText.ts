import type { Locale } from './finding.ts';

// One way to write a duration, for the map, the dashboard, every export and the CLI's neighbours:
// in the reader's language, with its units, and at most two of them so it fits a badge.
//   nl: "45 sec", "12 min", "1 uur, 30 min", "4 dagen, 12 uur"
//   en: "45 sec", "12 min", "1 hr, 30 min", "4 days, 12 hr"

type DurationParts = Partial<Record<'days' | 'hours' | 'minutes' | 'seconds', number>>;
interface DurationFormatter {
  format(duration: DurationParts): string;
}
// Intl.DurationFormat is in Node 24 and every current browser, not yet in TypeScript's ES2023 lib.
const DurationFormat = (Intl as unknown as { DurationFormat: new (locale: string, options: { style: 'short'; secondsDisplay?: 'always' }) => DurationFormatter }).DurationFormat;
const formatters = new Map<string, DurationFormatter>();

/** `zero`: a formatter that writes "0 sec" (DurationFormat leaves zero units out, so a zero would be ""). */
function formatter(locale: Locale, zero = false): DurationFormatter {
  const key = `${locale}${zero ? ':zero' : ''}`;
  let found = formatters.get(key);
  if (!found) formatters.set(key, (found = new DurationFormat(locale, zero ? { style: 'short', secondsDisplay: 'always' } : { style: 'short' })));
  return found;
}

/** The two largest units of `seconds`, rounded to the smaller one. */
export function durationParts(seconds: number): DurationParts {
  const rounded = Math.max(0, Math.round(seconds));
  if (rounded < 60) return { seconds: rounded };
  const minutes = Math.round(rounded / 60);
  if (minutes < 60) return { minutes };
  if (minutes < 24 * 60) {
    const hours = Math.floor(minutes / 60);
    return minutes % 60 === 0 ? { hours } : { hours, minutes: minutes % 60 };
  }
  const hours = Math.round(minutes / 60);
  const days = Math.floor(hours / 24);
  return hours % 24 === 0 ? { days } : { days, hours: hours % 24 };
}

// DurationFormat.format takes some 9 µs a call, over thirty times a number's format: the evaluation
// writes a wait into every anticipation finding on every edit, and the map into every wait badge,
// mostly the same few durations. So the texts are remembered; the cap keeps a dashboard of
// measured seconds from growing the cache without end.
const texts = new Map<string, string>();
const MAX_REMEMBERED_TEXTS = 1000;

/** A duration in seconds as the reader says it, with units. */
export function formatDuration(seconds: number, locale: Locale): string {
  const parts = durationParts(seconds);
  const key = `${locale} ${parts.days ?? 0} ${parts.hours ?? 0} ${parts.minutes ?? 0} ${parts.seconds ?? '-'}`;
  let text = texts.get(key);
  if (text === undefined) {
    if (texts.size >= MAX_REMEMBERED_TEXTS) texts.clear();
    texts.set(key, (text = formatter(locale, parts.seconds === 0).format(parts)));
  }
  return text;
}

/** A wait in minutes, as the map's wait badge and the exports write it. */
export function formatWaitMinutes(minutes: number, locale: Locale): string {
  return formatDuration(minutes * 60, locale);
}
