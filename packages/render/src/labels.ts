import type { ActionStatus, Channel, KanoCategory, LaneKind } from '@klantreis/schema';
import type { Severity } from '@klantreis/evaluation';

export type ExportLocale = 'nl' | 'en';

/**
 * Every word an export writes, in both languages. Exports are written in the journey's own
 * language (a Dutch map gets Dutch headings), the same words the editor uses.
 */
export interface ExportLabels {
  laneKinds: Record<LaneKind, string>;
  channels: Record<Channel, string>;
  kano: Record<KanoCategory, string>;
  actionStatuses: Record<ActionStatus, string>;
  severities: Record<Severity, string>;
  untitledStep: string;
  untitledPhase: string;
  phase: string;
  step: string;
  score: string;
  targetScore: string;
  measuredScore: string;
  wait: string;
  touchpoints: string;
  momentOfTruth: string;
  description: string;
  actions: string;
  action: string;
  owner: string;
  dueDate: string;
  status: string;
  steps: string;
  findings: string;
  noFindings: string;
  noActions: string;
  evaluation: string;
  remembered: string;
  mean: string;
  persona: string;
  noPersona: string;
  version: string;
  exportedOn: string;
  emotionCurve: string;
  designed: string;
  toBe: string;
  measured: string;
  /** The key to a measured step's figures ("↘ 12% · 3 min") and its "!", where a writer explains them. */
  dropOff: string;
  p90Wait: string;
  waitExceeded: string;
  peak: string;
  trough: string;
  end: string;
  page: string;
  journeyMap: string;
  experienceMap: string;
  stepsOfPhase: string;
  notScored: string;
  severity: string;
  rule: string;
  message: string;
}

export const EXPORT_LABELS: Record<ExportLocale, ExportLabels> = {
  nl: {
    laneKinds: {
      'customer-actions': 'Acties van de klant',
      touchpoints: 'Contactmomenten en kanalen',
      'thoughts-feelings': 'Gedachten en gevoelens',
      'pain-points': 'Pijnpunten',
      opportunities: 'Kansen',
      'front-stage': 'Medewerkers frontstage',
      'back-stage': 'Backstage en intern proces',
      systems: 'Ondersteunende systemen',
      measures: 'Metingen',
      custom: 'Eigen baan',
    },
    channels: {
      phone: 'Telefoon',
      web: 'Website',
      app: 'App',
      store: 'Winkel',
      email: 'E-mail',
      chat: 'Chat',
      'technician-visit': 'Bezoek monteur',
      letter: 'Brief',
      'self-service-portal': 'Selfserviceportaal',
      'social-media': 'Sociale media',
      custom: 'Anders',
    },
    kano: { 'must-be': 'Basisbehoefte', performance: 'Prestatie', attractive: 'Wow (verrassing)', indifferent: 'Onverschillig', reverse: 'Omgekeerd' },
    actionStatuses: { idea: 'Idee', planned: 'Gepland', doing: 'Bezig', done: 'Klaar' },
    severities: { critical: 'Kritiek', warning: 'Waarschuwing', info: 'Info', positive: 'Positief' },
    untitledStep: 'Stap zonder titel',
    untitledPhase: 'Fase zonder naam',
    phase: 'Fase',
    step: 'Stap',
    score: 'Score',
    targetScore: 'Doelscore',
    measuredScore: 'Gemeten score',
    wait: 'Wachttijd',
    touchpoints: 'Contactmomenten',
    momentOfTruth: 'Moment of truth',
    description: 'Beschrijving',
    actions: 'Verbeteracties',
    action: 'Actie',
    owner: 'Eigenaar',
    dueDate: 'Deadline',
    status: 'Status',
    steps: 'Stappen',
    findings: 'Bevindingen van de evaluatie',
    noFindings: 'Geen bevindingen.',
    noActions: 'Nog geen verbeteracties.',
    evaluation: 'Evaluatie',
    remembered: 'Herinnerde score',
    mean: 'Gemiddelde',
    persona: 'Persona',
    noPersona: 'geen persona gekozen',
    version: 'Versie',
    exportedOn: 'Geëxporteerd op',
    emotionCurve: 'Emotiecurve',
    designed: 'Ontworpen',
    toBe: 'Gewenst (to-be)',
    measured: 'Gemeten',
    dropOff: 'afhakers',
    p90Wait: 'wachttijd p90',
    waitExceeded: 'wachttijd p90 langer dan ontworpen',
    peak: 'Piek',
    trough: 'Dal',
    end: 'Einde',
    page: 'Pagina',
    journeyMap: 'Klantreis',
    experienceMap: 'Klantbelevingskaart',
    stepsOfPhase: 'Stappen in deze fase',
    notScored: 'geen score',
    severity: 'Ernst',
    rule: 'Regel',
    message: 'Bevinding',
  },
  en: {
    laneKinds: {
      'customer-actions': 'Customer actions',
      touchpoints: 'Touchpoints and channels',
      'thoughts-feelings': 'Thoughts and feelings',
      'pain-points': 'Pain points',
      opportunities: 'Opportunities',
      'front-stage': 'Front-stage staff',
      'back-stage': 'Back-stage and internal process',
      systems: 'Supporting systems',
      measures: 'Measures',
      custom: 'Custom lane',
    },
    channels: {
      phone: 'Phone',
      web: 'Website',
      app: 'App',
      store: 'Store',
      email: 'E-mail',
      chat: 'Chat',
      'technician-visit': 'Technician visit',
      letter: 'Letter',
      'self-service-portal': 'Self-service portal',
      'social-media': 'Social media',
      custom: 'Other',
    },
    kano: { 'must-be': 'Must-be', performance: 'Performance', attractive: 'Attractive (delighter)', indifferent: 'Indifferent', reverse: 'Reverse' },
    actionStatuses: { idea: 'Idea', planned: 'Planned', doing: 'Doing', done: 'Done' },
    severities: { critical: 'Critical', warning: 'Warning', info: 'Info', positive: 'Positive' },
    untitledStep: 'Untitled step',
    untitledPhase: 'Untitled phase',
    phase: 'Phase',
    step: 'Step',
    score: 'Score',
    targetScore: 'Target score',
    measuredScore: 'Measured score',
    wait: 'Waiting time',
    touchpoints: 'Touchpoints',
    momentOfTruth: 'Moment of truth',
    description: 'Description',
    actions: 'Improvement actions',
    action: 'Action',
    owner: 'Owner',
    dueDate: 'Due date',
    status: 'Status',
    steps: 'Steps',
    findings: 'Findings of the evaluation',
    noFindings: 'No findings.',
    noActions: 'No improvement actions yet.',
    evaluation: 'Evaluation',
    remembered: 'Remembered score',
    mean: 'Mean',
    persona: 'Persona',
    noPersona: 'no persona chosen',
    version: 'Version',
    exportedOn: 'Exported on',
    emotionCurve: 'Emotion curve',
    designed: 'Designed',
    toBe: 'To-be',
    measured: 'Measured',
    dropOff: 'drop-off',
    p90Wait: 'p90 wait',
    waitExceeded: 'p90 wait longer than designed',
    peak: 'Peak',
    trough: 'Trough',
    end: 'End',
    page: 'Page',
    journeyMap: 'Customer journey',
    experienceMap: 'Customer experience map',
    stepsOfPhase: 'Steps in this phase',
    notScored: 'not scored',
    severity: 'Severity',
    rule: 'Rule',
    message: 'Finding',
  },
};
