import * as Y from 'yjs';
import { authorizedFetch, TEST_OWNER } from '../../testCredentials.ts';
import { cellId, createBlankJourney, type CommentId, type JourneyDocument, type LaneId, type PhaseId, type StepId } from '@klantreis/schema';
import {
  addComment,
  addLane,
  addPhase,
  addStep,
  deleteComment,
  deleteLane,
  deletePhase,
  deleteStep,
  moveLane,
  movePhase,
  moveStep,
  readRecord,
  RecordValidationError,
  recordsOf,
  setCellText,
  setThreadResolved,
  updateRecord,
} from '@klantreis/sync';
import type { SeededRandom } from './seededRandom.ts';

// Random edits of a journey, made the way the editor makes them: through the validated
// mutations of @klantreis/sync, comments included (threads and replies on steps and cells,
// text edits, resolve and reopen, deletes of a reply or of a whole thread).

const EDIT_WEIGHTS = {
  addPhase: 3,
  renamePhase: 3,
  movePhase: 2,
  deletePhase: 1,
  addStep: 10,
  editStepTitle: 8,
  editStepFields: 5,
  moveStep: 6,
  deleteStep: 4,
  addLane: 2,
  renameLane: 2,
  moveLane: 2,
  deleteLane: 1,
  editCell: 12,
  addComment: 4,
  editComment: 2,
  resolveThread: 2,
  deleteComment: 1,
} as const;

export type EditKind = keyof typeof EDIT_WEIGHTS;

/** Keeps a document small enough that 1,000 edits stay fast: the mutations scan every record. */
const LIMITS = { phases: 6, steps: 40, lanes: 12, comments: 60 };

const WORDS = ['wacht', 'belt', 'app', 'loket', 'formulier', 'klaar', 'mail', 'x', 'ja', 'nee', 'é', '✓'];

/** A blank journey whose ids come from the seed, so a replay builds the same document. */
export function seededBlankJourney(random: SeededRandom): JourneyDocument {
  const blank = createBlankJourney('Fuzz', 'nl');
  return {
    ...blank,
    phases: blank.phases.map((phase) => ({ ...phase, id: `phase:${random.key()}` as PhaseId })),
    lanes: blank.lanes.map((lane) => ({ ...lane, id: `lane:${random.key()}` as LaneId })),
  };
}

interface RecordIds {
  phases: PhaseId[];
  steps: StepId[];
  lanes: LaneId[];
  comments: CommentId[];
}

/**
 * The phase, step, lane and comment ids, sorted so a seed picks the same record on every run.
 * One pass. `reserved` ids are left out: another part of the fuzz writes them.
 */
function idsOf(doc: Y.Doc, reserved: ReadonlySet<string>): RecordIds {
  const ids: RecordIds = { phases: [], steps: [], lanes: [], comments: [] };
  for (const id of recordsOf(doc).keys()) {
    if (reserved.has(id)) continue;
    if (id.startsWith('step:')) ids.steps.push(id as StepId);
    else if (id.startsWith('phase:')) ids.phases.push(id as PhaseId);
    else if (id.startsWith('lane:')) ids.lanes.push(id as LaneId);
    else if (id.startsWith('comment:')) ids.comments.push(id as CommentId);
  }
  for (const list of Object.values(ids)) list.sort();
  return ids;
}

const AUTHORS = ['Anouk', 'Bram', 'Chantal', 'Dirk', 'Eva'];

function textOf(doc: Y.Doc, id: string, field: string): string {
  const value = readRecord(doc, id)?.[field];
  return typeof value === 'string' ? value : '';
}

/** Inserts a word or deletes a stretch somewhere in `text`, as typing would. */
function editedText(random: SeededRandom, text: string, maxLength: number): string {
  if (text.length > 0 && (text.length > maxLength * 0.6 || random.chance(0.35))) {
    const start = random.int(text.length);
    return text.slice(0, start) + text.slice(start + 1 + random.int(Math.min(8, text.length - start)));
  }
  const at = random.int(text.length + 1);
  const word = random.pick(WORDS);
  return text.slice(0, at) + (at > 0 ? ' ' : '') + word + text.slice(at);
}

/**
 * Makes one random edit of `doc`. Returns the kind of edit, or null when the edit was not
 * possible in this state (the mutations refuse it, e.g. deleting the last phase).
 */
/** The test owner, as the server at `baseUrl` knows it: who the simulated editors connect as. */
export async function testOwnerAuthor(baseUrl: string): Promise<EditAuthor> {
  const me = (await (await authorizedFetch(`${baseUrl}/api/me`)).json()) as { user: { id: string; name: string } };
  return { name: me.user.name, id: me.user.id };
}

/** Who the simulated editor is, for the comments it writes: the account it connects as (the server checks). */
export interface EditAuthor {
  name: string;
  id?: string;
}

