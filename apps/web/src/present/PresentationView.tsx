import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { JourneyDocument } from '@klantreis/schema';
import { journeyView, layoutMap, LABEL_WIDTH, type CircleShape, type MeasuredStep, type RectShape, type TextShape } from '@klantreis/render/layout';
import { canvasMeasure, LayoutSvg } from './LayoutSvg.tsx';
import { shapeElement } from './shapeElement.tsx';

export interface PresentationChannel {
  /** Tells the room where the presenter is. */
  move(stepIndex: number): Promise<unknown>;
  /** The server-sent events of the presenter's moves. */
  eventsUrl: string;
}

const MARGIN = 32;

/**
 * Presentation mode: the map full screen, phase by phase and step by step with the keyboard
 * (→ ← step, ↓ ↑ phase, Home overview, End last step, F full screen, N notes). Steps after the
 * current one are veiled, so the curve is drawn up to where the story is; the step's
 * description is the speaker's notes. A presenter's moves go to the room; a follower's screen
 * follows them.
 */
export function PresentationView({
  doc,
  measured,
  showEvaluation = true,
  channel,
  follow,
  onExit,
}: {
  doc: JourneyDocument;
  measured?: ReadonlyMap<string, MeasuredStep>;
  showEvaluation?: boolean;
  channel: PresentationChannel;
  follow: boolean;
  onExit: () => void;
}) {
  const { t } = useTranslation();
  const root = useRef<HTMLDivElement>(null);
  const view = useMemo(() => journeyView(doc, { measured, evaluation: showEvaluation }), [doc, measured, showEvaluation]);
  const layout = useMemo(() => layoutMap(view, canvasMeasure(), { date: null }), [view]);
  const [stepIndex, setStepIndex] = useState(-1);
  const [notes, setNotes] = useState(!follow);
  const stage = useRef<HTMLDivElement>(null);
  const [stageAspect, setStageAspect] = useState(16 / 9);
  useEffect(() => {
    const element = stage.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setStageAspect(element.clientWidth / Math.max(1, element.clientHeight)));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  const steps = view.steps;
  const stepRegions = useMemo(() => layout.regions.filter((r) => r.kind === 'step'), [layout]);
  const phaseRegions = useMemo(() => layout.regions.filter((r) => r.kind === 'phase'), [layout]);
  const curve = layout.regions.find((r) => r.kind === 'curve');
  const mapTop = phaseRegions[0]?.y ?? 0;

  // A follower takes the presenter's position; a presenter sends theirs.
  useEffect(() => {
    if (!follow) return;
    const events = new EventSource(channel.eventsUrl);
    events.addEventListener('position', (event) => setStepIndex((JSON.parse((event as MessageEvent<string>).data) as { stepIndex: number }).stepIndex));
    return () => events.close();
  }, [follow, channel.eventsUrl]);
  useEffect(() => {
    if (!follow) void channel.move(stepIndex).catch(() => undefined);
  }, [follow, stepIndex, channel]);

  useEffect(() => {
    root.current?.focus();
  }, []);

  const phaseStarts = useMemo(() => {
    const starts: number[] = [];
    let index = 0;
    for (const phase of view.phases) {
      if (phase.steps.length > 0) starts.push(index);
      index += phase.steps.length;
    }
    return starts;
  }, [view]);

  const last = steps.length - 1;
  const nextStep = () => Math.min(last, stepIndex + 1);
  const previousStep = () => Math.max(-1, stepIndex - 1);

  function onKey(event: KeyboardEvent) {
    const next: Record<string, () => number> = {
      ArrowRight: nextStep,
      ' ': nextStep,
      PageDown: nextStep,
      ArrowLeft: previousStep,
      PageUp: previousStep,
      ArrowDown: () => phaseStarts.find((start) => start > stepIndex) ?? stepIndex,
      ArrowUp: () => [...phaseStarts].reverse().find((start) => start < stepIndex) ?? -1,
      Home: () => -1,
      End: () => last,
    };
    if (event.key === 'Escape') {
      if (document.fullscreenElement) return;
      onExit();
      return;
    }
    if (event.key === 'f' || event.key === 'F') {
      if (document.fullscreenElement) void document.exitFullscreen();
      else void root.current?.requestFullscreen().catch(() => undefined);
      return;
    }
    if (event.key === 'n' || event.key === 'N') {
      setNotes((shown) => !shown);
      return;
    }
    if (follow || !(event.key in next)) return;
    event.preventDefault();
    setStepIndex(next[event.key]!());
  }

  const current = stepIndex >= 0 ? steps[stepIndex] : undefined;
  const region = current ? stepRegions.find((r) => r.id === current.step.id) : undefined;
  const phaseRegion = current ? phaseRegions.find((r) => r.id === current.phase.id) : undefined;
  // The whole map at the overview; at a step, its phase with the lane names beside it.
  // The view is as wide as the screen allows at that height, so what follows the phase shows, veiled.
  const viewHeight = layout.height - mapTop;
  const viewWidth = phaseRegion ? Math.max(phaseRegion.width + LABEL_WIDTH + 24, viewHeight * stageAspect) : 0;
  const viewBox = phaseRegion ? `${phaseRegion.x - LABEL_WIDTH - 8} ${mapTop - 8} ${viewWidth} ${viewHeight}` : undefined;
  // The lane-name column, drawn again at the left edge when the view is zoomed to a phase.
  const labelShapes = useMemo(
    () =>
      layout.shapes.filter(
        (s): s is RectShape | TextShape | CircleShape =>
          (s.kind === 'text' && s.y >= mapTop && s.x < MARGIN + LABEL_WIDTH) ||
          (s.kind === 'rect' && s.y >= mapTop && s.fill !== undefined && s.x + s.width <= MARGIN + LABEL_WIDTH + 1) ||
          // The "!" of the measured figures' key.
          (s.kind === 'circle' && s.cy >= mapTop && s.cx + s.r <= MARGIN + LABEL_WIDTH),
      ),
    [layout, mapTop],
  );

  return (
    <div ref={root} className="presentation" tabIndex={0} onKeyDown={onKey} role="application" aria-roledescription={t('present.roledescription')} aria-label={doc.journey.title} data-testid="presentation" data-step-index={stepIndex}>
      <div className="presentation__stage" ref={stage}>
        <LayoutSvg layout={layout} viewBox={viewBox} align={phaseRegion ? 'xMinYMin' : 'xMidYMin'} label={current ? t('present.atStep', { number: current.number, title: current.title, phase: current.phase.name }) : doc.journey.title}>
          {region && curve && (
            <>
              {/* Veil over what comes after the current step, curve included. */}
              <rect x={region.x + region.width} y={mapTop + (phaseRegions[0]?.height ?? 0)} width={Math.max(0, layout.width - region.x - region.width)} height={layout.height - mapTop} fill="#ffffff" opacity={0.85} data-testid="presentation-veil" />
              <rect x={region.x + 1.5} y={region.y + 1.5} width={region.width - 3} height={layout.height - region.y - MARGIN - 3} fill="none" stroke="#1a5fb4" strokeWidth={3} />
            </>
          )}
          {phaseRegion && (
            <g transform={`translate(${phaseRegion.x - LABEL_WIDTH - MARGIN - 8} 0)`} aria-hidden="true">
              <rect x={MARGIN - 8} y={mapTop - 8} width={LABEL_WIDTH + 8} height={viewHeight} fill="#ffffff" />
              <line x1={MARGIN + LABEL_WIDTH} y1={mapTop} x2={MARGIN + LABEL_WIDTH} y2={layout.height - MARGIN} stroke="#d5dde2" />
              {labelShapes.map(shapeElement)}
            </g>
          )}
        </LayoutSvg>
      </div>
      <div className="presentation__bar">
        <span className="presentation__where" aria-live="polite">
          {current ? t('present.atStep', { number: current.number, title: current.title, phase: current.phase.name }) : t('present.overview', { count: steps.length })}
        </span>
        <span className="presentation__keys">{follow ? t('present.following') : t('present.keys')}</span>
        {/* For a touch screen, or a mouse: the keys' step back and forward. */}
        {!follow && (
          <span className="presentation__steps">
            <button type="button" onClick={() => setStepIndex(previousStep())} disabled={stepIndex < 0} aria-label={t('present.previous')} title={t('present.previous')}>
              ←
            </button>
            <button type="button" onClick={() => setStepIndex(nextStep())} disabled={stepIndex >= last} aria-label={t('present.next')} title={t('present.next')}>
              →
            </button>
          </span>
        )}
        <button type="button" onClick={onExit}>
          {t('present.exit')}
        </button>
      </div>
      {notes && current && (
        <aside className="presentation__notes" aria-label={t('present.notes')} data-testid="speaker-notes">
          <h2>{current.title}</h2>
          <p>{current.step.description || t('present.noNotes')}</p>
        </aside>
      )}
    </div>
  );
}
