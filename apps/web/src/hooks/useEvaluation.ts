import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { evaluateJourney, type Evaluation, type Locale } from '@klantreis/evaluation';
import { emptyLists, type JourneyDocument } from '@klantreis/schema';
import { useEditorStore } from '../stores/editorStore.ts';

/** The reader's language, for the evaluation's sentences: the UI language, not the journey's. */
export function useUiLocale(): Locale {
  const { i18n } = useTranslation();
  return i18n.language === 'nl' ? 'nl' : 'en';
}

/**
 * The evaluation of the open journey, recomputed in the browser on every change to it (about a
 * millisecond for a normal map). The rules read only the journey record, the phases and the
 * steps, so typing in a lane cell does not recompute it.
 */
export function useEvaluation(journey: JourneyDocument): Evaluation {
  const locale = useUiLocale();
  const model = useEditorStore((s) => s.rememberedModel);
  const { schemaVersion, journey: record, phases, steps } = journey;
  return useMemo(
    () => evaluateJourney({ schemaVersion, journey: record, ...emptyLists(), phases, steps }, { locale, model }),
    [schemaVersion, record, phases, steps, locale, model],
  );
}
