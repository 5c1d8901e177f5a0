import type {
  Channel,
  DEFAULT_LANE_KINDS,
  JourneyRecord,
  KanoCategory,
  Score,
  SERVICE_CONCEPT_ROLES,
  Wait,
} from '@klantreis/schema';
import type { TemplateId } from './index.ts';

export type TemplateLocale = JourneyRecord['locale'];

/**
 * Every text of a template carries both languages side by side, so the Dutch and the English
 * map can never differ in structure: there is only one list of steps, one set of scores.
 */
export interface LocalizedText {
  nl: string;
  en: string;
}

export type DefaultLaneKind = (typeof DEFAULT_LANE_KINDS)[number];
export type ServiceConceptRole = (typeof SERVICE_CONCEPT_ROLES)[number];

export interface TemplateTouchpoint {
  channel: Channel;
  /** Only for channel `custom`: the channel's own name. */
  customChannel?: LocalizedText;
  name: LocalizedText;
  department: LocalizedText;
  importance: 1 | 2 | 3 | 4 | 5;
}

export interface TemplateKanoElement {
  text: LocalizedText;
  category: KanoCategory;
}

export interface TemplateStep {
  title: LocalizedText;
  description: LocalizedText;
  score: Score;
  beforeFirstContact?: boolean;
  wait?: Wait;
  touchpoints?: TemplateTouchpoint[];
  kano?: TemplateKanoElement[];
  serviceConcept?: ServiceConceptRole;
  momentOfTruth?: boolean;
  /** The text under this step in each default lane; a lane left out stays empty. */
  cells: Partial<Record<DefaultLaneKind, LocalizedText>>;
  /** The template of the journey that details this step, one level down. */
  subJourney?: TemplateId;
}

/** A stage of an experience map links to the journey of another template, at one of its phases. */
export interface TemplateLink {
  template: TemplateId;
  /** The position of the phase in the linked template where the stage begins; its start when left out. */
  phase?: number;
}

export interface TemplatePhase {
  name: LocalizedText;
  momentOfTruth: LocalizedText;
  steps: TemplateStep[];
  /** In an experience map: the journeys that detail this stage. */
  links?: TemplateLink[];
}

export interface TemplatePersona {
  name: LocalizedText;
  description: LocalizedText;
  goals: LocalizedText;
  color: string;
}

export interface TemplateDefinition {
  title: LocalizedText;
  description: LocalizedText;
  kind: JourneyRecord['kind'];
  /** The hand-entered journey-level score; null unless the story is about it. */
  journeyScore: Score | null;
  personas: TemplatePersona[];
  phases: TemplatePhase[];
}
