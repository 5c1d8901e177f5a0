import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIndicatorRecord, createStepRecord, type StepRecord } from '@klantreis/schema';
import { happiness, lostTime, toAxis, touchpointVsJourneyAlert } from '@klantreis/evaluation';
import { evaluateXla, indicatorStatus, indicatorTrend } from './indicatorStatus.ts';
import { JourneyAnalysis } from './journeyAnalysis.ts';
import { openAnalyticsDatabase } from './analyticsDatabase.ts';
import { attachIndexCases, buildJourneyIndex, type JourneyIndex } from './journeyIndex.ts';
import { journeyMetrics, type JourneyMetrics } from './journeyMetrics.ts';
import { stageEventLog, stageSurvey } from './stagedImport.ts';
import { stepResolverFor } from './surveyStepResolver.ts';
import { makeScratchDirectory, SHARED_EVENT_LOGS } from './testSupport.ts';

/*
 * The journey metrics on the running example (van der Aalst, Process Mining), checked against a
 * plain JavaScript pass over the same CSV: a second implementation that shares no code with the SQL.
 */

interface CsvEvent {
  line: number;
  caseId: string;
  activity: string;
  millis: number;
}

async function readRunningExample(file = join(SHARED_EVENT_LOGS, 'running-example.csv')): Promise<CsvEvent[]> {
  const text = await readFile(file, 'utf8');
  const [header = '', ...lines] = text.trim().split(/\r?\n/);
  const columns = header.split(',');
  return lines.map((line, i) => {
    const fields = line.split(',');
    const field = (name: string): string => {
      const value = fields[columns.indexOf(name)];
      if (value === undefined) throw new Error(`${file} line ${i + 2}: no ${name}`);
      return value;
    };
    return { line: i + 2, caseId: field('case:concept:name'), activity: field('concept:name'), millis: Date.parse(field('time:timestamp').replace(' ', 'T')) };
  });
}

/** How many row groups the index's cases are stored in: DuckDB reads one row group per thread at a time. */
async function indexRowGroups(index: JourneyIndex): Promise<number> {
  const database = await openAnalyticsDatabase();
  try {
    const cases = await attachIndexCases(database.connection, index);
    const [row] = (await database.connection.runAndReadAll(`SELECT count(DISTINCT row_group_id) AS groups FROM pragma_storage_info('${cases}')`)).getRowObjectsJS();
    return Number(row?.groups);
  } finally {
    database.close();
  }
}

function quantile(values: readonly number[], q: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  // Both lie between 0 and the last position, as q lies between 0 and 1.
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (position - low);
}

/** The item at a position the test expects to be there: the metrics and the reference number steps alike. */
function itemAt<T>(list: readonly T[], position: number): T {
  const item = list[position];
  if (item === undefined) throw new Error(`no item ${position} in a list of ${list.length}`);
  return item;
}

interface Visit {
  step: number;
  start: number;
  end: number;
}

/** The reference: cases as lists of visits, from the CSV and the steps' names (exact names and `prefix*`). */
function referenceCases(events: readonly CsvEvent[], steps: readonly StepRecord[]): Map<string, { visits: [Visit, ...Visit[]]; activities: { step: number; activity: string }[] }> {
  const stepOf = (activity: string): number => {
    const exact = steps.findIndex((step) => step.activityPatterns.includes(activity));
    if (exact >= 0) return exact;
    return steps.findIndex((step) => step.activityPatterns.some((p) => p.endsWith('*') && activity.startsWith(p.slice(0, -1))));
  };
  const byCase = new Map<string, CsvEvent[]>();
  for (const event of events) byCase.set(event.caseId, [...(byCase.get(event.caseId) ?? []), event]);
  const cases = new Map<string, { visits: [Visit, ...Visit[]]; activities: { step: number; activity: string }[] }>();
  for (const [caseId, list] of byCase) {
    const ordered = [...list].sort((a, b) => a.millis - b.millis || a.line - b.line);
    const visits: Visit[] = [];
    const activities: { step: number; activity: string }[] = [];
    for (const event of ordered) {
      const step = stepOf(event.activity);
      if (step < 0) continue;
      activities.push({ step, activity: event.activity });
      const last = visits.at(-1);
      if (last && last.step === step) last.end = event.millis;
      else visits.push({ step, start: event.millis, end: event.millis });
    }
    const [first, ...later] = visits;
    if (first !== undefined) cases.set(caseId, { visits: [first, ...later], activities });
  }
  return cases;
}

