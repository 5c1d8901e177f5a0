import { describe, expect, it } from 'vitest';
import { measurementEn } from './measurementEn.ts';
import { measurementNl } from './measurementNl.ts';

/** Every text of a dictionary by its dotted key. */
function texts(dictionary: object, prefix = ''): Map<string, string> {
  const found = new Map<string, string>();
  for (const [key, value] of Object.entries(dictionary)) {
    if (typeof value === 'string') found.set(`${prefix}${key}`, value);
    else if (typeof value === 'object' && value !== null) for (const [k, v] of texts(value, `${prefix}${key}.`)) found.set(k, v);
  }
  return found;
}

// Texts that are the same in Dutch: loanwords a Dutch analyst uses as they are ("cases",
// "events", "segment"), names of scales and the XLA, and texts that are only placeholders.
const SAME_IN_DUTCH = new Set([
  'dashboard',
  'periods.week',
  'data.events',
  'importDialog.scales.csat',
  'importDialog.scales.zero-to-ten',
  'importDialog.scales.happiness',
  'importDialog.tab',
  'importDialog.fields.segment',
  'importDialog.fields.score',
  'mapping.events',
  'figures.cases',
  'flow.count',
  'segments.segment',
  'segments.cases',
  'xla.title',
  'xla.kinds.X',
  'xla.period',
  'xla.periods.week',
  'xla.value',
  'curve.wait',
]);

describe('the Dutch measurement texts', () => {
  it('leave no English text untranslated, beyond the words Dutch shares with English', () => {
    const english = texts(measurementEn);
    const leftovers = [...texts(measurementNl)].filter(([key, text]) => english.get(key) === text && !SAME_IN_DUTCH.has(key));
    expect(leftovers).toEqual([]);
  });

  it('name the happiness score in Dutch, on its tile and as an XLA measure', () => {
    expect(measurementNl.satisfaction.happiness).toBe('Geluksscore');
    expect(measurementNl.xla.metrics.happiness).toBe('Geluksscore (%9–10 − %0–6)');
  });
});
