import type { JourneyDocument, JourneyKind } from '@klantreis/schema';
import { dayInTheLife } from './dayInTheLife.ts';
import { endUserIncident } from './endUserIncident.ts';
import { bankingRelationship } from './bankingRelationship.ts';
import { financialProductApplication } from './financialProductApplication.ts';
import { ikeaVisit } from './ikeaVisit.ts';
import { membershipJoining } from './membershipJoining.ts';
import { membershipLifecycle } from './membershipLifecycle.ts';
import { payTvOnboarding } from './payTvOnboarding.ts';
import { restaurantServiceConcept } from './restaurantServiceConcept.ts';
import { buildJourneyDocument, type LinkedJourneys } from './templateBuilder.ts';
import type { TemplateDefinition, TemplateLocale } from './templateDefinition.ts';

export type { LocalizedText, TemplateDefinition, TemplateLocale } from './templateDefinition.ts';
export type { LinkedJourneys } from './templateBuilder.ts';

/**
 * The sample journeys of PRODUCT.md, in the order the product lists them, each experience map
 * followed by the journey its stages drill down into that PRODUCT.md does not list itself.
 */
export const TEMPLATE_IDS = [
  'ikea-visit',
  'end-user-incident',
  'day-in-the-life',
  'pay-tv-onboarding',
  'financial-product-application',
  'banking-relationship',
  'membership-lifecycle',
  'membership-joining',
  'restaurant-service-concept',
] as const;
export type TemplateId = (typeof TEMPLATE_IDS)[number];

const TEMPLATE_DEFINITIONS: Record<TemplateId, TemplateDefinition> = {
  'ikea-visit': ikeaVisit,
  'end-user-incident': endUserIncident,
  'day-in-the-life': dayInTheLife,
  'pay-tv-onboarding': payTvOnboarding,
  'financial-product-application': financialProductApplication,
  'banking-relationship': bankingRelationship,
  'membership-lifecycle': membershipLifecycle,
  'membership-joining': membershipJoining,
  'restaurant-service-concept': restaurantServiceConcept,
};

export interface TemplateSummary {
  id: TemplateId;
  title: string;
  description: string;
  kind: JourneyKind;
  stepCount: number;
}

export function isTemplateId(value: string): value is TemplateId {
  return (TEMPLATE_IDS as readonly string[]).includes(value);
}

export function listTemplates(locale: TemplateLocale): TemplateSummary[] {
  return TEMPLATE_IDS.map((id) => {
    const definition = TEMPLATE_DEFINITIONS[id];
    return {
      id,
      title: definition.title[locale],
      description: definition.description[locale],
      kind: definition.kind,
      stepCount: definition.phases.reduce((sum, phase) => sum + phase.steps.length, 0),
    };
  });
}

/**
 * A new journey from a template, in one language; every call gets its own ids, so it can be
 * saved as a new map. The links of an experience map's stages and of steps to their sub-journeys
 * are made to the journeys in `linked` (built from the templates they name); without them the
 * map has no links.
 */
export function buildTemplate(id: TemplateId, locale: TemplateLocale, linked: LinkedJourneys = new Map()): JourneyDocument {
  return buildJourneyDocument(TEMPLATE_DEFINITIONS[id], locale, linked);
}

/** The templates a template links to, which must be stored before it for the links to resolve. */
export function linkedTemplates(id: TemplateId): TemplateId[] {
  const phases = TEMPLATE_DEFINITIONS[id].phases;
  const named = phases.flatMap((phase) => [...(phase.links ?? []).map((link) => link.template), ...phase.steps.flatMap((step) => (step.subJourney ? [step.subJourney] : []))]);
  return [...new Set(named)];
}

/** The template ids in an order where every template comes after the templates it links to. */
export function templatesInLinkOrder(): TemplateId[] {
  const order: TemplateId[] = [];
  const visit = (id: TemplateId) => {
    if (order.includes(id)) return;
    for (const target of linkedTemplates(id)) visit(target);
    order.push(id);
  };
  for (const id of TEMPLATE_IDS) visit(id);
  return order;
}
