import type { Channel, KanoElement, PhaseRecord, Touchpoint } from '@klantreis/schema';
import { formatWaitMinutes } from './durationText.ts';
import type { Locale, RuleId } from './finding.ts';
import type { PlacedStep } from './orderedJourney.ts';
import type { RememberedModel } from './rememberedModel.ts';

// Every sentence the evaluation shows, in Dutch and English. Both catalogues have the type
// `MessageCatalog`, so a rule without its Dutch or English sentence does not compile; the
// labels (step titles, phase names) arrive already formatted for the locale.

export type Cause = 'wait' | 'pay';

export interface MessageParams {
  'peak-end.weak-end': { step: string; score: number };
  'peak-end.strong-end': { step: string };
  'peak-end.dark-red': { steps: string[] };
  'peak-end.weak-start': { step: string; score: number };
  'service-concept.differentiator-not-excellent': { step: string; score: number };
  'service-concept.sacrifice-too-costly': { step: string };
  'service-concept.sacrifice-accepted': { step: string; score: number };
  'pleasure-pain.anticipation': { step: string; peak: string; cause: Cause; minutes: number | null };
  'pleasure-pain.pain': { step: string; peak: string; cause: Cause };
  'kano.must-be-failing': { step: string; elements: string[]; score: number };
  'kano.delighter': { step: string; elements: string[] };
  'moment-of-truth.unmet': { phase: string; need: string; steps: string[] };
  'touchpoint-vs-journey.alert': { touchpointMean: number; journeyScore: number; stepCount: number };
  'importance-performance.act-first': { step: string; touchpoints: string[]; importances: number[]; score: number };
  'importance-performance.overkill': { step: string; touchpoints: string[]; importances: number[]; score: number };
}

export type MessageCatalog = { [R in RuleId]: (params: MessageParams[R]) => string };

interface Wording {
  /** A position is a label, as on the map ("stap 1434"), not a quantity: it is not grouped. */
  step(position: number): string;
  phase(position: number): string;
  namedPhase(name: string): string;
  unnamedElement: string;
  more(count: number): string;
  channels: Record<Channel, string>;
  touchpointVia(channel: string): string;
}

const wording: Record<Locale, Wording> = {
  nl: {
    step: (n) => `stap ${n}`,
    phase: (n) => `fase ${n}`,
    namedPhase: (name) => `fase ${quote(name)}`,
    unnamedElement: 'een naamloos element',
    more: (n) => `nog ${formatNumber(n, 'nl')} andere`,
    channels: {
      phone: 'telefoon',
      web: 'website',
      app: 'app',
      store: 'winkel',
      email: 'e-mail',
      chat: 'chat',
      'technician-visit': 'monteursbezoek',
      letter: 'brief',
      'self-service-portal': 'selfserviceportaal',
      'social-media': 'sociale media',
      custom: 'ander kanaal',
    },
    touchpointVia: (channel) => `het contact via ${channel}`,
  },
  en: {
    step: (n) => `step ${n}`,
    phase: (n) => `phase ${n}`,
    namedPhase: (name) => `phase ${quote(name)}`,
    unnamedElement: 'an unnamed element',
    more: (n) => `${formatNumber(n, 'en')} more`,
    channels: {
      phone: 'phone',
      web: 'website',
      app: 'app',
      store: 'store',
      email: 'e-mail',
      chat: 'chat',
      'technician-visit': 'technician visit',
      letter: 'letter',
      'self-service-portal': 'self-service portal',
      'social-media': 'social media',
      custom: 'another channel',
    },
    touchpointVia: (channel) => `the contact by ${channel}`,
  },
};

function quote(text: string): string {
  return `“${text.trim()}”`;
}

// Numbers go through Intl, as on the dashboard, so a finding never writes "1434" where the
// dashboard beside it writes "1.434". The formatter is made once per language: making one costs
// some 30 µs, using it under a microsecond, which a thousand findings on every edit can afford.
// (Node's full ICU, which Intl.DurationFormat in durationText already needs, knows Dutch.)
const NUMBER_FORMATS: Record<Locale, Intl.NumberFormat> = {
  nl: new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 2 }),
  en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 }),
};
const AND: Record<Locale, string> = { nl: 'en', en: 'and' };

/** A plain number with at most two decimals, the decimal mark and grouping of the locale: "1,5", "1.434" (nl), "1,434" (en). */
export function formatNumber(value: number, locale: Locale): string {
  const rounded = Math.round(value * 100) / 100;
  // −0.001 rounds to −0, which Intl would write as "-0".
  return NUMBER_FORMATS[locale].format(rounded === 0 ? 0 : rounded);
}

