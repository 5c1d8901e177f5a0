import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { useLocation } from '@tanstack/react-router';
import { accountsApi } from '../api/accountsApi.ts';
import { ApiError } from '../api/journeysApi.ts';
import { AccessPage } from '../components/AccessPage.tsx';
import { navigate } from '../routing/appHistory.ts';
import { queryClient } from '../queries/queryClient.ts';
import { invitationQuery, providersQuery, refreshMe, setupStatusQuery, useMe } from '../queries/session.ts';
import { useSessionEnd } from '../stores/sessionStore.ts';

function PasswordFields({ name }: { name: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      {name && (
        <label>
          {t('access.setup.name')}
          <input name="name" required maxLength={120} autoComplete="name" />
        </label>
      )}
      <label>
        {t('access.signIn.email')}
        <input name="email" type="email" required autoComplete={name ? 'email' : 'username'} />
      </label>
      <label>
        {t('access.signIn.password')}
        <input name="password" type="password" required minLength={name ? 10 : 1} autoComplete={name ? 'new-password' : 'current-password'} aria-describedby={name ? 'password-hint' : undefined} />
      </label>
      {name && (
        <p id="password-hint" className="hint">
          {t('access.setup.passwordHint')}
        </p>
      )}
    </>
  );
}

function fields(event: FormEvent<HTMLFormElement>): Record<string, string> {
  event.preventDefault();
  return Object.fromEntries([...new FormData(event.currentTarget).entries()].map(([k, v]) => [k, String(v)]));
}

/** Why single sign-on sent the browser back without a session, from the error it named. */
function ssoFailureMessage(t: TFunction, error: string): string {
  switch (error) {
    case '':
    case 'access_denied':
    case 'unable_to_create_user':
    case 'unable_to_create_session':
      return t('access.signIn.ssoFailed');
    case 'account_not_linked':
    case 'email_taken':
      return t('access.signIn.ssoNotLinked');
    case 'saml_refused':
      return t('access.signIn.ssoRefused');
    case 'saml_other_browser':
    case 'saml_code_unknown':
    case 'state_mismatch':
    case 'please_restart_the_process':
      return t('access.signIn.ssoStartAgain');
    default:
      return t('access.signIn.ssoOther', { error: /^[a-z_]{1,40}$/.test(error) ? error : '?' });
  }
}

/** Sign in with e-mail and password. */
export function SignInScene({ onSignedIn }: { onSignedIn?: () => void }) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const ownerNeeded = useQuery(setupStatusQuery).data?.ownerNeeded ?? false;
  const providers = useQuery(providersQuery).data;
  const sso = providers?.oidc ?? null;
  const saml = providers?.saml ?? null;
  const endedWhileOpen = useSessionEnd((s) => s.endedWhileOpen);
  // Back from the IdP without a session: better-auth sends ?error=… (and our ?sso=failed).
  const search = new URLSearchParams(useLocation({ select: (place) => place.searchStr }));
  const ssoFailed = search.has('error') || search.get('sso') === 'failed';
  const ssoError = search.get('error') ?? '';
  // A fixed word from the server (samlSignIn.ts's SamlRefusal), shown only when it is one.
  const ssoReason = /^[a-z_]{1,20}$/.test(search.get('reason') ?? '') ? search.get('reason') : null;
  async function startSso(providerId: string) {
    try {
      location.assign((await accountsApi.startSso(providerId)).url);
    } catch (e) {
      setError(t('access.signIn.failed', { error: (e as Error).message }));
    }
  }
  async function submit(event: FormEvent<HTMLFormElement>) {
    const { email = '', password = '' } = fields(event);
    try {
      await accountsApi.signIn(email, password);
      await refreshMe();
      onSignedIn?.();
    } catch (e) {
      setError(e instanceof ApiError && e.status === 429 ? t('access.signIn.tooMany') : t('access.signIn.failed', { error: (e as Error).message }));
    }
  }
  return (
    <AccessPage title={t('access.signIn.title')} signedIn={false}>
      {endedWhileOpen && <p role="status">{t('access.signedOut')}</p>}
      {ownerNeeded && <p role="status">{t('access.signIn.ownerNeeded')}</p>}
      {ssoFailed && (
        <div role="alert" className="error sso-failure">
          <p>{ssoFailureMessage(t, ssoError)}</p>
          {ssoReason && <p className="hint">{t('access.signIn.ssoDetail', { detail: ssoReason })}</p>}
        </div>
      )}
      {(sso || saml) && (
        <>
          {sso && (
            <button type="button" className="primary sso-button" onClick={() => void startSso(sso.providerId)}>
              {t('access.signIn.sso', { name: sso.name })}
            </button>
          )}
          {saml && (
            // A plain navigation: the server sends the browser on to the IdP.
            <button type="button" className="primary sso-button" onClick={() => location.assign(`${saml.startUrl}?callbackURL=/`)}>
              {t('access.signIn.sso', { name: saml.name })}
            </button>
          )}
          <p className="hint">{t('access.signIn.orPassword')}</p>
        </>
      )}
      <form className="access-form" onSubmit={(e) => void submit(e)}>
        <PasswordFields name={false} />
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        <button type="submit" className="primary">
          {t('access.signIn.submit')}
        </button>
      </form>
      {providers?.mail && <ForgotPassword />}
      <p className="hint">{t('access.signIn.noAccount')}</p>
    </AccessPage>
  );
}

