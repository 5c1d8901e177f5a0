import { DndContext, KeyboardSensor, PointerSensor, closestCenter, useSensor, useSensors, type DragEndEvent, type DragStartEvent } from '@dnd-kit/core';
import { SortableContext, horizontalListSortingStrategy, sortableKeyboardCoordinates } from '@dnd-kit/sortable';
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type CSSProperties, type FocusEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { JourneyDocument, LaneId, PhaseId, StepId } from '@klantreis/schema';
import { addLane, addPhase, moveStep, updateRecord } from '@klantreis/sync';
import { LiveCursors } from '../components/presence/LiveCursors.tsx';
import { openThreadsByStep, votesByLane } from '../components/workshop/mapCounts.ts';
import { useFollow } from '../hooks/useFollow.ts';
import { currentZoom, useMapViewStore } from '../stores/mapViewStore.ts';
import { useEditorStore } from '../stores/editorStore.ts';
import { usePresenceStore } from '../stores/presenceStore.ts';
import { useJourneyEdit } from '../hooks/useJourneyEdit.ts';
import { useCan } from '../hooks/useJourneyAccess.ts';
import type { PeakEndSteps } from './EmotionCurve.tsx';
import { EmotionCurve } from './EmotionCurve.tsx';
import { LaneRow } from './LaneRow.tsx';
import { StepRowSizer } from './StepRowSizer.tsx';
import { CURVE_HEIGHT, LABEL_WIDTH, NO_TEXTS, STEP_WIDTH, laneDisplayName, laneTexts, mapColumns, stepDisplayTitle, stepMoveTarget, type LaneTexts } from './mapLayout.ts';
import { EmptyPhaseColumn, PhaseHeader } from './PhaseHeader.tsx';
import { StepHeader } from './StepHeader.tsx';
import { ContentLanguage } from './contentLanguage.ts';
import { mapScale, useMapZoom } from './useMapZoom.ts';
import { useColumnWindow } from './useColumnWindow.ts';
import { drawnColumns, focusNeighbours } from './columnWindow.ts';
import { dragAnnouncements, keyboardMoveAnnouncement } from './dragAnnouncements.ts';
import { ExperienceRows } from './experience/ExperienceRows.tsx';
import './workshopScale.css';
import { SCORES } from '@klantreis/schema';


// Module constants: dnd-kit rebuilds its context (and so every sortable step head) when the
// sensor options are new objects, which inline literals are on every render.
const POINTER_SENSOR_OPTIONS = { activationConstraint: { distance: 6 } };
const KEYBOARD_SENSOR_OPTIONS = { coordinateGetter: sortableKeyboardCoordinates };

/**
 * The journey map: phases over step columns, the emotion curve, and the lanes. One CSS grid,
 * every step one column of the same width, so everything in a column belongs to one step.
 * The phase and step rows stick to the top and the lane names to the left while it scrolls;
 * CSS `zoom` scales it as a whole, so sticking, scrolling and text layout stay the browser's.
 * Only the step columns in and near the view are drawn (`columnWindow.ts`), together with the
 * columns of the selected step, of the step being dragged, of what has the focus, and the first
 * and last columns; the grid keeps every column's width, and the phase row and the curve are
 * drawn whole.
 */
