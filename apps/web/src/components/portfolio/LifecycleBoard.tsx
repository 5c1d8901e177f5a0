import { useQueries } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { PortfolioJourney } from '@klantreis/core/contracts';
import { useUiLocale } from '../../hooks/useEvaluation.ts';
import { experienceQuery } from '../../queries/portfolio.ts';
import { navigate } from '../../routing/appHistory.ts';
import { scoreText } from '../evaluation/formatNumbers.ts';
import { ScrollRegion } from '../measurement/ScrollRegion.tsx';
import { HealthLight } from './HealthLight.tsx';
import { stageOrder } from './portfolioRows.ts';
import { ScoreValue } from './ScoreValue.tsx';

function JourneyCard({ journey, stageId }: { journey: PortfolioJourney; stageId: string }) {
  const { t } = useTranslation();
  const locale = useUiLocale();
  const path = `/journeys/${encodeURIComponent(journey.id)}`;
  return (
    <li className="board-card" data-testid="board-card" data-journey-id={journey.id}>
      <a
        className="board-card__title"
        href={path}
        onClick={(e) => {
          e.preventDefault();
          navigate(path);
        }}
      >
        {journey.title}
      </a>
      <span className="board-card__meta">
        {t(`portfolio.statuses.${journey.status}`)}
        {journey.owner.name ? ` · ${journey.owner.name}` : ''}
      </span>
      <span
        className="board-card__scores"
        title={t('portfolio.board.scores', { designed: scoreText(journey.scores.designedRemembered, locale), measured: scoreText(journey.scores.measuredRemembered, locale) })}
      >
        <span>
          <span className="board-card__score-label">{t('portfolio.columns.designed')}</span>
          <ScoreValue score={journey.scores.designedRemembered} locale={locale} />
        </span>
        {journey.scores.measuredRemembered !== null && (
          <span>
            <span className="board-card__score-label">{t('portfolio.columns.measured')}</span>
            <ScoreValue score={journey.scores.measuredRemembered} locale={locale} />
          </span>
        )}
      </span>
      <HealthLight health={journey.health} title={journey.title} id={`${stageId}-${journey.id}`} t={t} locale={locale} />
    </li>
  );
}

function Column({ columnId, title, journeys, testId }: { columnId: string; title: string; journeys: PortfolioJourney[]; testId: string }) {
  const { t } = useTranslation();
  return (
    <section className="board-column" data-testid={testId} aria-label={title}>
      <h3 className="board-column__title">
        {title} <span className="board-column__count">{journeys.length}</span>
      </h3>
      {journeys.length === 0 ? (
        <p className="hint">{t('portfolio.board.emptyColumn')}</p>
      ) : (
        <ul className="board-column__cards">
          {journeys.map((journey) => (
            <JourneyCard key={journey.id} journey={journey} stageId={columnId} />
          ))}
        </ul>
      )}
    </section>
  );
}

interface BoardMap {
  id: string;
  title: string;
  stages: { stageId: string; name: string }[];
}

/**
 * The experience maps of the workspace with all their stages in time order, from each map's
 * roll-up (so a stage no journey details yet still gets its column). Until those answer, or if
 * one fails, the order is read from the journeys' own stage lists (stageOrder).
 */
function useBoardMaps(all: readonly PortfolioJourney[]): BoardMap[] {
  const fallback = new Map<string, BoardMap>();
  for (const stage of stageOrder(all)) {
    const map = fallback.get(stage.experienceMapId) ?? { id: stage.experienceMapId, title: stage.experienceMapTitle, stages: [] };
    map.stages.push({ stageId: stage.stageId, name: stage.stageName });
    fallback.set(stage.experienceMapId, map);
  }
  for (const journey of all) {
    if (journey.kind === 'experience' && !fallback.has(journey.id)) fallback.set(journey.id, { id: journey.id, title: journey.title, stages: [] });
  }
  const mapIds = [...fallback.keys()].sort();
  // A map whose roll-up cannot be read keeps the stages the journeys name.
  const rollups = useQueries({ queries: mapIds.map((id) => experienceQuery(id)) });
  const loaded = new Map<string, BoardMap>();
  rollups.forEach(({ data: rollup }, i) => {
    const id = mapIds[i]!;
    if (rollup) loaded.set(id, { id, title: rollup.title, stages: rollup.stages.map((s) => ({ stageId: s.stageId, name: s.name })) });
  });
  return [...fallback.values()].map((map) => loaded.get(map.id) ?? map).filter((map) => map.stages.length > 0);
}

/**
 * The lifecycle board: per experience map, a column for each of its stages in time order with
 * the (filtered) journeys that detail it (a journey in two stages is in both), and the
 * journeys linked to no stage together below. An experience map heads its own row instead of
 * being a card. `all` are the workspace's journeys, unfiltered: the maps and stages to show.
 */
export function LifecycleBoard({ journeys, all }: { journeys: PortfolioJourney[]; all: readonly PortfolioJourney[] }) {
  const { t } = useTranslation();
  const maps = useBoardMaps(all);
  const mapIds = new Set(maps.map((m) => m.id));
  const inStage = (stageId: string) => journeys.filter((j) => j.stages.some((s) => s.stageId === stageId));
  const unlinked = journeys.filter((j) => j.stages.length === 0 && !mapIds.has(j.id));
  return (
    <div className="board" data-testid="lifecycle-board">
      <p className="hint">{t('portfolio.board.intro')}</p>
      {maps.map((map) => (
        <section key={map.id} className="board-map" aria-labelledby={`board-map-${map.id}`}>
          <h2 id={`board-map-${map.id}`} className="board-map__title">
            <a
              href={`/journeys/${encodeURIComponent(map.id)}`}
              onClick={(e) => {
                e.preventDefault();
                navigate(`/journeys/${encodeURIComponent(map.id)}`);
              }}
            >
              {t('portfolio.board.map', { title: map.title })}
            </a>
          </h2>
          <ScrollRegion label={t('portfolio.board.map', { title: map.title })} className="board-columns">
            {map.stages.map((stage) => (
              <Column key={stage.stageId} columnId={stage.stageId} title={stage.name} journeys={inStage(stage.stageId)} testId="board-column" />
            ))}
          </ScrollRegion>
        </section>
      ))}
      <section className="board-map" aria-labelledby="board-unlinked">
        <h2 id="board-unlinked" className="board-map__title">
          {t('portfolio.board.noStage')}
        </h2>
        <div className="board-columns board-columns--wrap">
          <Column columnId="none" title={t('portfolio.board.noStage')} journeys={unlinked} testId="board-unlinked" />
        </div>
      </section>
    </div>
  );
}
