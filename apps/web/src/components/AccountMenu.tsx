import { useTranslation } from 'react-i18next';
import { Link } from '@tanstack/react-router';
import { navigate } from '../routing/appHistory.ts';
import { signOut, useInbox, useMe } from '../queries/session.ts';

/** The signed-in person, their workspace pages (owners) and sign out. */
export function AccountMenu() {
  const { t } = useTranslation();
  const me = useMe();
  const unread = useInbox().data?.unread ?? 0;
  if (!me) return null;
  const owned = me.workspaces.filter((w) => w.role === 'owner');
  return (
    <details className="account-menu">
      <summary title={t('access.menu.label', { name: me.user.name })}>
        {me.user.image ? <img className="account-menu__avatar" src={me.user.image} alt="" /> : <span className="account-menu__initial" aria-hidden="true">{me.user.name.slice(0, 1).toUpperCase()}</span>}
        <span className="account-menu__name">{me.user.name}</span>
        {unread > 0 && (
          <span className="badge badge--unread" data-testid="unread-count">
            {t('access.inbox.unreadCount', { count: unread })}
            <span className="badge__word"> {t('access.inbox.unreadWord', { count: unread })}</span>
          </span>
        )}
      </summary>
      <ul className="account-menu__list">
        <li>
          <Link to="/inbox">
            {t('access.inbox.title')}
            {unread > 0 ? ` (${unread})` : ''}
          </Link>
        </li>
        <li>
          <Link to="/account">
            {t('access.menu.account')}
          </Link>
        </li>
        {owned.map((w) => (
          <li key={w.id}>
            <Link to="/workspaces/$workspaceId/members" params={{ workspaceId: w.id }}>
              {t('access.menu.members')}
              {me.workspaces.length > 1 ? ` · ${w.name}` : ''}
            </Link>
          </li>
        ))}
        {owned.map((w) => (
          <li key={`audit-${w.id}`}>
            <Link to="/workspaces/$workspaceId/audit" params={{ workspaceId: w.id }}>
              {t('access.menu.audit')}
              {me.workspaces.length > 1 ? ` · ${w.name}` : ''}
            </Link>
          </li>
        ))}
        {owned.map((w) => (
          <li key={`links-${w.id}`}>
            <Link to="/workspaces/$workspaceId/links" params={{ workspaceId: w.id }}>
              {t('share.menu')}
              {me.workspaces.length > 1 ? ` · ${w.name}` : ''}
            </Link>
          </li>
        ))}
        <li>
          <button
            type="button"
            onClick={() => {
              void signOut().then(() => navigate('/'));
            }}
          >
            {t('access.menu.signOut')}
          </button>
        </li>
      </ul>
    </details>
  );
}
