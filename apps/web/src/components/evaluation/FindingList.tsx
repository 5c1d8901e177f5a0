import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SEVERITIES, type Finding, type Severity } from '@klantreis/evaluation';
import type { JourneyDocument } from '@klantreis/schema';
import { useEditorStore } from '../../stores/editorStore.ts';
import { useCreateAction } from '../actions/useCreateAction.ts';
import { stepNames } from './stepNames.ts';

/** The map scrolls a step into view when a finding points at it, as a finger would on the wall. */
function scrollToStep(stepId: string | undefined) {
  if (stepId) document.querySelector(`[data-testid="step-head"][data-step-id="${stepId}"]`)?.scrollIntoView({ block: 'nearest', inline: 'center', behavior: 'smooth' });
}

/**
 * Every finding, most urgent first: its severity, the rule, the sentence that says why, and its
 * steps. Clicking a finding selects its first step and highlights all of them on the map.
 */
export function FindingList({ journey, findings }: { journey: JourneyDocument; findings: Finding[] }) {
  const { t } = useTranslation();
  const showSteps = useEditorStore((s) => s.showSteps);
  const highlighted = useEditorStore((s) => s.highlightedStepIds);
  const createAction = useCreateAction();
  const [hidden, setHidden] = useState<ReadonlySet<Severity>>(new Set());
  const names = stepNames(journey.steps, t('step.untitled'));
  const counts = SEVERITIES.map((severity) => ({ severity, count: findings.filter((f) => f.severity === severity).length })).filter((c) => c.count > 0);
  const shown = findings.filter((f) => !hidden.has(f.severity));

  function toggle(severity: Severity) {
    const next = new Set(hidden);
    if (next.has(severity)) next.delete(severity);
    else next.add(severity);
    setHidden(next);
  }

  return (
    <section className="eval-section" aria-labelledby="eval-findings">
      <h3 id="eval-findings">
        {t('evaluation.findings')} <span className="count">({findings.length})</span>
      </h3>
      {findings.length === 0 && <p className="hint">{t('evaluation.noFindings')}</p>}
      {counts.length > 1 && (
        <div className="severity-filter" role="group" aria-label={t('evaluation.filter')}>
          {counts.map(({ severity, count }) => (
            <button key={severity} type="button" className={`severity-toggle severity--${severity}`} aria-pressed={!hidden.has(severity)} onClick={() => toggle(severity)}>
              {t(`evaluation.severity.${severity}`)} {count}
            </button>
          ))}
        </div>
      )}
      {shown.length > 0 && (
        <ol className="findings" data-testid="findings">
          {shown.map((finding, i) => {
            const active = finding.stepIds.length > 0 && finding.stepIds.length === highlighted.length && finding.stepIds.every((id) => highlighted.includes(id));
            const actionCount = journey.actions.filter((a) => a.sourceRule === finding.rule && a.stepIds.some((id) => finding.stepIds.includes(id))).length;
            const steps = finding.stepIds.map((id) => names.get(id) ?? id);
            return (
              <li key={`${finding.rule}-${finding.stepIds.join()}-${i}`} className={`finding finding--${finding.severity}`} data-testid="finding" data-rule={finding.rule} data-severity={finding.severity}>
                <button
                  type="button"
                  className="finding__main"
                  aria-pressed={active}
                  onClick={() => {
                    showSteps(finding.stepIds);
                    scrollToStep(finding.stepIds[0]);
                  }}
                >
                  <span className="finding__head">
                    <span className={`severity severity--${finding.severity}`}>{t(`evaluation.severity.${finding.severity}`)}</span>
                    <span className="finding__rule">{t(`rules.${finding.rule}`)}</span>
                  </span>
                  <span className="finding__message">{finding.message}</span>
                </button>
                <div className="finding__foot">
                  <ul className="chips" aria-label={t('actions.steps')}>
                    {finding.stepIds.map((stepId, j) => (
                      <li key={stepId}>
                        <button
                          type="button"
                          className="step-chip"
                          onClick={() => {
                            showSteps([stepId]);
                            scrollToStep(stepId);
                          }}
                        >
                          {steps[j]}
                        </button>
                      </li>
                    ))}
                  </ul>
                  <div className="finding__tools">
                    {actionCount > 0 && (
                      <button type="button" className="link" onClick={() => useEditorStore.getState().setSideTab('actions')}>
                        {t('evaluation.actionCount', { count: actionCount })}
                      </button>
                    )}
                    <button
                      type="button"
                      className="small"
                      onClick={() =>
                        createAction({
                          title: steps.length > 0 ? `${t(`rules.${finding.rule}`)}: ${steps.slice(0, 2).join(', ')}` : t(`rules.${finding.rule}`),
                          stepIds: finding.stepIds,
                          sourceRule: finding.rule,
                        })
                      }
                    >
                      + {t('evaluation.createAction')}
                    </button>
                  </div>
                </div>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
