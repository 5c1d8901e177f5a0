// Migrations read frozen files of every past schema version (issue 9): files written once and
// kept as they are, not documents built from today's factories, which change with the code and
// so no longer show what an old file held. schema-v1.json is the journey as version 1 wrote it
// (satisfaction and waitMinutes on steps, Kano elements without a questionnaire, none of the
// later lists); schema-v2 … v13 are that journey as each later version wrote it, frozen when
// written; the file of the current version is what every one of them must become.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseJourneyDocument } from './journeyImport.ts';
import { CURRENT_SCHEMA_VERSION, migrateToCurrent } from './migrations.ts';

const FIXTURES = new URL('./fixtures/', import.meta.url);
const fixture = (version: number): Record<string, unknown> => JSON.parse(readFileSync(new URL(`schema-v${version}.json`, FIXTURES), 'utf8')) as Record<string, unknown>;
const pastVersions = Array.from({ length: CURRENT_SCHEMA_VERSION - 1 }, (_, i) => i + 1);

describe('frozen files of every past schema version', () => {
  it('exist for every version up to the current one: a new schema version needs its file', () => {
    const files = readdirSync(FIXTURES).filter((name) => /^schema-v\d+\.json$/.test(name));
    expect(files.sort()).toEqual(Array.from({ length: CURRENT_SCHEMA_VERSION }, (_, i) => `schema-v${i + 1}.json`).sort());
    for (const version of [...pastVersions, CURRENT_SCHEMA_VERSION]) expect(fixture(version).schemaVersion, `schema-v${version}.json`).toBe(version);
  });

  it.each(pastVersions)('version %i migrates to exactly the current file, and imports', (version) => {
    const migrated = migrateToCurrent(fixture(version));
    expect(migrated.ok).toBe(true);
    if (!migrated.ok) return;
    expect(migrated.document).toEqual(fixture(CURRENT_SCHEMA_VERSION));
    expect(migrated.applied).toHaveLength(CURRENT_SCHEMA_VERSION - version);
    const imported = parseJourneyDocument(fixture(version));
    expect(imported.ok, JSON.stringify(imported)).toBe(true);
  });

  it('version 1: the old step fields become the new ones', () => {
    const migrated = migrateToCurrent(fixture(1));
    if (!migrated.ok) throw new Error(migrated.message);
    const [melden, opgelost] = migrated.document.steps as Record<string, unknown>[];
    expect(melden).toMatchObject({ score: -1, wait: { moment: 'before', minutes: 12 }, targetScore: null, activityPatterns: [], journeyEnd: false });
    expect(opgelost).toMatchObject({ score: 2, wait: null });
    expect(melden).not.toHaveProperty('satisfaction');
    expect(melden).not.toHaveProperty('waitMinutes');
    expect((melden!.kano as Record<string, unknown>[])[0]).toEqual({ id: 'k1', text: 'Snel opgenomen', category: 'must-be', functionalQuestion: '', dysfunctionalQuestion: '', responses: null });
    expect(migrated.document).toMatchObject({ actions: [], indicators: [], comments: [], captures: [], votes: [] });
  });
});
