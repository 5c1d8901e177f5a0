import { useTranslation } from 'react-i18next';
import type { HealthLevel, LinkedJourneyRollup, StageRollup } from '@klantreis/core/contracts';
import { healthReasonText } from '@klantreis/evaluation/health';
import { scoreColor, type LinkId, type PhaseRecord } from '@klantreis/schema';
import { drillDown } from '../../components/experience/drillDown.ts';
import { useJourneyEdit } from '../../hooks/useJourneyEdit.ts';
import { useCan } from '../../hooks/useJourneyAccess.ts';
import { formatRollupScore, formatWait, uiLocale } from './experienceFormat.ts';
import { unlinkJourney } from '@klantreis/sync';

// Under a stage's header: how the stage goes, rolled up from its own moments and the journeys
// that detail it (designed against measured remembered score on the score colours, drop-off,
// wait, XLA, findings), the channels its moments use, and those journeys as chips with their
// health light; a chip opens the journey at the stage's phase.

function ScorePill({ label, score, hint, testId }: { label: string; score: number | null; hint?: string; testId: string }) {
  const { i18n } = useTranslation();
  return (
    <span className="score-pill" title={hint} data-testid={testId}>
      <span className="score-pill__swatch" style={{ background: scoreColor(score) }} aria-hidden="true" />
      <span className="score-pill__label">{label}</span> <strong>{formatRollupScore(score, uiLocale(i18n.language))}</strong>
    </span>
  );
}

function HealthLight({ level }: { level: HealthLevel }) {
  return <span className={`health-light health-light--${level}`} aria-hidden="true" />;
}

function JourneyChip({ mapId, link, stageName }: { mapId: string; link: LinkedJourneyRollup; stageName: string }) {
  const { t, i18n } = useTranslation();
  const edit = useJourneyEdit();
  const canEdit = useCan('journey.edit');
  const level = link.health?.level ?? 'unknown';
  const title = link.title ?? (link.availability === 'trashed' ? t('experience.trashed') : t('experience.unavailable'));
  const health = t(`experience.health.${level}`);
  const phaseName = link.targetPhaseName || null;
  return (
    <li className={`journey-chip journey-chip--${link.availability}`} data-testid="journey-chip" data-journey-id={link.journeyId}>
      {link.availability === 'available' ? (
        <a
          href={`/journeys/${encodeURIComponent(link.journeyId)}`}
          aria-label={phaseName ? t('experience.chipAtPhase', { title, phase: phaseName, health }) : t('experience.chipLabel', { title, health })}
          title={[`${title} · ${health}`, ...(link.health?.reasons ?? []).map((reason) => healthReasonText(reason, uiLocale(i18n.language)))].join('\n')}
          onClick={(event) => {
            event.preventDefault();
            drillDown(mapId, link.journeyId, link.targetPhaseId);
          }}
        >
          <HealthLight level={level} />
          <span className="journey-chip__title">{title}</span>
        </a>
      ) : (
        <span className="journey-chip__missing">{title}</span>
      )}
      {canEdit && (
        <button
          type="button"
          className="icon journey-chip__unlink"
          aria-label={t('experience.unlink', { title, stage: stageName })}
          title={t('experience.unlink', { title, stage: stageName })}
          onClick={() => edit((doc, origin) => unlinkJourney(doc, link.linkId as LinkId, origin))}
        >
          ×
        </button>
      )}
    </li>
  );
}

/** The linked journeys' remembered scores, designed and measured; their means on hover. */
function JourneyScores({ stage }: { stage: StageRollup }) {
  const { t, i18n } = useTranslation();
  const locale = uiLocale(i18n.language);
  const { journeys } = stage;
  return (
    <>
      <ScorePill
        label={t('experience.designed')}
        score={journeys.designedRemembered}
        hint={t('experience.rememberedHint', { mean: formatRollupScore(journeys.designedMean, locale) })}
        testId="stage-designed"
      />
      <ScorePill
        label={t('experience.measured')}
        score={journeys.measuredRemembered}
        hint={t('experience.rememberedHint', { mean: formatRollupScore(journeys.measuredMean, locale) })}
        testId="stage-measured"
      />
    </>
  );
}

function StageFigures({ stage }: { stage: StageRollup }) {
  const { t, i18n } = useTranslation();
  const locale = uiLocale(i18n.language);
  const { journeys } = stage;
  const wait = formatWait(journeys.medianWaitMinutes, locale);
  const open = journeys.findings.critical + journeys.findings.warning;
  return (
    <dl className="stage-figures">
      {journeys.dropOffRate !== null && (
        <div>
          <dt>{t('experience.dropOff')}</dt>
          <dd data-testid="stage-drop-off">
            {t('experience.dropOffValue', { value: journeys.dropOffRate })} <span className="stage-figures__small">({t('experience.cases', { count: journeys.cases })})</span>
          </dd>
        </div>
      )}
      {wait && (
        <div>
          <dt>{t('experience.wait')}</dt>
          <dd data-testid="stage-wait">{wait}</dd>
        </div>
      )}
      {journeys.xla && (
        <div>
          <dt>{t('experience.xla')}</dt>
          <dd>{t('experience.xlaValue', { met: journeys.xla.met, atRisk: journeys.xla.atRisk, missed: journeys.xla.missed })}</dd>
        </div>
      )}
      {open > 0 && (
        <div className="stage-figures__findings">
          <dd>{t('experience.findings', { count: open })}</dd>
        </div>
      )}
    </dl>
  );
}

/** The touchpoints summary: the channels the stage's own moments use. */
function StageChannels({ channels }: { channels: readonly string[] }) {
  const { t } = useTranslation();
  if (channels.length === 0) return null;
  return (
    <p className="stage-band__channels" data-testid="stage-channels">
      <span className="stage-band__channels-label">{t('experience.touchpoints')}</span>{' '}
      {channels.map((channel) => t(`channels.${channel}`, { defaultValue: channel })).join(' · ')}
    </p>
  );
}

export function StageRollupBand({ mapId, stage, phase, channels, onLink }: { mapId: string; stage: StageRollup; phase: PhaseRecord; channels: readonly string[]; onLink: () => void }) {
  const { t } = useTranslation();
  const canEdit = useCan('journey.edit');
  const stageName = phase.name || t('phase.unnamed');
  return (
    <section className="stage-band" aria-label={t('experience.band', { stage: stageName })} data-testid="stage-band" data-stage-id={stage.stageId}>
      <div className="stage-band__scores">
        {stage.own.steps > 0 && <ScorePill label={t('experience.own')} score={stage.own.remembered} hint={t('experience.ownHint')} testId="stage-own" />}
        {/* The journeys' scores only where journeys are linked: a dash there would say "not scored" of nothing. */}
        {stage.links.length > 0 && <JourneyScores stage={stage} />}
      </div>
      <StageFigures stage={stage} />
      <StageChannels channels={channels} />
      <h3 className="stage-band__heading">{t('experience.journeys')}</h3>
      {stage.links.length === 0 ? (
        <p className="stage-band__empty">{t('experience.noJourneys')}</p>
      ) : (
        <ul className="journey-chips">
          {stage.links.map((link) => (
            <JourneyChip key={link.linkId} mapId={mapId} link={link} stageName={stageName} />
          ))}
        </ul>
      )}
      {canEdit && (
        <button type="button" className="stage-band__link" onClick={onLink} aria-label={t('experience.linkTo', { stage: stageName })}>
          <span aria-hidden="true">+</span> {t('experience.link')}
        </button>
      )}
    </section>
  );
}
