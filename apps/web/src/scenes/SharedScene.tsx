import { useEffect, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { journeyView, layoutMap, type MeasuredStep } from '@klantreis/render/layout';
import { ApiError } from '../api/journeysApi.ts';
import { sharingApi, type SharedJourney } from '../api/sharingApi.ts';
import { AccessPage } from '../components/AccessPage.tsx';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { canvasMeasure, exportFontReady, LayoutSvg } from '../present/LayoutSvg.tsx';
import { PresentationView } from '../present/PresentationView.tsx';

type State = { kind: 'opening' } | { kind: 'password'; error: string | null } | { kind: 'gone' } | { kind: 'revoked' } | { kind: 'open' };

/** The journey a link shows, read once it is open and again on each change its event stream tells. */
function sharedQuery(token: string) {
  return queryOptions({ queryKey: ['shared', token], queryFn: () => sharingApi.journey(), staleTime: Infinity });
}

/**
 * What someone who got a share link sees, without an account: the live map drawn from the
 * same layout as the exports, with only what the link shows; presentation mode and follow-me.
 */
export function SharedScene({ token, present, follow }: { token: string; present: boolean; follow: boolean }) {
  const { t } = useTranslation();
  const [state, setState] = useState<State>({ kind: 'opening' });
  const [presenting, setPresenting] = useState(present || follow);
  const client = useQueryClient();
  const read = useQuery({ ...sharedQuery(token), enabled: state.kind === 'open' });

  async function openLink(password: string | null) {
    try {
      await sharingApi.open(token, password);
      await Promise.all([exportFontReady(), client.fetchQuery({ ...sharedQuery(token), staleTime: 0 })]);
      setState({ kind: 'open' });
    } catch (error) {
      const status = error instanceof ApiError ? error.status : 0;
      if (status === 401) setState({ kind: 'password', error: password === null ? null : t('shared.wrongPassword') });
      else if (status === 429) setState({ kind: 'password', error: t('shared.tooMany') });
      else setState({ kind: 'gone' });
    }
  }

  useEffect(() => {
    void openLink(null);
  }, [token]);

  // Live: each change refetches the journey; a revocation ends the view.
  const isOpen = state.kind === 'open';
  useEffect(() => {
    if (!isOpen) return;
    const events = new EventSource('/api/shared/events');
    // A failed read of a change means the link no longer opens (shown as revoked below).
    events.addEventListener('change', () => void client.invalidateQueries({ queryKey: sharedQuery(token).queryKey }));
    events.addEventListener('revoked', () => {
      events.close();
      setState({ kind: 'revoked' });
    });
    return () => events.close();
  }, [isOpen, client, token]);

  if (state.kind === 'opening') return <p className="message">{t('shared.loading')}</p>;
  const revoked = state.kind === 'revoked' || (state.kind === 'open' && read.isError);
  if (state.kind === 'gone' || revoked) {
    return (
      <main id="main" className="message" role="alert">
        {t(state.kind === 'gone' ? 'shared.gone' : 'shared.revokedNow')}
      </main>
    );
  }
  if (state.kind === 'password') return <PasswordForm error={state.error} onSubmit={(password) => void openLink(password)} />;
  const shared = read.data;
  if (!shared) return <p className="message">{t('shared.loading')}</p>;
  if (presenting) {
    return (
      <PresentationView
        doc={shared.document}
        measured={measuredMap(shared)}
        showEvaluation={shared.shows.evaluation}
        follow={follow}
        channel={{ move: (stepIndex) => sharingApi.movePresentation(stepIndex), eventsUrl: '/api/shared/presentation/events' }}
        onExit={() => setPresenting(false)}
      />
    );
  }
  return <SharedMap shared={shared} onPresent={() => setPresenting(true)} />;
}

function measuredMap(shared: SharedJourney): Map<string, MeasuredStep> {
  return new Map(shared.measured.map((m) => [m.stepId, { score: m.score, events: m.events ?? null }]));
}

function SharedMap({ shared, onPresent }: { shared: SharedJourney; onPresent: () => void }) {
  const { t } = useTranslation();
  const view = useMemo(() => journeyView(shared.document, { measured: measuredMap(shared), evaluation: shared.shows.evaluation }), [shared]);
  const layout = useMemo(() => layoutMap(view, canvasMeasure(), { date: null }), [view]);
  useEffect(() => {
    document.title = `${shared.document.journey.title} · Klantreis`;
  }, [shared.document.journey.title]);
  return (
    <div className="page shared">
      <header className="topbar">
        <div className="brand">
          <span className="brand__name">Klantreis</span>
          <span className="brand__tagline">{t('shared.readOnly')}</span>
        </div>
        <div className="topbar__spacer" />
        <button type="button" className="primary" onClick={onPresent} data-testid="shared-present">
          {t('shared.present')}
        </button>
        <a className="button" href="/api/shared/export?format=pdf&paper=A3&orientation=landscape" download>
          {t('shared.downloadPdf')}
        </a>
        <a className="button" href="/api/shared/export?format=png&scale=2" download>
          {t('shared.downloadPng')}
        </a>
        <LanguageSwitch />
      </header>
      <main id="main" className="shared__main">
        <h1 className="visually-hidden">{shared.document.journey.title}</h1>
        <div className="shared__map" data-testid="shared-map" tabIndex={0} role="region" aria-label={shared.document.journey.title}>
          <LayoutSvg layout={layout} label={shared.document.journey.title} natural />
        </div>
        {shared.shows.evaluation && view.evaluation.findings.length > 0 && (
          <section className="shared__section">
            <h2>{t('shared.findings')}</h2>
            <ul>
              {view.evaluation.findings.map((finding, i) => (
                <li key={i}>
                  <strong>{view.labels.severities[finding.severity]}</strong> {finding.message}
                </li>
              ))}
            </ul>
          </section>
        )}
        {shared.shows.comments && shared.document.comments.length > 0 && (
          <section className="shared__section">
            <h2>{t('shared.comments')}</h2>
            <ul>
              {shared.document.comments.map((comment) => (
                <li key={comment.id}>
                  <strong>{comment.author}</strong>: {comment.text}
                </li>
              ))}
            </ul>
          </section>
        )}
      </main>
    </div>
  );
}

function PasswordForm({ error, onSubmit }: { error: string | null; onSubmit: (password: string) => void }) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(password);
  };
  return (
    <AccessPage title={t('shared.passwordTitle')} signedIn={false}>
      <form className="access-form" onSubmit={submit}>
        <label>
          {t('shared.passwordLabel')}
          <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="off" required autoFocus />
        </label>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <button type="submit" className="primary">
          {t('shared.openButton')}
        </button>
      </form>
    </AccessPage>
  );
}
