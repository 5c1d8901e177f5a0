import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createBlankJourney } from './blankJourney.ts';
import { parseJourneyDocument } from './journeyImport.ts';
import { assertMigrationsValid, CURRENT_SCHEMA_VERSION, MIGRATIONS, migrateToCurrent, type Migration } from './migrations.ts';

/** The migrations added after version 10, applied after those each test names. */
const SINCE_VERSION_11 = ['klantreis.journey/11', 'klantreis.action/12', 'klantreis.step/13', 'klantreis.link/14'];

/**
 * A journey as version 1 wrote it, read from its frozen file (fixtures/schema-v1.json) rather
 * than built from today's factories, which change with the code: `satisfaction` and
 * `waitMinutes` on steps (the first: -1 and 12 minutes, a Kano element without a questionnaire;
 * the second: 2 and 0), no target scores and none of the later lists.
 */
function versionOneJourney(): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL('./fixtures/schema-v1.json', import.meta.url), 'utf8')) as Record<string, unknown>;
}

/** Applies the migrations up to (not including) the one at `index`. */
function migratedUpTo(index: number): Record<string, unknown> {
  let document: Record<string, unknown> = versionOneJourney();
  for (const migration of MIGRATIONS.slice(0, index)) document = migration.up(document);
  return document;
}

describe('migrations', () => {
  it('form a valid chain that ends at the current version', () => {
    expect(() => assertMigrationsValid()).not.toThrow();
    expect(MIGRATIONS.length + 1).toBe(CURRENT_SCHEMA_VERSION);
  });

  it('refuse a chain with a gap or a repeated id', () => {
    const [first, second] = MIGRATIONS as [Migration, Migration];
    expect(() => assertMigrationsValid([second])).toThrow(/reads version 2, expected 1/);
    expect(() => assertMigrationsValid([first, { ...second, id: first.id }])).toThrow(/listed twice/);
  });

  it('klantreis.step/2 renames satisfaction to score', () => {
    const migrated = MIGRATIONS[0]!.up(versionOneJourney()) as { steps: Record<string, unknown>[] };
    expect(migrated.steps.map((step) => step.score)).toEqual([-1, 2]);
    expect(migrated.steps[0]).not.toHaveProperty('satisfaction');
  });

  it('klantreis.step/3 turns waitMinutes into a wait before the step', () => {
    const v2 = MIGRATIONS[0]!.up(versionOneJourney());
    const migrated = MIGRATIONS[1]!.up(v2) as { steps: Record<string, unknown>[] };
    expect(migrated.steps[0]!.wait).toEqual({ moment: 'before', minutes: 12 });
    expect(migrated.steps[1]!.wait).toBeNull();
    expect(migrated.steps[0]).not.toHaveProperty('waitMinutes');
  });

  it('klantreis.step/4 gives steps an empty target score and Kano elements an empty questionnaire', () => {
    const migrated = MIGRATIONS[2]!.up(migratedUpTo(2)) as { steps: Record<string, unknown>[] };
    expect(migrated.steps.map((step) => step.targetScore)).toEqual([null, null]);
    expect(migrated.steps[0]!.kano).toEqual([
      { id: 'k1', text: 'Snel opgenomen', category: 'must-be', functionalQuestion: '', dysfunctionalQuestion: '', responses: null },
    ]);
    // A target score already there (a hand-written file) is kept.
    const withTarget = migratedUpTo(2) as { steps: Record<string, unknown>[] };
    withTarget.steps[0]!.targetScore = 2;
    expect((MIGRATIONS[2]!.up(withTarget) as { steps: Record<string, unknown>[] }).steps[0]!.targetScore).toBe(2);
  });

  it('klantreis.action/5 adds an empty list of improvement actions', () => {
    const before = migratedUpTo(3);
    expect(before).not.toHaveProperty('actions');
    expect(MIGRATIONS[3]!.up(before).actions).toEqual([]);
  });

  it('klantreis.step/6 gives steps no mapped activities and no journey end, keeping any already there', () => {
    const before = migratedUpTo(4) as { steps: Record<string, unknown>[] };
    expect(before.steps[0]).not.toHaveProperty('activityPatterns');
    const migrated = MIGRATIONS[4]!.up(before) as { steps: Record<string, unknown>[] };
    expect(migrated.steps.map((step) => [step.activityPatterns, step.journeyEnd])).toEqual([
      [[], false],
      [[], false],
    ]);
    const handWritten = migratedUpTo(4) as { steps: Record<string, unknown>[] };
    handWritten.steps[1]!.activityPatterns = ['W_Completeren*'];
    handWritten.steps[1]!.journeyEnd = true;
    expect((MIGRATIONS[4]!.up(handWritten) as { steps: Record<string, unknown>[] }).steps[1]).toMatchObject({ activityPatterns: ['W_Completeren*'], journeyEnd: true });
  });

  it('klantreis.indicator/7 adds an empty list of XLA indicators', () => {
    const before = migratedUpTo(5);
    expect(before).not.toHaveProperty('indicators');
    expect(MIGRATIONS[5]!.up(before).indicators).toEqual([]);
  });

  it('klantreis.comment/8, klantreis.capture/9 and klantreis.vote/10 add empty lists of comments, inbox items and votes, keeping any already there', () => {
    const before = migratedUpTo(6);
    for (const list of ['comments', 'captures', 'votes']) expect(before).not.toHaveProperty(list);
    const afterComments = MIGRATIONS[6]!.up(before);
    expect(afterComments.comments).toEqual([]);
    const afterCaptures = MIGRATIONS[7]!.up(afterComments);
    expect(afterCaptures.captures).toEqual([]);
    expect(MIGRATIONS[8]!.up(afterCaptures).votes).toEqual([]);
    const kept = [{ id: 'comment:kept' }];
    expect(MIGRATIONS[6]!.up({ ...before, comments: kept }).comments).toBe(kept);
  });

  it('an import of a version-1 file migrates it into a valid current document', () => {
    const result = parseJourneyDocument(versionOneJourney());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.migrated).toEqual(['klantreis.step/2', 'klantreis.step/3', 'klantreis.step/4', 'klantreis.action/5', 'klantreis.step/6', 'klantreis.indicator/7', 'klantreis.comment/8', 'klantreis.capture/9', 'klantreis.vote/10', ...SINCE_VERSION_11]);
    expect(result.document.actions).toEqual([]);
    expect(result.document.indicators).toEqual([]);
    expect([result.document.comments, result.document.captures, result.document.votes]).toEqual([[], [], []]);
    expect(result.document.steps.map((s) => s.activityPatterns)).toEqual([[], []]);
    expect(result.document.steps[0]!.kano[0]!.responses).toBeNull();
    expect(result.document.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
    expect(result.document.steps.map((s) => s.score)).toEqual([-1, 2]);
  });

  it('refuses a file from a newer Klantreis, or without a version', () => {
    expect(migrateToCurrent({ ...createBlankJourney('x'), schemaVersion: 99 })).toMatchObject({ ok: false, path: 'schemaVersion' });
    expect(migrateToCurrent({ title: 'x' })).toMatchObject({ ok: false, path: 'schemaVersion' });
  });
});

