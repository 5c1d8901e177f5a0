import { useTranslation } from 'react-i18next';
import {
  CHANNELS,
  MAX_TEXT_LENGTH,
  MAX_TITLE_LENGTH,
  SCORES,
  WAIT_MOMENTS,
  createTouchpoint,
  scoreColor,
  type JourneyDocument,
  type PhaseId,
  type StepId,
  type StepRecord,
  type Touchpoint,
} from '@klantreis/schema';
import { deleteStep, moveStep, updateRecord } from '@klantreis/sync';
import { useJourneyEdit } from '../hooks/useJourneyEdit.ts';
import { useEditorStore } from '../stores/editorStore.ts';
import { KanoElementsFieldset } from './step/KanoElementsFieldset.tsx';
import { StepActions } from './step/StepActions.tsx';
import { TargetScoreFieldset } from './step/TargetScoreFieldset.tsx';
import { SubJourneyField } from './experience/SubJourneyField.tsx';

/** Everything about one step that does not fit on its post-it: the side panel. */
export function StepPanel({ journey, step }: { journey: JourneyDocument; step: StepRecord }) {
  const { t } = useTranslation();
  const edit = useJourneyEdit();
  const selectStep = useEditorStore((s) => s.selectStep);
  const update = (patch: Partial<StepRecord>) => edit((doc, origin) => updateRecord(doc, step.id, patch, origin));
  const updateTouchpoint = (id: string, patch: Partial<Touchpoint>) =>
    update({ touchpoints: step.touchpoints.map((tp) => (tp.id === id ? { ...tp, ...patch } : tp)) });
  const number = journey.steps.indexOf(step) + 1;

  return (
    <section className="step-panel" aria-labelledby="step-panel-title" data-testid="step-panel" data-step-id={step.id}>
      <div className="panel__head">
        <h2 id="step-panel-title">
          {t('step.details')} · {number}
        </h2>
        <button type="button" onClick={() => selectStep(null)}>
          {t('step.close')}
        </button>
      </div>
      <div className="form">
        <label>
          {t('step.title')}
          <input value={step.title} maxLength={MAX_TITLE_LENGTH} onChange={(e) => update({ title: e.target.value })} name="step-title" />
        </label>
        <label>
          {t('step.description')}
          <textarea value={step.description} maxLength={MAX_TEXT_LENGTH} rows={3} onChange={(e) => update({ description: e.target.value })} />
        </label>

        <fieldset className="score-picker">
          <legend>{t('step.score')}</legend>
          {SCORES.map((score) => (
            <label key={score} className="score-picker__option" style={{ borderColor: scoreColor(score) }}>
              <input type="radio" name={`score-${step.id}`} checked={step.score === score} onChange={() => update({ score })} />
              <span className="score-picker__swatch" style={{ background: scoreColor(score) }} aria-hidden="true" />
              {score > 0 ? `+${score}` : score} {t(`scores.${score}`)}
            </label>
          ))}
          <button type="button" onClick={() => update({ score: null })} disabled={step.score === null}>
            {t('step.clearScore')}
          </button>
        </fieldset>

        <TargetScoreFieldset step={step} onChange={(targetScore) => update({ targetScore })} />

        <label>
          {t('step.phase')}
          <select
            value={step.phaseId}
            onChange={(e) => edit((doc, origin) => moveStep(doc, step.id as StepId, { phaseId: e.target.value as PhaseId, position: Number.MAX_SAFE_INTEGER }, origin))}
          >
            {journey.phases.map((phase) => (
              <option key={phase.id} value={phase.id}>
                {phase.name || t('phase.unnamed')}
              </option>
            ))}
          </select>
        </label>
        <SubJourneyField step={step} />
        <label className="checkbox">
          <input type="checkbox" checked={step.beforeFirstContact} onChange={(e) => update({ beforeFirstContact: e.target.checked })} />
          {t('step.beforeFirstContact')}
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={step.momentOfTruth} onChange={(e) => update({ momentOfTruth: e.target.checked })} />
          {t('step.momentOfTruth')}
        </label>

        <fieldset>
          <legend>{t('step.wait')}</legend>
          <label className="checkbox">
            <input type="checkbox" checked={step.wait !== null} onChange={(e) => update({ wait: e.target.checked ? { moment: 'before', minutes: 15 } : null })} />
            {t('step.hasWait')}
          </label>
          {step.wait && (
            <div className="row">
              <label>
                {t('step.waitMoment')}
                <select value={step.wait.moment} onChange={(e) => update({ wait: { ...step.wait!, moment: e.target.value as (typeof WAIT_MOMENTS)[number] } })}>
                  {WAIT_MOMENTS.map((moment) => (
                    <option key={moment} value={moment}>
                      {t(`step.waitMoments.${moment}`)}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                {t('step.waitMinutes')}
                <input
                  type="number"
                  min={0}
                  max={525600}
                  value={step.wait.minutes}
                  onChange={(e) => {
                    const minutes = Number(e.target.value);
                    if (e.target.value !== '' && Number.isFinite(minutes) && minutes >= 0) update({ wait: { ...step.wait!, minutes } });
                  }}
                />
              </label>
            </div>
          )}
        </fieldset>

        <label>
          {t('step.serviceConcept')}
          <select value={step.serviceConcept ?? 'none'} onChange={(e) => update({ serviceConcept: e.target.value === 'none' ? null : (e.target.value as 'differentiator' | 'sacrifice') })}>
            {(['none', 'differentiator', 'sacrifice'] as const).map((role) => (
              <option key={role} value={role}>
                {t(`step.serviceConceptRoles.${role}`)}
              </option>
            ))}
          </select>
        </label>

        <fieldset>
          <legend>{t('step.touchpoints')}</legend>
          {step.touchpoints.map((tp, i) => (
            <div key={tp.id} className="subform" data-testid="touchpoint">
              <div className="row">
                <label>
                  {t('step.channel')}
                  <select value={tp.channel} onChange={(e) => updateTouchpoint(tp.id, { channel: e.target.value as Touchpoint['channel'] })}>
                    {CHANNELS.map((channel) => (
                      <option key={channel} value={channel}>
                        {t(`channels.${channel}`)}
                      </option>
                    ))}
                  </select>
                </label>
                {tp.channel === 'custom' && (
                  <label>
                    {t('step.customChannel')}
                    <input value={tp.customChannel} maxLength={MAX_TITLE_LENGTH} onChange={(e) => updateTouchpoint(tp.id, { customChannel: e.target.value })} />
                  </label>
                )}
              </div>
              <label>
                {t('step.touchpointName')}
                <input value={tp.name} maxLength={MAX_TITLE_LENGTH} onChange={(e) => updateTouchpoint(tp.id, { name: e.target.value })} />
              </label>
              <div className="row">
                <label>
                  {t('step.department')}
                  <input value={tp.department} maxLength={MAX_TITLE_LENGTH} onChange={(e) => updateTouchpoint(tp.id, { department: e.target.value })} />
                </label>
                <label>
                  {t('step.importance')}
                  <select value={tp.importance ?? ''} onChange={(e) => updateTouchpoint(tp.id, { importance: e.target.value === '' ? null : Number(e.target.value) })}>
                    <option value="">{t('step.importanceNone')}</option>
                    {[1, 2, 3, 4, 5].map((n) => (
                      <option key={n} value={n}>
                        {n}
                      </option>
                    ))}
                  </select>
                </label>
              </div>
              <button type="button" className="link danger" onClick={() => update({ touchpoints: step.touchpoints.filter((x) => x.id !== tp.id) })} aria-label={`${t('step.remove')}: ${t('step.touchpointName')} ${i + 1}`}>
                {t('step.remove')}
              </button>
            </div>
          ))}
          <button type="button" onClick={() => update({ touchpoints: [...step.touchpoints, createTouchpoint()] })}>
            + {t('step.addTouchpoint')}
          </button>
        </fieldset>

        <KanoElementsFieldset step={step} onChange={(kano) => update({ kano })} />

        <StepActions journey={journey} step={step} title={step.title.trim() || `${t('step.untitled')} ${number}`} />

        <button
          type="button"
          className="danger"
          onClick={() => {
            if (confirm(t('step.confirmDelete', { title: step.title || t('step.untitled') }))) {
              selectStep(null);
              edit((doc, origin) => deleteStep(doc, step.id as StepId, origin));
            }
          }}
        >
          {t('step.delete')}
        </button>
      </div>
    </section>
  );
}
