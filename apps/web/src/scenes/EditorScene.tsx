import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_TITLE_LENGTH, SCORES, type JourneyDocument } from '@klantreis/schema';
import { updateJourney } from '@klantreis/sync';
import { JourneyMap } from '../canvas/JourneyMap.tsx';
import { BigScreenButton, MapToolbar } from '../canvas/MapToolbar.tsx';
import { DOCKED_PANEL_MIN_WIDTH } from '../canvas/mapZoom.ts';
import { ConnectionStatus } from '../components/ConnectionStatus.tsx';
import { ExportDialog } from '../components/ExportDialog.tsx';
import { ShareDialog } from '../components/ShareDialog.tsx';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { PersonaAvatar } from '../components/PersonaAvatar.tsx';
import { PersonaStrip } from '../components/PersonaStrip.tsx';
import { PersonaDialog } from '../components/PersonaDialog.tsx';
import { SaveRefusedBanner } from '../components/SaveRefusedBanner.tsx';
import { FollowBanner, ParticipantList } from '../components/presence/ParticipantList.tsx';
import { SidePanel } from '../components/SidePanel.tsx';
import { UndoButtons } from '../components/UndoButtons.tsx';
import { TopBarMenu } from '../components/TopBarMenu.tsx';
import { JourneyDetails } from '../components/portfolio/JourneyDetails.tsx';
import { AwarenessContext } from '../hooks/awareness.ts';
import { useCollaborativeJourney } from '../hooks/useCollaborativeJourney.ts';
import { useEvaluation } from '../hooks/useEvaluation.ts';
import { MeasurementContext, useMeasurement } from '../hooks/useMeasurement.ts';
import { JourneyDocContext, useJourneyEdit } from '../hooks/useJourneyEdit.ts';
import { usePresence } from '../hooks/usePresence.ts';
import { navigate } from '../routing/appHistory.ts';
import { useVersionsSync } from '../hooks/useVersionsSync.ts';
import { useEditorStore } from '../stores/editorStore.ts';
import { useMapViewStore } from '../stores/mapViewStore.ts';
import { AccountMenu } from '../components/AccountMenu.tsx';
import { Breadcrumbs } from '../components/experience/Breadcrumbs.tsx';
import { useFocusPhaseFromUrl } from '../components/experience/drillDown.ts';
import { ExperienceRollupContext, useExperienceRollupStream } from '../hooks/useExperienceRollup.ts';
import { JourneyAccessContext, JourneyAccessKnown, JourneyPeopleContext, useCan, useJourneyAccess, useJourneyPeople } from '../hooks/useJourneyAccess.ts';

function BackLink() {
  const { t } = useTranslation();
  return (
    <a
      className="back"
      title={t('editor.back')}
      href="/"
      onClick={(e) => {
        e.preventDefault();
        navigate('/');
      }}
    >
      <span aria-hidden="true">←</span> <span className="topbar__label">{t('editor.back')}</span>
    </a>
  );
}

