import { describe, expect, it } from 'vitest';
import { createBlankJourney } from './blankJourney.ts';
import { parseJourneyDocument } from './journeyImport.ts';
import { assertMigrationsValid, CURRENT_SCHEMA_VERSION, MIGRATIONS, migrateToCurrent, type Migration } from './migrations.ts';
import { createStepRecord } from './stepRecord.ts';

/** A journey as the version-1 draft format wrote it: `satisfaction` and `waitMinutes` on steps. */
function versionOneJourney() {
  const current = createBlankJourney('Oud formaat');
  const { score: _score, wait: _wait, ...step } = createStepRecord({ phaseId: current.phases[0]!.id, index: 'a0', title: 'Bellen' });
  const waitingStep = { ...step, id: 'step:waiting', index: 'a1', satisfaction: -1, waitMinutes: 12 };
  return { ...current, schemaVersion: 1, steps: [{ ...step, satisfaction: 2, waitMinutes: 0 }, waitingStep] };
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
    expect(migrated.steps[0]).toMatchObject({ score: 2 });
    expect(migrated.steps[0]).not.toHaveProperty('satisfaction');
  });

  it('klantreis.step/3 turns waitMinutes into a wait before the step', () => {
    const v2 = MIGRATIONS[0]!.up(versionOneJourney());
    const migrated = MIGRATIONS[1]!.up(v2) as { steps: Record<string, unknown>[] };
    expect(migrated.steps[0]!.wait).toBeNull();
    expect(migrated.steps[1]!.wait).toEqual({ moment: 'before', minutes: 12 });
    expect(migrated.steps[1]).not.toHaveProperty('waitMinutes');
  });

  it('an import of a version-1 file migrates it into a valid current document', () => {
    const result = parseJourneyDocument(versionOneJourney());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.migrated).toEqual(['klantreis.step/2', 'klantreis.step/3']);
    expect(result.document.schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
    expect(result.document.steps.map((s) => s.score)).toEqual([2, -1]);
  });

  it('refuses a file from a newer Klantreis, or without a version', () => {
    expect(migrateToCurrent({ ...createBlankJourney('x'), schemaVersion: 99 })).toMatchObject({ ok: false, path: 'schemaVersion' });
    expect(migrateToCurrent({ title: 'x' })).toMatchObject({ ok: false, path: 'schemaVersion' });
  });
});
