import type * as Y from 'yjs';
import { cellId, type LaneId, type PhaseId, type StepId } from '@klantreis/schema';
import { addStep, derivedTextOf, readRecord, RecordValidationError, setCellText } from '@klantreis/sync';
import type { SeededRandom } from './seededRandom.ts';

// Several editors typing into the same empty cell at the same moment, letter by letter: each
// creates the cell on its first letter, so the creations are concurrent. The fuzz checks
// that every letter anyone typed survives, not only that the replicas agree (they did agree
// when one person's whole text was dropped, issue 9.1).
//
// Each round types into the cell of a new step, in a phase and on a lane of their own, which
// the random edits never touch (`reserved`), so nothing may delete a typed letter. Each editor
// types letters of its own alphabet, so "each editor's letters in its order" is a strict check.

const ALPHABETS = ['abcdefghij', 'KLMNOPQRST', '0123456789', 'áéíóúàèìòù', 'αβγδεζηθικ'];

export interface TypingResult {
  /** Letters typed into witness cells, by all editors. */
  typed: number;
  /** Letters typed that the final document lacks. */
  lost: number;
  problems: string[];
}

export class TypingWitness {
  readonly laneId: LaneId;
  readonly phaseId: PhaseId;
  /** The lane, the phase and the steps of these rounds: random edits leave them alone. */
  readonly reserved: Set<string>;
  /** Cell id → editor → the letters that editor typed there, in order. */
  private readonly typed = new Map<string, Map<number, string>>();

  constructor(laneId: LaneId, phaseId: PhaseId) {
    this.laneId = laneId;
    this.phaseId = phaseId;
    this.reserved = new Set([laneId, phaseId]);
  }

  /** Adds the step of a new round in `doc`: its cell on the witness lane is empty. */
  addStep(doc: Y.Doc, random: SeededRandom): StepId {
    const stepId = addStep(doc, { id: `step:${random.key()}` as StepId, phaseId: this.phaseId, title: 'Samen typen' });
    this.reserved.add(stepId);
    return stepId;
  }

  /** A word for one editor to type in one round: 3–10 letters of its alphabet. */
  wordFor(editor: number, random: SeededRandom): string {
    const alphabet = ALPHABETS[editor % ALPHABETS.length]!;
    let word = '';
    for (let i = 3 + random.int(8); i > 0; i--) word += alphabet[random.int(alphabet.length)];
    return word;
  }

  /**
   * Types one letter at the end of what `doc` shows in the cell, as a keyboard does (the editor
   * writes the whole new value, diffed against the old). False when the step is gone here.
   */
  type(doc: Y.Doc, editor: number, stepId: StepId, letter: string): boolean {
    const id = cellId(this.laneId, stepId);
    const shown = readRecord(doc, id)?.text;
    try {
      setCellText(doc, this.laneId, stepId, (typeof shown === 'string' ? shown : '') + letter);
    } catch (error) {
      if (error instanceof RecordValidationError) return false;
      throw error;
    }
    const byEditor = this.typed.get(id) ?? new Map<number, string>();
    byEditor.set(editor, (byEditor.get(editor) ?? '') + letter);
    this.typed.set(id, byEditor);
    return true;
  }

  /** Compares what was typed with the cells' texts in `doc`. */
  check(doc: Y.Doc): TypingResult {
    const result: TypingResult = { typed: 0, lost: 0, problems: [] };
    for (const [id, byEditor] of this.typed) {
      const text = derivedTextOf(doc, id, 'text').toString();
      let expected = 0;
      for (const [editor, letters] of byEditor) {
        expected += letters.length;
        const missing = letters.length - longestCommonSubsequenceOf(letters, text);
        if (missing > 0) result.problems.push(`${id}: editor ${editor + 1} typed "${letters}", ${missing} of its letters are missing from "${text}"`);
        result.lost += missing;
      }
      result.typed += expected;
      if (text.length !== expected) result.problems.push(`${id}: ${expected} letters typed, the text has ${text.length}: "${text}"`);
    }
    return result;
  }
}

/** How many letters of `letters` occur in `text` in order (greedy: exact for letters only this editor types). */
function longestCommonSubsequenceOf(letters: string, text: string): number {
  const own = new Set(letters);
  let found = 0;
  for (const character of text) if (own.has(character) && character === letters[found]) found++;
  return found;
}
