import type { JourneyDocument, KanoCategory } from '@klantreis/schema';
import { readCsvRows } from './csvRows.ts';
import type { Locale } from './finding.ts';
import { classifyKanoAnswer, kanoBetter, kanoCategory, kanoClassToCategory, kanoWorse, parseKanoAnswer, type KanoCounts } from './kano.ts';
import { orderJourney } from './orderedJourney.ts';
import { stepLabel } from './messages.ts';

// A Kano questionnaire's answers as a CSV file: one row per respondent and element, with the
// functional and the dysfunctional answer in English or Dutch words. The import is all or
// nothing: every problem is reported with its line and column, and a file with any problem
// changes no element.

export const KANO_CSV_COLUMNS = ['respondent', 'element', 'functional', 'dysfunctional'] as const;
export type KanoCsvColumn = (typeof KANO_CSV_COLUMNS)[number];

/** Header names accepted per column, compared lower-cased with "-" and "_" as spaces. */
const HEADER_NAMES: Record<KanoCsvColumn, readonly string[]> = {
  respondent: ['respondent', 'respondent id', 'respondentid', 'deelnemer', 'participant'],
  element: ['element', 'element id', 'elementid', 'kano element'],
  functional: ['functional', 'functional answer', 'functioneel', 'functioneel antwoord'],
  dysfunctional: ['dysfunctional', 'dysfunctional answer', 'disfunctioneel', 'dysfunctioneel', 'disfunctioneel antwoord', 'dysfunctioneel antwoord'],
};

/** At most this many problems are listed; the rest are counted. */
export const MAX_KANO_CSV_ISSUES = 50;

export interface KanoCsvIssue {
  /** 1-based line of the file; the header is line 1. */
  line: number;
  /** The column the problem is in, or `file` for the file as a whole. */
  field: KanoCsvColumn | 'file';
  message: string;
}

export interface KanoCsvElement {
  stepId: string;
  elementId: string;
  text: string;
  responses: KanoCounts;
  category: KanoCategory | null;
  better: number | null;
  worse: number | null;
}

export type KanoCsvImport =
  | { ok: true; answerCount: number; elements: KanoCsvElement[] }
  | { ok: false; issues: KanoCsvIssue[]; moreIssues: number };

const quote = (text: string) => `“${text}”`;

const MESSAGES = {
  en: {
    unclosedQuote: 'a quoted field is never closed',
    noHeader: 'the file is empty: it needs a header line (respondent, element, functional, dysfunctional)',
    noAnswers: 'the file has no answers below the header',
    missingColumn: (column: string, names: readonly string[]) => `the header has no column ${quote(column)} (accepted names: ${names.join(', ')})`,
    duplicateColumn: (name: string) => `the header names column ${quote(name)} twice`,
    empty: 'is empty',
    unknownElement: (value: string) => `no Kano element of this journey has the id or text ${quote(value)}`,
    ambiguousElement: (value: string, steps: string) => `${quote(value)} is the text of more than one Kano element (${steps}): use the element id`,
    unknownAnswer: (value: string) =>
      `${quote(value)} is not a Kano answer: use like, must-be, neutral, live-with or dislike (or leuk, vanzelfsprekend, neutraal, kan ermee leven, niet leuk)`,
    repeated: (respondent: string, line: number) => `respondent ${quote(respondent)} already answered this element on line ${line}`,
  },
  nl: {
    unclosedQuote: 'een veld tussen aanhalingstekens wordt nooit gesloten',
    noHeader: 'het bestand is leeg: het heeft een kopregel nodig (respondent, element, functioneel, disfunctioneel)',
    noAnswers: 'het bestand heeft geen antwoorden onder de kopregel',
    missingColumn: (column: string, names: readonly string[]) => `de kopregel heeft geen kolom ${quote(column)} (toegestane namen: ${names.join(', ')})`,
    duplicateColumn: (name: string) => `de kopregel noemt kolom ${quote(name)} twee keer`,
    empty: 'is leeg',
    unknownElement: (value: string) => `geen Kano-element van deze klantreis heeft de id of tekst ${quote(value)}`,
    ambiguousElement: (value: string, steps: string) => `${quote(value)} is de tekst van meer dan één Kano-element (${steps}): gebruik de id van het element`,
    unknownAnswer: (value: string) =>
      `${quote(value)} is geen Kano-antwoord: gebruik leuk, vanzelfsprekend, neutraal, kan ermee leven of niet leuk (of like, must-be, neutral, live-with, dislike)`,
    repeated: (respondent: string, line: number) => `respondent ${quote(respondent)} heeft dit element al beantwoord op regel ${line}`,
  },
} as const;

function normalise(text: string): string {
  return text.toLowerCase().replace(/[-_]/g, ' ').replace(/\s+/g, ' ').trim();
}

interface ElementTarget {
  stepId: string;
  elementId: string;
  text: string;
  stepName: string;
}

