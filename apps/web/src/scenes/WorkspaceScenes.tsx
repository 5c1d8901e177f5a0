import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { AUDIT_ACTIONS, ROLES, type AuditAction, type Role } from '@klantreis/core/contracts';
import { accountsApi } from '../api/accountsApi.ts';
import { AccessPage } from '../components/AccessPage.tsx';
import { useServerChange } from '../queries/serverChange.ts';
import { useMe } from '../queries/session.ts';
import { auditQuery, membersQuery, workspaceKeys } from '../queries/workspace.ts';

function useWorkspaceName(workspaceId: string): string {
  const me = useMe();
  return me?.workspaces.find((w) => w.id === workspaceId)?.name ?? workspaceId;
}

/** Members and their roles, and invitation links (owners). */
export function MembersScene({ workspaceId }: { workspaceId: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const workspace = useWorkspaceName(workspaceId);
  const read = useQuery(membersQuery(workspaceId));
  const members = read.data ?? null;
  // A change of members shows in the audit log too.
  const change = useServerChange(workspaceKeys.all(workspaceId));
  const [actionError, setError] = useState<string | null>(null);
  const error = actionError ?? read.error?.message ?? null;
  const [inviteRole, setInviteRole] = useState<Role>('editor');
  const [link, setLink] = useState<string | null>(null);
  const [resetLink, setResetLink] = useState<{ name: string; url: string } | null>(null);
  async function run(action: () => Promise<unknown>) {
    setError(null);
    try {
      await change.run(action);
    } catch (e) {
      setError(t('errors.generic', { error: (e as Error).message }));
    }
  }

  return (
    <AccessPage title={t('access.members.title', { workspace })}>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <table className="members">
        <thead>
          <tr>
            <th scope="col">{t('access.members.name')}</th>
            <th scope="col">{t('access.members.email')}</th>
            <th scope="col">{t('access.members.role')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('access.members.remove')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {(members ?? []).map((m) => (
            <tr key={m.userId}>
              <td>
                {m.name} {m.userId === me?.user.id && t('access.members.you')}
              </td>
              <td>{m.email}</td>
              <td>
                <select
                  aria-label={`${t('access.members.role')}: ${m.name}`}
                  value={m.role}
                  onChange={(e) => void run(() => accountsApi.setRole(workspaceId, m.userId, e.target.value as Role))}
                >
                  {ROLES.map((r) => (
                    <option key={r} value={r} title={t(`access.roleHelp.${r}`)}>
                      {t(`access.roles.${r}`)}
                    </option>
                  ))}
                </select>
              </td>
              <td className="members__actions">
                <button type="button" onClick={() => void run(async () => setResetLink({ name: m.name, url: (await accountsApi.passwordResetLink(workspaceId, m.userId)).url }))}>
                  {t('access.members.resetLink')}
                </button>{' '}
                <button
                  type="button"
                  onClick={() => {
                    if (confirm(t('access.members.confirmRemove', { name: m.name, workspace }))) void run(() => accountsApi.removeMember(workspaceId, m.userId));
                  }}
                >
                  {t('access.members.remove')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {resetLink && (
        <p role="status">
          {t('access.members.resetLinkMade', { name: resetLink.name })} <code data-testid="reset-link">{resetLink.url}</code>
        </p>
      )}
      <section aria-labelledby="invite">
        <h2 id="invite">{t('access.members.invite')}</h2>
        <div className="access-form access-form--inline">
          <label>
            {t('access.members.inviteRole')}
            <select value={inviteRole} onChange={(e) => setInviteRole(e.target.value as Role)}>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`access.roles.${r}`)} — {t(`access.roleHelp.${r}`)}
                </option>
              ))}
            </select>
          </label>
          <button type="button" className="primary" onClick={() => void run(async () => setLink((await accountsApi.invite(workspaceId, inviteRole)).url))}>
            {t('access.members.makeLink')}
          </button>
        </div>
        {link && (
          <p role="status">
            {t('access.members.linkMade')} <code data-testid="invitation-link">{link}</code>
          </p>
        )}
      </section>
    </AccessPage>
  );
}

/** The audit log: newest first, filtered by action, exported as CSV or JSON. */
export function AuditScene({ workspaceId }: { workspaceId: string }) {
  const { t, i18n } = useTranslation();
  const workspace = useWorkspaceName(workspaceId);
  const [action, setAction] = useState<AuditAction | ''>('');
  const read = useQuery(auditQuery(workspaceId, action || undefined));
  const events = read.data ?? null;
  const error = read.error?.message ?? null;
  const filter = { action: action || undefined };
  return (
    <AccessPage title={t('access.audit.title', { workspace })}>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <div className="access-form access-form--inline">
        <label>
          {t('access.audit.filter')}
          <select value={action} onChange={(e) => setAction(e.target.value as AuditAction | '')}>
            <option value="">{t('access.audit.all')}</option>
            {AUDIT_ACTIONS.map((a) => (
              <option key={a} value={a}>
                {t(`access.audit.actions.${a}`)}
              </option>
            ))}
          </select>
        </label>
        <a className="button" href={accountsApi.auditExportUrl(workspaceId, 'csv', filter)} download>
          {t('access.audit.exportCsv')}
        </a>
        <a className="button" href={accountsApi.auditExportUrl(workspaceId, 'json', filter)} download="klantreis-audit.json">
          {t('access.audit.exportJson')}
        </a>
      </div>
      {events && events.length === 0 ? (
        <p>{t('access.audit.empty')}</p>
      ) : (
        <table className="audit">
          <thead>
            <tr>
              <th scope="col">{t('access.audit.when')}</th>
              <th scope="col">{t('access.audit.who')}</th>
              <th scope="col">{t('access.audit.what')}</th>
              <th scope="col">{t('access.audit.target')}</th>
              <th scope="col">{t('access.audit.detail')}</th>
            </tr>
          </thead>
          <tbody>
            {(events ?? []).map((e) => (
              <tr key={e.id}>
                <td>{new Date(e.at).toLocaleString(i18n.language)}</td>
                <td>{e.actorName}</td>
                <td>{t(`access.audit.actions.${e.action}`)}</td>
                <td>
                  {e.targetType} {e.targetId}
                </td>
                <td>
                  <code>{JSON.stringify(e.detail)}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </AccessPage>
  );
}
