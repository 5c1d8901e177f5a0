import {
  MAX_TITLE_LENGTH,
  createBlankJourney,
  createPhaseRecord,
  createStepRecord,
  indicesBetween,
  validateJourneyDocument,
  type JourneyDocument,
  type PhaseRecord,
  type Score,
  type StepRecord,
} from '@klantreis/schema';
import type { JourneyView } from './journeyView.ts';
import { EXPORT_LABELS, type ExportLocale } from './labels.ts';

// Mermaid's `journey` diagram: sections are phases, tasks are steps with a score of 1..5.
// Its lexer ends a section or task name at ':' and every statement at '#' (a comment) or ';',
// so those characters are written as look-alikes, which the parser here turns back.
const LOOK_ALIKES: readonly (readonly [string, string])[] = [
  [':', '\uA789'],
  ['#', '\uFF03'],
  [';', '\uFF1B'],
];
/** Actors are split on ',', so a comma in a persona's name is written as a low quotation mark. */
const ACTOR_COMMA = '\u201A';
/** A task whose name starts with a keyword would be read as that keyword; a zero-width space in front prevents it. */
const KEYWORD_START = /^(journey|title\s|section\s|acc(Title|Descr))/i;
const ZERO_WIDTH_SPACE = '\u200B';

const CUSTOMER: Record<ExportLocale, string> = { nl: 'Klant', en: 'Customer' };
const ACTORS_PREFIX: Record<ExportLocale, string> = { nl: 'Actoren', en: 'Actors' };

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function escapeText(text: string, keepColon = false): string {
  let out = oneLine(text);
  for (const [char, lookAlike] of LOOK_ALIKES) if (!(keepColon && char === ':')) out = out.split(char).join(lookAlike);
  return out;
}

function unescapeText(text: string): string {
  let out = text.split(ZERO_WIDTH_SPACE).join('');
  for (const [char, lookAlike] of LOOK_ALIKES) out = out.split(lookAlike).join(char);
  return out.trim();
}

