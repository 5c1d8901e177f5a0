import * as Y from 'yjs';
import { cellId, type LaneId, type PhaseId, type StepId } from '@klantreis/schema';
import { addStep, journeyFromDoc, readRecord, setCellText } from '@klantreis/sync';
import { connectEditor, type EditorConnection } from '../collaboration/reliability/editorConnection.ts';
import { containsSnapshot, missingFrom } from '../collaboration/reliability/stateContainment.ts';
import { WebSocketStatus } from '@hocuspocus/provider';

/**
 * Editors of one journey who keep working while the servers behind them fail: every tick each
 * adds a step (one in four) or types a letter into the cell of its newest step, on a lane of
 * the journey. Each remembers its state every time the server had acknowledged all of it, and
 * the steps it made, so a check afterwards can say what of that is missing, not only whether
 * the replicas agree.
 */
export class TypingEditors {
  readonly editors: EditorConnection[];
  /** Per editor, its state the last time the server had acknowledged every edit of it. */
  readonly acknowledged: (Y.Snapshot | null)[];
  /** Per editor, the steps it made. */
  readonly stepsMade: StepId[][];
  edits = 0;
  private ticker: NodeJS.Timeout | null = null;
  private tick = 0;

  constructor(url: string, journeyId: string, count: number, options: { token?: string; reconnectDelayMs?: number } = {}) {
    this.editors = Array.from({ length: count }, (_, i) => connectEditor(url, journeyId, { token: options.token, reconnectDelayMs: options.reconnectDelayMs, clientId: 1_000 + i }));
    this.acknowledged = this.editors.map(() => null);
    this.stepsMade = this.editors.map(() => []);
    this.editors.forEach((editor, i) => {
      editor.provider.on('unsyncedChanges', ({ number }: { number: number }) => {
        if (number === 0 && editor.provider.isSynced) this.acknowledged[i] = Y.snapshot(editor.doc);
      });
    });
  }

  async synced(timeoutMs = 15_000): Promise<void> {
    await Promise.all(this.editors.map((editor) => editor.synced(timeoutMs)));
  }

  /** Starts editing: one edit per editor every `intervalMs`. */
  start(intervalMs: number): void {
    const { lanes, phases } = journeyFromDoc(this.editors[0]!.doc);
    const laneId = lanes[0]!.id as LaneId;
    const phaseId = phases[0]!.id as PhaseId;
    this.ticker = setInterval(() => {
      this.tick++;
      this.editors.forEach((editor, i) => {
        const made = this.stepsMade[i]!;
        if (made.length === 0 || (this.tick + i) % 4 === 0) {
          made.push(addStep(editor.doc, { id: `step:e${i}-${made.length}` as StepId, phaseId, title: `Stap ${i}.${made.length}` }));
        } else {
          const stepId = made.at(-1)!;
          const shown = (readRecord(editor.doc, cellId(laneId, stepId))?.text as string | undefined) ?? '';
          setCellText(editor.doc, laneId, stepId, shown + String.fromCharCode(97 + ((this.tick + i) % 26)));
        }
        this.edits++;
      });
    }, intervalMs);
  }

  stop(): void {
    if (this.ticker) clearInterval(this.ticker);
    this.ticker = null;
  }

  /** Milliseconds from `since` until every editor is connected, synced and has nothing unacknowledged, or -1 per editor that did not within `timeoutMs`. */
  async reconnectTimes(since: number, timeoutMs: number): Promise<number[]> {
    return Promise.all(
      this.editors.map(async (editor) => {
        const deadline = since + timeoutMs;
        while (performance.now() < deadline) {
          if (editor.socket.status === WebSocketStatus.Connected && editor.provider.isSynced && !editor.provider.hasUnsyncedChanges) return Math.round(performance.now() - since);
          await new Promise((resolve) => setTimeout(resolve, 25));
        }
        return -1;
      }),
    );
  }

  /**
   * What `doc` (a reader's copy of the server's journey) lacks: any editor's acknowledged
   * state, any step an editor made (after all were synced, every edit counts), any step
   * nobody made or the same step twice.
   */
  lostFrom(doc: Y.Doc): string[] {
    const lost: string[] = [];
    this.acknowledged.forEach((seen, i) => {
      if (seen && !containsSnapshot(doc, seen)) lost.push(`editor ${i + 1}: acknowledged edits missing (${missingFrom(doc, seen)})`);
    });
    this.editors.forEach((editor, i) => {
      if (!containsSnapshot(doc, Y.snapshot(editor.doc))) lost.push(`editor ${i + 1}: its synced state is not all on the server (${missingFrom(doc, Y.snapshot(editor.doc))})`);
    });
    const steps = journeyFromDoc(doc).steps.map((step) => step.id);
    const made = new Set(this.stepsMade.flat());
    const missing = [...made].filter((id) => !steps.includes(id));
    if (missing.length > 0) lost.push(`${missing.length} steps made are missing: ${missing.slice(0, 5).join(', ')}`);
    if (new Set(steps).size !== steps.length) lost.push('a step appears twice');
    if (steps.length !== made.size) lost.push(`${steps.length} steps on the server, ${made.size} made`);
    return lost;
  }

  close(): void {
    this.stop();
    for (const editor of this.editors) editor.close();
  }
}