let scratch: Awaited<ReturnType<typeof makeScratchDirectory>>;
let index: JourneyIndex;
let events: CsvEvent[];
let steps: StepRecord[];
let surveyDirectory: string;
let metrics: JourneyMetrics;

// "decide" is left unmapped on purpose, so coverage is below 100 % and the paths skip it.
const STEP_PATTERNS: [string, string[], boolean][] = [
  ['Aanvraag', ['register request'], false],
  ['Onderzoek', ['examine*'], false],
  ['Controle', ['check ticket'], false],
  ['Heropenen', ['reinitiate request'], false],
  ['Uitbetaling', ['pay compensation'], true],
  ['Afwijzing', ['reject request'], false],
];

const SURVEY = `case;stap;score;schaal;opmerking;datum;verloren minuten
1;Aanvraag;5;csat;Snel geregeld;2010-12-30;0
1;journey;9;0-10;;2011-01-10;
2;Aanvraag;4;csat;;2011-01-05;10
2;klantreis;6;0-10;Duurde lang;2011-01-20;45
3;Uitbetaling;2;csat;;2011-01-20;
3;journey;3;0-10;Nooit meer;2011-02-01;120
4;Afwijzing;1;csat;Onterecht;2011-01-12;30
4;journey;10;0-10;;2011-02-03;
5;Onbekende stap;4;csat;;2011-01-10;
6;Controle;zes;csat;;2011-01-10;
7;Controle;7;csat;;2011-01-10;
8;journey;-2;0-10;;2011-01-10;
`;

beforeAll(async () => {
  scratch = await makeScratchDirectory();
  events = await readRunningExample();
  steps = STEP_PATTERNS.map(([title, activityPatterns, journeyEnd], i) =>
    createStepRecord({ phaseId: 'phase:p', index: `a${i}`, title, activityPatterns, journeyEnd, wait: title === 'Controle' ? { moment: 'before', minutes: 60 } : null, score: title === 'Aanvraag' ? -1 : null }),
  );
  const staged = await stageEventLog(join(SHARED_EVENT_LOGS, 'running-example.csv'), { directory: scratch.path('events') });
  index = await buildJourneyIndex([staged.directory], scratch.path('index'));
  const survey = await stageSurvey(await scratch.write('survey.csv', SURVEY), { directory: scratch.path('survey'), resolveStep: stepResolverFor(steps) });
  surveyDirectory = survey.directory;
  const analysis = await JourneyAnalysis.open(index, [surveyDirectory], steps);
  try {
    metrics = await journeyMetrics(analysis, { period: 'month' });
  } finally {
    analysis.close();
  }
});
afterAll(async () => {
  await scratch.remove();
});