export function JourneyMap({ journey, peakEndSteps, scrollRef: givenScrollRef }: { journey: JourneyDocument; peakEndSteps?: PeakEndSteps; scrollRef?: RefObject<HTMLDivElement | null> }) {
  const { t } = useTranslation();
  const edit = useJourneyEdit();
  const canEdit = useCan('journey.edit');
  // Each piece is memoised on the lists it reads: a keystroke in a cell changes only `cells`.
  const layout = useMemo(() => mapColumns(journey.phases, journey.steps), [journey.phases, journey.steps]);
  const previousTexts = useRef(new Map<string, LaneTexts>());
  const texts = useMemo(() => (previousTexts.current = laneTexts(journey.cells, previousTexts.current)), [journey.cells]);
  const visibleLanes = useMemo(() => journey.lanes.filter((l) => !l.hidden), [journey.lanes]);
  const hiddenLanes = useMemo(() => journey.lanes.filter((l) => l.hidden), [journey.lanes]);
  const untitled = t('step.untitled');
  const stepTitles = useMemo(
    () => new Map(journey.steps.map((s) => [s.id, stepDisplayTitle(s, layout.stepNumber.get(s.id), untitled)])),
    [journey.steps, layout.stepNumber, untitled],
  );
  const sensors = useSensors(
    useSensor(PointerSensor, POINTER_SENSOR_OPTIONS),
    useSensor(KeyboardSensor, KEYBOARD_SENSOR_OPTIONS),
  );
  const stepIds = useMemo<string[]>(() => journey.steps.map((s) => s.id), [journey.steps]);
  // What a screen reader says while a step is dragged: step and phase names, not ids.
  const dragAccessibility = useMemo(() => dragAnnouncements(t, journey.steps, journey.phases), [t, journey.steps, journey.phases]);
  const ownScrollRef = useRef<HTMLDivElement>(null);
  const scrollRef = givenScrollRef ?? ownScrollRef;
  const openComments = useMemo(() => openThreadsByStep(journey.comments), [journey.comments]);
  const myKey = usePresenceStore((s) => s.participant.key);
  const votes = useMemo(() => votesByLane(journey.votes, myKey), [journey.votes, myKey]);
  const mapRef = useRef<HTMLDivElement>(null);
  const zoom = useMapViewStore(currentZoom);
  const bigScreen = useMapViewStore((s) => s.bigScreen);
  useFollow(scrollRef);
  useMapZoom(scrollRef, mapRef, zoom);

  // Which step columns are drawn: those near the view, and those that must stay whatever the
  // view (a drag in progress, the step open in the panel, the step or cell with the focus).
  const columnCount = layout.columns.length;
  const range = useColumnWindow(scrollRef, columnCount, zoom);
  const selectedStepId = useEditorStore((s) => s.selectedStepId);
  const highlightedStepIds = useEditorStore((s) => s.highlightedStepIds);
  const [draggedStepId, setDraggedStepId] = useState<string | null>(null);
  const [focusedStepId, setFocusedStepId] = useState<string | null>(null);
  // The first and last columns are always drawn too: Tab from a lane's name (or Shift+Tab from
  // the next lane's) lands on them. The columns beside the focus are drawn with it, in the
  // render the focus causes, so the next key finds them whatever the scroll has drawn yet: the
  // keyboard walks every column of every lane.
  const columnOf = (id: string | null) => (id === null ? -1 : layout.columnOfStep.get(id) ?? -1);
  const kept = [columnOf(selectedStepId), columnOf(draggedStepId), ...focusNeighbours(columnOf(focusedStepId), (i) => layout.columns[i]?.kind === 'step', columnCount)];
  // By its contents: a focus moving to a column already drawn does not draw every lane again.
  const drawnKey = drawnColumns(range, [0, columnCount - 1, ...kept], columnCount).join(',');
  const drawn = useMemo(() => (drawnKey === '' ? [] : drawnKey.split(',').map(Number)), [drawnKey]);
  const drawnSet = useMemo(() => new Set(drawn), [drawn]);
  // Until the map's first frame is painted, the curve draws its points in the view's columns only.
  const firstFrameColumns = useMemo(() => (range.painted ? null : { start: range.start, end: range.end }), [range.painted, range.start, range.end]);
  // The step numbers of the window's first and last step columns, and how many steps there are.
  const drawnSteps = useMemo(() => {
    const numbers = layout.columns.slice(range.start, range.end).flatMap((column) => (column.kind === 'step' ? [layout.stepNumber.get(column.step.id) ?? 0] : []));
    return { from: Math.min(...numbers, journey.steps.length), to: Math.max(...numbers, 0), shown: numbers.length, count: journey.steps.length };
  }, [layout, range, journey.steps.length]);
  // The words of every column, for the browser's find-in-page in the columns not drawn.
  const findableTexts = useMemo(
    () => layout.columns.map((column) => (column.kind === 'step' ? [stepTitles.get(column.step.id) ?? '', ...visibleLanes.map((lane) => texts.get(lane.id)?.textByStep.get(column.step.id) ?? '')].join('\n') : '')),
    [layout.columns, stepTitles, visibleLanes, texts],
  );
  const onFocus = useCallback((event: FocusEvent<HTMLDivElement>) => {
    const stepId = (event.target as Element).closest('[data-step-id]')?.getAttribute('data-step-id') ?? null;
    if (stepId) setFocusedStepId(stepId);
  }, []);
  // A finding or chart point shows its steps: the first is brought into view when it is not;
  // so is a step just selected, which on a narrow screen opens the panel over the map, and
  // could be under it.
  useEffect(() => {
    const first = highlightedStepIds[0] ?? selectedStepId;
    const scroller = scrollRef.current;
    if (!first || !scroller) return;
    const head = scroller.querySelector<HTMLElement>(`[data-testid="step-head"][data-step-id="${CSS.escape(first)}"]`);
    const corner = scroller.querySelector<HTMLElement>('.map__corner');
    if (!head || !corner) return;
    const box = head.getBoundingClientRect();
    const from = corner.getBoundingClientRect().right;
    const panel = document.querySelector('.side-panel')?.getBoundingClientRect();
    const view = scroller.getBoundingClientRect();
    const to = panel && panel.left < view.right && panel.left > from ? panel.left : view.left + scroller.clientWidth;
    if (box.left < from) scroller.scrollBy({ left: box.left - from - 8 });
    else if (box.right > to) scroller.scrollBy({ left: box.right - to + 8 });
  }, [highlightedStepIds, selectedStepId, scrollRef]);

  // The latest journey through a ref: a callback that changed with every keystroke would make
  // all 200 step heads of a big map render again while someone types in one cell.
  const journeyNow = useRef(journey);
  journeyNow.current = journey;
  // What a screen reader hears after a step moved by the keyboard (a drag's words are dnd-kit's own region).
  const [moveAnnouncement, setMoveAnnouncement] = useState('');
  const moveBy = useCallback(
    (stepId: string, delta: number) => {
      const target = stepMoveTarget(journeyNow.current, stepId, delta);
      setMoveAnnouncement(keyboardMoveAnnouncement(t, journeyNow.current, stepId, delta, target));
      if (target) edit((doc, origin) => moveStep(doc, stepId as StepId, { phaseId: target.phaseId as PhaseId, position: target.position }, origin));
      requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-step-id="${stepId}"] .step-head__handle`)?.focus());
    },
    [edit, t],
  );

  const onDragEndRef = useRef(onDragEnd);
  onDragEndRef.current = onDragEnd;
  const onDragEndNow = useCallback((event: DragEndEvent) => {
    setDraggedStepId(null);
    onDragEndRef.current(event);
  }, []);
  const onDragStart = useCallback((event: DragStartEvent) => setDraggedStepId(String(event.active.id)), []);
  const onDragCancel = useCallback(() => setDraggedStepId(null), []);

  function onDragEnd({ active, over }: DragEndEvent) {
    if (!over || active.id === over.id) return;
    const stepId = String(active.id);
    const overId = String(over.id);
    if (overId.startsWith('phase-drop:')) {
      const phaseId = overId.slice('phase-drop:'.length) as PhaseId;
      edit((doc, origin) => moveStep(doc, stepId as StepId, { phaseId, position: 0 }, origin));
      return;
    }
    // Where the step lands in the whole-map order, then which phase that place belongs to.
    const from = stepIds.indexOf(stepId);
    const to = stepIds.indexOf(overId);
    const overStep = journey.steps[to];
    if (from < 0 || !overStep) return;
    const order = stepIds.filter((id) => id !== stepId);
    order.splice(to, 0, stepId);
    const phaseSteps = new Set<string>(journey.steps.filter((s) => s.phaseId === overStep.phaseId && s.id !== stepId).map((s) => s.id));
    const position = order.slice(0, order.indexOf(stepId)).filter((id) => phaseSteps.has(id)).length;
    edit((doc, origin) => moveStep(doc, stepId as StepId, { phaseId: overStep.phaseId as PhaseId, position }, origin));
  }

  return (
    // tabIndex -1: a click on the map's background puts the focus in the map, where the zoom keys work.
    <div className="map-scroll" data-testid="journey-map" ref={scrollRef} tabIndex={-1} data-zoom={zoom}>
      <ContentLanguage.Provider value={journey.journey.locale}>
      <div
        className={bigScreen ? 'map map--big-screen' : 'map'}
        ref={mapRef}
        onFocus={onFocus}
        data-drawn-columns={`${range.start}-${range.end}`}
        style={{ gridTemplateColumns: `${LABEL_WIDTH}px repeat(${columnCount}, ${STEP_WIDTH}px) ${STEP_WIDTH}px`, zoom, '--map-label-width': `${LABEL_WIDTH}px` } as CSSProperties}
      >
        <LiveCursors mapRef={mapRef} />
        <div className="map__corner lane-label">
          <span className="map__corner-title">{journey.journey.kind === 'experience' ? t('list.experienceMapCorner') : t('editor.map')}</span>
          {/* A screen reader's browse mode meets only the drawn columns: it is told so, first. */}
          {drawnSteps.count > drawnSteps.shown && (
            <span className="visually-hidden" data-testid="columns-drawn">
              {t('editor.columnsDrawn', { from: drawnSteps.from, to: drawnSteps.to, total: drawnSteps.count })}
            </span>
          )}
          <span className="visually-hidden" role="status" data-testid="step-moved">
            {moveAnnouncement}
          </span>
        </div>
        {layout.phaseSpans.map((span, i) => (
          <PhaseHeader key={span.phase.id} span={span} index={i} phaseCount={layout.phaseSpans.length} />
        ))}
        <div className="map__add-phase map__end" style={{ gridColumn: columnCount + 2 }}>
          {canEdit && (
            <button type="button" onClick={() => edit((doc, origin) => addPhase(doc, {}, origin))}>
              + {t('editor.addPhase')}
            </button>
          )}
        </div>
        {journey.journey.kind === 'experience' && <ExperienceRows spans={layout.phaseSpans} steps={journey.steps} columnCount={columnCount} />}

        <div className="lane-label lane-label--steps" />
        <DndContext sensors={sensors} collisionDetection={closestCenter} onDragStart={onDragStart} onDragEnd={onDragEndNow} onDragCancel={onDragCancel} accessibility={dragAccessibility}>
          <SortableContext items={stepIds} strategy={horizontalListSortingStrategy}>
            {layout.columns.map((column, i) => {
              // The words of the columns not drawn follow the map's first frame, as the columns near the view do.
              if (!drawnSet.has(i)) return column.kind === 'step' && range.painted ? <FindableColumn key={`find-${column.step.id}`} column={i} text={findableTexts[i] ?? ''} scrollRef={scrollRef} /> : null;
              return column.kind === 'step' ? (
                <StepHeader key={column.step.id} step={column.step} number={layout.stepNumber.get(column.step.id)!} column={i} onMoveBy={moveBy} openComments={openComments.get(column.step.id)} />
              ) : (
                <EmptyPhaseColumn key={`empty-${column.phase.id}`} phaseId={column.phase.id} column={i} />
              );
            })}
          </SortableContext>
        </DndContext>
        {/* After the step heads: the grid places items in order, and this one's column is the last. */}
        <div className="map__end map__end--steps" style={{ gridColumn: columnCount + 2 }}>
          <StepRowSizer steps={journey.steps} stepNumber={layout.stepNumber} openComments={openComments} />
        </div>

        <div className="lane-label lane-label--curve" style={{ height: CURVE_HEIGHT }}>
          <span className="lane-label__title">{t('editor.curve')}</span>
          <ol className="curve-axis" aria-hidden="true">
            {[...SCORES].reverse().map((score) => (
              <li key={score} style={{ top: `${((2 - score) / 4) * (CURVE_HEIGHT - 44) + 22}px` }}>
                {score > 0 ? `+${score}` : score} {t(`scores.${score}`)}
              </li>
            ))}
          </ol>
        </div>
        <div className="curve-cell" style={{ gridColumn: `2 / span ${columnCount}` }}>
          <EmotionCurve columns={layout.columns} stepNumber={layout.stepNumber} {...peakEndSteps} firstFrame={firstFrameColumns} />
        </div>
        <div className="map__end" style={{ gridColumn: columnCount + 2 }} />

        {visibleLanes.map((lane, i) => (
          <LaneRow key={lane.id} lane={lane} index={i} laneCount={visibleLanes.length} columns={layout.columns} drawn={drawn} texts={texts.get(lane.id) ?? NO_TEXTS} stepTitles={stepTitles} votes={votes.get(lane.id)} />
        ))}

        <div className="lane-label lane-label--add">
          {canEdit && (
            <button type="button" onClick={() => edit((doc, origin) => addLane(doc, { kind: 'custom', name: t('lane.newName') }, origin))}>
              + {t('editor.addLane')}
            </button>
          )}
          {hiddenLanes.length > 0 && (
            <details className="hidden-lanes">
              <summary>{t('editor.hiddenLanes', { count: hiddenLanes.length })}</summary>
              <ul>
                {hiddenLanes.map((lane) => {
                  const name = laneDisplayName(lane, (kind) => t(`lane.kinds.${kind}`));
                  return (
                    <li key={lane.id}>
                      <button type="button" onClick={() => edit((doc, origin) => updateRecord(doc, lane.id as LaneId, { hidden: false }, origin))}>
                        {t('editor.showLane', { name })}
                      </button>
                    </li>
                  );
                })}
              </ul>
            </details>
          )}
        </div>
      </div>
      </ContentLanguage.Provider>
    </div>
  );
}

/**
 * A column that is not drawn, as words only, for the browser's find-in-page: `hidden="until-found"`
 * keeps it out of sight, of the layout and of the accessibility tree until a search finds
 * something in it; the browser then shows it and scrolls to it, and the map, scrolled there,
 * draws the column itself in its place (React has no `until-found` value for `hidden`, so it
 * is set on the element).
 */
const FindableColumn = memo(function FindableColumn({ column, text, scrollRef }: { column: number; text: string; scrollRef: RefObject<HTMLDivElement | null> }) {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return undefined;
    element.setAttribute('hidden', 'until-found');
    const onMatch = () => {
      const scroller = scrollRef.current;
      const map = scroller?.querySelector<HTMLElement>('.map');
      if (!scroller || !map) return;
      const zoom = mapScale(map);
      scroller.scrollLeft = Math.max(0, (column * STEP_WIDTH - STEP_WIDTH) * zoom);
    };
    element.addEventListener('beforematch', onMatch);
    return () => element.removeEventListener('beforematch', onMatch);
  }, [column, scrollRef]);
  return (
    <div ref={ref} className="map__findable" style={{ gridColumn: column + 2 }}>
      {text}
    </div>
  );
});
