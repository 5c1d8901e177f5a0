import type { Locale, RuleId } from './finding.ts';

// A rule's short name, as a reader sees it above a finding: in the editor's finding list, on an
// action made from a finding, and in the exports' findings (the XLSX sheet). One list for all of
// them, so an export never prints the id (`kano.must-be-failing`) where the editor says
// "Basisbehoefte faalt". Typed by RuleId: a new rule without both names does not compile.
export const RULE_NAMES: Record<Locale, Record<RuleId, string>> = {
  nl: {
    'peak-end.weak-end': 'Zwak einde',
    'peak-end.strong-end': 'Sterk einde',
    'peak-end.dark-red': 'Donkerrood moment',
    'peak-end.weak-start': 'Zwak begin',
    'service-concept.differentiator-not-excellent': 'Onderscheidend element niet uitstekend',
    'service-concept.sacrifice-too-costly': 'Opoffering te duur',
    'service-concept.sacrifice-accepted': 'Aanvaarde opoffering',
    'pleasure-pain.anticipation': 'Voorpret bouwt de piek op',
    'pleasure-pain.pain': 'Pijn, geen voorpret',
    'kano.must-be-failing': 'Basisbehoefte faalt',
    'kano.delighter': 'Wow-element',
    'moment-of-truth.unmet': 'Moment van de waarheid niet vervuld',
    'touchpoint-vs-journey.alert': 'Goede contactmomenten, slechte reis',
    'importance-performance.act-first': 'Eerst aanpakken',
    'importance-performance.overkill': 'Mogelijk overkill',
  },
  en: {
    'peak-end.weak-end': 'Weak end',
    'peak-end.strong-end': 'Strong end',
    'peak-end.dark-red': 'Dark red moment',
    'peak-end.weak-start': 'Weak start',
    'service-concept.differentiator-not-excellent': 'Differentiator not excellent',
    'service-concept.sacrifice-too-costly': 'Sacrifice too costly',
    'service-concept.sacrifice-accepted': 'Accepted sacrifice',
    'pleasure-pain.anticipation': 'Anticipation builds the peak',
    'pleasure-pain.pain': 'Pain, not anticipation',
    'kano.must-be-failing': 'Must-be failing',
    'kano.delighter': 'Delighter',
    'moment-of-truth.unmet': 'Moment of truth not met',
    'touchpoint-vs-journey.alert': 'Good touchpoints, poor journey',
    'importance-performance.act-first': 'Act first',
    'importance-performance.overkill': 'Possible overkill',
  },
};