describe('journey metrics on the running example', () => {
  it('counts coverage: every event, and those of mapped activities', () => {
    const mapped = events.filter((e) => e.activity !== 'decide').length;
    expect(metrics.coverage).toMatchObject({ events: events.length, mappedEvents: mapped, cases: 6 });
    expect(metrics.coverage.share).toBeCloseTo(mapped / events.length, 12);
    expect(metrics.coverage.activities.find((a) => a.activity === 'decide')).toEqual({ activity: 'decide', events: 9, stepId: null });
    expect(itemAt(metrics.steps, 1).activities.sort()).toEqual(['examine casually', 'examine thoroughly']);
  });

  it('gives reach, conversion, drop-off and completion as a plain pass over the CSV does', () => {
    const cases = [...referenceCases(events, steps).values()];
    const completed = cases.filter((c) => c.visits.some((v) => itemAt(steps, v.step).journeyEnd));
    expect(metrics.cases).toBe(cases.length);
    expect(metrics.completed).toBe(completed.length);
    expect(metrics.completionRate).toBeCloseTo(completed.length / cases.length, 12);
    const firstReach = cases.filter((c) => c.visits.some((v) => v.step === 0));
    steps.forEach((step, i) => {
      const reached = cases.filter((c) => c.visits.some((v) => v.step === i));
      const droppedHere = cases.filter((c) => !completed.includes(c) && c.visits.at(-1)!.step === i);
      const withFirst = reached.filter((c) => firstReach.includes(c));
      expect(itemAt(metrics.steps, i), step.title).toMatchObject({ reach: reached.length, dropOff: droppedHere.length });
      expect(itemAt(metrics.steps, i).conversion).toBeCloseTo(withFirst.length / firstReach.length, 12);
    });
    // The rejected requests never reach the end step: every one of them drops off at the rejection.
    expect(itemAt(metrics.steps, 5).dropOff).toBe(3);
    expect(itemAt(metrics.steps, 4).isEnd).toBe(true);
  });

  it('measures waits between steps and time in a step in seconds, median and p90', () => {
    const cases = [...referenceCases(events, steps).values()];
    steps.forEach((step, i) => {
      const toNext: number[] = [];
      const fromPrevious: number[] = [];
      const inStep: number[] = [];
      for (const { visits } of cases) {
        visits.forEach((visit, k) => {
          if (visit.step === i) inStep.push((visit.end - visit.start) / 1000);
          const next = visits[k + 1];
          if (next === undefined) return;
          if (visit.step === i) toNext.push((next.start - visit.end) / 1000);
          if (next.step === i) fromPrevious.push((next.start - visit.end) / 1000);
        });
      }
      const m = itemAt(metrics.steps, i);
      const close = (actual: number | null, expected: number | null) => (expected === null ? expect(actual).toBeNull() : expect(actual).toBeCloseTo(expected, 6));
      expect(m.timeToNext.n, step.title).toBe(toNext.length);
      close(m.timeToNext.medianSeconds, quantile(toNext, 0.5));
      close(m.timeToNext.p90Seconds, quantile(toNext, 0.9));
      expect(m.timeFromPrevious.n).toBe(fromPrevious.length);
      close(m.timeFromPrevious.medianSeconds, quantile(fromPrevious, 0.5));
      close(m.timeFromPrevious.p90Seconds, quantile(fromPrevious, 0.9));
      expect(m.timeInStep.n).toBe(inStep.length);
      close(m.timeInStep.p90Seconds, quantile(inStep, 0.9));
    });
    // The designed wait of "Controle" is an hour before it; what customers waited is days.
    expect(itemAt(metrics.steps, 2).wait).toMatchObject({ moment: 'before', designedMinutes: 60, exceeded: true });
    expect(itemAt(metrics.steps, 2).wait.measured).toEqual(itemAt(metrics.steps, 2).timeFromPrevious);
  });

  it('gives the same metrics with journey_cases worked out per variant as per case', async () => {
    // Six cases, six variants: per case unless the index's variant count is made to say otherwise.
    expect(index.variants).toBe(6);
    const analysis = await JourneyAnalysis.open({ ...index, variants: 1 }, [surveyDirectory], steps);
    try {
      expect(await journeyMetrics(analysis, { period: 'month' })).toEqual(metrics);
    } finally {
      analysis.close();
    }
  });

  it('counts repeat contacts: a step visited again, or one of its activities twice', () => {
    const cases = [...referenceCases(events, steps).values()];
    steps.forEach((step, i) => {
      const repeated = cases.filter(({ visits, activities }) => {
        const here = activities.filter((a) => a.step === i).map((a) => a.activity);
        return visits.filter((v) => v.step === i).length > 1 || new Set(here).size < here.length;
      });
      expect(itemAt(metrics.steps, i).repeatCases, step.title).toBe(repeated.length);
    });
    expect(itemAt(metrics.steps, 1).repeatCases).toBeGreaterThan(0);
  });

  it('finds the real paths and the directly-follows graph of steps', () => {
    const cases = [...referenceCases(events, steps).values()];
    const paths = new Map<string, number>();
    const edges = new Map<string, number[]>();
    for (const { visits } of cases) {
      const key = visits.map((v) => itemAt(steps, v.step).id).join('>');
      paths.set(key, (paths.get(key) ?? 0) + 1);
      visits.slice(1).forEach((visit, k) => {
        const previous = visits[k]!; // the visit before visits[k + 1], which is this one
        const edge = `${itemAt(steps, previous.step).id}>${itemAt(steps, visit.step).id}`;
        edges.set(edge, [...(edges.get(edge) ?? []), (visit.start - previous.end) / 1000]);
      });
    }
    expect(metrics.variantCount).toBe(paths.size);
    expect(metrics.variants.reduce((sum, v) => sum + v.cases, 0)).toBe(cases.length);
    for (const variant of metrics.variants) expect(paths.get(variant.stepIds.join('>'))).toBe(variant.cases);
    expect(metrics.dfg.edges).toHaveLength(edges.size);
    for (const edge of metrics.dfg.edges) {
      const gaps = edges.get(`${edge.from}>${edge.to}`)!;
      expect(edge.count).toBe(gaps.length);
      expect(edge.medianSeconds).toBeCloseTo(quantile(gaps, 0.5)!, 6);
    }
    expect(Object.values(metrics.dfg.starts).reduce((a, b) => a + b, 0)).toBe(cases.length);
  });

  it('gives duration, contacts per case and the monthly trend', () => {
    const cases = [...referenceCases(events, steps).values()];
    const durations = cases.map(({ visits }) => (visits.at(-1)!.end - visits[0].start) / 1000);
    expect(metrics.duration.medianSeconds).toBeCloseTo(quantile(durations, 0.5)!, 6);
    expect(metrics.duration.p90Seconds).toBeCloseTo(quantile(durations, 0.9)!, 6);
    const mappedEvents = events.filter((e) => e.activity !== 'decide').length;
    expect(metrics.contactsPerCase).toBeCloseTo(mappedEvents / cases.length, 12);
    const months = new Map<string, number>();
    for (const { visits } of cases) {
      const month = new Date(visits[0].start).toISOString().slice(0, 7);
      months.set(month, (months.get(month) ?? 0) + 1);
    }
    expect(metrics.trend.map((p) => [p.period.slice(0, 7), p.cases])).toEqual([...months].sort());
  });
});

