import { createContext, useContext, useEffect, useMemo, useState } from 'react';
import type { JourneyDocument } from '@klantreis/schema';
import { measurementApi, type Measurement, type MetricsPeriod } from '../api/measurementApi.ts';

/**
 * The measured figures of the open journey. They depend on the imports and on what the map says
 * (the activity mapping, end steps, which wait each step designs, the XLA indicators), so they are
 * fetched again, after a short pause, whenever one of those changes, or when `revision` moves
 * (after an import). Typing in a lane cell does not refetch.
 */
export function useMeasurement(journeyId: string, journey: JourneyDocument | null, period: MetricsPeriod, revision = 0) {
  const [measurement, setMeasurement] = useState<Measurement | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
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
  useEffect(() => {
    if (key === null) return;
    let current = true;
    setLoading(true);
    const timer = setTimeout(() => {
      measurementApi.measure(journeyId, period).then(
        (result) => {
          if (!current) return;
          setMeasurement(result);
          setError(null);
          setLoading(false);
        },
        (e: Error) => {
          if (!current) return;
          setError(e.message);
          setLoading(false);
        },
      );
    }, 350);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [journeyId, key, period, revision]);
  return { measurement, error, loading };
}

/** The measurement of the journey on the map, for the parts of the editor that draw it. */
export const MeasurementContext = createContext<Measurement | null>(null);

export function useMeasurementContext(): Measurement | null {
  return useContext(MeasurementContext);
}