export function EditorScene({ journeyId }: { journeyId: string }) {
  const { t } = useTranslation();
  const { doc, awareness, journey, status, unsyncedChanges, ownEditsUnconfirmed, problem, saveProblem, reloadFromServer } = useCollaborativeJourney(journeyId);
  usePresence(awareness);
  useVersionsSync(journeyId, doc, awareness);
  const selectStep = useEditorStore((s) => s.selectStep);
  const access = useJourneyAccess(journeyId);
  const people = useJourneyPeople(journeyId);
  const [exportOpen, setExportOpen] = useState(false);
  const [shareOpen, setShareOpen] = useState(false);
  const mayShare = access?.can['journey.manage'] === true;

  const bigScreen = useMapViewStore((s) => s.bigScreen);

  useEffect(() => () => selectStep(null), [selectStep]);
  useEffect(() => {
    useMapViewStore.getState().openJourney(journeyId, window.innerWidth);
    // On a narrow screen the panel lies over the map, so it starts closed and the map keeps its width.
    if (window.innerWidth < DOCKED_PANEL_MIN_WIDTH) useEditorStore.getState().setPanelOpen(false);
    return () => useMapViewStore.getState().setBigScreen(false);
  }, [journeyId]);
  useEffect(() => {
    if (!bigScreen) return undefined;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      const target = event.target as HTMLElement | null;
      // Escape first ends typing in a cell or closes a dialog; the next one leaves big screen.
      if (target?.closest('input, textarea, select, dialog')) return;
      useMapViewStore.getState().setBigScreen(false);
      requestAnimationFrame(() => document.querySelector<HTMLElement>('[data-testid="big-screen"]')?.focus());
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [bigScreen]);
  useEffect(() => {
    if (journey) document.title = `${journey.journey.title} · Klantreis`;
  }, [journey?.journey.title]);

  if (problem) {
    return (
      <div className="page">
        <header className="topbar">
          <BackLink />
          <LanguageSwitch />
        </header>
        <main id="main" className="message">
          <p role="alert">{problem === 'not-found' ? t('editor.notFound') : t('editor.outdated')}</p>
          {problem === 'outdated' && (
            <button type="button" onClick={() => location.reload()}>
              {t('editor.reload')}
            </button>
          )}
        </main>
      </div>
    );
  }

  return (
    <JourneyAccessKnown.Provider value={true}>
    <JourneyAccessContext.Provider value={access}>
    <JourneyPeopleContext.Provider value={people}>
    <JourneyDocContext.Provider value={doc}>
      <AwarenessContext.Provider value={awareness}>
      <div className={bigScreen ? 'page page--editor page--big-screen' : 'page page--editor'}>
        {/* One row at every width: the title gives way first (ellipsis, whole title on hover),
            the rarer commands sit under "More", the timer and approval in the map's own bar. */}
        <header className="topbar" data-testid="topbar">
          <BackLink />
          <Breadcrumbs journeyId={journeyId} title={journey?.journey.title} />
          {journey && <JourneyTitle title={journey.journey.title} />}
          <ConnectionStatus status={status} unsyncedChanges={unsyncedChanges} ownEditsUnconfirmed={ownEditsUnconfirmed} saveProblem={saveProblem} />
          <UndoButtons doc={doc} />
          <div className="topbar__spacer" />
          <ParticipantList />
          {journey && (
            <>
              <button type="button" className="personas-button" onClick={() => useEditorStore.getState().setPersonasOpen(true)} title={t('editor.personas')}>
                <span className="avatars">
                  {journey.personas
                    .filter((p) => journey.journey.personaIds.includes(p.id))
                    .map((p) => (
                      <PersonaAvatar key={p.id} persona={p} size={26} />
                    ))}
                </span>
                <span className="topbar__label">{t('editor.personas')}</span>
              </button>
              <a
                className="button"
                href={`/journeys/${encodeURIComponent(journeyId)}/present`}
                onClick={(e) => {
                  e.preventDefault();
                  navigate(`/journeys/${encodeURIComponent(journeyId)}/present`);
                }}
              >
                {t('present.open')}
              </a>
              {mayShare && (
                <>
                  <button type="button" onClick={() => setShareOpen(true)} data-testid="open-share">
                    {t('share.open')}
                  </button>
                  <ShareDialog journeyId={journeyId} open={shareOpen} onClose={() => setShareOpen(false)} />
                </>
              )}
              <BigScreenButton />
              <TopBarMenu>
                <a
                  className="button"
                  href={`/journeys/${encodeURIComponent(journeyId)}/dashboard`}
                  onClick={(e) => {
                    e.preventDefault();
                    navigate(`/journeys/${encodeURIComponent(journeyId)}/dashboard`);
                  }}
                  data-testid="open-dashboard"
                >
                  {t('measurement.openDashboard')}
                </a>
                <button type="button" onClick={() => setExportOpen(true)} data-testid="open-export">
                  {t('export.open')}
                </button>
                <JourneyDetails journey={journey.journey} />
                <JourneyScore score={journey.journey.journeyScore} />
              </TopBarMenu>
              {/* Outside the menu: a dialog inside a closed <details> would not be drawn. */}
              <ExportDialog journeyId={journeyId} journeyLocale={journey.journey.locale} open={exportOpen} onClose={() => setExportOpen(false)} />
            </>
          )}
          <AccountMenu />
          <LanguageSwitch />
        </header>
        {access && (access.role === 'viewer' || access.role === 'commenter') && (
          <p className="read-only-banner" role="status" data-testid="read-only">
            {t(`access.readOnly.${access.role}`)}
          </p>
        )}
        {saveProblem === 'refused' && <SaveRefusedBanner onReload={reloadFromServer} />}
        <RejectedEdit />
        <FollowBanner />
        {/* Inert once saving has stopped: an edit now would be lost with the reload. */}
        <main id="main" className="editor" inert={saveProblem === 'refused'}>
          <h1 className="visually-hidden">{journey?.journey.title ?? t('editor.loading')}</h1>
          {journey ? <EvaluatedEditor journeyId={journeyId} journey={journey} /> : <p className="message">{t('editor.loading')}</p>}
        </main>
        {journey && <PersonaDialog journey={journey} />}
      </div>
      </AwarenessContext.Provider>
    </JourneyDocContext.Provider>
    </JourneyPeopleContext.Provider>
    </JourneyAccessContext.Provider>
    </JourneyAccessKnown.Provider>
  );
}

/** The map and the side panel, sharing one evaluation of the journey as it is now. */
function EvaluatedEditor({ journeyId, journey }: { journeyId: string; journey: JourneyDocument }) {
  const evaluation = useEvaluation(journey);
  // The measured curve and figures on the map come from the imported data, when there is any.
  const { measurement } = useMeasurement(journeyId, journey, 'month');
  const panelOpen = useEditorStore((s) => s.panelOpen);
  const bigScreen = useMapViewStore((s) => s.bigScreen);
  const scrollRef = useRef<HTMLDivElement>(null);
  const { peakStepId, troughStepId, endStepId } = evaluation.peakEnd;
  const showPanel = panelOpen && !bigScreen;
  // An experience map rolls up the journeys its stages link, live; a drill-down opens at a phase.
  const experience = useExperienceRollupStream(journeyId, journey.journey.kind === 'experience');
  useFocusPhaseFromUrl(journeyId);
  return (
    <>
      <MapToolbar scrollRef={scrollRef} />
      <PersonaStrip journey={journey} />
      <div className={showPanel ? 'editor__body editor__body--panel-open' : 'editor__body'}>
        <MeasurementContext.Provider value={measurement}>
          <ExperienceRollupContext.Provider value={experience}>
            <JourneyMap journey={journey} peakEndSteps={{ peakStepId, troughStepId, endStepId }} scrollRef={scrollRef} />
          </ExperienceRollupContext.Provider>
        </MeasurementContext.Provider>
        {showPanel && <SidePanel journeyId={journeyId} journey={journey} evaluation={evaluation} />}
      </div>
    </>
  );
}

function JourneyTitle({ title }: { title: string }) {
  const { t } = useTranslation();
  const edit = useJourneyEdit();
  const canEdit = useCan('journey.edit');
  return (
    <input
      className="journey-title"
      readOnly={!canEdit}
      value={title}
      title={title}
      aria-label={t('editor.titleLabel')}
      maxLength={MAX_TITLE_LENGTH}
      onChange={(e) => edit((doc, origin) => updateJourney(doc, { title: e.target.value }, origin))}
    />
  );
}

function JourneyScore({ score }: { score: number | null }) {
  const { t } = useTranslation();
  const edit = useJourneyEdit();
  const canEdit = useCan('journey.edit');
  return (
    <label className="journey-score">
      {t('editor.journeyScore')}
      <select
        disabled={!canEdit}
        value={score ?? ''}
        onChange={(e) => edit((doc, origin) => updateJourney(doc, { journeyScore: e.target.value === '' ? null : Number(e.target.value) }, origin))}
      >
        <option value="">–</option>
        {SCORES.map((s) => (
          <option key={s} value={s}>
            {s > 0 ? `+${s}` : s} {t(`scores.${s}`)}
          </option>
        ))}
      </select>
    </label>
  );
}

function RejectedEdit() {
  const { t } = useTranslation();
  const rejected = useEditorStore((s) => s.rejectedEdit);
  if (!rejected) return null;
  return (
    <p role="alert" className="error banner">
      {t('errors.rejected', { error: rejected })}
    </p>
  );
}
