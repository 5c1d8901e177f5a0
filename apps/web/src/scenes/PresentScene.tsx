import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { JourneyDocument } from '@klantreis/schema';
import { journeysApi } from '../api/journeysApi.ts';
import { sharingApi } from '../api/sharingApi.ts';
import { navigate } from '../routing/appHistory.ts';
import { exportFontReady } from '../present/LayoutSvg.tsx';
import { PresentationView } from '../present/PresentationView.tsx';

/** Presentation mode for a signed-in person: presenting, or following (`?follow`) whoever presents. */
export function PresentScene({ journeyId, follow }: { journeyId: string; follow: boolean }) {
  const { t } = useTranslation();
  const [doc, setDoc] = useState<JourneyDocument | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    Promise.all([journeysApi.get(journeyId), exportFontReady()]).then(
      ([journey]) => setDoc(journey),
      (e: Error) => setError(e.message),
    );
  }, [journeyId]);
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
