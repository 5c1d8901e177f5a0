import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_TEXT_LENGTH, type LaneId, type LaneRecord, type StepId } from '@klantreis/schema';
import { deleteLane, moveLane, setCellText, updateRecord } from '@klantreis/sync';
import { CellVotes } from '../components/workshop/CellVotes.tsx';
import type { CellVoteCounts } from '../components/workshop/mapCounts.ts';
import { useJourneyEdit } from '../hooks/useJourneyEdit.ts';
import { useWorkshopStore } from '../stores/workshopStore.ts';
import { useCan } from '../hooks/useJourneyAccess.ts';
import { useContentLanguage } from './contentLanguage.ts';
import { laneDisplayName, type LaneTexts, type MapColumn } from './mapLayout.ts';
import { cellTextWidth, tallestTexts } from './laneSizer.ts';
import { useAfterFirstPaint } from './useAfterFirstPaint.ts';
import { withSoftHyphens } from './softHyphens.ts';
import { HyphenatedTextarea } from './HyphenatedTextarea.tsx';

export const LaneLabel = memo(function LaneLabel({ lane, index, laneCount }: { lane: LaneRecord; index: number; laneCount: number }) {
  const { t } = useTranslation();
  const edit = useJourneyEdit();
  const canEdit = useCan('journey.edit');
  const name = laneDisplayName(lane, (kind) => t(`lane.kinds.${kind}`));
  const lang = useContentLanguage();
  return (
    <div className="lane-label" data-lane-id={lane.id}>
      {/* A two-line textarea, not an input, so long lane names wrap instead of being cut off. */}
      <HyphenatedTextarea
        className="lane-label__name"
        rows={2}
        lang={lane.name ? lang : undefined}
        value={lane.name}
        placeholder={t(`lane.kinds.${lane.kind}`)}
        aria-label={`${t('lane.name')}: ${name}`}
        maxLength={200}
        readOnly={!canEdit}
        onChange={(e) => edit((doc, origin) => updateRecord(doc, lane.id, { name: e.target.value.replace(/\n/g, ' ') }, origin))}
      />
      {canEdit && <div className="icon-buttons">
        <button type="button" className="icon" aria-label={`${t('lane.moveUp')}: ${name}`} title={t('lane.moveUp')} disabled={index === 0} onClick={() => edit((doc, origin) => moveLane(doc, lane.id as LaneId, index - 1, origin))}>
          ↑
        </button>
        <button type="button" className="icon" aria-label={`${t('lane.moveDown')}: ${name}`} title={t('lane.moveDown')} disabled={index === laneCount - 1} onClick={() => edit((doc, origin) => moveLane(doc, lane.id as LaneId, index + 1, origin))}>
          ↓
        </button>
        <button type="button" className="icon" aria-label={`${t('lane.hide')}: ${name}`} title={t('lane.hide')} onClick={() => edit((doc, origin) => updateRecord(doc, lane.id, { hidden: true }, origin))}>
          ◌
        </button>
        {lane.kind === 'custom' && (
          <button
            type="button"
            className="icon danger"
            aria-label={`${t('lane.delete')}: ${name}`}
            title={t('lane.delete')}
            onClick={() => confirm(t('lane.confirmDelete', { name })) && edit((doc, origin) => deleteLane(doc, lane.id as LaneId, origin))}
          >
            ×
          </button>
        )}
      </div>}
    </div>
  );
});

/**
 * One lane × step cell. It shows its text as a button until activated, then edits in a
 * textarea; every keystroke is an edit of the document, so there is nothing to save.
 */