export function randomEdit(doc: Y.Doc, random: SeededRandom, reserved: ReadonlySet<string> = new Set(), writer: EditAuthor = { name: TEST_OWNER.name }): EditKind | null {
  const { phases, steps, lanes, comments } = idsOf(doc, reserved);
  let kind: EditKind = random.weighted(EDIT_WEIGHTS);
  if (kind === 'addStep' && steps.length >= LIMITS.steps) kind = 'deleteStep';
  if (kind === 'addPhase' && phases.length >= LIMITS.phases) kind = 'deletePhase';
  if (kind === 'addLane' && lanes.length >= LIMITS.lanes) kind = 'deleteLane';
  if (kind === 'addComment' && comments.length >= LIMITS.comments) kind = 'deleteComment';
  // Two people deleting the last two phases (or lanes) at once leave none.
  if (phases.length === 0) kind = 'addPhase';
  else if (lanes.length === 0) kind = 'addLane';
  try {
    switch (kind) {
      case 'addPhase':
        addPhase(doc, { id: `phase:${random.key()}` as PhaseId, name: random.pick(WORDS), position: random.int(phases.length + 1) });
        return kind;
      case 'renamePhase': {
        const id = random.pick(phases);
        updateRecord(doc, id, { name: editedText(random, textOf(doc, id, 'name'), 150) });
        return kind;
      }
      case 'movePhase':
        movePhase(doc, random.pick(phases), random.int(phases.length));
        return kind;
      case 'deletePhase':
        deletePhase(doc, random.pick(phases));
        return kind;
      case 'addStep':
        addStep(doc, {
          id: `step:${random.key()}` as StepId,
          phaseId: random.pick(phases),
          title: random.pick(WORDS),
          position: random.int(steps.length + 1),
        });
        return kind;
      case 'editStepTitle': {
        if (steps.length === 0) return null;
        const id = random.pick(steps);
        updateRecord(doc, id, { title: editedText(random, textOf(doc, id, 'title'), 150) });
        return kind;
      }
      case 'editStepFields': {
        if (steps.length === 0) return null;
        const id = random.pick(steps);
        const choice = random.int(4);
        if (choice === 0) updateRecord(doc, id, { score: random.chance(0.2) ? null : random.int(5) - 2 });
        else if (choice === 1) updateRecord(doc, id, { wait: random.chance(0.3) ? null : { moment: 'before', minutes: random.int(120) } });
        else if (choice === 2) updateRecord(doc, id, { momentOfTruth: random.chance(0.5) });
        else updateRecord(doc, id, { description: editedText(random, textOf(doc, id, 'description'), 400) });
        return kind;
      }
      case 'moveStep':
        if (steps.length === 0) return null;
        moveStep(doc, random.pick(steps), { phaseId: random.pick(phases), position: random.int(steps.length) });
        return kind;
      case 'deleteStep':
        if (steps.length === 0) return null;
        deleteStep(doc, random.pick(steps));
        return kind;
      case 'addLane':
        addLane(doc, { id: `lane:${random.key()}` as LaneId, kind: 'custom', name: random.pick(WORDS), position: random.int(lanes.length + 1) });
        return kind;
      case 'renameLane': {
        const id = random.pick(lanes);
        updateRecord(doc, id, { name: editedText(random, textOf(doc, id, 'name'), 150) });
        return kind;
      }
      case 'moveLane':
        moveLane(doc, random.pick(lanes), random.int(lanes.length));
        return kind;
      case 'deleteLane':
        if (lanes.length <= 2) return null;
        deleteLane(doc, random.pick(lanes));
        return kind;
      case 'editCell': {
        if (steps.length === 0) return null;
        const laneId = random.pick(lanes);
        const stepId = random.pick(steps);
        setCellText(doc, laneId, stepId, editedText(random, textOf(doc, cellId(laneId, stepId), 'text'), 400));
        return kind;
      }
      case 'addComment': {
        if (steps.length === 0) return null;
        const stepId = random.pick(steps);
        const replyTo = comments.length > 0 && random.chance(0.4) ? random.pick(comments) : null;
        // Every simulated editor connects as the test owner, and the server keeps a comment
        // under its writer's name. The name is still drawn, so that each seed replays the runs
        // recorded before the server checked it.
        random.pick(AUTHORS);
        const author = writer.name;
        const mentions = random.chance(0.3) ? [random.pick(AUTHORS)] : [];
        addComment(doc, {
          id: `comment:${random.key()}` as CommentId,
          targetId: random.chance(0.5) ? stepId : cellId(random.pick(lanes), stepId),
          parentId: replyTo,
          author,
          ...(writer.id === undefined ? {} : { authorId: writer.id }),
          text: `${mentions.map((name) => `@${name} `).join('')}${random.pick(WORDS)}`,
          mentions,
          createdAt: 1_800_000_000_000 + random.int(1_000_000),
        });
        return kind;
      }
      case 'editComment': {
        if (comments.length === 0) return null;
        const id = random.pick(comments);
        updateRecord(doc, id, { text: editedText(random, textOf(doc, id, 'text'), 400) });
        return kind;
      }
      case 'resolveThread':
        if (comments.length === 0) return null;
        setThreadResolved(doc, random.pick(comments), random.chance(0.7));
        return kind;
      case 'deleteComment':
        if (comments.length === 0) return null;
        deleteComment(doc, random.pick(comments));
        return kind;
    }
  } catch (error) {
    if (error instanceof RecordValidationError) return null;
    throw error;
  }
}
