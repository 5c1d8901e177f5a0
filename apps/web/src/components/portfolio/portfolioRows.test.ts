import { describe, expect, it } from 'vitest';
import type { PortfolioJourney } from '@klantreis/core/contracts';
import { EMPTY_FILTER } from './portfolioQuery.ts';
import { filterChoices, filterJourneys, groupJourneys, sortJourneys, stageOrder } from './portfolioRows.ts';

function journey(fields: Partial<PortfolioJourney> & { id: string; title: string }): PortfolioJourney {
  return {
    kind: 'journey',
    status: 'idea',
    owner: { id: null, name: '' },
    tags: [],
    personas: [],
    locale: 'nl',
    updatedAt: 0,
    stepCount: 0,
    stages: [],
    scores: { designedRemembered: null, designedMean: null, measuredRemembered: null, measuredMean: null },
    measurement: null,
    xla: null,
    findings: { critical: 0, warning: 0, info: 0, positive: 0 },
    openActions: 0,
    health: { level: 'unknown', reasons: [{ code: 'no-scores' }] },
    role: 'owner',
    ...fields,
  };
}

const stage = (stageId: string, stageName: string, experienceMapId = 'm1') => ({ experienceMapId, experienceMapTitle: 'Lidmaatschap', stageId, stageName });

const joining = journey({
  id: 'a',
  title: 'Lid worden',
  status: 'live',
  owner: { id: 'u1', name: 'Anna' },
  tags: ['leden', 'digitaal'],
  stages: [stage('s1', 'Oriëntatie'), stage('s2', 'Aanmelden')],
  scores: { designedRemembered: 1.5, designedMean: 1, measuredRemembered: -0.5, measuredMean: 0 },
  health: { level: 'critical', reasons: [{ code: 'critical-findings', count: 1 }] },
  updatedAt: 300,
});
const renewal = journey({
  id: 'b',
  title: 'Verlengen',
  status: 'as-is',
  owner: { id: 'u2', name: 'Bram' },
  tags: ['leden'],
  stages: [stage('s3', 'Verlengen')],
  scores: { designedRemembered: 0.5, designedMean: 0, measuredRemembered: null, measuredMean: null },
  health: { level: 'healthy', reasons: [] },
  updatedAt: 100,
});
const incident = journey({ id: 'c', title: 'Één storing melden', kind: 'end-user', personas: ['Medewerker'], updatedAt: 200 });
const all = [joining, renewal, incident];

describe('filterJourneys', () => {
  it('keeps every journey with an empty filter', () => {
    expect(filterJourneys(all, EMPTY_FILTER)).toEqual(all);
  });
  it('filters by status, owner, kind, tag and health', () => {
    expect(filterJourneys(all, { ...EMPTY_FILTER, status: 'live' }).map((j) => j.id)).toEqual(['a']);
    expect(filterJourneys(all, { ...EMPTY_FILTER, owner: 'u2' }).map((j) => j.id)).toEqual(['b']);
    expect(filterJourneys(all, { ...EMPTY_FILTER, owner: 'none' }).map((j) => j.id)).toEqual(['c']);
    expect(filterJourneys(all, { ...EMPTY_FILTER, kind: 'end-user' }).map((j) => j.id)).toEqual(['c']);
    expect(filterJourneys(all, { ...EMPTY_FILTER, tag: 'leden' }).map((j) => j.id)).toEqual(['a', 'b']);
    expect(filterJourneys(all, { ...EMPTY_FILTER, health: 'critical' }).map((j) => j.id)).toEqual(['a']);
  });
  it('finds every word of the text in title, owner, tags, personas or stages, ignoring case and accents', () => {
    expect(filterJourneys(all, { ...EMPTY_FILTER, text: 'een' }).map((j) => j.id)).toEqual(['c']);
    expect(filterJourneys(all, { ...EMPTY_FILTER, text: 'anna orientatie' }).map((j) => j.id)).toEqual(['a']);
    expect(filterJourneys(all, { ...EMPTY_FILTER, text: 'medewerker' }).map((j) => j.id)).toEqual(['c']);
    expect(filterJourneys(all, { ...EMPTY_FILTER, text: 'anna bram' })).toEqual([]);
  });
});