/** The map as a Mermaid `journey` diagram; an unscored step is written as a neutral 3. */
export function journeyMermaid(view: JourneyView): string {
  const actors = (view.personas.length > 0 ? view.personas.map((p) => escapeText(p.name).split(',').join(ACTOR_COMMA)) : [CUSTOMER[view.locale]]).join(', ');
  const lines = ['journey', `  title ${escapeText(view.doc.journey.title, true)}`];
  for (const phase of view.phases) {
    lines.push(`  section ${escapeText(phase.name) || view.labels.untitledPhase}`);
    for (const { step, title } of phase.steps) {
      const name = escapeText(title);
      const score = step.score === null ? 3 : step.score + 3;
      lines.push(`    ${KEYWORD_START.test(name) ? ZERO_WIDTH_SPACE : ''}${name}: ${score}: ${actors}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

export interface MermaidParseError {
  /** 1-based. */
  line: number;
  message: string;
}

export type MermaidParseResult = { ok: true; document: JourneyDocument } | { ok: false; errors: MermaidParseError[] };

interface ParsedTask {
  title: string;
  score: Score;
  actors: string[];
}

interface ParsedSection {
  name: string;
  tasks: ParsedTask[];
}

const MESSAGES = {
  nl: {
    missingHeader: (line: number, found: string) => `Regel ${line}: een Mermaid-klantreis begint met "journey", niet met "${found}".`,
    emptyInput: 'Regel 1: een Mermaid-klantreis begint met "journey", maar de tekst is leeg.',
    noScore: (line: number, task: string) => `Regel ${line}: de taak "${task}" heeft geen score; schrijf bijvoorbeeld "${task}: 3: Klant".`,
    badScore: (line: number, task: string, score: string) => `Regel ${line}: de score "${score}" van de taak "${task}" moet een heel getal van 1 tot en met 5 zijn.`,
    noName: (line: number) => `Regel ${line}: een taak heeft een naam vóór de dubbele punt.`,
    tooLong: (line: number) => `Regel ${line}: de tekst is langer dan ${MAX_TITLE_LENGTH} tekens.`,
    invalid: (path: string, message: string) => `Regel 1: de klantreis is niet geldig (${path}: ${message}).`,
  },
  en: {
    missingHeader: (line: number, found: string) => `Line ${line}: a Mermaid journey starts with "journey", not with "${found}".`,
    emptyInput: 'Line 1: a Mermaid journey starts with "journey", but the text is empty.',
    noScore: (line: number, task: string) => `Line ${line}: the task "${task}" has no score; write for example "${task}: 3: Customer".`,
    badScore: (line: number, task: string, score: string) => `Line ${line}: the score "${score}" of the task "${task}" must be a whole number from 1 to 5.`,
    noName: (line: number) => `Line ${line}: a task needs a name before the colon.`,
    tooLong: (line: number) => `Line ${line}: the text is longer than ${MAX_TITLE_LENGTH} characters.`,
    invalid: (path: string, message: string) => `Line 1: the journey is not valid (${path}: ${message}).`,
  },
} as const;

/**
 * Reads a Mermaid `journey` diagram into a new journey: the title, a phase per section, a step
 * per task with score n − 3. Tasks before the first section go into an unnamed phase. Reports
 * every error with its line, in the given language.
 */
export function parseMermaidJourney(text: string, options: { locale: ExportLocale; fileName?: string }): MermaidParseResult {
  const messages = MESSAGES[options.locale];
  const errors: MermaidParseError[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const sections: ParsedSection[] = [];
  let title = '';
  let headerSeen = false;
  let inFrontMatter = false;
  let inAccDescr = false;
  const tooLong = (value: string, line: number) => {
    if (value.length > MAX_TITLE_LENGTH) errors.push({ line, message: messages.tooLong(line) });
  };

  lines.forEach((raw, i) => {
    const line = i + 1;
    const trimmed = raw.trim();
    // YAML front matter (--- … ---) before the header may hold the title.
    if (!headerSeen && line === 1 && trimmed === '---') {
      inFrontMatter = true;
      return;
    }
    if (inFrontMatter) {
      if (trimmed === '---') inFrontMatter = false;
      else {
        const match = /^title:\s*(.*)$/.exec(trimmed);
        if (match) title = match[1]!.replace(/^(["'])(.*)\1$/, '$2').trim();
      }
      return;
    }
    if (inAccDescr) {
      if (trimmed.includes('}')) inAccDescr = false;
      return;
    }
    if (trimmed.startsWith('%%')) return;
    // As in Mermaid's own lexer, '#' starts a comment.
    const statement = trimmed.split('#')[0]!.trim();
    if (statement === '') return;
    if (!headerSeen) {
      headerSeen = true;
      if (/^journey$/i.test(statement)) return;
      errors.push({ line, message: messages.missingHeader(line, statement.slice(0, 60)) });
      // Read on as if the header were there, to report the other errors too.
    }
    const keyword = /^(title|section)(?:\s+(.*))?$/i.exec(statement);
    if (keyword) {
      const value = unescapeText(keyword[2] ?? '');
      tooLong(value, line);
      if (keyword[1]!.toLowerCase() === 'title') title = value;
      else sections.push({ name: value, tasks: [] });
      return;
    }
    if (/^accDescr\s*\{/.test(statement)) {
      inAccDescr = !statement.includes('}');
      return;
    }
    if (/^acc(Title|Descr)\s*:/.test(statement)) return;

    const colon = statement.indexOf(':');
    const name = unescapeText(colon < 0 ? statement : statement.slice(0, colon));
    if (colon < 0 || statement.slice(colon + 1).split(':')[0]!.trim() === '') {
      errors.push({ line, message: messages.noScore(line, name) });
      return;
    }
    if (name === '') {
      errors.push({ line, message: messages.noName(line) });
      return;
    }
    tooLong(name, line);
    const [scoreText = '', actorText] = statement.slice(colon + 1).split(':');
    const score = Number(scoreText.trim());
    if (!/^\d+$/.test(scoreText.trim()) || score < 1 || score > 5) {
      errors.push({ line, message: messages.badScore(line, name, scoreText.trim()) });
      return;
    }
    const actors = (actorText ?? '')
      .split(',')
      .map((actor) => unescapeText(actor).split(ACTOR_COMMA).join(','))
      .filter((actor) => actor !== '');
    if (sections.length === 0) sections.push({ name: '', tasks: [] });
    sections[sections.length - 1]!.tasks.push({ title: name, score: (score - 3) as Score, actors });
  });
  if (!headerSeen) errors.push({ line: 1, message: messages.emptyInput });
  if (errors.length > 0) return { ok: false, errors };

  const fallbackTitle = options.fileName?.replace(/\.(mmd|mermaid|md|txt)$/i, '').trim();
  const doc = createBlankJourney(title || fallbackTitle || EXPORT_LABELS[options.locale].journeyMap, options.locale);
  if (sections.length > 0) buildPhases(doc, sections, options.locale);
  const validated = validateJourneyDocument(doc);
  if (!validated.ok) return { ok: false, errors: validated.issues.map((issue) => ({ line: 1, message: messages.invalid(issue.path, issue.message) })) };
  return validated;
}

function buildPhases(doc: JourneyDocument, sections: readonly ParsedSection[], locale: ExportLocale): void {
  const phaseIndices = indicesBetween(null, null, sections.length);
  const phases: PhaseRecord[] = [];
  const steps: StepRecord[] = [];
  sections.forEach((section, i) => {
    const phase = createPhaseRecord({ index: phaseIndices[i]!, name: section.name });
    phases.push(phase);
    const stepIndices = indicesBetween(null, null, section.tasks.length);
    section.tasks.forEach((task, j) => {
      const onlyCustomer = task.actors.length === 0 || (task.actors.length === 1 && Object.values(CUSTOMER).includes(task.actors[0]!));
      const description = onlyCustomer ? '' : `${ACTORS_PREFIX[locale]}: ${task.actors.join(', ')}`;
      steps.push(createStepRecord({ phaseId: phase.id, index: stepIndices[j]!, title: task.title, score: task.score, description }));
    });
  });
  doc.phases = phases;
  doc.steps = steps;
}
