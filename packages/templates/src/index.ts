import type { JourneyDocument, JourneyKind } from '@klantreis/schema';
import { dayInTheLife } from './dayInTheLife.ts';
import { endUserIncident } from './endUserIncident.ts';
import { financialProductApplication } from './financialProductApplication.ts';
import { ikeaVisit } from './ikeaVisit.ts';
import { membershipLifecycle } from './membershipLifecycle.ts';
import { payTvOnboarding } from './payTvOnboarding.ts';
import { restaurantServiceConcept } from './restaurantServiceConcept.ts';
import { buildJourneyDocument } from './templateBuilder.ts';
import type { TemplateDefinition, TemplateLocale } from './templateDefinition.ts';

export type { LocalizedText, TemplateDefinition, TemplateLocale } from './templateDefinition.ts';

/** The sample journeys of PRODUCT.md, in the order the product lists them. */
export const TEMPLATE_IDS = [
  'ikea-visit',
  'end-user-incident',
  'day-in-the-life',
  'pay-tv-onboarding',
  'financial-product-application',
  'membership-lifecycle',
  'restaurant-service-concept',
] as const;
export type TemplateId = (typeof TEMPLATE_IDS)[number];

const TEMPLATE_DEFINITIONS: Record<TemplateId, TemplateDefinition> = {
  'ikea-visit': ikeaVisit,
  'end-user-incident': endUserIncident,
  'day-in-the-life': dayInTheLife,
  'pay-tv-onboarding': payTvOnboarding,
  'financial-product-application': financialProductApplication,
  'membership-lifecycle': membershipLifecycle,
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

/** A new journey from a template, in one language; every call gets its own ids, so it can be saved as a new map. */
export function buildTemplate(id: TemplateId, locale: TemplateLocale): JourneyDocument {
  return buildJourneyDocument(TEMPLATE_DEFINITIONS[id], locale);
}
