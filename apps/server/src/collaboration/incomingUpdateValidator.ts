import * as Y from 'yjs';
import { JOURNEY_RECORD_ID } from '@klantreis/schema';
import { derivedTextOwner, metaOf, recordsOf } from '@klantreis/sync';
import { authorshipProblem, derivedTextProblem, metaProblem, recordProblem, type Authorship } from './recordRules.ts';

/** `changed` is false for an update the document already holds entirely (a reconnecting editor's sync). */
/** `claimed`: the client ids this update's sender wrote under for the first time (to be kept, see `claims`). */
export type Verdict = { accepted: true; changed: boolean; claimed: number[] } | { accepted: false; reason: string; forbidden?: boolean; early?: boolean };

/**
 * Which records the sender's role lets an update touch (a record id, or `meta` for the
 * document's own fields); undefined lets it touch all of them.
 */
export type TouchPermission = (recordId: string | 'meta') => boolean;

class Forbidden {
  readonly reason: string;
  constructor(reason: string) {
    this.reason = reason;
  }
}

const VALIDATION = Symbol('validation');

/**
 * Decides whether an update from a client may enter a journey's document. A Yjs update
 * cannot be taken back once applied (an undo is a new change, and the bad one would still be
 * stored and sent), so it is first applied to a shadow copy of the live document; only the
 * records it touched are read back and checked, which keeps the check cheap.
 *
 * The shadow is the live document plus the updates accepted but not yet applied to it (they
 * are being stored). It follows the live document through `mirror`; after a refusal, whose
 * update is now in the shadow, it is dropped and copied afresh from the live document.
 */
export class IncomingUpdateValidator {
  private readonly live: Y.Doc;
  private shadow: Y.Doc | null = null;
  /** Counts the shadows dropped, so a caller can tell whether one was dropped meanwhile. */
  generation = 0;
  /**
   * Which account writes under each Yjs client id. A client id is one browser document's:
   * nobody else writes under it. Starts from the claims stored before (`claims`, kept in the
   * database by the caller from each verdict's `claimed`), then learnt from accepted updates; a
   * client id in the stored document that nobody claimed is claimed by the first account that
   * extends it.
   */
  private readonly clientAccounts: Map<number, string>;

  constructor(live: Y.Doc, claims: ReadonlyMap<number, string> = new Map()) {
    this.live = live;
    this.clientAccounts = new Map(claims);
  }

  /** `authorship`: who sends it, for the records that carry their writer's name; undefined checks none (the local admin). */
  check(update: Uint8Array, mayTouch?: TouchPermission, authorship?: Authorship): Verdict {
    const shadow = this.shadowDoc();
    const applied: { transaction?: Y.Transaction } = {};
    const capture = (tr: Y.Transaction) => {
      if (tr.origin === VALIDATION) applied.transaction = tr;
    };
    // Who writes it: the client ids it brings new changes under (not what it echoes: a sync
    // repeats what the server has, and its held-back parts, whoever wrote them).
    let writes: Set<number> | null = null;
    try {
      writes = authorship ? newWritesOf(shadow, update) : null;
    } catch (error) {
      return { accepted: false, reason: `the update cannot be read: ${(error as Error).message}` };
    }
    if (authorship && writes) {
      const foreign = [...writes].find((client) => (this.clientAccounts.get(client) ?? authorship.userId) !== authorship.userId);
      if (foreign !== undefined) return { accepted: false, reason: `the update writes under client ${foreign}, another person's`, forbidden: true };
    }
    // Yjs adds to its pending structs in place but replaces their merged update.
    const pendingBefore = [shadow.store.pendingStructs?.update, shadow.store.pendingDs] as const;
    const waitsBefore = authorship ? crossClientWaits(shadow) : null;
    shadow.on('afterTransaction', capture);
    try {
      Y.applyUpdate(shadow, update, VALIDATION);
    } catch (error) {
      this.discardShadow();
      return { accepted: false, reason: `the update cannot be read: ${(error as Error).message}` };
    } finally {
      shadow.off('afterTransaction', capture);
    }
    const transaction = applied.transaction;
    if (authorship && writes && waitsBefore) {
      const early = this.heldBackProblem(shadow, update, writes, waitsBefore, pendingBefore[1] ?? null, authorship.userId);
      if (early) {
        this.discardShadow();
        return { accepted: false, reason: early, early: true };
      }
    }
    const problem = transaction ? this.problemIn(shadow, transaction, mayTouch, authorship) : null;
    if (problem instanceof Forbidden) {
      this.discardShadow();
      return { accepted: false, reason: problem.reason, forbidden: true };
    }
    if (problem === null) {
      const changed =
        transaction !== undefined &&
        (transaction.deleteSet.clients.size > 0 ||
          !sameStateVector(transaction.beforeState, transaction.afterState) ||
          shadow.store.pendingStructs?.update !== pendingBefore[0] ||
          // Yjs replaces its held-back deletes on every update, the same or not.
          !sameBytes(shadow.store.pendingDs, pendingBefore[1] ?? null));
      const claimed: number[] = [];
      if (authorship && writes) {
        for (const client of writes) {
          if (this.clientAccounts.has(client)) continue;
          this.clientAccounts.set(client, authorship.userId);
          claimed.push(client);
        }
      }
      return { accepted: true, changed, claimed };
    }
    this.discardShadow();
    return { accepted: false, reason: problem };
  }

