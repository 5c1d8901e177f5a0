import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { JOURNEY_KINDS, JOURNEY_STATUSES } from '@klantreis/schema';
import type { Member, PortfolioJourney } from '@klantreis/core/contracts';
import type { PortfolioPatch } from '../../api/portfolioApi.ts';
import { ScrollRegion } from '../measurement/ScrollRegion.tsx';
import { useUiLocale } from '../../hooks/useEvaluation.ts';
import { rememberedT } from '../../i18n/rememberedT.ts';
import { PortfolioRow, type RowKit } from './PortfolioRow.tsx';
import type { GroupKey, PortfolioSort, SortKey } from './portfolioQuery.ts';
import { NO_GROUP, type JourneyGroup } from './portfolioRows.ts';
import { SortHeader } from './SortHeader.tsx';

/** The columns in the order shown: the light and the figures right after the title, in view at 1024 px; what an editor changes after them. */
const COLUMNS: SortKey[] = ['title', 'health', 'designed', 'measured', 'completion', 'dropOff', 'xla', 'findings', 'status', 'owner', 'kind', 'tags', 'persona', 'stages', 'updated'];
const HELP: Partial<Record<SortKey, string>> = { designed: 'designed', measured: 'measured', completion: 'completion', dropOff: 'dropOff' };

function GroupHeader({ group, groupBy, open, onToggle }: { group: JourneyGroup; groupBy: GroupKey; open: boolean; onToggle: () => void }) {
  const { t } = useTranslation();
  const none = { owner: 'noOwner', stage: 'noStage', tag: 'noTag', status: 'noTag', none: 'noTag' } as const;
  const name =
    group.key === NO_GROUP ? t(`portfolio.group.${none[groupBy]}`) : groupBy === 'status' ? t(`portfolio.statuses.${group.key as PortfolioJourney['status']}`) : group.name;
  return (
    <tr className="portfolio-group">
      <th scope="rowgroup" colSpan={COLUMNS.length}>
        <button type="button" aria-expanded={open} onClick={onToggle} data-testid="group-header" data-group={group.key}>
          <span className="portfolio-group__chevron" aria-hidden="true">
            {open ? '▾' : '▸'}
          </span>
          {group.mapTitle ? <span className="portfolio-group__map">{group.mapTitle} › </span> : null}
          <span className="portfolio-group__name">{name}</span>
          <span className="portfolio-group__count">{t('portfolio.group.count', { count: group.journeys.length })}</span>
        </button>
      </th>
    </tr>
  );
}

/** Rows drawn in the first frame; the rest follow in steps, a frame each. */
const FIRST_ROWS = 60;
const MORE_ROWS = 250;

/**
 * How many rows to draw: a screenful at once, then the rest in steps after the browser has
 * painted, so a portfolio of 1,000 journeys shows its table in the first frame instead of after
 * every row is laid out. Later changes (filter, sort) draw everything at once: by then every row
 * exists and React only moves them.
 */
function useProgressiveRows(total: number): number {
  const [count, setCount] = useState(FIRST_ROWS);
  useEffect(() => {
    if (count >= total) return undefined;
    // After the next paint (a timeout from an animation frame), so the rows drawn are shown first.
    let timer = 0;
    const frame = requestAnimationFrame(() => {
      timer = window.setTimeout(() => setCount((now) => now + MORE_ROWS), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [count, total]);
  return count;
}

/**
 * The portfolio as one table: sortable headers, and with a grouping one <tbody> per group under
 * a header that folds it away (its count stays in view).
 */
export function PortfolioTable({ groups, groupBy, sort, onSort, members, onPatch }: {
  groups: JourneyGroup[];
  groupBy: GroupKey;
  sort: PortfolioSort;
  onSort: (sort: PortfolioSort) => void;
  members: readonly Member[];
  onPatch: (journey: PortfolioJourney, patch: PortfolioPatch) => void;
}) {
  const { t } = useTranslation();
  const locale = useUiLocale();
  // The members arrive after the journeys; read when a select opens, they re-render no row.
  const membersRef = useRef(members);
  membersRef.current = members;
  const kit = useMemo<RowKit>(
    () => ({
      t: rememberedT(t),
      locale,
      members: () => membersRef.current,
      statusOptions: JOURNEY_STATUSES.map((status) => ({ value: status, label: t(`portfolio.statuses.${status}`) })),
      kindOptions: JOURNEY_KINDS.map((kind) => ({ value: kind, label: t(`portfolio.kinds.${kind}`) })),
    }),
    [t, locale],
  );
  const [closed, setClosed] = useState<ReadonlySet<string>>(new Set());
  const shownRows = useProgressiveRows(groups.reduce((sum, g) => sum + g.journeys.length, 0));
  // Rows of each open group within the rows drawn so far, groups in order.
  let left = shownRows;
  const drawn = groups.map((group) => {
    if (closed.has(group.key)) return 0;
    const rows = Math.min(left, group.journeys.length);
    left -= rows;
    return rows;
  });
  const toggle = (key: string) =>
    setClosed((now) => {
      const next = new Set(now);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  return (
    <ScrollRegion label={t('portfolio.title')} className="portfolio-scroll">
      <table className="portfolio-table" data-testid="portfolio-table">
        <caption className="visually-hidden">
          {t('portfolio.title')}. {t('portfolio.sortHint')}
        </caption>
        <colgroup>
          {COLUMNS.map((column) => (
            <col key={column} className={`portfolio-col--${column}`} />
          ))}
        </colgroup>
        <thead>
          <tr>
            {COLUMNS.map((column) => (
              <SortHeader
                key={column}
                column={column}
                label={t(`portfolio.columns.${column}`)}
                help={HELP[column] ? t(`portfolio.columnHelp.${HELP[column] as 'designed'}`) : undefined}
                sort={sort}
                onSort={onSort}
                className={`col-${column}`}
              />
            ))}
          </tr>
        </thead>
        {groups.map((group, g) => {
          const open = !closed.has(group.key);
          return (
            <tbody key={group.key} data-testid="portfolio-group" data-group={group.key}>
              {groupBy !== 'none' && <GroupHeader group={group} groupBy={groupBy} open={open} onToggle={() => toggle(group.key)} />}
              {group.journeys.slice(0, drawn[g]).map((journey) => (
                <PortfolioRow key={journey.id} journey={journey} kit={kit} onPatch={onPatch} />
              ))}
            </tbody>
          );
        })}
      </table>
    </ScrollRegion>
  );
}
