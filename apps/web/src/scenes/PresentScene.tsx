import { useQuery } from '@tanstack/react-query';
import { journeysApi } from '../api/journeysApi.ts';
import { useTranslation } from 'react-i18next';
import { sharingApi } from '../api/sharingApi.ts';
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
  const doc = read.data ?? null;
  const error = read.error?.message ?? null;
  if (error) return <p className="message" role="alert">{t('errors.generic', { error })}</p>;
  if (!doc) return <p className="message">{t('editor.loading')}</p>;
  return (
    <PresentationView
      doc={doc}
      follow={follow}
      channel={{ move: (stepIndex) => sharingApi.moveJourneyPresentation(journeyId, stepIndex), eventsUrl: `/api/journeys/${encodeURIComponent(journeyId)}/presentation/events` }}
      onExit={() => navigate(`/journeys/${encodeURIComponent(journeyId)}`)}
    />
  );
}
