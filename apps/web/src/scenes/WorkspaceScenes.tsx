import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { AUDIT_ACTIONS, ROLES, type AuditAction, type LinkToHandOn, type Role } from '@klantreis/core/contracts';
import { accountsApi } from '../api/accountsApi.ts';
import { AccessPage } from '../components/AccessPage.tsx';
import { useServerChange } from '../queries/serverChange.ts';
import { providersQuery, refreshMe, useMe } from '../queries/session.ts';
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
  const [inviteEmail, setInviteEmail] = useState('');
  const [link, setLink] = useState<LinkToHandOn | null>(null);
  const [resetLink, setResetLink] = useState<(LinkToHandOn & { name: string }) | null>(null);
  const owner = me?.workspaces.find((w) => w.id === workspaceId)?.role === 'owner';
  const sendsMail = useQuery(providersQuery).data?.mail ?? false;
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
      {owner && <WorkspaceNameForm key={workspace} workspaceId={workspaceId} name={workspace} onRename={(name) => run(() => accountsApi.renameWorkspace(workspaceId, name).then(refreshMe))} />}
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
                <button type="button" onClick={() => void run(async () => setResetLink({ name: m.name, ...(await accountsApi.passwordResetLink(workspaceId, m.userId)) }))}>
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
          <MailNote link={resetLink} />
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
          {sendsMail && (
            <label>
              {t('access.members.inviteEmail')}
              <input type="email" value={inviteEmail} onChange={(e) => setInviteEmail(e.target.value)} maxLength={254} autoComplete="off" />
            </label>
          )}
          <button type="button" className="primary" onClick={() => void run(async () => setLink(await accountsApi.invite(workspaceId, inviteRole, undefined, (sendsMail && inviteEmail.trim()) || undefined)))}>
            {t('access.members.makeLink')}
          </button>
        </div>
        {link && (
          <p role="status">
            {t('access.members.linkMade')} <code data-testid="invitation-link">{link.url}</code>
            <MailNote link={link} />
          </p>
        )}
      </section>
    </AccessPage>
  );
}

/** Where the server mailed a link, or why it could not (nothing when it sends no mail). */
function MailNote({ link }: { link: LinkToHandOn }) {
  const { t } = useTranslation();
  if (link.mailedTo) return <span className="hint"> {t('access.members.mailedTo', { email: link.mailedTo })}</span>;
  if (link.mailProblem) return <span className="hint"> {t('access.members.mailProblem', { problem: link.mailProblem })}</span>;
  return null;
}

/** The workspace's name, which its owners may change. */
function WorkspaceNameForm({ workspaceId, name, onRename }: { workspaceId: string; name: string; onRename: (name: string) => Promise<unknown> }) {
  const { t } = useTranslation();
  const [value, setValue] = useState(name);
  return (
    <form
      className="access-form access-form--inline"
      onSubmit={(e) => {
        e.preventDefault();
        if (value.trim() && value.trim() !== name) void onRename(value.trim());
      }}
    >
      <label>
        {t('access.members.workspaceName')}
        <input name="workspace-name" data-workspace={workspaceId} value={value} onChange={(e) => setValue(e.target.value)} required maxLength={120} />
      </label>
      <button type="submit">{t('access.members.rename')}</button>
    </form>
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
                  {/* A target type of a later version, not yet named here, is shown as it is stored. */}
                  {t(`access.audit.targets.${e.targetType}`, { defaultValue: e.targetType })} <code>{e.targetId}</code>
                </td>
                <td>
                  <code>{detailText(e.detail, t, i18n.language)}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </AccessPage>
  );
}

/** Detail values that name a role, shown as the role's name in the page's language. */
const ROLE_DETAILS = new Set(['role', 'from', 'to']);

/**
 * An audit event's detail as "key: value" pairs, which a narrow column can wrap between: the names,
 * roles and statuses in the page's language, yes/no for a flag, a moment as a local date and time,
 * a change as "from → to". A name or a value a later version adds is shown as it is stored.
 */
function detailText(detail: Record<string, unknown>, t: TFunction, locale: string): string {
  const valueText = (key: string, value: unknown): string => {
    if (value === null || value === undefined) return t('access.audit.none');
    if (typeof value === 'boolean') return t(value ? 'access.audit.yes' : 'access.audit.no');
    if (typeof value === 'string' && ROLE_DETAILS.has(key)) return t(`access.roles.${value}`, { defaultValue: value });
    if (key === 'expiresAt' && typeof value === 'number') return new Date(value).toLocaleString(locale);
    if (key === 'status' && typeof value === 'string') return t(`portfolio.statuses.${value}`, { defaultValue: value });
    if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.length > 0 ? value.join(', ') : t('access.audit.none');
    // A change: "from → to", each side named as the field's values are.
    if (value && typeof value === 'object' && 'from' in value && 'to' in value) return `${valueText(key, value.from)} → ${valueText(key, value.to)}`;
    if (key === 'shows' && typeof value === 'object') {
      const shown = Object.entries(value).filter(([, on]) => on === true);
      return shown.length ? shown.map(([part]) => t(`access.audit.shows.${part}`, { defaultValue: part })).join(', ') : t('access.audit.none');
    }
    return typeof value === 'string' ? value : JSON.stringify(value);
  };
  return Object.entries(detail)
    .map(([key, value]) => `${t(`access.audit.detailKeys.${key}`, { defaultValue: key })}: ${valueText(key, value)}`)
    .join(' · ');
}