describe('survey answers in the journey metrics', () => {
  it('map each score onto the −2..+2 axis per step and for the journey, with happiness and lost time', () => {
    const stepAnswers = (title: string, scores: number[]) => {
      const summary = itemAt(metrics.steps, steps.findIndex((s) => s.title === title)).survey;
      expect(summary.n).toBe(scores.length);
      expect(summary.axisMean).toBeCloseTo(scores.map((s) => toAxis(s, 'csat')).reduce((a, b) => a + b, 0) / scores.length, 12);
      expect(summary.byScale).toEqual([{ scale: 'csat', n: scores.length, mean: scores.reduce((a, b) => a + b, 0) / scores.length }]);
    };
    stepAnswers('Aanvraag', [5, 4]);
    stepAnswers('Uitbetaling', [2]);
    stepAnswers('Afwijzing', [1]);
    const journey = metrics.satisfaction.journey;
    expect(journey.n).toBe(4);
    expect(journey.axisMean).toBeCloseTo([9, 6, 3, 10].map((s) => toAxis(s, 'zero-to-ten')).reduce((a, b) => a + b) / 4, 12);
    expect(journey.happiness).toBeCloseTo(happiness([9, 6, 3, 10])!, 12);
    expect(metrics.satisfaction.steps.lostMinutesMean).toBeCloseTo(lostTime([0, 10, 30])!, 12);
    // Designed −1 against a measured CSAT of 4.5 (+1.5): a gap of 2.5 points.
    expect(itemAt(metrics.steps, 0).scoreGap).toBeCloseTo(1.5 - -1, 12);
  });

  it('compares touchpoint and journey satisfaction with the alert of the evaluation rules', () => {
    const stepMeans = [(toAxis(5, 'csat') + toAxis(4, 'csat')) / 2, toAxis(2, 'csat'), toAxis(1, 'csat')];
    expect(metrics.satisfaction.touchpointMean).toBeCloseTo(stepMeans.reduce((a, b) => a + b) / 3, 12);
    const perMonth = [[9, 6], [3, 10]].map((month) => month.map((s) => toAxis(s, 'zero-to-ten')).reduce((a, b) => a + b) / month.length);
    expect(metrics.satisfaction.journeyTrend.map((p) => p.axisMean)).toEqual(perMonth);
    expect(metrics.satisfaction.alert).toEqual(touchpointVsJourneyAlert({ touchpointMean: metrics.satisfaction.touchpointMean!, journeyScores: perMonth }));
  });
});

