import { useEffect } from 'react';
import { useLocation } from '@tanstack/react-router';
import { navigate } from '../../routing/appHistory.ts';

// Drill-down keeps the way back in the URL: `?trail=<map>,<journey>` names the journeys above
// the open one (experience map › journey › sub-journey) and `?phase=` the phase to open at.
// Each step down is a new history entry, so the browser's back button climbs back up as the
// breadcrumbs do, and a copied link opens at the same place with the same trail.

const MAX_TRAIL = 8;

export function trailOf(search: string): string[] {
  const trail = new URLSearchParams(search).get('trail');
  return trail ? trail.split(',').filter((id) => /^[A-Za-z0-9_-]{1,64}$/.test(id)).slice(-MAX_TRAIL) : [];
}

export function phaseOf(search: string): string | null {
  return new URLSearchParams(search).get('phase');
}

/** The address of `journeyId`, reached from the journeys in `trail`, opened at `phaseId`. */
export function journeyPath(journeyId: string, trail: readonly string[], phaseId: string | null = null): string {
  const query = new URLSearchParams();
  if (trail.length > 0) query.set('trail', trail.slice(-MAX_TRAIL).join(','));
  if (phaseId) query.set('phase', phaseId);
  const search = query.toString();
  return `/journeys/${encodeURIComponent(journeyId)}${search ? `?${search}` : ''}`;
}

/** Opens `journeyId` one level below the open journey `fromId`. */
export function drillDown(fromId: string, journeyId: string, phaseId: string | null): void {
  navigate(journeyPath(journeyId, [...trailOf(location.search), fromId], phaseId));
}

/**
 * Once the map shows the phase named in the URL, scrolls it into view and puts the focus on
 * its name, so a keyboard or screen-reader user lands where the drill-down meant.
 */
export function useFocusPhaseFromUrl(journeyId: string): void {
  const search = useLocation({ select: (place) => place.searchStr });
  useEffect(() => {
    const phaseId = phaseOf(search);
    if (!phaseId) return undefined;
    let tries = 0;
    const timer = setInterval(() => {
      const phase = document.querySelector<HTMLElement>(`[data-phase-id="${CSS.escape(phaseId)}"]`);
      if (phase || ++tries > 40) clearInterval(timer);
      if (!phase) return;
      phase.scrollIntoView({ block: 'nearest', inline: 'center' });
      // The lane names stay at the left edge (sticky): on a narrow screen the centred phase
      // started under them, its name hidden.
      const scroller = phase.closest<HTMLElement>('.map-scroll');
      const corner = scroller?.querySelector('.map__corner');
      const hidden = corner ? corner.getBoundingClientRect().right - phase.getBoundingClientRect().left : 0;
      if (scroller && hidden > 0) scroller.scrollBy({ left: -hidden - 8 });
      phase.querySelector<HTMLElement>('.phase__name')?.focus({ preventScroll: true });
      phase.classList.add('phase--drilled');
    }, 50);
    return () => clearInterval(timer);
    // Again for every journey and address opened, also when the editor stays mounted.
  }, [journeyId, search]);
}
