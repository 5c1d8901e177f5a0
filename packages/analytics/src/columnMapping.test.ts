import { describe, expect, it } from 'vitest';
import { nameColumns, resolveColumnMapping } from './columnMapping.ts';

describe('resolveColumnMapping', () => {
  it('guesses XES-style, English and Dutch names', () => {
    expect(resolveColumnMapping(['case:concept:name', 'concept:name', 'time:timestamp', 'org:resource', 'Activity', 'Resource'])).toEqual({
      ok: true,
      mapping: { caseId: 'case:concept:name', activity: 'concept:name', timestamp: 'time:timestamp', resource: 'org:resource' },
    });
    expect(resolveColumnMapping(['Zaak', 'Activiteit', 'Tijdstip', 'Kanaal', 'Medewerker', 'Klantsegment'])).toEqual({
      ok: true,
      mapping: { caseId: 'Zaak', activity: 'Activiteit', timestamp: 'Tijdstip', channel: 'Kanaal', resource: 'Medewerker', segment: 'Klantsegment' },
    });
    expect(resolveColumnMapping(['Case ID', 'Activity', 'Datum'])).toMatchObject({ ok: true, mapping: { caseId: 'Case ID', timestamp: 'Datum' } });
  });

  it('lets an override win and never maps one column twice', () => {
    expect(resolveColumnMapping(['id', 'event', 'date', 'case'], { caseId: 'id' })).toEqual({
      ok: true,
      mapping: { caseId: 'id', activity: 'event', timestamp: 'date' },
    });
  });

  it('explains what is missing', () => {
    expect(resolveColumnMapping(['case', 'activity'])).toEqual({
      ok: false,
      field: 'timestamp',
      reason: 'no column for the timestamp; columns are "case", "activity"; name it in the column mapping',
    });
  });
});

describe('nameColumns', () => {
  it('names empty and repeated headers', () => {
    expect(nameColumns(['', 'a', 'a', ' b '])).toEqual(['column1', 'a', 'a_2', 'b']);
  });
});
