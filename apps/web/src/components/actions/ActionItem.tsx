import { memo, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ACTION_STATUSES, MAX_TEXT_LENGTH, MAX_TITLE_LENGTH, type ActionId, type ActionRecord, type ActionStatus, type StepId } from '@klantreis/schema';
import { deleteAction, updateAction } from '@klantreis/sync';
import { useJourneyEdit } from '../../hooks/useJourneyEdit.ts';
import { useEditorStore } from '../../stores/editorStore.ts';
import { ActionRatings } from '../portfolio/ActionRatings.tsx';

/** One improvement action, edited in place: what, who, when, how far, and which steps. */
export const ActionItem = memo(function ActionItem({ action, names }: { action: ActionRecord; names: Map<string, string> }) {
  const { t } = useTranslation();
  const edit = useJourneyEdit();
  const showSteps = useEditorStore((s) => s.showSteps);
  const focus = useEditorStore((s) => s.focusActionId === action.id);
  const titleRef = useRef<HTMLInputElement>(null);
  const update = (patch: Partial<ActionRecord>) => edit((doc, origin) => updateAction(doc, action.id as ActionId, patch, origin));
  const title = action.title.trim() || t('actions.untitled');
  const linkable = [...names].filter(([id]) => !action.stepIds.includes(id as StepId));

  useEffect(() => {
    if (!focus || !titleRef.current) return;
    titleRef.current.focus();
    titleRef.current.select();
    titleRef.current.scrollIntoView({ block: 'nearest' });
    useEditorStore.getState().setFocusActionId(null);
  }, [focus]);

  return (
    <li className={`action action--${action.status}`} data-testid="action" data-action-id={action.id}>
      <div className="form">
        <label>
          {t('actions.titleLabel')}
          <input ref={titleRef} value={action.title} maxLength={MAX_TITLE_LENGTH} placeholder={t('actions.titlePlaceholder')} onChange={(e) => update({ title: e.target.value })} name="action-title" />
        </label>
        <div className="row">
          <label>
            {t('actions.status')}
            <select value={action.status} onChange={(e) => update({ status: e.target.value as ActionStatus })} name="action-status">
              {ACTION_STATUSES.map((status) => (
                <option key={status} value={status}>
                  {t(`actions.statuses.${status}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('actions.owner')}
            <input value={action.owner} maxLength={MAX_TITLE_LENGTH} onChange={(e) => update({ owner: e.target.value })} name="action-owner" />
          </label>
          <label>
            {t('actions.dueDate')}
            <input type="date" value={action.dueDate ?? ''} onChange={(e) => update({ dueDate: e.target.value === '' ? null : e.target.value })} name="action-due" />
          </label>
        </div>
        <ActionRatings action={action} onChange={update} />
        <fieldset className="action__steps">
          <legend>{t('actions.steps')}</legend>
          {action.stepIds.length === 0 ? (
            <p className="hint">{t('actions.noSteps')}</p>
          ) : (
            <ul className="chips">
              {action.stepIds.map((stepId) => (
                <li key={stepId} className="step-chip step-chip--removable">
                  <button type="button" className="link" onClick={() => showSteps([stepId])}>
                    {names.get(stepId) ?? stepId}
                  </button>
                  <button
                    type="button"
                    className="icon"
                    aria-label={t('actions.unlink', { title: names.get(stepId) ?? stepId })}
                    title={t('actions.unlink', { title: names.get(stepId) ?? stepId })}
                    onClick={() => update({ stepIds: action.stepIds.filter((id) => id !== stepId) })}
                  >
                    ×
                  </button>
                </li>
              ))}
            </ul>
          )}
          {linkable.length > 0 && (
            <label>
              <span className="visually-hidden">{t('actions.linkStep')}</span>
              <select value="" onChange={(e) => e.target.value && update({ stepIds: [...action.stepIds, e.target.value as StepId] })}>
                <option value="">{t('actions.linkStepNone')}</option>
                {linkable.map(([id, name]) => (
                  <option key={id} value={id}>
                    {name}
                  </option>
                ))}
              </select>
            </label>
          )}
        </fieldset>
        <label>
          {t('actions.description')}
          <textarea rows={2} value={action.description} maxLength={MAX_TEXT_LENGTH} onChange={(e) => update({ description: e.target.value })} />
        </label>
        <div className="action__foot">
          {action.sourceRule && <span className="hint">{t('actions.fromRule', { rule: t(`rules.${action.sourceRule}`, { defaultValue: action.sourceRule }) })}</span>}
          <button
            type="button"
            className="link danger"
            onClick={() => {
              if (confirm(t('actions.confirmDelete', { title }))) edit((doc, origin) => deleteAction(doc, action.id as ActionId, origin));
            }}
            aria-label={`${t('actions.delete')}: ${title}`}
          >
            {t('actions.delete')}
          </button>
        </div>
      </div>
    </li>
  );
});