describe('sortJourneys', () => {
  const ids = (list: PortfolioJourney[]) => list.map((j) => j.id);
  it('sorts by title with the locale collator', () => {
    expect(ids(sortJourneys(all, { key: 'title', direction: 'asc' }, 'nl'))).toEqual(['c', 'a', 'b']);
    expect(ids(sortJourneys(all, { key: 'title', direction: 'desc' }, 'nl'))).toEqual(['b', 'a', 'c']);
  });
  it('puts the journeys without a value last in both directions', () => {
    expect(ids(sortJourneys(all, { key: 'measured', direction: 'asc' }, 'nl'))).toEqual(['a', 'c', 'b']);
    expect(ids(sortJourneys(all, { key: 'measured', direction: 'desc' }, 'nl'))).toEqual(['a', 'c', 'b']);
    expect(ids(sortJourneys(all, { key: 'designed', direction: 'desc' }, 'nl'))).toEqual(['a', 'b', 'c']);
    expect(ids(sortJourneys(all, { key: 'designed', direction: 'asc' }, 'nl'))).toEqual(['b', 'a', 'c']);
  });
  it('sorts health with the worst first when descending and unknown last', () => {
    expect(ids(sortJourneys(all, { key: 'health', direction: 'desc' }, 'nl'))).toEqual(['a', 'b', 'c']);
    expect(ids(sortJourneys(all, { key: 'health', direction: 'asc' }, 'nl'))).toEqual(['b', 'a', 'c']);
  });
  it('sorts status in lifecycle order and last change by time', () => {
    expect(ids(sortJourneys(all, { key: 'status', direction: 'asc' }, 'nl'))).toEqual(['c', 'b', 'a']);
    expect(ids(sortJourneys(all, { key: 'updated', direction: 'desc' }, 'nl'))).toEqual(['a', 'c', 'b']);
  });
});

describe('groupJourneys', () => {
  it('groups by owner A to Z with the unowned last', () => {
    const groups = groupJourneys(all, 'owner', 'nl');
    expect(groups.map((g) => [g.key, g.journeys.map((j) => j.id)])).toEqual([
      ['u1', ['a']],
      ['u2', ['b']],
      ['none', ['c']],
    ]);
  });
  it('groups by status in lifecycle order', () => {
    expect(groupJourneys(all, 'status', 'nl').map((g) => g.key)).toEqual(['idea', 'as-is', 'live']);
  });
  it('puts a journey with two tags or stages in both groups', () => {
    expect(groupJourneys(all, 'tag', 'nl').map((g) => [g.key, g.journeys.length])).toEqual([
      ['digitaal', 1],
      ['leden', 2],
      ['none', 1],
    ]);
    expect(groupJourneys(all, 'stage', 'nl').map((g) => [g.name, g.journeys.length])).toEqual([
      ['Oriëntatie', 1],
      ['Aanmelden', 1],
      ['Verlengen', 1],
      ['', 1],
    ]);
  });
  it('keeps one group of everything when not grouping', () => {
    expect(groupJourneys(all, 'none', 'nl')).toEqual([{ key: 'none', name: '', journeys: all }]);
  });
});

describe('stageOrder', () => {
  it('merges the stage lists of the journeys into one time order', () => {
    const first = journey({ id: 'x', title: 'x', stages: [stage('s2', 'Aanmelden'), stage('s3', 'Eerste jaar')] });
    const second = journey({ id: 'y', title: 'y', stages: [stage('s1', 'Oriëntatie'), stage('s2', 'Aanmelden')] });
    expect(stageOrder([first, second]).map((s) => s.stageId)).toEqual(['s1', 's2', 's3']);
  });
});

describe('filterChoices', () => {
  it('lists the owners and tags once, sorted', () => {
    expect(filterChoices(all, 'nl')).toEqual({
      owners: [
        { id: 'u1', name: 'Anna' },
        { id: 'u2', name: 'Bram' },
      ],
      tags: ['digitaal', 'leden'],
    });
  });
});
