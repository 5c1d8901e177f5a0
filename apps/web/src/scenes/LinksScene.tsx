import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { linkState, sharingApi } from '../api/sharingApi.ts';
import { AccessPage } from '../components/AccessPage.tsx';
import { relativeTime } from '../components/relativeTime.ts';
import { useServerChange } from '../queries/serverChange.ts';
import { workspaceLinksQuery } from '../queries/workspace.ts';

/** Every share link of the workspace in one list: journey, maker, last opened, state, revoke. */
export function LinksScene({ workspaceId }: { workspaceId: string }) {
  const { t } = useTranslation();
  const read = useQuery(workspaceLinksQuery(workspaceId));
  const links = read.data ?? null;
  const revoke = useServerChange(workspaceLinksQuery(workspaceId).queryKey);
  const error = revoke.error?.message ?? read.error?.message ?? null;

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
        <table className="members stacked-table" data-testid="workspace-links">
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
                  <td data-label={t('share.journey')}>{link.journeyTitle}</td>
                  <td data-label={t('share.madeByHeader')}>
                    {link.createdByName} · {relativeTime(t, link.createdAt)}
                  </td>
                  <td data-label={t('share.lastOpenedHeader')}>{link.lastOpenedAt === null ? '—' : relativeTime(t, link.lastOpenedAt)}</td>
                  <td data-label={t('share.state')}>{state === 'live' ? t('share.live') : t(`share.${state}`)}</td>
                  <td>
                    {state === 'live' && (
                      <button type="button" className="danger" onClick={() => void revoke.run(() => sharingApi.revoke(link.journeyId, link.id)).catch(() => undefined)}>
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
