import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Opportunity } from '@klantreis/core/contracts';
import { portfolioApi } from '../../api/portfolioApi.ts';
import { useUiLocale } from '../../hooks/useEvaluation.ts';
import { opportunitiesQuery } from '../../queries/portfolio.ts';
import { navigate } from '../../routing/appHistory.ts';
import { ScrollRegion } from '../measurement/ScrollRegion.tsx';
import { ImpactEffortMatrix } from './ImpactEffortMatrix.tsx';
import {
  filterOpportunities,
  OPPORTUNITY_SORT_KEYS,
  OPPORTUNITY_STATUSES,
  SEVERITIES,
  sortOpportunities,
  type OpportunityFilter,
  type OpportunitySort,
} from './opportunityRows.ts';
import { dayText } from './portfolioFormat.ts';
import type { OpportunityView } from './portfolioQuery.ts';
import { SortHeader } from './SortHeader.tsx';

function OpportunityFilters({ filter, journeys, onChange }: { filter: OpportunityFilter; journeys: { id: string; title: string }[]; onChange: (filter: OpportunityFilter) => void }) {
  const { t } = useTranslation();
  const select = (key: 'source' | 'status' | 'severity' | 'journeyId', label: string, options: { value: string; label: string }[]) => (
    <label className="portfolio-filter">
      <span>{label}</span>
      <select value={filter[key] ?? ''} onChange={(e) => onChange({ ...filter, [key]: e.target.value || null })} data-testid={`opportunity-filter-${key}`}>
        <option value="">{t('portfolio.filter.any')}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <div className="portfolio-filters" role="group" aria-label={t('portfolio.filter.label')}>
      <label className="portfolio-filter portfolio-filter--text">
        <span>{t('portfolio.filter.text')}</span>
        <input type="search" value={filter.text} onChange={(e) => onChange({ ...filter, text: e.target.value })} data-testid="opportunity-search" />
      </label>
      {select('source', t('portfolio.opportunities.filter.source'), (['action', 'finding'] as const).map((s) => ({ value: s, label: t(`portfolio.opportunities.sources.${s}`) })))}
      {select('journeyId', t('portfolio.opportunities.filter.journey'), journeys.map((j) => ({ value: j.id, label: j.title })))}
      {select('status', t('portfolio.opportunities.filter.status'), OPPORTUNITY_STATUSES.map((s) => ({ value: s, label: t(`portfolio.opportunities.statuses.${s}`) })))}
      {select('severity', t('portfolio.opportunities.filter.severity'), SEVERITIES.map((s) => ({ value: s, label: t(`portfolio.opportunities.severities.${s}`) })))}
    </div>
  );
}

function OpportunityRow({ opportunity: o }: { opportunity: Opportunity }) {
  const { t } = useTranslation();
  const locale = useUiLocale();
  const path = `/journeys/${encodeURIComponent(o.journeyId)}`;
  return (
    <tr data-testid="opportunity-row">
      <td>
        <a
          href={path}
          onClick={(e) => {
            e.preventDefault();
            navigate(path);
          }}
        >
          {o.journeyTitle}
        </a>
      </td>
      <th scope="row" className="opportunity__title">
        {o.title}
        <span className="opportunity__source">{t(`portfolio.opportunities.sources.${o.source}`)}</span>
      </th>
      <td>{o.owner || <span className="muted">–</span>}</td>
      <td>{t(`portfolio.opportunities.statuses.${o.status}`)}</td>
      <td className="nowrap">{dayText(o.dueDate, locale)}</td>
      <td className="num">{o.impact ?? '–'}</td>
      <td className="num">{o.effort ?? '–'}</td>
      <td>{o.severity ? <span className={`finding-count finding-count--${o.severity}`}>{t(`portfolio.opportunities.severities.${o.severity}`)}</span> : '–'}</td>
      <td className="opportunity__steps">{o.stepTitles.join(', ')}</td>
    </tr>
  );
}

/**
 * The opportunity portfolio: every improvement action and open finding of the workspace's
 * journeys in one sortable, filterable list, the impact × effort matrix of the shown ones, and
 * the server's CSV of them.
 */
export function OpportunityPortfolio({ workspaceId, view, onView }: { workspaceId: string; view: OpportunityView; onView: (view: OpportunityView, options?: { typing?: boolean }) => void }) {
  const { t } = useTranslation();
  const locale = useUiLocale();
  const read = useQuery(opportunitiesQuery(workspaceId));
  const all = read.data?.opportunities ?? null;
  const error = read.error ? t('portfolio.loadFailed', { error: read.error.message }) : null;
  // Filter and sort live in the URL (portfolioQuery.ts), as the journeys' do.
  const { filter, sort } = view;
  const setFilter = (next: OpportunityFilter) => onView({ filter: next, sort }, { typing: next.text !== filter.text });
  const setSort = (next: OpportunitySort) => onView({ filter, sort: next });

  const journeys = useMemo(() => {
    const seen = new Map<string, string>();
    for (const o of all ?? []) seen.set(o.journeyId, o.journeyTitle);
    return [...seen].map(([id, title]) => ({ id, title })).sort((a, b) => a.title.localeCompare(b.title, locale));
  }, [all, locale]);
  const shown = useMemo(() => sortOpportunities(filterOpportunities(all ?? [], filter), sort, locale), [all, filter, sort, locale]);

  if (error) return <p role="alert" className="error">{error}</p>;
  if (!all) return <p className="hint">{t('portfolio.loading')}</p>;
  return (
    <section className="opportunities" aria-labelledby="opportunities-title" data-testid="opportunities">
      <div className="opportunities__head">
        <div>
          <h2 id="opportunities-title">{t('portfolio.opportunities.title')}</h2>
          <p className="hint">{t('portfolio.opportunities.intro')}</p>
        </div>
        <a className="button" href={portfolioApi.opportunitiesCsvUrl(workspaceId, locale)} download data-testid="opportunities-csv">
          {t('portfolio.opportunities.export')}
        </a>
      </div>
      <OpportunityFilters filter={filter} journeys={journeys} onChange={setFilter} />
      <p className="portfolio__count" role="status">
        {t('portfolio.opportunities.count', { shown: shown.length, count: all.length })}
      </p>
      <div className="opportunities__body">
        <ImpactEffortMatrix opportunities={shown} />
        {all.length === 0 ? (
          <p className="empty">{t('portfolio.opportunities.empty')}</p>
        ) : shown.length === 0 ? (
          <p className="empty">{t('portfolio.opportunities.noMatch')}</p>
        ) : (
          <ScrollRegion label={t('portfolio.opportunities.title')} className="portfolio-scroll">
            <table className="portfolio-table opportunity-table" data-testid="opportunity-table">
              <thead>
                <tr>
                  {OPPORTUNITY_SORT_KEYS.map((key) => (
                    <SortHeader key={key} column={key} label={t(`portfolio.opportunities.columns.${key}`)} sort={sort} onSort={setSort} />
                  ))}
                  <th scope="col">{t('portfolio.opportunities.columns.steps')}</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((o) => (
                  <OpportunityRow key={`${o.journeyId}/${o.source}/${o.id}`} opportunity={o} />
                ))}
              </tbody>
            </table>
          </ScrollRegion>
        )}
      </div>
    </section>
  );
}
