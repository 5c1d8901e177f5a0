import { useTranslation } from 'react-i18next';
import type { JourneyDocument, StepRecord } from '@klantreis/schema';
import { useEditorStore } from '../../stores/editorStore.ts';
import { useCreateAction } from '../actions/useCreateAction.ts';

/** The improvement actions that concern this step, and a button to start one. */
export function StepActions({ journey, step, title }: { journey: JourneyDocument; step: StepRecord; title: string }) {
  const { t } = useTranslation();
  const createAction = useCreateAction();
  const actions = journey.actions.filter((a) => a.stepIds.includes(step.id));
  return (
    <fieldset data-testid="step-actions">
      <legend>{t('step.actions')}</legend>
      {actions.length === 0 ? (
        <p className="hint">{t('step.noActions')}</p>
      ) : (
        <ul className="plain-list">
          {actions.map((action) => (
            <li key={action.id}>
              <button
                type="button"
                className="link"
                onClick={() => {
                  const store = useEditorStore.getState();
                  store.setFocusActionId(action.id);
                  store.setSideTab('actions');
                }}
              >
                {action.title.trim() || t('actions.untitled')}
              </button>{' '}
              <span className={`status-pill status-pill--${action.status}`}>{t(`actions.statuses.${action.status}`)}</span>
            </li>
          ))}
        </ul>
      )}
      <button type="button" onClick={() => createAction({ title: t('actions.forStep', { title }), stepIds: [step.id] })}>
        + {t('step.addAction')}
      </button>
    </fieldset>
  );
}