describe('survey import', () => {
  it('names every bad row by line and field and keeps only the good rows', async () => {
    const staged = await stageSurvey(await scratch.write('survey-again.csv', SURVEY), { directory: scratch.path('survey-again'), resolveStep: stepResolverFor(steps) });
    expect(staged.summary.mapping).toEqual({ score: 'score', caseId: 'case', step: 'stap', scale: 'schaal', comment: 'opmerking', timestamp: 'datum', lostMinutes: 'verloren minuten' });
    expect(staged.summary.detected).toMatchObject({ delimiter: ';', dateFormat: 'yyyy-mm-dd', scaleSource: 'column' });
    expect(staged.rejected).toEqual([
      { line: 10, field: 'stap', reason: 'no step or touchpoint is called "Onbekende stap"' },
      { line: 11, field: 'score', reason: '"zes" is not a number (decimal mark ".")' },
      { line: 12, field: 'score', reason: 'a csat value must be a number from 1 to 5, got 7' },
      { line: 13, field: 'score', reason: 'a zero-to-ten value must be a number from 0 to 10, got -2' },
    ]);
    expect(staged.responses).toBe(8);
    expect(staged.journeyResponses).toBe(4);
  });

  it('reads a Dutch Excel export: semicolons, decimal commas, a byte-order mark and one scale for the file', async () => {
    const file = await scratch.write('excel.csv', '\ufeffKlantnummer;Cijfer;Datum\r\n1;8,5;30-12-2010\r\n2;6;05-01-2011\r\n');
    const staged = await stageSurvey(file, { directory: scratch.path('excel') });
    expect(staged.summary.detected).toMatchObject({ delimiter: ';', decimalMark: ',', encoding: 'utf-8', dateFormat: 'dd-mm-yyyy', scale: 'zero-to-ten', scaleSource: 'header' });
    expect(staged.sampleRows.map((r) => [r.caseId, r.score, r.axis, r.stepId, r.timestamp])).toEqual([
      ['1', 8.5, toAxis(8.5, 'zero-to-ten'), null, '2010-12-30T00:00:00.000000Z'],
      ['2', 6, toAxis(6, 'zero-to-ten'), null, '2011-01-05T00:00:00.000000Z'],
    ]);
  });
});