/** Every Kano element by id and by text; a text (or a copied id) that several elements share is ambiguous. */
function elementIndex(doc: JourneyDocument, locale: Locale) {
  const byId = new Map<string, ElementTarget[]>();
  const byText = new Map<string, ElementTarget[]>();
  for (const placed of orderJourney(doc).steps) {
    for (const element of placed.step.kano) {
      const target = { stepId: placed.step.id, elementId: element.id, text: element.text, stepName: stepLabel(placed, locale) };
      byId.set(element.id, [...(byId.get(element.id) ?? []), target]);
      const key = normalise(element.text);
      if (key !== '') byText.set(key, [...(byText.get(key) ?? []), target]);
    }
  }
  return (value: string): ElementTarget[] => byId.get(value.trim()) ?? byText.get(normalise(value)) ?? [];
}

/**
 * Reads a questionnaire CSV against a journey: finds each row's element (by id, or by its
 * text when that is unique), classifies each answer pair with the Kano table and counts the
 * classes per element. Messages are in `locale`.
 */
export function parseKanoCsv(text: string, doc: JourneyDocument, locale: Locale = 'en'): KanoCsvImport {
  const words = MESSAGES[locale];
  const issues: KanoCsvIssue[] = [];
  let moreIssues = 0;
  const report = (line: number, field: KanoCsvIssue['field'], message: string) => {
    if (issues.length < MAX_KANO_CSV_ISSUES) issues.push({ line, field, message });
    else moreIssues++;
  };
  const fail = (): KanoCsvImport => ({ ok: false, issues, moreIssues });

  const read = readCsvRows(text);
  if (!read.ok) {
    report(read.line, 'file', words.unclosedQuote);
    return fail();
  }
  const [header, ...rows] = read.rows;
  if (!header) {
    report(1, 'file', words.noHeader);
    return fail();
  }

  const columnAt = new Map<KanoCsvColumn, number>();
  header.fields.forEach((name, i) => {
    const key = normalise(name);
    const column = KANO_CSV_COLUMNS.find((c) => HEADER_NAMES[c].includes(key));
    if (!column) return; // other columns (a timestamp, a segment) are allowed and ignored
    if (columnAt.has(column)) report(header.line, column, words.duplicateColumn(name.trim()));
    else columnAt.set(column, i);
  });
  for (const column of KANO_CSV_COLUMNS) {
    if (!columnAt.has(column)) report(header.line, column, words.missingColumn(column, HEADER_NAMES[column]));
  }
  if (issues.length > 0) return fail();
  if (rows.length === 0) {
    report(header.line + 1, 'file', words.noAnswers);
    return fail();
  }

  const findElement = elementIndex(doc, locale);
  const counts = new Map<string, { target: ElementTarget; counts: KanoCounts }>();
  const answered = new Map<string, number>();
  let answerCount = 0;
  for (const row of rows) {
    const value = (column: KanoCsvColumn) => (row.fields[columnAt.get(column)!] ?? '').trim();
    let rowOk = true;
    for (const column of KANO_CSV_COLUMNS) {
      if (value(column) === '') {
        report(row.line, column, words.empty);
        rowOk = false;
      }
    }
    if (!rowOk) continue;

    const targets = findElement(value('element'));
    const functional = parseKanoAnswer(value('functional'));
    const dysfunctional = parseKanoAnswer(value('dysfunctional'));
    if (targets.length === 0) report(row.line, 'element', words.unknownElement(value('element')));
    if (targets.length > 1) report(row.line, 'element', words.ambiguousElement(value('element'), targets.map((t) => t.stepName).join(', ')));
    if (functional === null) report(row.line, 'functional', words.unknownAnswer(value('functional')));
    if (dysfunctional === null) report(row.line, 'dysfunctional', words.unknownAnswer(value('dysfunctional')));
    if (targets.length !== 1 || functional === null || dysfunctional === null) continue;

    const target = targets[0]!;
    const key = `${target.stepId}\u0000${target.elementId}`;
    const respondentKey = `${key}\u0000${value('respondent')}`;
    const earlier = answered.get(respondentKey);
    if (earlier !== undefined) {
      report(row.line, 'respondent', words.repeated(value('respondent'), earlier));
      continue;
    }
    answered.set(respondentKey, row.line);
    const entry = counts.get(key) ?? { target, counts: { A: 0, O: 0, M: 0, I: 0, R: 0, Q: 0 } };
    entry.counts[classifyKanoAnswer(functional, dysfunctional)]++;
    counts.set(key, entry);
    answerCount++;
  }
  if (issues.length > 0) return fail();

  const elements = [...counts.values()].map(({ target, counts: responses }) => {
    const kanoClass = kanoCategory(responses);
    return {
      stepId: target.stepId,
      elementId: target.elementId,
      text: target.text,
      responses,
      category: kanoClass === null ? null : kanoClassToCategory(kanoClass),
      better: kanoBetter(responses),
      worse: kanoWorse(responses),
    };
  });
  return { ok: true, answerCount, elements };
}

/** "line 3, functional: …" — one issue as a line of text, for the CLI and the API. */
export function formatKanoCsvIssue(issue: KanoCsvIssue, locale: Locale = 'en'): string {
  const line = locale === 'nl' ? 'regel' : 'line';
  return issue.field === 'file' ? `${line} ${issue.line}: ${issue.message}` : `${line} ${issue.line}, ${issue.field}: ${issue.message}`;
}
