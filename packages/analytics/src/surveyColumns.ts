import { chooseColumns } from './headerGuess.ts';
import type { SurveyMapping } from './surveyTypes.ts';

type SurveyField = keyof SurveyMapping;

/** Header names per field in English and Dutch, compared after `normalizeHeader`; most specific first. */
const HEADER_NAMES: Record<SurveyField, readonly string[]> = {
  score: ['score', 'csat', 'csat score', 'nps', 'nps score', 'happiness', 'happiness score', 'rating', 'cijfer', 'waardering', 'tevredenheid', 'beoordeling'],
  caseId: ['case id', 'caseid', 'case', 'case:concept:name', 'customer id', 'customer', 'klantnummer', 'klant id', 'klant', 'zaak id', 'zaaknummer', 'zaak', 'respondent', 'respondent id'],
  step: ['step', 'step id', 'stap', 'touchpoint', 'contactmoment', 'onderwerp', 'subject', 'about', 'over'],
  scale: ['scale', 'schaal', 'score scale', 'type'],
  comment: ['comment', 'comments', 'opmerking', 'opmerkingen', 'toelichting', 'feedback', 'verbatim', 'text', 'tekst'],
  timestamp: ['timestamp', 'time', 'date', 'datum', 'tijdstip', 'datum tijd', 'submitted', 'submitted at', 'ingevuld op', 'created'],
  lostMinutes: ['lost minutes', 'lost time', 'minutes lost', 'time lost', 'verloren minuten', 'verloren tijd', 'tijdverlies'],
};

const FIELDS: readonly SurveyField[] = ['score', 'caseId', 'step', 'scale', 'comment', 'timestamp', 'lostMinutes'];

export const SURVEY_FIELD_LABELS: Record<SurveyField, string> = {
  score: 'score',
  caseId: 'case or customer id',
  step: 'step',
  scale: 'scale',
  comment: 'comment',
  timestamp: 'timestamp',
  lostMinutes: 'lost minutes',
};

export type SurveyMappingResult = { ok: true; mapping: SurveyMapping } | { ok: false; field: SurveyField; reason: string };

/**
 * Guesses the mapping from the header, then applies `override`. A column feeds one field only,
 * and an override naming a column the file does not have is an error.
 */
export function resolveSurveyMapping(columns: readonly string[], override: Partial<SurveyMapping> = {}): SurveyMappingResult {
  const choice = chooseColumns(columns, { fields: FIELDS, required: ['score'], headerNames: HEADER_NAMES, labels: SURVEY_FIELD_LABELS }, override);
  if (!choice.ok) return choice;
  const { chosen } = choice;
  if (chosen.score === undefined) return { ok: false, field: 'score', reason: 'no column for the score' };
  const mapping: SurveyMapping = { score: chosen.score };
  for (const field of FIELDS) {
    const column = chosen[field];
    if (field !== 'score' && column !== undefined) mapping[field] = column;
  }
  return { ok: true, mapping };
}