describe('XLA indicators', () => {
  it('decide met, at risk or missed against the target, with the margin on the safe side', () => {
    expect(indicatorStatus(85, 80, 'at-least', 5)).toBe('met');
    expect(indicatorStatus(82, 80, 'at-least', 5)).toBe('at-risk');
    expect(indicatorStatus(80, 80, 'at-least', 5)).toBe('at-risk');
    expect(indicatorStatus(79.9, 80, 'at-least', 5)).toBe('missed');
    expect(indicatorStatus(20, 30, 'at-most', 5)).toBe('met');
    expect(indicatorStatus(27, 30, 'at-most', 5)).toBe('at-risk');
    expect(indicatorStatus(31, 30, 'at-most', 5)).toBe('missed');
    expect(indicatorStatus(null, 30, 'at-most', 5)).toBe('no-data');
    expect(indicatorTrend([{ period: 'a', value: 1, n: 1 }, { period: 'b', value: 2, n: 1 }], 'at-least', 1)).toBe('improving');
    expect(indicatorTrend([{ period: 'a', value: 1, n: 1 }, { period: 'b', value: 2, n: 1 }], 'at-most', 1)).toBe('worsening');
  });

  it('evaluate per period from the journey data: completion, happiness, a step wait, and a step metric without a step', async () => {
    const analysis = await JourneyAnalysis.open(index, [surveyDirectory], steps);
    try {
      const completion = createIndicatorRecord({ index: 'a0', kind: 'O', metric: 'completion-rate', direction: 'at-least', target: 50, margin: 10, period: 'month' });
      const happy = createIndicatorRecord({ index: 'a1', kind: 'X', metric: 'happiness', direction: 'at-least', target: 0, margin: 10, period: 'month' });
      const wait = createIndicatorRecord({ index: 'a2', kind: 'O', metric: 'wait-p90', stepId: itemAt(steps, 2).id, direction: 'at-most', target: 60, margin: 15, period: 'quarter' });
      const orphan = createIndicatorRecord({ index: 'a3', kind: 'O', metric: 'drop-off-rate', stepId: null });
      const xla = await evaluateXla(analysis, [completion, happy, wait, orphan]);
      const cases = [...referenceCases(events, steps).values()];
      const january = cases.filter((c) => new Date(c.visits[0].start).toISOString().startsWith('2011-01'));
      const januaryDone = january.filter((c) => c.visits.some((v) => itemAt(steps, v.step).journeyEnd));
      expect(itemAt(xla.indicators, 0)).toMatchObject({ period: '2011-01-01', n: january.length });
      expect(itemAt(xla.indicators, 0).value).toBeCloseTo((100 * januaryDone.length) / january.length, 9);
      expect(itemAt(xla.indicators, 0).status).toBe(indicatorStatus(itemAt(xla.indicators, 0).value, 50, 'at-least', 10));
      expect(itemAt(xla.indicators, 0).series.map((p) => p.period)).toEqual(['2010-12-01', '2011-01-01']);
      // February's 0–10 answers are 3 and 10: one happy, one unhappy.
      expect(itemAt(xla.indicators, 1)).toMatchObject({ period: '2011-02-01', value: happiness([3, 10]), status: 'at-risk' });
      expect(itemAt(xla.indicators, 1).series.map((p) => p.value)).toEqual([happiness([9, 6]), happiness([3, 10])]);
      // Days of waiting against an hour.
      expect(itemAt(xla.indicators, 2).status).toBe('missed');
      expect(itemAt(xla.indicators, 2).overall.value).toBeCloseTo(itemAt(metrics.steps, 2).timeFromPrevious.p90Seconds! / 60, 6);
      expect(itemAt(xla.indicators, 3)).toMatchObject({ status: 'no-data', problem: 'needs-step' });
      expect(xla.hasSentiment).toBe(true);
      const counts = { met: 0, 'at-risk': 0, missed: 0, 'no-data': 0 };
      for (const evaluation of xla.indicators) counts[evaluation.status]++;
      expect(xla.counts).toEqual(counts);
    } finally {
      analysis.close();
    }
  });
});

