import type { ColumnMapping } from './eventLogTypes.ts';
import { chooseColumns } from './headerGuess.ts';

type MappedField = keyof ColumnMapping;

/**
 * Header names per field, most specific first: XES-style names come before plain ones because
 * exports from process-mining tools carry both (`concept:name` and `Activity` in the running example).
 * Names are compared after `normalizeHeader`.
 */
const HEADER_NAMES: Record<MappedField, readonly string[]> = {
  caseId: ['case:concept:name', 'case id', 'caseid', 'case', 'zaak id', 'zaakid', 'zaaknummer', 'zaak', 'dossier', 'ticket id', 'ticket'],
  activity: ['concept:name', 'activity', 'activity name', 'activiteit', 'activiteitnaam', 'event', 'event name', 'gebeurtenis', 'stap', 'taak', 'task'],
  timestamp: [
    'time:timestamp', 'timestamp', 'complete timestamp', 'tijdstip', 'datum tijd', 'datumtijd', 'datetime', 'date time',
    'datum', 'date', 'time', 'tijd', 'start timestamp',
  ],
  channel: ['channel', 'kanaal', 'case:channel', 'contactkanaal'],
  resource: ['org:resource', 'resource', 'medewerker', 'behandelaar', 'agent', 'user', 'gebruiker'],
  segment: ['segment', 'klantsegment', 'customer segment', 'doelgroep', 'case:segment'],
};

const FIELDS: readonly MappedField[] = ['caseId', 'activity', 'timestamp', 'channel', 'resource', 'segment'];
export const REQUIRED_FIELDS: readonly MappedField[] = ['caseId', 'activity', 'timestamp'];

export const FIELD_LABELS: Record<MappedField, string> = {
  caseId: 'case id',
  activity: 'activity',
  timestamp: 'timestamp',
  channel: 'channel',
  resource: 'resource',
  segment: 'segment',
};

/**
 * The fields a caller named, without those it left undefined: spread over defaults, an
 * undefined key would replace the default (an XES upload checked with an empty mapping lost
 * its case id, issue 9.4).
 */
export function givenFields<T extends object>(fields: T | undefined): Partial<T> {
  return Object.fromEntries(Object.entries(fields ?? {}).filter(([, value]) => value !== undefined)) as Partial<T>;
}

export type MappingResult =
  | { ok: true; mapping: ColumnMapping }
  | { ok: false; field: MappedField; reason: string };

/**
 * Guesses the mapping from header names, then applies `override`. A column is used for one field
 * only; an override naming a column that does not exist is an error, never silently ignored.
 */
export function resolveColumnMapping(columns: readonly string[], override: Partial<ColumnMapping> = {}): MappingResult {
  const choice = chooseColumns(columns, { fields: FIELDS, required: REQUIRED_FIELDS, headerNames: HEADER_NAMES, labels: FIELD_LABELS }, override);
  if (!choice.ok) return choice;
  const { chosen } = choice;
  const mapping: ColumnMapping = { caseId: chosen.caseId ?? '', activity: chosen.activity ?? '', timestamp: chosen.timestamp ?? '' };
  if (chosen.channel !== undefined) mapping.channel = chosen.channel;
  if (chosen.resource !== undefined) mapping.resource = chosen.resource;
  if (chosen.segment !== undefined) mapping.segment = chosen.segment;
  return { ok: true, mapping };
}

/**
 * Names the columns of a header: unnamed ones (a pandas index column) get a stable name, and a
 * repeated name a suffix, so that every column can be mapped and kept as an attribute.
 */
export function nameColumns(header: readonly string[]): string[] {
  const seen = new Set<string>();
  return header.map((name, index) => {
    const trimmed = name.trim();
    let unique = trimmed === '' ? `column${index + 1}` : trimmed;
    for (let suffix = 2; seen.has(unique); suffix++) unique = `${trimmed}_${suffix}`;
    seen.add(unique);
    return unique;
  });
}