describe('the portfolio migrations (versions 11 to 14)', () => {
  const v10 = (steps: unknown[], journey: Record<string, unknown> = {}) => ({
    schemaVersion: 10,
    journey: { id: 'journey:root', title: 'Oud', description: '', kind: 'journey', locale: 'nl', owner: 'Ann', status: 'approved', personaIds: [], journeyScore: null, ...journey },
    phases: [],
    steps,
    lanes: [],
    cells: [],
    personas: [],
    actions: [{ id: 'action:a', index: 'a0', title: 'Beter', description: '', owner: '', dueDate: null, status: 'idea', stepIds: [], sourceRule: null }],
    indicators: [],
    comments: [],
    captures: [],
    votes: [],
  });

  it('gives a mapped journey the status as-is and an empty one idea, keeps the owner text, and adds links, impact, effort and sub-journeys', () => {
    const empty = migrateToCurrent(v10([]));
    if (!empty.ok) throw new Error(empty.message);
    expect(empty.document.journey).toMatchObject({ status: 'idea', owner: 'Ann', ownerId: null, tags: [] });
    expect(empty.document.actions).toEqual([expect.objectContaining({ impact: null, effort: null })]);
    expect(empty.document.links).toEqual([]);
    const step = { id: 'step:s', phaseId: 'phase:p', index: 'a0', title: '', description: '', score: null, targetScore: null, beforeFirstContact: false, wait: null, touchpoints: [], kano: [], serviceConcept: null, momentOfTruth: false, activityPatterns: [], journeyEnd: false };
    const mapped = migrateToCurrent(v10([step]));
    if (!mapped.ok) throw new Error(mapped.message);
    expect(mapped.document.journey).toMatchObject({ status: 'as-is' });
    expect((mapped.document.steps as Record<string, unknown>[])[0]).toMatchObject({ subJourneyId: null });
  });
});
