import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_TITLE_LENGTH, SCORES } from '@klantreis/schema';
import { updateJourney } from '@klantreis/sync';
import { journeysApi } from '../api/journeysApi.ts';
import { JourneyMap } from '../canvas/JourneyMap.tsx';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { PersonaAvatar } from '../components/PersonaAvatar.tsx';
import { PersonaDialog } from '../components/PersonaDialog.tsx';
import { StepPanel } from '../components/StepPanel.tsx';
import { useCollaborativeJourney } from '../hooks/useCollaborativeJourney.ts';
import { JourneyDocContext, useJourneyEdit } from '../hooks/useJourneyEdit.ts';
import { navigate } from '../hooks/useRoute.ts';
import { useEditorStore } from '../stores/editorStore.ts';

function BackLink() {
  const { t } = useTranslation();
  return (
    <a
      className="back"
      href="/"
      onClick={(e) => {
        e.preventDefault();
        navigate('/');
      }}
    >
      ← {t('editor.back')}
    </a>
  );
}

export function EditorScene({ journeyId }: { journeyId: string }) {
  const { t } = useTranslation();
  const { doc, journey, status, problem } = useCollaborativeJourney(journeyId);
  const selectedStepId = useEditorStore((s) => s.selectedStepId);
  const selectStep = useEditorStore((s) => s.selectStep);

  useEffect(() => () => selectStep(null), [selectStep]);
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

  const selectedStep = journey?.steps.find((s) => s.id === selectedStepId);
  return (
    <JourneyDocContext.Provider value={doc}>
      <div className="page page--editor">
        <header className="topbar">
          <BackLink />
          {journey && <JourneyTitle title={journey.journey.title} />}
          <span className={`status status--${status}`} role="status" data-testid="connection-status" data-status={status}>
            {t(`editor.status.${status}`)}
          </span>
          <div className="topbar__spacer" />
          {journey && (
            <>
              <button type="button" className="personas-button" onClick={() => useEditorStore.getState().setPersonasOpen(true)}>
                <span className="avatars">
                  {journey.personas
                    .filter((p) => journey.journey.personaIds.includes(p.id))
                    .map((p) => (
                      <PersonaAvatar key={p.id} persona={p} size={26} />
                    ))}
                </span>
                {t('editor.personas')}
              </button>
              <JourneyScore score={journey.journey.journeyScore} />
              <a className="button" href={journeysApi.exportUrl(journeyId)} download>
                {t('editor.exportJson')}
              </a>
            </>
          )}
          <LanguageSwitch />
        </header>
        <RejectedEdit />
        <main id="main" className="editor">
          <h1 className="visually-hidden">{journey?.journey.title ?? t('editor.loading')}</h1>
          {journey ? <JourneyMap journey={journey} /> : <p className="message">{t('editor.loading')}</p>}
          {journey && selectedStep && <StepPanel journey={journey} step={selectedStep} />}
        </main>
        {journey && <PersonaDialog journey={journey} />}
      </div>
    </JourneyDocContext.Provider>
  );
}

function JourneyTitle({ title }: { title: string }) {
  const { t } = useTranslation();
  const edit = useJourneyEdit();
  return (
    <input
      className="journey-title"
      value={title}
      aria-label={t('editor.titleLabel')}
      maxLength={MAX_TITLE_LENGTH}
      onChange={(e) => edit((doc, origin) => updateJourney(doc, { title: e.target.value }, origin))}
    />
  );
}

function JourneyScore({ score }: { score: number | null }) {
  const { t } = useTranslation();
  const edit = useJourneyEdit();
  return (
    <label className="journey-score">
      {t('editor.journeyScore')}
      <select
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