/** When the server sends mail: a link to choose a new password, mailed to the account's address. */
function ForgotPassword() {
  const { t } = useTranslation();
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const email = String(new FormData(event.currentTarget).get('email') ?? '').trim();
    try {
      await accountsApi.requestPasswordReset(email);
      setSentTo(email);
      setError(null);
    } catch (e) {
      setError(t('errors.generic', { error: (e as Error).message }));
    }
  }
  return (
    <details className="forgot-password">
      <summary>{t('access.reset.forgot')}</summary>
      <form className="access-form" onSubmit={(e) => void submit(e)}>
        <p className="hint">{t('access.reset.forgotIntro')}</p>
        <label>
          {t('access.signIn.email')}
          <input type="email" name="email" required autoComplete="email" maxLength={254} />
        </label>
        {error && (
          <p role="alert" className="error">
            {error}
          </p>
        )}
        {sentTo && <p role="status">{t('access.reset.sent', { email: sentTo })}</p>}
        <button type="submit">{t('access.reset.send')}</button>
      </form>
    </details>
  );
}

/** The first start: the owner account, by the link the server printed. */
export function SetupScene({ token }: { token: string }) {
  const { t } = useTranslation();
  const status = useQuery(setupStatusQuery);
  const ownerNeeded = status.data?.ownerNeeded ?? null;
  const [submitError, setError] = useState<string | null>(null);
  const error = submitError ?? status.error?.message ?? null;
  async function submit(event: FormEvent<HTMLFormElement>) {
    const { name = '', email = '', password = '' } = fields(event);
    try {
      await accountsApi.setup({ token, name, email, password });
      await refreshMe();
      navigate('/');
      queryClient.removeQueries({ queryKey: setupStatusQuery.queryKey });
    } catch (e) {
      setError(e instanceof ApiError && e.status === 403 ? t('access.setup.badLink') : t('errors.generic', { error: (e as Error).message }));
    }
  }
  return (
    <AccessPage title={t('access.setup.title')} signedIn={false}>
      {ownerNeeded === false ? (
        <p>
          {t('access.setup.done')}{' '}
          <a href="/" onClick={(e) => (e.preventDefault(), navigate('/'))}>
            {t('access.signIn.submit')}
          </a>
        </p>
      ) : (
        <>
          <p>{t('access.setup.intro')}</p>
          <form className="access-form" onSubmit={(e) => void submit(e)}>
            <PasswordFields name />
            {error && (
              <p role="alert" className="error">
                {error}
              </p>
            )}
            <button type="submit" className="primary">
              {t('access.setup.submit')}
            </button>
          </form>
        </>
      )}
    </AccessPage>
  );
}