describe('journey metrics on a log read in parallel', () => {
  it('pair each visit\'s start and end and find the moves between visits as a plain pass does', async () => {
    // 12,000 cases gathered in several buckets and stored in many row groups, read by four threads: a visit's start comes from the
    // row before it (journeyAnalysis.ts), which holds only while the rows keep their order.
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const lines = [',concept:name,time:timestamp,case:concept:name'];
    for (let c = 0; c < 12_000; c++) {
      let time = Date.UTC(2024, 0, 1) + Math.floor(random() * 300) * 86_400_000;
      const length = 1 + Math.floor(random() * 12);
      for (let e = 0; e < length; e++) {
        // Equal times now and then: the file order decides.
        time += random() < 0.2 ? 0 : Math.floor(random() * 7200) * 1000;
        const activity = ['register', 'examine casually', 'examine thoroughly', 'check', 'pay', 'note'][Math.floor(random() * 6)];
        lines.push(`${lines.length - 1},${activity},${new Date(time).toISOString().replace('T', ' ').replace('.000Z', '+00:00')},case ${c}`);
      }
    }
    const file = await scratch.write('parallel.csv', `${lines.join('\n')}\n`);
    const bigSteps = [
      ['Aanvraag', ['register']],
      ['Onderzoek', ['examine*']],
      ['Controle', ['check']],
      ['Betaling', ['pay']],
    ].map(([title, activityPatterns], i) =>
      createStepRecord({ phaseId: 'phase:p', index: `a${i}`, title: title as string, activityPatterns: activityPatterns as string[], journeyEnd: i === 3 }),
    );
    const staged = await stageEventLog(file, { directory: scratch.path('parallel-events') });
    const bigIndex = await buildJourneyIndex([staged.directory], scratch.path('parallel-index'), { eventsPerBucket: 16_000, rowGroupSize: 2048 });
    expect(bigIndex.buckets).toBeGreaterThan(4);
    expect(await indexRowGroups(bigIndex)).toBeGreaterThan(4);
    // Measured twice: built, then read back from the metrics cache, in the same order.
    const cache = scratch.path('parallel-cache');
    const analysis = await JourneyAnalysis.open(bigIndex, [], bigSteps, { threads: 4 }, cache);
    let measured: JourneyMetrics;
    try {
      measured = await journeyMetrics(analysis, { variantLimit: 1000 });
      await analysis.saveToCache(cache);
    } finally {
      analysis.close();
    }
    const cached = await JourneyAnalysis.open(bigIndex, [], bigSteps, { threads: 4 }, cache);
    try {
      expect(cached.fromCache).toBe(true);
      expect(await journeyMetrics(cached, { variantLimit: 1000 })).toEqual(measured);
    } finally {
      cached.close();
    }
    // Short cases of six activities, far fewer variants than cases: journey_cases was worked out
    // per variant. Per case (an index without a variant count), the same.
    expect(bigIndex.variants! * 2).toBeLessThanOrEqual(bigIndex.cases);
    const perCase = await JourneyAnalysis.open({ ...bigIndex, variants: undefined }, [], bigSteps, { threads: 4 });
    try {
      expect(await journeyMetrics(perCase, { variantLimit: 1000 })).toEqual(measured);
    } finally {
      perCase.close();
    }

    const cases = [...referenceCases(await readRunningExample(file), bigSteps).values()];
    expect(measured.cases).toBe(cases.length);
    const close = (actual: number | null, expected: number | null) => (expected === null ? expect(actual).toBeNull() : expect(actual).toBeCloseTo(expected, 6));
    bigSteps.forEach((step, i) => {
      const inStep: number[] = [];
      const fromPrevious: number[] = [];
      const toNext: number[] = [];
      for (const { visits } of cases) {
        visits.forEach((visit, k) => {
          const next = visits[k + 1];
          if (visit.step === i) inStep.push((visit.end - visit.start) / 1000);
          if (next !== undefined && visit.step === i) toNext.push((next.start - visit.end) / 1000);
          if (next !== undefined && next.step === i) fromPrevious.push((next.start - visit.end) / 1000);
        });
      }
      const m = itemAt(measured.steps, i);
      expect(m.reach, step.title).toBe(cases.filter((c) => c.visits.some((v) => v.step === i)).length);
      for (const [spread, values] of [[m.timeInStep, inStep], [m.timeFromPrevious, fromPrevious], [m.timeToNext, toNext]] as const) {
        expect(spread.n, step.title).toBe(values.length);
        close(spread.medianSeconds, quantile(values, 0.5));
        close(spread.p90Seconds, quantile(values, 0.9));
      }
    });
    const paths = new Set(cases.map(({ visits }) => visits.map((v) => v.step).join('>')));
    expect(measured.variantCount).toBe(paths.size);

    // What journey_cases works out once per variant (the cases with the same activities in order)
    // and each case takes over, with its own times at its first and last mapped event ('note' is
    // unmapped, so those are not always the case's first and last).
    const durations = cases.map(({ visits }) => (visits.at(-1)!.end - visits[0].start) / 1000);
    close(measured.duration.medianSeconds, quantile(durations, 0.5));
    close(measured.duration.p90Seconds, quantile(durations, 0.9));
    expect(measured.completed).toBe(cases.filter(({ visits }) => visits.some((visit) => visit.step === 3)).length);
    expect(measured.contactsPerCase).toBeCloseTo(cases.reduce((sum, { activities }) => sum + activities.length, 0) / cases.length, 9);
    bigSteps.forEach((step, i) => {
      const repeated = cases.filter(({ visits, activities }) => {
        const here = activities.filter((a) => a.step === i).map((a) => a.activity);
        return visits.filter((visit) => visit.step === i).length > 1 || new Set(here).size < here.length;
      });
      expect(itemAt(measured.steps, i).repeatCases, step.title).toBe(repeated.length);
      expect(itemAt(measured.steps, i).dropOff, step.title).toBe(cases.filter(({ visits }) => visits.at(-1)!.step === i && !visits.some((visit) => visit.step === 3)).length);
    });
  });
});
