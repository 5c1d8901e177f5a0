import { memo } from 'react';
import type { TFunction } from 'i18next';
import type { Locale } from '@klantreis/evaluation';
import { ACTION_ROLES, atLeast, type Member, type PortfolioJourney } from '@klantreis/core/contracts';
import type { PortfolioPatch } from '../../api/portfolioApi.ts';
import { navigate } from '../../routing/appHistory.ts';
import { HealthLight } from './HealthLight.tsx';
import { LazySelect, type SelectOption } from './LazySelect.tsx';
import { TagsInput } from './PortfolioEditors.tsx';
import { dateTimeText, lastChangeText, pointsText, shareText } from './portfolioFormat.ts';
import { ScoreValue } from './ScoreValue.tsx';

/**
 * What every row needs from the table, made once: the translation, the language and the
 * choices of the inline selects. A row calls no hooks of its own but memo: with a thousand
 * rows, a useTranslation per cell was a large part of the first render.
 */
export interface RowKit {
  t: TFunction;
  locale: Locale;
  members: () => readonly Member[];
  statusOptions: SelectOption[];
  kindOptions: SelectOption[];
}

const none = (t: TFunction) => <span className="muted">{t('portfolio.noValue')}</span>;

function dropOffText(trend: number | null, { t, locale }: RowKit) {
  if (trend === null) return none(t);
  if (Math.abs(trend) < 0.005) return t('portfolio.dropOff.steady');
  return (
    <span className={trend > 0 ? 'trend trend--worse' : 'trend trend--better'}>
      <span aria-hidden="true">{trend > 0 ? '▲ ' : '▼ '}</span>
      {t(trend > 0 ? 'portfolio.dropOff.rising' : 'portfolio.dropOff.falling', { points: pointsText(trend, locale) })}
    </span>
  );
}

function xlaText(xla: PortfolioJourney['xla'], t: TFunction) {
  if (!xla || xla.met + xla.atRisk + xla.missed + xla.noData === 0) return none(t);
  return (
    <span className="figure-list">
      {xla.missed > 0 && <span className="xla xla--missed">{t('portfolio.xla.missed', { count: xla.missed })}</span>}
      {xla.atRisk > 0 && <span className="xla xla--risk">{t('portfolio.xla.atRisk', { count: xla.atRisk })}</span>}
      {xla.met > 0 && <span className="xla xla--met">{t('portfolio.xla.met', { count: xla.met })}</span>}
      {xla.met + xla.atRisk + xla.missed === 0 && <span className="muted">{t('portfolio.xla.noData')}</span>}
    </span>
  );
}

function findingsText(findings: PortfolioJourney['findings'], t: TFunction) {
  if (findings.critical + findings.warning === 0) return <span className="muted">{t('portfolio.findings.none')}</span>;
  return (
    <span className="figure-list">
      {findings.critical > 0 && <span className="finding-count finding-count--critical">{t('portfolio.findings.critical', { count: findings.critical })}</span>}
      {findings.warning > 0 && <span className="finding-count finding-count--warning">{t('portfolio.findings.warning', { count: findings.warning })}</span>}
    </span>
  );
}

/** The members to choose from, with an owner who is no member (any more) or only a written name kept as they are. */
function ownerOptions(owner: PortfolioJourney['owner'], kit: RowKit): SelectOption[] {
  const { t } = kit;
  const members = kit.members();
  const options: SelectOption[] = [{ value: '', label: owner.id === null && owner.name ? t('portfolio.details.ownerAsWritten', { name: owner.name }) : t('portfolio.details.noOwner') }];
  if (owner.id !== null && !members.some((m) => m.userId === owner.id)) options.push({ value: owner.id, label: owner.name });
  return [...options, ...members.map((m) => ({ value: m.userId, label: m.name }))];
}

/**
 * One journey in the portfolio table. An editor of the journey changes its status, owner, type
 * and tags in place; everyone else reads them.
 */
export const PortfolioRow = memo(function PortfolioRow({ journey, kit, onPatch, rowIndex }: {
  journey: PortfolioJourney;
  kit: RowKit;
  onPatch: (journey: PortfolioJourney, patch: PortfolioPatch) => void;
  /** Its place among all the table's rows (aria-rowindex): the table draws only those in view. */
  rowIndex: number;
}) {
  const { t, locale } = kit;
  const canEdit = atLeast(journey.role, ACTION_ROLES['journey.edit']);
  const path = `/journeys/${encodeURIComponent(journey.id)}`;
  const title = journey.title;
  const m = journey.measurement;
  const ownerName = journey.owner.name || t('portfolio.filter.noOwner');
  return (
    <tr className="portfolio-row" data-journey-id={journey.id} data-testid="portfolio-row" data-window-key={journey.id} aria-rowindex={rowIndex}>
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
        <HealthLight health={journey.health} title={title} id={journey.id} t={t} locale={locale} />
      </td>
      <td className="num">
        <ScoreValue score={journey.scores.designedRemembered} locale={locale} />
      </td>
      <td className="num">{journey.scores.measuredRemembered === null ? <span className="muted">{t('portfolio.notMeasured')}</span> : <ScoreValue score={journey.scores.measuredRemembered} locale={locale} />}</td>
      <td className="num">{m && m.completionRate !== null ? shareText(m.completionRate, locale) : none(t)}</td>
      <td className="num">{dropOffText(m?.dropOffTrend ?? null, kit)}</td>
      <td>{xlaText(journey.xla, t)}</td>
      <td>{findingsText(journey.findings, t)}</td>
      <td data-testid="status-cell" data-status={journey.status}>
        {canEdit ? (
          <LazySelect
            value={journey.status}
            valueLabel={t(`portfolio.statuses.${journey.status}`)}
            options={() => kit.statusOptions}
            label={t('portfolio.edit.status', { title })}
            onChange={(status) => onPatch(journey, { status: status as PortfolioJourney['status'] })}
            testId="edit-status"
          />
        ) : (
          t(`portfolio.statuses.${journey.status}`)
        )}
      </td>
      <td data-testid="owner-cell">
        {canEdit ? (
          <LazySelect
            value={journey.owner.id ?? ''}
            valueLabel={journey.owner.id === null && journey.owner.name ? t('portfolio.details.ownerAsWritten', { name: journey.owner.name }) : ownerName}
            options={() => ownerOptions(journey.owner, kit)}
            label={t('portfolio.edit.owner', { title })}
            onChange={(ownerId) => onPatch(journey, { ownerId: ownerId || null })}
            testId="edit-owner"
          />
        ) : (
          journey.owner.name || <span className="muted">{ownerName}</span>
        )}
      </td>
      <td>
        {canEdit ? (
          <LazySelect
            value={journey.kind}
            valueLabel={t(`portfolio.kinds.${journey.kind}`)}
            options={() => kit.kindOptions}
            label={t('portfolio.edit.kind', { title })}
            onChange={(kind) => onPatch(journey, { kind: kind as PortfolioJourney['kind'] })}
            testId="edit-kind"
          />
        ) : (
          t(`portfolio.kinds.${journey.kind}`)
        )}
      </td>
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
