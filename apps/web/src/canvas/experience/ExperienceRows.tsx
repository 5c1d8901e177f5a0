import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PhaseRecord, StepRecord } from '@klantreis/schema';
import { useExperienceRollup } from '../../hooks/useExperienceRollup.ts';
import type { PhaseSpan } from '../mapLayout.ts';
import { LifecycleCurve, LIFECYCLE_HEIGHT } from './LifecycleCurve.tsx';
import { LinkJourneyDialog } from './LinkJourneyDialog.tsx';
import { StageRollupBand } from './StageRollupBand.tsx';
import './experience.css';

// The two rows an experience map adds to the map's grid, right under the stage headers: each
// stage's roll-up band (spanning the stage's columns, like its header), and the lifecycle curve
// across the stages. Grid items, so they line up with the stages at every zoom.

/** The channels a stage's own moments use, in the order first met, each once (custom ones by their name). */
function channelsByStage(steps: readonly StepRecord[]): Map<string, string[]> {
  const byStage = new Map<string, string[]>();
  for (const step of steps) {
    const list = byStage.get(step.phaseId) ?? [];
    for (const touchpoint of step.touchpoints) {
      const channel = touchpoint.channel === 'custom' ? touchpoint.customChannel.trim() : touchpoint.channel;
      if (channel && !list.includes(channel)) list.push(channel);
    }
    byStage.set(step.phaseId, list);
  }
  return byStage;
}

export function ExperienceRows({ spans, steps, columnCount }: { spans: readonly PhaseSpan[]; steps: readonly StepRecord[]; columnCount: number }) {
  const { t } = useTranslation();
  const state = useExperienceRollup();
  const [linking, setLinking] = useState<PhaseRecord | null>(null);
  const channels = useMemo(() => channelsByStage(steps), [steps]);
  const rollup = state?.status === 'ready' ? state.rollup : null;
  const stages = useMemo(() => new Map((rollup?.stages ?? []).map((stage) => [stage.stageId, stage])), [rollup]);
  const linkedIds = useMemo(() => new Set((linking ? stages.get(linking.id)?.links : [])?.map((link) => link.journeyId)), [linking, stages]);
  if (!state) return null;
  return (
    <>
      <div className="lane-label lane-label--rollup">
        <span className="lane-label__title">{t('experience.rollupLane')}</span>
        {rollup && (
          <span className="live-dot" title={t('experience.live')} role="img" aria-label={t('experience.live')} />
        )}
      </div>
      {spans.map((span) => {
        const stage = stages.get(span.phase.id);
        return (
          <div key={span.phase.id} className="stage-band-cell" style={{ gridColumn: `${span.firstColumn + 2} / span ${span.span}` }}>
            {stage && rollup ? (
              <StageRollupBand mapId={rollup.experienceMapId} stage={stage} phase={span.phase} channels={channels.get(span.phase.id) ?? []} onLink={() => setLinking(span.phase)} />
            ) : (
              <p className="stage-band__empty" role={state.status === 'failed' ? 'alert' : undefined}>
                {state.status === 'failed' ? (state.accessEnded ? t('experience.accessEnded') : t('experience.failed', { error: state.error })) : t('experience.loading')}
              </p>
            )}
          </div>
        );
      })}
      <div className="map__end" style={{ gridColumn: columnCount + 2 }} />
      <div className="lane-label lane-label--lifecycle" style={{ height: LIFECYCLE_HEIGHT }}>
        <span className="lane-label__title">{t('experience.curveLane')}</span>
      </div>
      <div className="lifecycle-cell" style={{ gridColumn: `2 / span ${columnCount}` }}>
        {rollup && <LifecycleCurve spans={spans} curve={rollup.curve} columnCount={columnCount} />}
      </div>
      <div className="map__end" style={{ gridColumn: columnCount + 2 }} />
      {rollup && <LinkJourneyDialog mapId={rollup.experienceMapId} stage={linking} linkedIds={linkedIds} onClose={() => setLinking(null)} />}
    </>
  );
}
