import { csvText } from '@klantreis/evaluation';
import type { Opportunity } from '@klantreis/core/contracts';

// The opportunity portfolio as a CSV download for a spreadsheet: a header row and the words
// (source, status, severity) in the language asked for; formula-safe and quoted by csvText.

type Locale = 'nl' | 'en';

const HEADERS: Record<Locale, string[]> = {
  nl: ['Klantreis', 'Soort', 'Titel', 'Eigenaar', 'Status', 'Deadline', 'Impact', 'Inspanning', 'Ernst', 'Stappen'],
  en: ['Journey', 'Type', 'Title', 'Owner', 'Status', 'Due date', 'Impact', 'Effort', 'Severity', 'Steps'],
};

const WORDS: Record<Locale, { source: Record<Opportunity['source'], string>; status: Record<Opportunity['status'], string>; severity: Record<NonNullable<Opportunity['severity']>, string> }> = {
  nl: {
    source: { action: 'verbeteractie', finding: 'bevinding' },
    status: { idea: 'idee', planned: 'gepland', doing: 'bezig', done: 'klaar', open: 'open' },
    severity: { critical: 'kritiek', warning: 'waarschuwing', info: 'info', positive: 'positief' },
  },
  en: {
    source: { action: 'improvement action', finding: 'finding' },
    status: { idea: 'idea', planned: 'planned', doing: 'doing', done: 'done', open: 'open' },
    severity: { critical: 'critical', warning: 'warning', info: 'info', positive: 'positive' },
  },
};

function rating(value: number | null): string {
  return value === null ? '' : String(value);
}

/** UTF-8 text with a BOM; one row per opportunity, in the order given. */
export function opportunitiesCsv(opportunities: readonly Opportunity[], locale: Locale): string {
  const words = WORDS[locale];
  const rows = opportunities.map((o) => [
    o.journeyTitle,
    words.source[o.source],
    o.title,
    o.owner,
    words.status[o.status],
    o.dueDate ?? '',
    rating(o.impact),
    rating(o.effort),
    o.severity === null ? '' : words.severity[o.severity],
    o.stepTitles.filter((title) => title !== '').join('; '),
  ]);
  return csvText([HEADERS[locale], ...rows]);
}

export function opportunitiesFileName(locale: Locale): string {
  return locale === 'nl' ? 'verbeterkansen.csv' : 'opportunities.csv';
}