  /** Every change of the live document, whatever its origin, reaches the shadow too. */
  mirror(update: Uint8Array): void {
    if (!this.shadow) return;
    try {
      Y.applyUpdate(this.shadow, update);
    } catch {
      this.discardShadow();
    }
  }

  /** Called when an accepted update could not be stored and so never reaches the live document. */
  discardShadow(): void {
    this.shadow?.destroy();
    this.shadow = null;
    this.generation++;
  }

  private shadowDoc(): Y.Doc {
    if (!this.shadow) {
      this.shadow = new Y.Doc();
      // Define the roots first: a root an update creates is a plain AbstractType, replaced by
      // a new Y.Map object on the first getMap, and the changes would point at the old one.
      recordsOf(this.shadow);
      metaOf(this.shadow);
      Y.applyUpdate(this.shadow, Y.encodeStateAsUpdate(this.live));
    }
    return this.shadow;
  }

  /**
   * Yjs holds back the parts of an update that build on changes it does not have yet, and
   * applies them when a later update brings those: in the transaction of that later update,
   * which is checked under its sender's role and name. So a held-back part may wait only for
   * client ids of the account that wrote it (an editor back online sends its newest edit before
   * the offline ones it builds on); waiting for another person's next change would let it in
   * under theirs. Checked on what is held back after each update, not only on the update's own
   * parts: filling a gap of one's own can leave an older part waiting on someone else. Refused
   * as early: the editor reconnects and sends everything in order (an honest editor only meets
   * this in a race, e.g. an edit under the client id of a session before a reload, sent before
   * the sync that brings that session's edits).
   */
  private heldBackProblem(shadow: Y.Doc, update: Uint8Array, writes: Set<number>, waitsBefore: Set<string>, dsBefore: Uint8Array | null, account: string): string | null {
    // A client id's account: the one that wrote under it since the load, or this one for what
    // this update brings new under a client id nobody has claimed.
    const accountOf = (client: number) => this.clientAccounts.get(client) ?? (writes.has(client) ? account : undefined);
    for (const [key, { client, waitsOn }] of crossClientWaitsByKey(shadow)) {
      if (waitsBefore.has(key)) continue; // held back before this update: not its doing
      const writer = accountOf(client);
      if (writer === undefined || writer !== accountOf(waitsOn)) return `the update leaves a change of client ${client} waiting for one of client ${waitsOn}, which the server does not have yet`;
    }
    const dsAfter = shadow.store.pendingDs;
    if (dsAfter !== null && !sameBytes(dsAfter, dsBefore)) {
      // Yjs keeps them in the v2 encoding; an editor's update comes in v1.
      const heldBack = new Set(Y.decodeUpdateV2(dsAfter).ds.clients.keys());
      for (const client of Y.decodeUpdate(update).ds.clients.keys()) {
        if (heldBack.has(client) && accountOf(client) !== account) return `the update deletes changes of client ${client} the server does not have yet`;
      }
    }
    return null;
  }