/** An invitation link: join signed in, sign in first, or make an account. */
export function InviteScene({ token }: { token: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const invitation = useQuery(invitationQuery(token));
  // undefined while it loads; null when the link no longer holds.
  const offer = invitation.isError ? null : invitation.data;
  const [signingIn, setSigningIn] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function joined(result: { journeyId: string | null }) {
    await refreshMe();
    navigate(result.journeyId ? `/journeys/${encodeURIComponent(result.journeyId)}` : '/');
  }
  async function accept() {
    try {
      await joined(await accountsApi.acceptInvitation(token));
    } catch (e) {
      setError((e as Error).message);
    }
  }
  async function create(event: FormEvent<HTMLFormElement>) {
    const { name = '', email = '', password = '' } = fields(event);
    try {
      await joined(await accountsApi.accountByInvitation(token, { name, email, password }));
    } catch (e) {
      setError((e as Error).message);
    }
  }
  if (offer === undefined) return <AccessPage title={t('editor.loading')} signedIn={false}>{null}</AccessPage>;
  if (offer === null) {
    return (
      <AccessPage title={t('access.invite.title', { workspace: 'Klantreis' })} signedIn={Boolean(me)}>
        <p role="alert">{t('access.invite.invalid')}</p>
      </AccessPage>
    );
  }
  if (signingIn && !me) return <SignInScene onSignedIn={() => setSigningIn(false)} />;
  const title = offer.journeyTitle ? t('access.invite.titleJourney', { journey: offer.journeyTitle, workspace: offer.workspaceName }) : t('access.invite.title', { workspace: offer.workspaceName });
  return (
    <AccessPage title={title} signedIn={Boolean(me)}>
      <p>{t('access.invite.role', { role: t(`access.roles.${offer.role}`) })}</p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {me ? (
        <button type="button" className="primary" onClick={() => void accept()}>
          {t('access.invite.accept', { name: me.user.name })}
        </button>
      ) : (
        <>
          <button type="button" onClick={() => setSigningIn(true)}>
            {t('access.invite.haveAccount')}
          </button>
          <h2>{t('access.invite.newAccount')}</h2>
          <form className="access-form" onSubmit={(e) => void create(e)}>
            <PasswordFields name />
            <button type="submit" className="primary">
              {t('access.invite.create')}
            </button>
          </form>
        </>
      )}
    </AccessPage>
  );
}

/** A password-reset link an owner made: choose a new password, then sign in with it. */
export function ResetPasswordScene({ token }: { token: string }) {
  const { t } = useTranslation();
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  async function submit(event: FormEvent<HTMLFormElement>) {
    const { password = '' } = fields(event);
    try {
      await accountsApi.resetPassword(token, password);
      setDone(true);
    } catch (e) {
      setError(e instanceof ApiError && e.status === 400 ? t('access.reset.invalid') : t('errors.generic', { error: (e as Error).message }));
    }
  }
  return (
    <AccessPage title={t('access.reset.title')} signedIn={false}>
      {done ? (
        <p role="status">
          {t('access.reset.done')}{' '}
          <a href="/" onClick={(e) => (e.preventDefault(), navigate('/'))}>
            {t('access.signIn.submit')}
          </a>
        </p>
      ) : (
        <form className="access-form" onSubmit={(e) => void submit(e)}>
          <label>
            {t('access.account.newPassword')}
            <input name="password" type="password" required minLength={10} autoComplete="new-password" aria-describedby="password-hint" />
          </label>
          <p id="password-hint" className="hint">
            {t('access.setup.passwordHint')}
          </p>
          {error && (
            <p role="alert" className="error">
              {error}
            </p>
          )}
          <button type="submit" className="primary">
            {t('access.reset.submit')}
          </button>
        </form>
      )}
    </AccessPage>
  );
}
