import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { ApprovalBadge } from '../components/versions/ApprovalBadge.tsx';
import { TimerBadge } from '../components/workshop/WorkshopTimer.tsx';
import { useEditorStore } from '../stores/editorStore.ts';
import { currentZoom, useMapViewStore } from '../stores/mapViewStore.ts';
import { MAX_ZOOM, MIN_ZOOM } from './mapZoom.ts';
import { fitMap, zoomMapBy, zoomMapTo } from './useMapZoom.ts';
import { numberFormat } from '../i18n/intlFormats.ts';

/** Four arrows to the corners: "fit to screen", drawn rather than a glyph the font may lack. */
function FitIcon() {
  return (
    <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true" focusable="false">
      <path d="M1 5V1h4M9 1h4v4M13 9v4H9M5 13H1V9" fill="none" stroke="currentColor" strokeWidth="1.6" />
    </svg>
  );
}

/**
 * The bar over the map: its zoom, the workshop's timer and approval (here, so that their
 * coming and going never moves the top bar), and the way back to the side panel or out of
 * big-screen mode. It sits above the map and the panel, so neither ever covers it.
 */
export function MapToolbar({ scrollRef }: { scrollRef: RefObject<HTMLDivElement | null> }) {
  const { t, i18n } = useTranslation();
  const zoom = useMapViewStore(currentZoom);
  const bigScreen = useMapViewStore((s) => s.bigScreen);
  const panelOpen = useEditorStore((s) => s.panelOpen);
  const percentFormat = numberFormat(i18n.language, { style: 'percent', maximumFractionDigits: 0 });
  const percent = percentFormat.format(zoom);
  const keys = (action: string, combination: string) => t('mapView.zoomKeys', { action, keys: combination });

  return (
    <div className="map-toolbar" data-testid="map-toolbar">
      <div className="map-toolbar__zoom" role="group" aria-label={t('mapView.toolbar')}>
        <button type="button" className="icon" onClick={() => zoomMapBy(scrollRef.current, -1)} disabled={zoom <= MIN_ZOOM} aria-label={t('mapView.zoomOut')} title={keys(t('mapView.zoomOut'), 'Ctrl −')} data-testid="zoom-out">
          −
        </button>
        <span className="map-toolbar__level" aria-live="polite" title={t('mapView.zoomLevel')} data-testid="zoom-level">
          {percent}
        </span>
        <button type="button" className="icon" onClick={() => zoomMapBy(scrollRef.current, 1)} disabled={zoom >= MAX_ZOOM} aria-label={t('mapView.zoomIn')} title={keys(t('mapView.zoomIn'), 'Ctrl +')} data-testid="zoom-in">
          +
        </button>
        <button type="button" onClick={() => zoomMapTo(scrollRef.current, 1)} aria-label={t('mapView.zoomResetLabel')} title={keys(t('mapView.zoomResetLabel'), 'Ctrl 0')} data-testid="zoom-reset">
          {percentFormat.format(1)}
        </button>
        <button type="button" onClick={() => fitMap(scrollRef.current)} title={t('mapView.zoomFitLabel')} data-testid="zoom-fit">
          <FitIcon />
          {t('mapView.zoomFit')}
        </button>
      </div>
      <div className="map-toolbar__status">
        <ApprovalBadge />
        <TimerBadge />
      </div>
      <div className="map-toolbar__end">
        {bigScreen ? (
          <button type="button" onClick={() => useMapViewStore.getState().setBigScreen(false)} data-testid="leave-big-screen">
            {t('mapView.leaveBigScreenKeys')}
          </button>
        ) : (
          !panelOpen && (
            <button type="button" className="panel-toggle" onClick={() => useEditorStore.getState().setPanelOpen(true)} data-testid="show-panel">
              ⟨ {t('panel.show')}
            </button>
          )
        )}
      </div>
    </div>
  );
}

/** A screen with an arrow out of it: "big screen", drawn rather than a glyph the font may lack. */
function BigScreenIcon() {
  return (
    <svg width="16" height="14" viewBox="0 0 16 14" aria-hidden="true" focusable="false">
      <rect x="1" y="1" width="14" height="9" rx="1" fill="none" stroke="currentColor" strokeWidth="1.5" />
      <path d="M5 13h6M8 10v3" stroke="currentColor" strokeWidth="1.5" />
    </svg>
  );
}

/** The top bar's way into big-screen mode: the map alone, in large type, for the room. */
export function BigScreenButton({ scrollRef }: { scrollRef?: RefObject<HTMLDivElement | null> }) {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className="big-screen-button"
      title={t('mapView.bigScreenLabel')}
      onClick={() => {
        useMapViewStore.getState().setBigScreen(true);
        // The focus goes into the map, where the zoom keys work and Escape leaves.
        requestAnimationFrame(() => (scrollRef?.current ?? document.querySelector<HTMLElement>('.map-scroll'))?.focus({ preventScroll: true }));
      }}
      data-testid="big-screen"
    >
      <BigScreenIcon />
      <span className="topbar__label">{t('mapView.bigScreen')}</span>
    </button>
  );
}