  private problemIn(shadow: Y.Doc, transaction: Y.Transaction, mayTouch?: TouchPermission, authorship?: Authorship): string | Forbidden | null {
    const records = recordsOf(shadow);
    const meta = metaOf(shadow);
    const roots = rootNamesOf(shadow);
    const touched = new Set<string>();
    const texts: { id: string; field: string; keys: Set<string | null> }[] = [];
    for (const [changed, keys] of transaction.changed) {
      const type: object = changed;
      const rootName = roots.get(type);
      if (type === meta) {
        if (mayTouch && !mayTouch('meta')) return new Forbidden('your role may not change the journey');
        const problem = metaProblem(meta);
        if (problem) return problem;
      } else if (type === records) {
        for (const key of keys) {
          if (key === null) return 'records: only keyed records are allowed';
          touched.add(key);
        }
      } else if (rootName !== undefined) {
        // A root-level type of its own: only a derived record's text may be one.
        const owner = derivedTextOwner(rootName);
        if (owner === null) return `the update writes outside the journey records (${rootName.slice(0, 80)})`;
        texts.push({ ...owner, keys });
        touched.add(owner.id);
      } else {
        const id = recordIdOf(changed, records);
        if (id === null) return 'the update writes outside the journey records';
        touched.add(id);
      }
    }
    // Checked after the loop: reading a root that the update created turns the untyped root
    // into a Y.Text, and the changes above point at the untyped one.
    if (mayTouch) for (const id of touched) if (!mayTouch(id)) return new Forbidden(`your role may not change ${id.slice(0, 80)}`);
    for (const { id, field, keys } of texts) {
      const problem = derivedTextProblem(shadow, id, field, keys);
      if (problem) return problem;
    }
    // An editor that comes back online sends its new edits before the offline ones they build
    // on (those follow in its answer to the server's state vector). Until they arrive, an
    // edited field can be without a value: its old value is deleted, the new one waits for
    // its predecessor. Only then may a field be missing; a record without some field is no
    // worse than a deleted one, which any editor may do.
    const waiting = shadow.store.pendingStructs !== null || shadow.store.pendingDs !== null;
    for (const id of touched) {
      const value = records.get(id);
      if (value === undefined) {
        // Without its journey record the document cannot be read, nor loaded again.
        if (id === JOURNEY_RECORD_ID) return `${id} cannot be deleted`;
        continue;
      }
      const problem = recordProblem(shadow, id, value, { tolerateMissingFields: waiting });
      if (problem === null) continue;
      // A record stored out of schema by an older version may still be edited; a record
      // that fitted, or did not exist, cannot be made not to fit.
      const before = recordsOf(this.live).get(id);
      if (before === undefined || recordProblem(this.live, id, before) === null) return problem;
    }
    if (authorship) {
      for (const id of touched) {
        const problem = authorshipProblem(this.live, shadow, id, authorship);
        if (problem) return new Forbidden(problem);
      }
    }
    return null;
  }
}

/** The root-level types of a document by object, to name the roots a transaction changed. */
function rootNamesOf(doc: Y.Doc): Map<object, string> {
  const names = new Map<object, string>();
  for (const [name, type] of doc.share) names.set(type, name);
  return names;
}

function sameBytes(a: Uint8Array | null, b: Uint8Array | null): boolean {
  if (a === null || b === null) return a === b;
  return a.length === b.length && a.every((byte, index) => byte === b[index]);
}

/**
 * The client ids an update brings new changes under: past what the document has, and past
 * what it holds back already (a sync repeats those, whoever wrote them).
 */
function newWritesOf(doc: Y.Doc, update: Uint8Array): Set<number> {
  const heldBack = doc.store.pendingStructs ? Y.parseUpdateMetaV2(doc.store.pendingStructs.update).to : null;
  const writes = new Set<number>();
  for (const [client, end] of Y.parseUpdateMeta(update).to) {
    if (end > Math.max(Y.getState(doc.store, client), heldBack?.get(client) ?? 0)) writes.add(client);
  }
  return writes;
}

/** Each held-back item that waits for a change of another client id the document lacks, by `client:clock>other`. */
function crossClientWaitsByKey(doc: Y.Doc): Map<string, { client: number; waitsOn: number }> {
  const waits = new Map<string, { client: number; waitsOn: number }>();
  const pending = doc.store.pendingStructs;
  if (!pending) return waits;
  for (const struct of Y.decodeUpdateV2(pending.update).structs) {
    if (!(struct instanceof Y.Item)) continue;
    const { client, clock } = struct.id;
    const parent: unknown = struct.parent;
    const parentId = parent instanceof Y.ID ? parent : null;
    for (const on of [struct.origin, struct.rightOrigin, parentId]) {
      // What it builds on under another client id, and the document does not have yet.
      if (on && on.client !== client && on.clock >= Y.getState(doc.store, on.client)) waits.set(`${client}:${clock}>${on.client}`, { client, waitsOn: on.client });
    }
  }
  return waits;
}

function crossClientWaits(doc: Y.Doc): Set<string> {
  return new Set(crossClientWaitsByKey(doc).keys());
}

function sameStateVector(a: Map<number, number>, b: Map<number, number>): boolean {
  if (a.size !== b.size) return false;
  for (const [client, clock] of a) if (b.get(client) !== clock) return false;
  return true;
}

/** The id of the record a nested type (a record's map, or a text inside it) belongs to. */
function recordIdOf(type: { _item: Y.Item | null }, records: object): string | null {
  let item = type._item;
  while (item !== null) {
    const parent = item.parent;
    if (parent === records) return item.parentSub;
    if (!(parent instanceof Y.AbstractType)) return null;
    item = parent._item;
  }
  return null;
}