export const LaneCell = memo(function LaneCell({ laneId, stepId, text, label, uiLanguage, emptyText, column, votable = false, dots = 0, myDots = 0 }: {
  laneId: string;
  stepId: string;
  text: string;
  /** "Pain points at Pay": passed in, so 2,400 cells do not each subscribe to the language. */
  label: string;
  /** The interface's language, which the label is in. */
  uiLanguage: string;
  emptyText: string;
  column: number;
  /** Pain points and opportunities take dot votes. */
  votable?: boolean;
  dots?: number;
  myDots?: number;
}) {
  const edit = useJourneyEdit();
  const canEdit = useCan('journey.edit');
  const [editing, setEditing] = useState(false);
  const area = useRef<HTMLTextAreaElement>(null);
  const lang = useContentLanguage();

  useEffect(() => {
    if (editing) {
      area.current?.focus();
      area.current?.setSelectionRange(area.current.value.length, area.current.value.length);
    }
  }, [editing]);

  return (
    <div className="cell" style={{ gridColumn: column + 2 }} data-lane-id={laneId} data-step-id={stepId}>
      {editing ? (
        <textarea
          ref={area}
          className="cell__input"
          lang={lang}
          value={text}
          aria-label={label}
          maxLength={MAX_TEXT_LENGTH}
          onChange={(e) => edit((doc, origin) => setCellText(doc, laneId as LaneId, stepId as StepId, e.target.value, origin))}
          onBlur={() => setEditing(false)}
          onKeyDown={(e) => {
            if (e.key === 'Escape') setEditing(false);
          }}
        />
      ) : (
        // The text's language on the button and the interface's on its hidden label: no extra
        // element around each of a big map's 2,400 texts.
        <button type="button" className={text ? 'cell__text' : 'cell__text cell__text--empty'} lang={text ? lang : undefined} onClick={() => setEditing(canEdit)} aria-disabled={!canEdit || undefined}>
          <span className="visually-hidden" lang={text ? uiLanguage : undefined}>{label}: </span>
          {text ? withSoftHyphens(text) : <span className="cell__placeholder" aria-hidden="true">{emptyText}</span>}
        </button>
      )}
      {votable && <CellVotes laneId={laneId} stepId={stepId} total={dots} mine={myDots} label={label} />}
    </div>
  );
});

export const LaneRow = memo(function LaneRow({ lane, index, laneCount, columns, drawn, texts, stepTitles, votes }: {
  lane: LaneRecord;
  index: number;
  laneCount: number;
  columns: MapColumn[];
  /** The indices of the columns drawn, in order (the map draws those in and near its view). */
  drawn: readonly number[];
  texts: LaneTexts;
  stepTitles: Map<string, string>;
  votes?: CellVoteCounts;
}) {
  const { t, i18n } = useTranslation();
  const votable = lane.kind === 'pain-points' || lane.kind === 'opportunities';
  const laneName = laneDisplayName(lane, (kind) => t(`lane.kinds.${kind}`));
  const emptyText = t('lane.cellEmpty');
  // One translation per lane, not per cell: i18next's t() was most of a keystroke's cost on a big map.
  const labelTemplate = t('lane.cell', { lane: laneName, step: '\u0000' });
  return (
    <>
      <LaneLabel lane={lane} index={index} laneCount={laneCount} />
      {drawn.map((i) => {
        const column = columns[i]!;
        return column.kind === 'step' ? (
          <LaneCell
            key={column.step.id}
            laneId={lane.id}
            stepId={column.step.id}
            text={texts.textByStep.get(column.step.id) ?? ''}
            label={labelTemplate.replace('\u0000', stepTitles.get(column.step.id) ?? '')}
            uiLanguage={i18n.language}
            emptyText={emptyText}
            column={i}
            votable={votable}
            dots={votes?.get(column.step.id)?.total}
            myDots={votes?.get(column.step.id)?.mine}
          />
        ) : (
          <div key={`empty-${column.phase.id}`} className="cell cell--empty" style={{ gridColumn: i + 2 }} />
        );
      })}
      {/* The column of "+ Add phase" has no cells; this keeps the lane's border running to the end,
          and holds the lane's tallest texts, hidden, so the lane keeps its height whichever
          columns are drawn (laneSizer.ts). */}
      <div className="map__end" style={{ gridColumn: columns.length + 2 }}>
        <LaneSizer texts={texts} votable={votable} votes={votes} />
      </div>
    </>
  );
});

/** The lane's likely tallest texts laid out as cells are, unseen and unheard, to give the row its height. */
const LaneSizer = memo(function LaneSizer({ texts, votable, votes }: { texts: LaneTexts; votable: boolean; votes?: CellVoteCounts }) {
  const lang = useContentLanguage();
  // While voting every cell of a pain-point or opportunity lane has room for its dots under the text; else a cell with dots.
  const voting = useWorkshopStore((s) => s.voting);
  // Not in the map's first frame: that frame has only the columns in view, as tall as they are.
  const ready = useAfterFirstPaint();
  const tallest = useMemo(() => {
    if (!ready) return [];
    const cells = [...texts.textByStep].map(([stepId, text]) => ({ text, votes: votable && (voting || (votes?.get(stepId)?.total ?? 0) > 0) }));
    return tallestTexts(cells, cellTextWidth());
  }, [ready, texts, votable, voting, votes]);
  if (tallest.length === 0) return null;
  return (
    <div className="lane-sizer" aria-hidden="true" data-testid="lane-sizer">
      {tallest.map(({ text, votes: withVotes }) => (
        <span key={`${withVotes ? 1 : 0}${text}`} className={`cell__text lane-sizer__text${withVotes ? ' lane-sizer__text--votes' : ''}`} lang={lang}>
          {withSoftHyphens(text)}
        </span>
      ))}
    </div>
  );
});
