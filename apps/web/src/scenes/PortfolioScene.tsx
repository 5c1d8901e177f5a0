import { useCallback, useEffect, useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { atLeast, type Member, type PortfolioJourney } from '@klantreis/core/contracts';
import type { PortfolioPatch } from '../api/portfolioApi.ts';
import { AccountMenu } from '../components/AccountMenu.tsx';
import { AppNav } from '../components/AppNav.tsx';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { LifecycleBoard } from '../components/portfolio/LifecycleBoard.tsx';
import { OpportunityPortfolio } from '../components/portfolio/OpportunityPortfolio.tsx';
import { PortfolioFilters } from '../components/portfolio/PortfolioFilters.tsx';
import { parsePortfolioQuery, PORTFOLIO_TABS, portfolioQueryString, type PortfolioQuery, type PortfolioTab } from '../components/portfolio/portfolioQuery.ts';
import { filterChoices, filterJourneys, groupJourneys, sortJourneys } from '../components/portfolio/portfolioRows.ts';
import { PortfolioTable } from '../components/portfolio/PortfolioTable.tsx';
import { SavedViews } from '../components/portfolio/SavedViews.tsx';
import { navigate } from '../routing/appHistory.ts';
import { portfolioQuery, usePortfolioPatch } from '../queries/portfolio.ts';
import { useMe } from '../queries/session.ts';
import { membersQuery } from '../queries/workspace.ts';
import '../components/portfolio/portfolio.css';

/** The portfolio's journeys of one workspace, with an edit applied at once and undone if the server refuses it. */
function usePortfolio(workspaceId: string | null, members: readonly Member[]) {
  const { t } = useTranslation();
  const read = useQuery(portfolioQuery(workspaceId));
  const edit = usePortfolioPatch(workspaceId, members);
  const error = edit.error
    ? t('portfolio.edit.failed', { title: edit.variables?.journey.title ?? '', error: edit.error.message })
    : read.error
      ? t('portfolio.loadFailed', { error: read.error.message })
      : null;
  const patch = edit.mutate;
  const onPatch = useCallback((journey: PortfolioJourney, change: PortfolioPatch) => patch({ journey, change }), [patch]);
  return { journeys: read.data?.journeys ?? null, error, onPatch };
}

const NO_MEMBERS: readonly Member[] = [];

function Tabs({ tab, onTab }: { tab: PortfolioTab; onTab: (tab: PortfolioTab) => void }) {
  const { t } = useTranslation();
  return (
    <nav className="portfolio-tabs" aria-label={t('portfolio.tabsLabel')}>
      {PORTFOLIO_TABS.map((key) => (
        <a
          key={key}
          href={`?tab=${key}`}
          aria-current={tab === key ? 'page' : undefined}
          data-testid={`tab-${key}`}
          onClick={(e) => {
            e.preventDefault();
            onTab(key);
          }}
        >
          {t(`portfolio.tabs.${key}`)}
        </a>
      ))}
    </nav>
  );
}

/**
 * The journey portfolio of a workspace: a table of all journeys with their health, scores and
 * measurement (filter, sort, group, saved views), the lifecycle board, and the opportunity
 * portfolio. Its whole state is in the URL (portfolioQuery.ts).
 */
export function PortfolioScene({ query }: { query: string }) {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const state = useMemo(() => parsePortfolioQuery(query), [query]);
  const workspaceId = state.workspace ?? me?.workspaces[0]?.id ?? null;
  const members = useQuery(membersQuery(workspaceId)).data ?? NO_MEMBERS;
  const { journeys, error, onPatch } = usePortfolio(workspaceId, members);
  const locale = i18n.language;
  const workspaceRole = me?.workspaces.find((w) => w.id === workspaceId)?.role ?? null;
  const canSaveViews = atLeast(workspaceRole, 'editor') && atLeast(me?.cap ?? null, 'editor');

  const update = (next: Partial<PortfolioQuery>, options: { typing?: boolean } = {}) =>
    navigate(`/portfolio${portfolioQueryString({ ...state, ...next })}`, { replace: options.typing === true });

  useEffect(() => {
    document.title = `${t('portfolio.title')} · Klantreis`;
  }, [t]);

  const choices = useMemo(() => filterChoices(journeys ?? [], locale), [journeys, locale]);
  const shown = useMemo(() => sortJourneys(filterJourneys(journeys ?? [], state.filter), state.sort, locale), [journeys, state.filter, state.sort, locale]);
  const groups = useMemo(() => groupJourneys(shown, state.group, locale), [shown, state.group, locale]);

  return (
    <div className="page">
      <header className="topbar">
        <div className="brand">
          <span className="brand__name">{t('app.name')}</span>
        </div>
        <AppNav current="portfolio" />
        <div className="topbar__spacer" />
        <AccountMenu />
        <LanguageSwitch />
      </header>
      <main id="main" className="portfolio" data-testid="portfolio">
        <div className="portfolio__head">
          <h1>{t('portfolio.title')}</h1>
          {me && me.workspaces.length > 1 && (
            <label className="portfolio-filter">
              <span>{t('portfolio.workspace')}</span>
              <select value={workspaceId ?? ''} onChange={(e) => update({ workspace: e.target.value })}>
                {me.workspaces.map((w) => (
                  <option key={w.id} value={w.id}>
                    {w.name}
                  </option>
                ))}
              </select>
            </label>
          )}
          <Tabs tab={state.tab} onTab={(tab) => update({ tab })} />
        </div>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        {workspaceId && state.tab === 'opportunities' ? (
          <OpportunityPortfolio workspaceId={workspaceId} view={state.opportunities} onView={(opportunities, options) => update({ opportunities }, { typing: options?.typing })} />
        ) : !journeys ? (
          !error && <p className="hint">{t('portfolio.loading')}</p>
        ) : (
          <>
            <div className="portfolio__controls">
              <PortfolioFilters
                filter={state.filter}
                group={state.tab === 'board' ? null : state.group}
                owners={choices.owners}
                tags={choices.tags}
                onFilter={(filter, options) => update({ filter }, { typing: options?.typing })}
                onGroup={(group) => update({ group })}
              />
              {workspaceId && <SavedViews workspaceId={workspaceId} current={{ filter: state.filter, sort: state.sort, group: state.group }} canSave={canSaveViews} onApply={(view) => update(view)} />}
            </div>
            <p className="portfolio__count" role="status" data-testid="portfolio-count">
              {t('portfolio.count', { shown: shown.length, count: journeys.length })}
            </p>
            {journeys.length === 0 ? (
              <p className="empty">{t('portfolio.empty')}</p>
            ) : shown.length === 0 ? (
              <p className="empty">{t('portfolio.noMatch')}</p>
            ) : state.tab === 'board' ? (
              <LifecycleBoard journeys={shown} all={journeys} />
            ) : (
              <PortfolioTable groups={groups} groupBy={state.group} sort={state.sort} onSort={(sort) => update({ sort })} members={members} onPatch={onPatch} />
            )}
          </>
        )}
      </main>
    </div>
  );
}
