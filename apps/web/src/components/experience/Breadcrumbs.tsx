import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useLocation } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { journeysQuery } from '../../queries/journeys.ts';
import { navigate } from '../../routing/appHistory.ts';
import { journeyPath, trailOf } from './drillDown.ts';
import '../../canvas/experience/experience.css';

// The way back up after a drill-down, in the editor's top bar: experience map › journey ›
// sub-journey. Drawn only when the journey was reached from another (the URL's trail).

/** The titles of the journeys the reader may see, by id; a missing one shows as "…". */
function useJourneyTitles(ids: readonly string[]): Map<string, string> {
  // The journeys list's own read (the same cache entry as the list page's).
  const journeys = useQuery({ ...journeysQuery({ search: '', trash: false }), enabled: ids.length > 0 }).data;
  return useMemo(() => new Map((journeys ?? []).map((j) => [j.id, j.title])), [journeys]);
}

export function Breadcrumbs({ journeyId, title }: { journeyId: string; title: string | undefined }) {
  const { t } = useTranslation();
  const trail = trailOf(useLocation({ select: (place) => place.searchStr }));
  const titles = useJourneyTitles(trail);
  if (trail.length === 0) return null;
  return (
    <nav className="breadcrumbs" aria-label={t('experience.breadcrumbs')} data-testid="breadcrumbs">
      <ol>
        {trail.map((id, i) => (
          <li key={`${i}-${id}`}>
            <a
              href={journeyPath(id, trail.slice(0, i))}
              onClick={(event) => {
                event.preventDefault();
                navigate(journeyPath(id, trail.slice(0, i)));
              }}
            >
              {titles.get(id) ?? '…'}
            </a>
          </li>
        ))}
        {/* The open journey's title follows in the top bar (its input); a screen reader hears it here too. */}
        <li aria-current="page" data-journey-id={journeyId}>
          <span className="visually-hidden">{title ?? '…'}</span>
        </li>
      </ol>
    </nav>
  );
}
