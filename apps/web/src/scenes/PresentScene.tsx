import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { measuredStepsFromMetrics } from '@klantreis/render/layout';
import { journeysApi } from '../api/journeysApi.ts';
import { useTranslation } from 'react-i18next';
import { sharingApi } from '../api/sharingApi.ts';
import { measurementApi } from '../api/measurementApi.ts';
import { measurementKey } from '../hooks/useMeasurement.ts';
import { journeyDocumentQuery } from '../queries/journeys.ts';
import { navigate } from '../routing/appHistory.ts';
import { exportFontReady } from '../present/LayoutSvg.tsx';
import { PresentationView } from '../present/PresentationView.tsx';

/** Presentation mode for a signed-in person: presenting, or following (`?follow`) whoever presents. */
export function PresentScene({ journeyId, follow }: { journeyId: string; follow: boolean }) {
  const { t } = useTranslation();
  // The slides are drawn in the exports' font: the journey waits for it.
  const read = useQuery({
    queryKey: [...journeyDocumentQuery(journeyId).queryKey, 'in-export-font'],
    queryFn: async () => (await Promise.all([journeysApi.get(journeyId), exportFontReady()]))[0],
    // A presentation keeps the map it started with; coming back to the window does not redraw it.
    refetchOnWindowFocus: false,
  });
  // The measured curve and figures as the editor shows them (the same metrics, by month); the
  // map is shown without them until they are read, and without them when the journey has none.
  const measurement = useQuery({
    queryKey: [...measurementKey(journeyId), 'month', 'presentation'],
    queryFn: () => measurementApi.measure(journeyId, 'month'),
    refetchOnWindowFocus: false,
    retry: false,
  });
  const measured = useMemo(() => (measurement.data ? measuredStepsFromMetrics(measurement.data.metrics.steps) : undefined), [measurement.data]);
  const doc = read.data ?? null;
  const error = read.error?.message ?? null;
  if (error) return <p className="message" role="alert">{t('errors.generic', { error })}</p>;
  if (!doc) return <p className="message">{t('editor.loading')}</p>;
  return (
    <PresentationView
      doc={doc}
      measured={measured}
      follow={follow}
      channel={{ move: (stepIndex) => sharingApi.moveJourneyPresentation(journeyId, stepIndex), eventsUrl: `/api/journeys/${encodeURIComponent(journeyId)}/presentation/events` }}
      onExit={() => navigate(`/journeys/${encodeURIComponent(journeyId)}`)}
    />
  );
}
