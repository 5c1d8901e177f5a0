import { describe, expect, it } from 'vitest';
import { evaluateJourney } from './evaluateJourney.ts';
import { buildJourney, stepIdByTitle } from './testJourneyBuilder.ts';

const unmet = (doc: ReturnType<typeof buildJourney>, locale: 'nl' | 'en' = 'en') =>
  evaluateJourney(doc, { locale }).findings.filter((f) => f.rule === 'moment-of-truth.unmet');

describe('moments of truth', () => {
  it('gives one finding per phase whose moment-of-truth steps score below +1, naming the phase and its need', () => {
    const doc = buildJourney({
      phases: [
        {
          name: 'Installation',
          need: 'TV works on the first evening',
          steps: [
            { title: 'Technician arrives', score: 0, momentOfTruth: true },
            { title: 'Set-up', score: 2 },
            { title: 'First channel', score: -1, momentOfTruth: true },
          ],
        },
        { name: 'Support', need: 'questions answered', steps: [{ title: 'Support mail', score: 1, momentOfTruth: true }] },
        { steps: [{ title: 'Invoice', score: 0, momentOfTruth: true }, 2] },
      ],
    });
    const findings = unmet(doc);
    expect(findings).toHaveLength(2);
    expect(findings[0]).toEqual({
      rule: 'moment-of-truth.unmet',
      severity: 'critical',
      stepIds: [stepIdByTitle(doc, 'Technician arrives'), stepIdByTitle(doc, 'First channel')],
      message:
        'The main need in phase “Installation” (“TV works on the first evening”) is not met: its moments of truth, “Technician arrives” and “First channel”, score below +1.',
    });
    expect(findings[1]).toMatchObject({ severity: 'warning', stepIds: [stepIdByTitle(doc, 'Invoice')] });
    expect(findings[1]!.message).toBe('The main need in phase 3 is not met: its moment of truth, “Invoice”, scores below +1.');
    expect(unmet(doc, 'nl')[1]!.message).toBe(
      'De hoofdbehoefte in fase 3 wordt niet vervuld: het moment van de waarheid, “Invoice”, scoort onder +1.',
    );
  });

  it('is met at +1 or more, and does not judge unscored steps', () => {
    const doc = buildJourney([{ score: 1, momentOfTruth: true }, { score: null, momentOfTruth: true }, { score: -2 }, 2]);
    expect(unmet(doc)).toEqual([]);
  });
});
