import { createContext, useContext, useMemo } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { JourneyDocument } from '@klantreis/schema';
import { measurementApi, type Measurement, type MetricsPeriod } from '../api/measurementApi.ts';
import { useSettledValue } from './useSettledValue.ts';

/** Every measurement read of a journey: invalidated after an import or a deleted import. */
export const measurementKey = (journeyId: string) => ['journey', journeyId, 'measurement'] as const;

/**
 * The measured figures of the open journey. They depend on the imports and on what the map says
 * (the activity mapping, end steps, which wait each step designs, the XLA indicators), so they are
 * read again, after a short pause, whenever one of those changes (the map's Yjs document is the
 * signal), and after an import (measurementKey is invalidated). Typing in a lane cell does not
 * read them again.
 */
export function useMeasurement(journeyId: string, journey: JourneyDocument | null, period: MetricsPeriod) {
  const key = useMemo(
    () =>
      journey === null
        ? null
        : JSON.stringify([
            // Designed scores and wait minutes are compared in the browser (designGaps.ts); the
            // wait's moment decides which wait is measured, so it is part of the key.
            journey.steps.map((s) => [s.id, s.activityPatterns, s.journeyEnd, s.wait?.moment ?? null]),
            journey.indicators,
          ]),
    [journey?.steps, journey?.indicators],
  );
  const settledKey = useSettledValue(key, 350);
  const read = useQuery({
    queryKey: [...measurementKey(journeyId), period, settledKey],
    queryFn: () => measurementApi.measure(journeyId, period),
    enabled: settledKey !== null,
    // The figures shown stay while the next ones are on their way.
    placeholderData: keepPreviousData,
  });
  return { measurement: read.data ?? null, error: read.error?.message ?? null, loading: key !== settledKey || read.isFetching || read.isPending };
}

/** The measurement of the journey on the map, for the parts of the editor that draw it. */
export const MeasurementContext = createContext<Measurement | null>(null);

export function useMeasurementContext(): Measurement | null {
  return useContext(MeasurementContext);
}
