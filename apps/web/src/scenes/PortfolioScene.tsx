import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { atLeast, type Member, type PortfolioJourney } from '@klantreis/core/contracts';
import { accountsApi } from '../api/accountsApi.ts';
import { portfolioApi, prefetchPortfolio, type PortfolioPatch } from '../api/portfolioApi.ts';
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
import { navigate } from '../hooks/useRoute.ts';
import { useSession } from '../stores/sessionStore.ts';
import '../components/portfolio/portfolio.css';

if (location.pathname.replace(/\/$/, '') === '/portfolio') prefetchPortfolio(parsePortfolioQuery(location.search).workspace);

/** The portfolio's journeys of one workspace, with an edit applied at once and undone if the server refuses it. */
function usePortfolio(workspaceId: string | null) {
  const { t } = useTranslation();
  const [journeys, setJourneys] = useState<PortfolioJourney[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const latest = useRef(0);

  const load = useCallback(() => {
    if (!workspaceId) return;
    const turn = ++latest.current;
    portfolioApi.journeys(workspaceId).then(
      (answer) => {
        if (turn !== latest.current) return;
        setJourneys(answer.journeys);
        setError(null);
      },
      (e: Error) => turn === latest.current && setError(t('portfolio.loadFailed', { error: e.message })),
    );
  }, [workspaceId, t]);
  useEffect(load, [load]);

  const patch = useCallback(
    (journey: PortfolioJourney, change: PortfolioPatch, members: readonly Member[]) => {
      const owner = change.ownerId === undefined ? journey.owner : { id: change.ownerId, name: members.find((m) => m.userId === change.ownerId)?.name ?? '' };
      const fields = { status: change.status ?? journey.status, kind: change.kind ?? journey.kind, tags: change.tags ?? journey.tags, owner };
      setJourneys((all) => all?.map((j) => (j.id === journey.id ? { ...j, ...fields } : j)) ?? null);
      portfolioApi.update(journey.id, change).then(
        () => load(),
        (e: Error) => {
          setError(t('portfolio.edit.failed', { title: journey.title, error: e.message }));
          load();
        },
      );
    },
    [load, t],
  );
  return { journeys, error, patch };
}

function useMembers(workspaceId: string | null): Member[] {
  const [members, setMembers] = useState<Member[]>([]);
  useEffect(() => {
    if (!workspaceId) return undefined;
    let current = true;
    accountsApi.members(workspaceId).then(
      (all) => current && setMembers(all),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [workspaceId]);
  return members;
}

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
  const me = useSession((s) => s.me);
  const state = useMemo(() => parsePortfolioQuery(query), [query]);
  const workspaceId = state.workspace ?? me?.workspaces[0]?.id ?? null;
  const { journeys, error, patch } = usePortfolio(workspaceId);
  const members = useMembers(workspaceId);
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
  const onPatch = useCallback((journey: PortfolioJourney, change: PortfolioPatch) => patch(journey, change, members), [patch, members]);

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
