import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { linkState, sharingApi, type ShareLink } from '../api/sharingApi.ts';
import { AccessPage } from '../components/AccessPage.tsx';
import { relativeTime } from '../components/relativeTime.ts';

/** Every share link of the workspace in one list: journey, maker, last opened, state, revoke. */
export function LinksScene({ workspaceId }: { workspaceId: string }) {
  const { t } = useTranslation();
  const [links, setLinks] = useState<(ShareLink & { journeyTitle: string })[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    sharingApi.workspaceLinks(workspaceId).then(setLinks, (e: Error) => setError(e.message));
  }, [workspaceId]);
  useEffect(load, [load]);

  return (
    <AccessPage title={t('share.workspaceTitle')}>
      <p className="hint">{t('share.workspaceIntro')}</p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {links?.length === 0 && <p className="hint">{t('share.none')}</p>}
      {links && links.length > 0 && (
        <table className="members" data-testid="workspace-links">
          <thead>
            <tr>
              <th scope="col">{t('share.journey')}</th>
              <th scope="col">{t('share.madeByHeader')}</th>
              <th scope="col">{t('share.lastOpenedHeader')}</th>
              <th scope="col">{t('share.state')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('share.revoke')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {links.map((link) => {
              const state = linkState(link);
              return (
                <tr key={link.id}>
                  <td>{link.journeyTitle}</td>
                  <td>
                    {link.createdByName} · {relativeTime(t, link.createdAt)}
                  </td>
                  <td>{link.lastOpenedAt === null ? '—' : relativeTime(t, link.lastOpenedAt)}</td>
                  <td>{state === 'live' ? t('share.live') : t(`share.${state}`)}</td>
                  <td>
                    {state === 'live' && (
                      <button type="button" className="danger" onClick={() => void sharingApi.revoke(link.journeyId, link.id).then(load, (e: Error) => setError(e.message))}>
                        {t('share.revoke')}
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </AccessPage>
  );
}
