import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { ACTION_ROLES, atLeast, type Member, type PortfolioJourney } from '@klantreis/core/contracts';
import type { PortfolioPatch } from '../../api/portfolioApi.ts';
import { useUiLocale } from '../../hooks/useEvaluation.ts';
import { navigate } from '../../hooks/useRoute.ts';
import { HealthLight } from './HealthLight.tsx';
import { KindSelect, OwnerSelect, StatusSelect, TagsInput } from './PortfolioEditors.tsx';
import { dateTimeText, lastChangeText, pointsText, shareText } from './portfolioFormat.ts';
import { ScoreValue } from './ScoreValue.tsx';

function MeasuredFigures({ journey }: { journey: PortfolioJourney }) {
  const { t } = useTranslation();
  const locale = useUiLocale();
  const m = journey.measurement;
  const trend = m?.dropOffTrend ?? null;
  return (
    <>
      <td className="num">{m && m.completionRate !== null ? shareText(m.completionRate, locale) : <span className="muted">{t('portfolio.noValue')}</span>}</td>
      <td className="num">
        {trend === null ? (
          <span className="muted">{t('portfolio.noValue')}</span>
        ) : Math.abs(trend) < 0.005 ? (
          t('portfolio.dropOff.steady')
        ) : (
          <span className={trend > 0 ? 'trend trend--worse' : 'trend trend--better'}>
            <span aria-hidden="true">{trend > 0 ? '▲ ' : '▼ '}</span>
            {t(trend > 0 ? 'portfolio.dropOff.rising' : 'portfolio.dropOff.falling', { points: pointsText(trend, locale) })}
          </span>
        )}
      </td>
    </>
  );
}

function XlaFigures({ xla }: { xla: PortfolioJourney['xla'] }) {
  const { t } = useTranslation();
  if (!xla || xla.met + xla.atRisk + xla.missed + xla.noData === 0) return <span className="muted">{t('portfolio.noValue')}</span>;
  const parts = [
    xla.missed > 0 && <span key="missed" className="xla xla--missed">{t('portfolio.xla.missed', { count: xla.missed })}</span>,
    xla.atRisk > 0 && <span key="risk" className="xla xla--risk">{t('portfolio.xla.atRisk', { count: xla.atRisk })}</span>,
    xla.met > 0 && <span key="met" className="xla xla--met">{t('portfolio.xla.met', { count: xla.met })}</span>,
    xla.met + xla.atRisk + xla.missed === 0 && <span key="nodata" className="muted">{t('portfolio.xla.noData')}</span>,
  ].filter(Boolean);
  return <span className="figure-list">{parts}</span>;
}

function FindingFigures({ findings }: { findings: PortfolioJourney['findings'] }) {
  const { t } = useTranslation();
  if (findings.critical + findings.warning === 0) return <span className="muted">{t('portfolio.findings.none')}</span>;
  return (
    <span className="figure-list">
      {findings.critical > 0 && <span className="finding-count finding-count--critical">{t('portfolio.findings.critical', { count: findings.critical })}</span>}
      {findings.warning > 0 && <span className="finding-count finding-count--warning">{t('portfolio.findings.warning', { count: findings.warning })}</span>}
    </span>
  );
}

/**
 * One journey in the portfolio table. An editor of the journey changes its type, status, owner
 * and tags in place; everyone else reads them.
 */
export const PortfolioRow = memo(function PortfolioRow({ journey, members, onPatch }: {
  journey: PortfolioJourney;
  members: readonly Member[];
  onPatch: (journey: PortfolioJourney, patch: PortfolioPatch) => void;
}) {
  const { t } = useTranslation();
  const locale = useUiLocale();
  const canEdit = atLeast(journey.role, ACTION_ROLES['journey.edit']);
  const path = `/journeys/${encodeURIComponent(journey.id)}`;
  const title = journey.title;
  return (
    <tr data-journey-id={journey.id} data-testid="portfolio-row">
      <th scope="row" className="portfolio__title">
        <a
          href={path}
          onClick={(e) => {
            e.preventDefault();
            navigate(path);
          }}
        >
          {title}
        </a>
      </th>
      <td>
        <HealthLight health={journey.health} title={title} />
      </td>
      <td className="num">
        <ScoreValue score={journey.scores.designedRemembered} />
      </td>
      <td className="num">{journey.scores.measuredRemembered === null ? <span className="muted">{t('portfolio.notMeasured')}</span> : <ScoreValue score={journey.scores.measuredRemembered} />}</td>
      <MeasuredFigures journey={journey} />
      <td>
        <XlaFigures xla={journey.xla} />
      </td>
      <td>
        <FindingFigures findings={journey.findings} />
      </td>
      <td data-testid="status-cell" data-status={journey.status}>
        {canEdit ? <StatusSelect value={journey.status} label={t('portfolio.edit.status', { title })} onChange={(status) => onPatch(journey, { status })} testId="edit-status" /> : t(`portfolio.statuses.${journey.status}`)}
      </td>
      <td data-testid="owner-cell">
        {canEdit ? (
          <OwnerSelect owner={journey.owner} members={members} label={t('portfolio.edit.owner', { title })} onChange={(ownerId) => onPatch(journey, { ownerId })} testId="edit-owner" />
        ) : (
          journey.owner.name || <span className="muted">{t('portfolio.filter.noOwner')}</span>
        )}
      </td>
      <td>{canEdit ? <KindSelect value={journey.kind} label={t('portfolio.edit.kind', { title })} onChange={(kind) => onPatch(journey, { kind })} /> : t(`portfolio.kinds.${journey.kind}`)}</td>
      <td className="portfolio__tags">
        {canEdit ? (
          <TagsInput tags={journey.tags} label={`${t('portfolio.edit.tags', { title })} (${t('portfolio.edit.tagsHint')})`} onChange={(tags) => onPatch(journey, { tags })} />
        ) : (
          journey.tags.map((tag) => (
            <span key={tag} className="tag">
              {tag}
            </span>
          ))
        )}
      </td>
      <td>{journey.personas.join(', ')}</td>
      <td className="portfolio__stages">{journey.stages.map((s) => s.stageName).join(', ')}</td>
      <td className="nowrap">
        <time dateTime={new Date(journey.updatedAt).toISOString()} title={dateTimeText(journey.updatedAt, locale)}>
          {lastChangeText(journey.updatedAt, locale)}
        </time>
      </td>
    </tr>
  );
});
