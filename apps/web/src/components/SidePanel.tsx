import { useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Evaluation } from '@klantreis/evaluation';
import type { JourneyDocument } from '@klantreis/schema';
import { useEditorStore, type SideTab } from '../stores/editorStore.ts';
import { ActionsList } from './actions/ActionsList.tsx';
import { EvaluationPanel } from './evaluation/EvaluationPanel.tsx';
import { StepPanel } from './StepPanel.tsx';
import { CommentsPanel } from './comments/CommentsPanel.tsx';
import { CommentsOverview } from './comments/CommentsOverview.tsx';
import { VersionsPanel } from './versions/VersionsPanel.tsx';
import { WorkshopPanel } from './workshop/WorkshopPanel.tsx';

const TABS: readonly SideTab[] = ['evaluation', 'step', 'actions', 'comments', 'workshop', 'versions'];

/**
 * The right side of the editor: the evaluation, the selected step's details and the
 * improvement actions, one at a time in tabs, so the map keeps its width.
 */
export function SidePanel({ journeyId, journey, evaluation }: { journeyId: string; journey: JourneyDocument; evaluation: Evaluation }) {
  const { t } = useTranslation();
  const tab = useEditorStore((s) => s.sideTab);
  const setSideTab = useEditorStore((s) => s.setSideTab);
  const setPanelOpen = useEditorStore((s) => s.setPanelOpen);
  const selectedStepId = useEditorStore((s) => s.selectedStepId);
  const tabRefs = useRef(new Map<SideTab, HTMLButtonElement>());
  const selectedStep = journey.steps.find((s) => s.id === selectedStepId);
  const critical = evaluation.findings.filter((f) => f.severity === 'critical').length;
  const openThreads = journey.comments.filter((c) => c.parentId === null && !c.resolved && c.stepId === selectedStepId).length;

  // The WAI-ARIA tabs pattern: arrow keys move between the tabs, Home and End jump.
  function onTabKey(event: KeyboardEvent<HTMLButtonElement>) {
    const at = TABS.indexOf(tab);
    const next = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: TABS.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const target = TABS[(next + TABS.length) % TABS.length]!;
    setSideTab(target);
    tabRefs.current.get(target)?.focus();
  }

  return (
    <aside className="side-panel" aria-label={t('panel.label')} data-testid="side-panel">
      <div className="side-panel__bar">
        <div role="tablist" className="tabs" aria-label={t('panel.label')}>
          {TABS.map((id) => (
            <button
              key={id}
              ref={(el) => {
                if (el) tabRefs.current.set(id, el);
              }}
              type="button"
              role="tab"
              id={`side-tab-${id}`}
              aria-selected={tab === id}
              aria-controls={`side-panel-${id}`}
              tabIndex={tab === id ? 0 : -1}
              className="tabs__tab"
              onClick={() => setSideTab(id)}
              onKeyDown={onTabKey}
              data-testid={`tab-${id}`}
            >
              {t(`panel.${id}`)}
              {id === 'evaluation' && critical > 0 && <span className="tabs__count tabs__count--critical">{critical}</span>}
              {id === 'actions' && journey.actions.length > 0 && <span className="tabs__count">{journey.actions.length}</span>}
              {id === 'comments' && openThreads > 0 && <span className="tabs__count">{openThreads}</span>}
              {id === 'workshop' && journey.captures.length > 0 && <span className="tabs__count">{journey.captures.length}</span>}
            </button>
          ))}
        </div>
        <button type="button" className="icon" onClick={() => setPanelOpen(false)} aria-label={t('panel.hide')} title={t('panel.hide')}>
          ⟩
        </button>
      </div>
      <div role="tabpanel" id={`side-panel-${tab}`} aria-labelledby={`side-tab-${tab}`} className="side-panel__body">
        {tab === 'evaluation' && <EvaluationPanel journey={journey} evaluation={evaluation} />}
        {tab === 'step' && (selectedStep ? <StepPanel journey={journey} step={selectedStep} /> : <p className="hint">{t('panel.noStep')}</p>)}
        {tab === 'actions' && <ActionsList journey={journey} />}
        {tab === 'versions' && <VersionsPanel journeyId={journeyId} />}
        {tab === 'comments' && (selectedStep ? <CommentsPanel key={selectedStep.id} journey={journey} step={selectedStep} /> : <CommentsOverview journey={journey} />)}
        {tab === 'workshop' && <WorkshopPanel journey={journey} />}
      </div>
    </aside>
  );
}
