import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { linkState, sharingApi, type LinkShows, type ShareLink } from '../api/sharingApi.ts';
import { useServerChange } from '../queries/serverChange.ts';
import { relativeTime } from './relativeTime.ts';
import { dateTimeFormat } from '../i18n/intlFormats.ts';

const SHOW_KEYS = ['lanes', 'evaluation', 'measurement', 'comments'] as const;

/** Read-only links to this journey: make one (password, expiry, what viewers see), copy, revoke. */
export function ShareDialog({ journeyId, open, onClose }: { journeyId: string; open: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  // Read while the dialog is open; the workspace's list of links follows a change too.
  const linksKey = ['journey', journeyId, 'links'];
  const read = useQuery({ queryKey: linksKey, queryFn: () => sharingApi.links(journeyId), enabled: open });
  const links = read.data ?? [];
  const change = useServerChange(linksKey, ['workspace']);
  const [actionError, setError] = useState<string | null>(null);
  const error = actionError ?? read.error?.message ?? null;
  const [copied, setCopied] = useState<string | null>(null);
  const [password, setPassword] = useState('');
  const [expires, setExpires] = useState('');
  const [shows, setShows] = useState<LinkShows>({ lanes: true, evaluation: true, measurement: false, comments: false });

  useEffect(() => {
    if (open) dialog.current?.showModal();
    else dialog.current?.close();
  }, [open]);

  async function run(action: () => Promise<unknown>) {
    setError(null);
    try {
      await change.run(action);
    } catch (e) {
      setError(t('errors.generic', { error: (e as Error).message }));
    }
  }

  function create(event: FormEvent) {
    event.preventDefault();
    // The end of the chosen day, in the viewer's own time zone.
    const expiresAt = expires ? new Date(`${expires}T23:59:59`).getTime() : null;
    void run(async () => {
      await sharingApi.create(journeyId, { password: password || null, expiresAt, shows });
      setPassword('');
    });
  }

  async function copy(link: ShareLink) {
    await navigator.clipboard?.writeText(link.url).catch(() => undefined);
    setCopied(link.id);
  }

  return (
    <dialog ref={dialog} className="dialog share-dialog" aria-labelledby="share-title" onClose={onClose}>
      <h2 id="share-title">{t('share.title')}</h2>
      <p className="hint">{t('share.intro')}</p>
      <form className="form" onSubmit={create}>
        <label>
          {t('share.password')}
          <input type="password" value={password} minLength={8} maxLength={200} autoComplete="new-password" onChange={(e) => setPassword(e.target.value)} />
        </label>
        <label>
          {t('share.expires')}
          <input type="date" value={expires} min={new Date().toISOString().slice(0, 10)} onChange={(e) => setExpires(e.target.value)} />
        </label>
        <fieldset>
          <legend>{t('share.shows')}</legend>
          {SHOW_KEYS.map((key) => (
            <label key={key} className="checkbox">
              <input type="checkbox" checked={shows[key]} onChange={(e) => setShows({ ...shows, [key]: e.target.checked })} />
              {t(`share.shows${key[0]!.toUpperCase()}${key.slice(1)}`)}
            </label>
          ))}
        </fieldset>
        <div className="form__actions">
          <button type="submit" className="primary">
            {t('share.create')}
          </button>
        </div>
      </form>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {links.length === 0 ? (
        <p className="hint">{t('share.none')}</p>
      ) : (
        <ul className="share-links" aria-label={t('share.workspaceTitle')}>
          {links.map((link) => {
            const state = linkState(link);
            return (
              <li key={link.id} className={`share-link share-link--${state}`} data-testid="share-link">
                <input readOnly value={link.url} aria-label={t('share.copy')} onFocus={(e) => e.currentTarget.select()} />
                <span className="hint">
                  {t('share.madeBy', { name: link.createdByName, when: relativeTime(t, link.createdAt) })}
                  {link.hasPassword && ` · ${t('share.withPassword')}`}
                  {link.expiresAt !== null && ` · ${t('share.expiresOn', { date: dateTimeFormat(i18n.language === 'nl' ? 'nl-NL' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric' }).format(link.expiresAt) })}`}
                  {' · '}
                  {link.lastOpenedAt === null ? t('share.neverOpened') : t('share.lastOpened', { when: relativeTime(t, link.lastOpenedAt) })}
                </span>
                {state === 'live' ? (
                  <span className="share-link__actions">
                    <button type="button" onClick={() => void copy(link)}>
                      {copied === link.id ? t('share.copied') : t('share.copy')}
                    </button>
                    <button type="button" className="danger" onClick={() => void run(() => sharingApi.revoke(journeyId, link.id))}>
                      {t('share.revoke')}
                    </button>
                  </span>
                ) : (
                  <strong>{t(`share.${state}`)}</strong>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <form method="dialog" className="form__actions">
        <button type="submit">{t('share.close')}</button>
      </form>
    </dialog>
  );
}
