import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Member, PortfolioJourney } from '@klantreis/core/contracts';
import type { PortfolioPatch } from '../../api/portfolioApi.ts';
import { ScrollRegion } from '../measurement/ScrollRegion.tsx';
import { PortfolioRow } from './PortfolioRow.tsx';
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
  const [closed, setClosed] = useState<ReadonlySet<string>>(new Set());
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
        {groups.map((group) => {
          const open = !closed.has(group.key);
          return (
            <tbody key={group.key} data-testid="portfolio-group" data-group={group.key}>
              {groupBy !== 'none' && <GroupHeader group={group} groupBy={groupBy} open={open} onToggle={() => toggle(group.key)} />}
              {open && group.journeys.map((journey) => <PortfolioRow key={journey.id} journey={journey} members={members} onPatch={onPatch} />)}
            </tbody>
          );
        })}
      </table>
    </ScrollRegion>
  );
}