/** A score on the −2..+2 axis as the map writes it: "+1", "0", "−1,5" in Dutch (a real minus sign, as in the axis labels). */
export function formatScore(score: number, locale: Locale): string {
  const rounded = Math.round(score * 100) / 100;
  if (rounded === 0) return '0';
  return (rounded > 0 ? '+' : '−') + formatNumber(Math.abs(rounded), locale);
}

/** More than six names make a sentence unreadable: after five the rest is counted, and `stepIds` still has them all. */
const MAX_LISTED = 5;
export function formatList(items: readonly string[], locale: Locale): string {
  const shown = items.length <= MAX_LISTED + 1 ? items : [...items.slice(0, MAX_LISTED), wording[locale].more(items.length - MAX_LISTED)];
  if (shown.length <= 1) return shown[0] ?? '';
  return `${shown.slice(0, -1).join(', ')} ${AND[locale]} ${shown[shown.length - 1]}`;
}

export function stepLabel(placed: PlacedStep, locale: Locale): string {
  const title = placed.step.title.trim();
  return title === '' ? wording[locale].step(placed.position) : quote(title);
}

export function phaseLabel(phase: PhaseRecord, position: number, locale: Locale): string {
  return phase.name.trim() === '' ? wording[locale].phase(position) : wording[locale].namedPhase(phase.name);
}

export function touchpointLabel(touchpoint: Touchpoint, locale: Locale): string {
  if (touchpoint.name.trim() !== '') return quote(touchpoint.name);
  const channel =
    touchpoint.channel === 'custom' && touchpoint.customChannel.trim() !== ''
      ? touchpoint.customChannel.trim()
      : wording[locale].channels[touchpoint.channel];
  return wording[locale].touchpointVia(channel);
}

export function kanoElementLabel(element: KanoElement, locale: Locale): string {
  return element.text.trim() === '' ? wording[locale].unnamedElement : quote(element.text);
}

function importanceRange(importances: readonly number[], locale: Locale): string {
  const low = Math.min(...importances);
  const high = Math.max(...importances);
  return low === high ? formatNumber(high, locale) : `${formatNumber(low, locale)}–${formatNumber(high, locale)}`;
}

/**
 * What builds the anticipation, with the wait written as the map's wait badge writes it
 * ("Het wachten van 1 dag, 1 uur", "A wait of 2 days"), never as raw minutes ("2880-minute").
 */
function anticipationCause(cause: Cause, minutes: number | null, locale: Locale): string {
  if (cause === 'pay') return locale === 'nl' ? 'Het betalen' : 'Paying';
  if (minutes === null) return locale === 'nl' ? 'Het wachten' : 'Waiting';
  const wait = formatWaitMinutes(minutes, locale);
  return locale === 'nl' ? `Het wachten van ${wait}` : `A wait of ${wait}`;
}

