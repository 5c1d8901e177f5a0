import { describe, expect, it } from 'vitest';
import { RULE_IDS, type RuleId } from './finding.ts';
import { formatWaitMinutes } from './durationText.ts';
import { MESSAGES, formatList, formatNumber, formatScore, message, stepLabel, type MessageParams } from './messages.ts';
import { orderJourney } from './orderedJourney.ts';
import { buildJourney } from './testJourneyBuilder.ts';

const STEP = '“Checkout”';
const SAMPLES: { [R in RuleId]: MessageParams[R] } = {
  'peak-end.weak-end': { step: STEP, score: 0 },
  'peak-end.strong-end': { step: STEP },
  'peak-end.dark-red': { steps: [STEP, 'step 4'] },
  'peak-end.weak-start': { step: STEP, score: -1 },
  'service-concept.differentiator-not-excellent': { step: STEP, score: 1 },
  'service-concept.sacrifice-too-costly': { step: STEP },
  'service-concept.sacrifice-accepted': { step: STEP, score: -1 },
  'pleasure-pain.anticipation': { step: STEP, peak: '“Ice cream”', cause: 'pay', minutes: null },
  'pleasure-pain.pain': { step: STEP, peak: '“Ice cream”', cause: 'wait' },
  'kano.must-be-failing': { step: STEP, elements: ['“Card payment works”'], score: -1 },
  'kano.delighter': { step: STEP, elements: ['“Cheap ice cream”'] },
  'moment-of-truth.unmet': { phase: 'phase 2', need: 'pay quickly', steps: [STEP] },
  'touchpoint-vs-journey.alert': { touchpointMean: 1.5, journeyScore: -1, stepCount: 4 },
  'importance-performance.act-first': { step: STEP, touchpoints: ['“Till”'], importances: [5], score: -1 },
  'importance-performance.overkill': { step: STEP, touchpoints: ['“Till”', '“Bag”'], importances: [1, 2], score: 2 },
};

function sampleMessage<R extends RuleId>(locale: 'nl' | 'en', rule: R): string {
  return message(locale, rule, SAMPLES[rule]);
}

describe('the message catalogues', () => {
  it('have a sentence for every rule, in Dutch and in English, and nothing else', () => {
    const rules = [...RULE_IDS].sort();
    expect(Object.keys(MESSAGES.nl).sort()).toEqual(rules);
    expect(Object.keys(MESSAGES.en).sort()).toEqual(rules);
  });

  it.each(RULE_IDS)('%s says something different in each language, naming what it is about', (rule) => {
    const nl = sampleMessage('nl', rule);
    const en = sampleMessage('en', rule);
    expect(nl).not.toBe(en);
    for (const text of [nl, en]) {
      expect(text).toMatch(/^[A-Z“].*[.]$/su);
      expect(text).not.toMatch(/undefined|null|NaN|\[object/);
      if ('step' in SAMPLES[rule]) expect(text).toContain(STEP);
    }
  });
});

describe('numbers and waits in the sentences', () => {
  it('write a wait in words with its units, as the wait badge does, never as raw minutes', () => {
    const anticipation = (locale: 'nl' | 'en', minutes: number) =>
      message(locale, 'pleasure-pain.anticipation', { step: STEP, peak: '“Dinner”', cause: 'wait', minutes });
    expect(anticipation('en', 2880)).toMatch(/^A wait of 2 days at “Checkout” \(−1\) builds anticipation/);
    expect(anticipation('nl', 1500)).toMatch(/^Het wachten van 1 dag, 1 uur bij “Checkout” \(−1\) bouwt de verwachting op/);
    // Waits of an hour or more are the ones raw minutes made unreadable ("a 2880-minute wait").
    for (const [locale, minutes] of [['en', 2880], ['nl', 1500], ['en', 90], ['nl', 60]] as const) {
      const text = anticipation(locale, minutes);
      expect(text).toContain(formatWaitMinutes(minutes, locale));
      expect(text).not.toContain(String(minutes));
    }
    expect(anticipation('en', 25)).toMatch(/^A wait of 25 min at/);
  });

  it('write every number through Intl, with the grouping and decimal mark of the language', () => {
    expect(formatNumber(1434, 'en')).toBe('1,434');
    expect(formatNumber(1434.5, 'nl')).toBe('1.434,5');
    expect(formatNumber(-0.001, 'nl')).toBe('0');
    expect(message('en', 'touchpoint-vs-journey.alert', { touchpointMean: 1.5, journeyScore: -1, stepCount: 1434 })).toMatch(/^The 1,434 steps with a touchpoint average \+1\.5/);
    expect(message('nl', 'touchpoint-vs-journey.alert', { touchpointMean: 1.5, journeyScore: -1, stepCount: 1434 })).toMatch(/^De 1\.434 stappen met een contactmoment scoren gemiddeld \+1,5/);
    expect(formatList(Array.from({ length: 1439 }, (_, i) => `s${i}`), 'en')).toBe('s0, s1, s2, s3, s4 and 1,434 more');
    expect(formatList(Array.from({ length: 1439 }, (_, i) => `s${i}`), 'nl')).toBe('s0, s1, s2, s3, s4 en nog 1.434 andere');
  });
});

describe('naming', () => {
  it('names a step by its title, or by its position when untitled', () => {
    const journey = orderJourney(buildJourney({ phases: [{ steps: [{ title: ' Park ' }] }, { steps: [1, 2] }] }));
    expect(journey.steps.map((s) => stepLabel(s, 'nl'))).toEqual(['“Park”', 'stap 2', 'stap 3']);
    expect(journey.steps.map((s) => stepLabel(s, 'en'))).toEqual(['“Park”', 'step 2', 'step 3']);
    expect(message('en', 'peak-end.strong-end', { step: 'step 3' })).toMatch(/^The journey ends on a high: step 3/);
    expect(message('en', 'peak-end.dark-red', { steps: ['step 3'] })).toMatch(/^Step 3 scores −2/);
  });

  it('lists at most five names and counts the rest', () => {
    const names = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
    expect(formatList(names, 'en')).toBe('a, b, c, d, e and 3 more');
    expect(formatList(names, 'nl')).toBe('a, b, c, d, e en nog 3 andere');
    expect(formatList(names.slice(0, 6), 'en')).toBe('a, b, c, d, e and f');
  });

  it('writes scores with a sign, a real minus and the decimal mark of the locale', () => {
    expect(formatScore(1.5, 'nl')).toBe('+1,5');
    expect(formatScore(-1.25, 'en')).toBe('−1.25');
    expect(formatScore(0, 'en')).toBe('0');
    expect(formatScore(1 / 3, 'nl')).toBe('+0,33');
    expect(formatScore(-0.001, 'nl')).toBe('0');
    expect(formatScore(2, 'en')).toBe('+2');
  });
});
