import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { JOURNEY_KINDS, JOURNEY_STATUSES } from '@klantreis/schema';
import type { Member, PortfolioJourney } from '@klantreis/core/contracts';
import type { PortfolioPatch } from '../../api/portfolioApi.ts';
import { ScrollRegion } from '../measurement/ScrollRegion.tsx';
import { useUiLocale } from '../../hooks/useEvaluation.ts';
import { rememberedT } from '../../i18n/rememberedT.ts';
import { PortfolioRow, type RowKit } from './PortfolioRow.tsx';
import { useRowWindow } from './rowWindow.ts';
import type { GroupKey, PortfolioSort, SortKey } from './portfolioQuery.ts';
import { NO_GROUP, type JourneyGroup } from './portfolioRows.ts';
import { SortHeader } from './SortHeader.tsx';

/** The columns in the order shown: the light and the figures right after the title, in view at 1024 px; what an editor changes after them. */
const COLUMNS: SortKey[] = ['title', 'health', 'designed', 'measured', 'completion', 'dropOff', 'xla', 'findings', 'status', 'owner', 'kind', 'tags', 'persona', 'stages', 'updated'];
const HELP: Partial<Record<SortKey, string>> = { designed: 'designed', measured: 'measured', completion: 'completion', dropOff: 'dropOff' };

function GroupHeader({ group, groupBy, open, onToggle, rowIndex }: { group: JourneyGroup; groupBy: GroupKey; open: boolean; onToggle: () => void; rowIndex: number }) {
  const { t } = useTranslation();
  const none = { owner: 'noOwner', stage: 'noStage', tag: 'noTag', status: 'noTag', none: 'noTag' } as const;
  const name =
    group.key === NO_GROUP ? t(`portfolio.group.${none[groupBy]}`) : groupBy === 'status' ? t(`portfolio.statuses.${group.key as PortfolioJourney['status']}`) : group.name;
  return (
    <tr className="portfolio-group" data-window-key={`group:${group.key}`} aria-rowindex={rowIndex}>
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
  // Every row of the table in order (a group's header, then its rows unless folded away); only
  // those in and near the scroll box are drawn (rowWindow.ts).
  const items = useMemo(() => {
    const list: ({ kind: 'group'; group: JourneyGroup } | { kind: 'row'; journey: PortfolioJourney; group: JourneyGroup })[] = [];
    for (const group of groups) {
      if (groupBy !== 'none') list.push({ kind: 'group', group });
      if (!closed.has(group.key)) for (const journey of group.journeys) list.push({ kind: 'row', journey, group });
    }
    return list;
  }, [groups, groupBy, closed]);
  const keys = useMemo(() => items.map((item) => (item.kind === 'group' ? `group:${item.group.key}` : item.journey.id)), [items]);
  const scrollBox = useRef<HTMLDivElement>(null);
  const band = useRowWindow(scrollBox, keys);
  const drawn = items.slice(band.start, band.end).map((item, i) => ({ item, rowIndex: band.start + i + 2 }));
  const toggle = (key: string) =>
    setClosed((now) => {
      const next = new Set(now);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  return (
    <ScrollRegion label={t('portfolio.title')} className="portfolio-scroll" boxRef={scrollBox}>
      <table className="portfolio-table" data-testid="portfolio-table" aria-rowcount={items.length + 1}>
        <caption className="visually-hidden">
          {t('portfolio.title')}. {t('portfolio.sortHint')}
        </caption>
        <colgroup>
          {COLUMNS.map((column) => (
            <col key={column} className={`portfolio-col--${column}`} />
          ))}
        </colgroup>
        <thead>
          <tr aria-rowindex={1}>
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
        <Spacer height={band.before} />
        {groups.map((group) => {
          const rows = drawn.filter(({ item }) => item.group === group);
          if (rows.length === 0) return null;
          return (
            <tbody key={group.key} data-testid="portfolio-group" data-group={group.key}>
              {rows.map(({ item, rowIndex }) =>
                item.kind === 'group' ? (
                  <GroupHeader key={`group:${group.key}`} group={group} groupBy={groupBy} open={!closed.has(group.key)} onToggle={() => toggle(group.key)} rowIndex={rowIndex} />
                ) : (
                  <PortfolioRow key={item.journey.id} journey={item.journey} kit={kit} onPatch={onPatch} rowIndex={rowIndex} />
                ),
              )}
            </tbody>
          );
        })}
        <Spacer height={band.after} />
      </table>
    </ScrollRegion>
  );
}

/** The height of the rows not drawn, so that the box scrolls as if they were there. */
function Spacer({ height }: { height: number }) {
  if (height <= 0) return null;
  return (
    <tbody aria-hidden="true" className="portfolio-spacer">
      <tr>
        <td colSpan={COLUMNS.length} style={{ height }} />
      </tr>
    </tbody>
  );
}