const nl: MessageCatalog = {
  'peak-end.weak-end': ({ step, score }) =>
    `De reis eindigt op ${formatScore(score, 'nl')} bij ${step}. Het einde onthouden mensen het best: eindig sterk, met +1 of hoger bij de laatste stap.`,
  'peak-end.strong-end': ({ step }) =>
    `De reis eindigt met een hoogtepunt: ${step} scoort +2, en het einde onthouden mensen het best.`,
  'peak-end.dark-red': ({ steps }) =>
    `${formatList(steps, 'nl')} ${steps.length === 1 ? 'scoort' : 'scoren'} −2 (zeer negatief). Hoe goed de rest ook is, dit is wat klanten zullen onthouden.`,
  'peak-end.weak-start': ({ step, score }) =>
    `De reis begint op ${formatScore(score, 'nl')} bij ${step}. Een piek telt extra zwaar aan het begin: een zwakke eerste indruk kleurt de rest van de reis.`,
  'service-concept.differentiator-not-excellent': ({ step, score }) =>
    `${step} is een onderscheidend element, de reden dat klanten voor je kiezen, maar scoort ${formatScore(score, 'nl')}. Een onderscheidend element moet uitstekend zijn (+2).`,
  'service-concept.sacrifice-too-costly': ({ step }) =>
    `${step} is een bewuste opoffering, maar op −2 kost die te veel: een opoffering mag onder 0 scoren, nooit donkerrood.`,
  'service-concept.sacrifice-accepted': ({ step, score }) =>
    `${step} scoort ${formatScore(score, 'nl')}, en dat is aanvaard: het is een bewuste opoffering die bij het serviceconcept hoort.`,
  'pleasure-pain.anticipation': ({ step, peak, cause, minutes }) =>
    `${anticipationCause(cause, minutes, 'nl')} bij ${step} (−1) bouwt de verwachting op voor ${peak} (+2) verderop in dezelfde fase: honger is de beste saus. Geen pijnpunt, zolang het niet donkerrood wordt.`,
  'pleasure-pain.pain': ({ step, peak, cause }) =>
    `${cause === 'wait' ? 'Het wachten' : 'Het betalen'} bij ${step} scoort −2: dat is geen voorpret meer voor ${peak}, maar pijn. Breng het terug tot −1 of beter.`,
  'kano.must-be-failing': ({ step, elements, score }) =>
    `${step} scoort ${formatScore(score, 'nl')}, terwijl ${elements.length === 1 ? 'er een basisbehoefte' : 'er basisbehoeften'} in ${elements.length === 1 ? 'zit' : 'zitten'}: ${formatList(elements, 'nl')}. Klanten vinden die vanzelfsprekend; als die ${elements.length === 1 ? 'faalt' : 'falen'}, zijn ze ontevreden, hoe goed de rest ook gaat.`,
  'kano.delighter': ({ step, elements }) =>
    elements.length === 1
      ? `${elements[0]} bij ${step} is een wow-element: een manier om de verwachtingen te overtreffen.`
      : `${formatList(elements, 'nl')} bij ${step} zijn wow-elementen: manieren om de verwachtingen te overtreffen.`,
  'moment-of-truth.unmet': ({ phase, need, steps }) =>
    `De hoofdbehoefte in ${phase}${need.trim() === '' ? '' : ` (${quote(need)})`} wordt niet vervuld: ${steps.length === 1 ? 'het moment van de waarheid' : 'de momenten van de waarheid'}, ${formatList(steps, 'nl')}, ${steps.length === 1 ? 'scoort' : 'scoren'} onder +1.`,
  'touchpoint-vs-journey.alert': ({ touchpointMean, journeyScore, stepCount }) =>
    `${stepCount === 1 ? 'De stap met een contactmoment scoort' : `De ${formatNumber(stepCount, 'nl')} stappen met een contactmoment scoren gemiddeld`} ${formatScore(touchpointMean, 'nl')}, maar de reis als geheel scoort ${formatScore(journeyScore, 'nl')}. Groene contactmomenten, ontevreden klant: verbeter de reis als geheel, niet de losse contactmomenten.`,
  'importance-performance.act-first': ({ step, touchpoints, importances, score }) =>
    `${formatList(touchpoints, 'nl')} bij ${step} ${touchpoints.length === 1 ? 'is' : 'zijn'} belangrijk voor klanten (belang ${importanceRange(importances, 'nl')} van 5) maar ${touchpoints.length === 1 ? 'presteert' : 'presteren'} op ${formatScore(score, 'nl')}: pak dit als eerste aan.`,
  'importance-performance.overkill': ({ step, touchpoints, importances, score }) =>
    `${formatList(touchpoints, 'nl')} bij ${step} ${touchpoints.length === 1 ? 'scoort' : 'scoren'} ${formatScore(score, 'nl')}, maar ${touchpoints.length === 1 ? 'is' : 'zijn'} weinig belangrijk voor klanten (belang ${importanceRange(importances, 'nl')} van 5): mogelijk overkill, moeite die elders meer oplevert.`,
};

