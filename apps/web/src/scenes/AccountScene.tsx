import { useState, type ChangeEvent, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '@klantreis/core/contracts';
import { accountsApi } from '../api/accountsApi.ts';
import { AccessPage } from '../components/AccessPage.tsx';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { relativeTime } from '../components/relativeTime.ts';
import { useServerChange } from '../queries/serverChange.ts';
import { forgetSession, refreshMe, useChooseLanguage, useMe } from '../queries/session.ts';
import { tokensQuery } from '../queries/workspace.ts';

const MAX_AVATAR_BYTES = 64 * 1024;

function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('the file cannot be read'));
    reader.readAsDataURL(file);
  });
}

/** Profile (name, avatar), password, sessions and API tokens. */
export function AccountScene() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const tokensRead = useQuery(tokensQuery);
  const tokens = tokensRead.data ?? [];
  const tokenChange = useServerChange(tokensQuery.queryKey);
  const chooseLanguage = useChooseLanguage();
  const [newToken, setNewToken] = useState<string | null>(null);
  if (!me) return null;

  async function run(action: () => Promise<unknown>, done?: string) {
    setError(null);
    setMessage(null);
    try {
      await action();
      if (done) setMessage(done);
    } catch (e) {
      setError(t('errors.generic', { error: (e as Error).message }));
    }
  }
  function form(event: FormEvent<HTMLFormElement>): Record<string, string> {
    event.preventDefault();
    return Object.fromEntries([...new FormData(event.currentTarget).entries()].map(([k, v]) => [k, String(v)]));
  }
  async function avatar(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    if (file.size > MAX_AVATAR_BYTES) return setError(t('access.account.avatarTooBig'));
    await run(async () => {
      await accountsApi.updateProfile({ image: await readAsDataUrl(file) });
      await refreshMe();
    }, t('access.account.saved'));
  }

  return (
    <AccessPage title={t('access.account.title')}>
      {message && <p role="status">{message}</p>}
      {(error ?? tokensRead.error) && (
        <p role="alert" className="error">
          {error ?? tokensRead.error?.message}
        </p>
      )}
      <section aria-labelledby="profile">
        <h2 id="profile">{t('access.account.profile')}</h2>
        <form
          className="access-form"
          onSubmit={(e) => {
            const { name = '' } = form(e);
            void run(async () => {
              await accountsApi.updateProfile({ name });
              await refreshMe();
            }, t('access.account.saved'));
          }}
        >
          <label>
            {t('access.account.name')}
            <input name="name" defaultValue={me.user.name} required maxLength={120} />
          </label>
          <p className="hint">{me.user.email}</p>
          <button type="submit">{t('access.account.save')}</button>
        </form>
        <label className="access-form">
          {t('access.account.avatar')}
          <input type="file" accept="image/png,image/jpeg,image/webp" onChange={(e) => void avatar(e)} />
        </label>
        {me.user.image && (
          <button
            type="button"
            onClick={() =>
              void run(async () => {
                await accountsApi.updateProfile({ image: null });
                await refreshMe();
              })
            }
          >
            {t('access.account.removeAvatar')}
          </button>
        )}
      </section>
      <section aria-labelledby="language">
        <h2 id="language">{t('access.account.language')}</h2>
        <p className="hint">
          {t(me.user.language ? 'access.account.languageChosen' : 'access.account.languageFromBrowser', { language: t(`access.account.languageNames.${i18n.language === 'nl' ? 'nl' : 'en'}`) })}
        </p>
        <LanguageSwitch />
        {me.user.language && (
          <button type="button" onClick={() => void run(() => chooseLanguage.mutateAsync(null), t('access.account.saved'))}>
            {t('access.account.followBrowser')}
          </button>
        )}
      </section>
      <section aria-labelledby="password">
        <h2 id="password">{t('access.account.password')}</h2>
        <form
          className="access-form"
          onSubmit={(e) => {
            const target = e.currentTarget;
            const { current = '', next = '' } = form(e);
            void run(async () => {
              await accountsApi.changePassword(current, next);
              target.reset();
            }, t('access.account.passwordChanged'));
          }}
        >
          <label>
            {t('access.account.currentPassword')}
            <input name="current" type="password" required autoComplete="current-password" />
          </label>
          <label>
            {t('access.account.newPassword')}
            <input name="next" type="password" required minLength={10} autoComplete="new-password" />
          </label>
          <button type="submit">{t('access.account.changePassword')}</button>
        </form>
      </section>
      <section aria-labelledby="sessions">
        <h2 id="sessions">{t('access.account.sessions')}</h2>
        <p className="hint">{t('access.account.signOutEverywhereHelp')}</p>
        <button
          type="button"
          onClick={() =>
            void run(async () => {
              await accountsApi.signOutEverywhere();
              forgetSession();
            })
          }
        >
          {t('access.account.signOutEverywhere')}
        </button>
      </section>
      <section aria-labelledby="tokens">
        <h2 id="tokens">{t('access.account.tokens')}</h2>
        <p className="hint">{t('access.account.tokensHelp')}</p>
        {newToken && (
          <p role="status">
            {t('access.account.tokenShown')} <code data-testid="new-token">{newToken}</code>
          </p>
        )}
        <form
          className="access-form access-form--inline"
          onSubmit={(e) => {
            const target = e.currentTarget;
            const { name = '', role = 'editor' } = form(e);
            void run(async () => {
              const created = await tokenChange.run(() => accountsApi.createToken(name, role as Role));
              setNewToken(created.token);
              target.reset();
            });
          }}
        >
          <label>
            {t('access.account.tokenName')}
            <input name="name" required maxLength={120} />
          </label>
          <label>
            {t('access.account.tokenRole')}
            <select name="role" defaultValue="editor">
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`access.roles.${r}`)}
                </option>
              ))}
            </select>
          </label>
          <button type="submit">{t('access.account.createToken')}</button>
        </form>
        {tokens.length === 0 ? (
          <p>{t('access.account.noTokens')}</p>
        ) : (
          <ul className="token-list">
            {tokens.map((token) => (
              <li key={token.id}>
                <strong>{token.name}</strong> · {t(`access.roles.${token.role}`)} ·{' '}
                {token.lastUsedAt ? t('access.account.lastUsed', { when: relativeTime(t, token.lastUsedAt) }) : t('access.account.neverUsed')}{' '}
                <button type="button" onClick={() => void run(() => tokenChange.run(() => accountsApi.revokeToken(token.id)))}>
                  {t('access.account.revoke')}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
    </AccessPage>
  );
}