const en: MessageCatalog = {
  'peak-end.weak-end': ({ step, score }) =>
    `The journey ends at ${formatScore(score, 'en')} on ${step}. People remember the end best: finish strong, with +1 or more at the last step.`,
  'peak-end.strong-end': ({ step }) =>
    `The journey ends on a high: ${step} scores +2, and the end is what people remember best.`,
  'peak-end.dark-red': ({ steps }) =>
    `${formatList(steps, 'en')} ${steps.length === 1 ? 'scores' : 'score'} −2 (very negative). However good the rest is, this is what customers will remember.`,
  'peak-end.weak-start': ({ step, score }) =>
    `The journey starts at ${formatScore(score, 'en')} on ${step}. A peak counts extra at the start: a weak first impression colours the rest of the journey.`,
  'service-concept.differentiator-not-excellent': ({ step, score }) =>
    `${step} is a differentiator, the reason customers choose you, but it scores ${formatScore(score, 'en')}. A differentiator must be excellent (+2).`,
  'service-concept.sacrifice-too-costly': ({ step }) =>
    `${step} is an accepted sacrifice, but at −2 it costs too much: a sacrifice may score below 0, never dark red.`,
  'service-concept.sacrifice-accepted': ({ step, score }) =>
    `${step} scores ${formatScore(score, 'en')}, and that is accepted: it is a sacrifice that belongs to the service concept.`,
  'pleasure-pain.anticipation': ({ step, peak, cause, minutes }) =>
    `${anticipationCause(cause, minutes, 'en')} at ${step} (−1) builds anticipation for ${peak} (+2) later in the same phase: hunger is the best sauce. It is not a pain point, as long as it does not turn dark red.`,
  'pleasure-pain.pain': ({ step, peak, cause }) =>
    `${cause === 'wait' ? 'Waiting' : 'Paying'} at ${step} scores −2: that is no longer anticipation of ${peak} but pain. Bring it back to −1 or better.`,
  'kano.must-be-failing': ({ step, elements, score }) =>
    `${step} scores ${formatScore(score, 'en')} while it holds ${elements.length === 1 ? 'a must-be element' : 'must-be elements'}: ${formatList(elements, 'en')}. Customers take ${elements.length === 1 ? 'it' : 'them'} for granted; when ${elements.length === 1 ? 'it fails' : 'they fail'}, they are dissatisfied however well the rest goes.`,
  'kano.delighter': ({ step, elements }) =>
    elements.length === 1
      ? `${elements[0]} at ${step} is an attractive element: a way to exceed expectations.`
      : `${formatList(elements, 'en')} at ${step} are attractive elements: ways to exceed expectations.`,
  'moment-of-truth.unmet': ({ phase, need, steps }) =>
    `The main need in ${phase}${need.trim() === '' ? '' : ` (${quote(need)})`} is not met: ${steps.length === 1 ? 'its moment of truth' : 'its moments of truth'}, ${formatList(steps, 'en')}, ${steps.length === 1 ? 'scores' : 'score'} below +1.`,
  'touchpoint-vs-journey.alert': ({ touchpointMean, journeyScore, stepCount }) =>
    `${stepCount === 1 ? 'The one step with a touchpoint scores' : `The ${formatNumber(stepCount, 'en')} steps with a touchpoint average`} ${formatScore(touchpointMean, 'en')}, yet the journey as a whole scores ${formatScore(journeyScore, 'en')}. Green touchpoints, unhappy customer: improve the journey as a whole, not the single touchpoints.`,
  'importance-performance.act-first': ({ step, touchpoints, importances, score }) =>
    `${formatList(touchpoints, 'en')} at ${step} ${touchpoints.length === 1 ? 'matters' : 'matter'} to customers (importance ${importanceRange(importances, 'en')} of 5) but ${touchpoints.length === 1 ? 'performs' : 'perform'} at ${formatScore(score, 'en')}: act here first.`,
  'importance-performance.overkill': ({ step, touchpoints, importances, score }) =>
    `${formatList(touchpoints, 'en')} at ${step} ${touchpoints.length === 1 ? 'scores' : 'score'} ${formatScore(score, 'en')} but ${touchpoints.length === 1 ? 'matters' : 'matter'} little to customers (importance ${importanceRange(importances, 'en')} of 5): possible overkill, effort that may do more elsewhere.`,
};

export const MESSAGES: Record<Locale, MessageCatalog> = { nl, en };

/** The sentence for a finding; it starts with a capital even when it opens with "step 3". */
export function message<R extends RuleId>(locale: Locale, rule: R, params: MessageParams[R]): string {
  const text = MESSAGES[locale][rule](params);
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const modelExplanations: Record<Locale, (model: RememberedModel) => string> = {
  nl: (model) => {
    switch (model.kind) {
      case 'peak-end':
        return 'Mensen onthouden het heftigste moment en het einde, niet het gemiddelde: de herinnerde score is het gemiddelde van de meest intense stap en de laatste stap (de peak-end-regel van Kahneman).';
      case 'mean':
        return 'De herinnerde score is het gewone gemiddelde van alle gescoorde stappen, alsof klanten elke stap even zwaar onthouden.';
      case 'weighted':
        return `De herinnerde score weegt het begin ${formatWeight(model.start, 'nl')}, de meest intense stap ${formatWeight(model.peak, 'nl')} en het einde ${formatWeight(model.end, 'nl')} (gedeeld door de som van de gewichten), omdat een piek extra telt aan het begin en nog meer aan het einde.`;
    }
  },
  en: (model) => {
    switch (model.kind) {
      case 'peak-end':
        return 'People remember the most intense moment and the end, not the average: the remembered score is the mean of the most intense step and the last step (Kahneman’s peak-end rule).';
      case 'mean':
        return 'The remembered score is the plain average of all scored steps, as if customers remembered every step equally.';
      case 'weighted':
        return `The remembered score weighs the start ${formatWeight(model.start, 'en')}, the most intense step ${formatWeight(model.peak, 'en')} and the end ${formatWeight(model.end, 'en')} (divided by the sum of the weights), because a peak counts extra at the start and even more at the end.`;
    }
  },
};

function formatWeight(weight: number, locale: Locale): string {
  return `${formatNumber(weight, locale)}×`;
}

/** One sentence that says how the remembered score is computed, for the UI next to the number. */
export function explainRememberedModel(model: RememberedModel, locale: Locale): string {
  return modelExplanations[locale](model);
}
