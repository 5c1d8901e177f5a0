import { useTranslation } from 'react-i18next';
import type { InboxEntry } from '../api/accountsApi.ts';
import { AccessPage } from '../components/AccessPage.tsx';
import { relativeTime } from '../components/relativeTime.ts';
import { navigate } from '../routing/appHistory.ts';
import { useInbox, useMarkRead } from '../queries/session.ts';

/** Mentions and approval requests for the signed-in person, newest first; opening one marks it read. */
export function InboxScene() {
  const { t } = useTranslation();
  // The same read as the unread count in the account menu: opening the inbox brings both up to date.
  const inbox = useInbox({ fresh: true });
  const items = inbox.data?.items ?? null;
  const error = inbox.error?.message ?? null;
  const markRead = useMarkRead();

  async function open(entry: InboxEntry) {
    if (!entry.read) await markRead.mutateAsync([entry.id]).catch(() => undefined);
    navigate(`/journeys/${encodeURIComponent(entry.journeyId)}`);
  }

  return (
    <AccessPage title={t('access.inbox.title')}>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {items && items.some((i) => !i.read) && (
        <button type="button" onClick={() => markRead.mutate(undefined)}>
          {t('access.inbox.markAllRead')}
        </button>
      )}
      {items && items.length === 0 && <p>{t('access.inbox.empty')}</p>}
      <ul className="inbox">
        {(items ?? []).map((entry) => (
          <li key={entry.id} className={entry.read ? 'inbox__item' : 'inbox__item inbox__item--unread'} data-testid="inbox-entry" data-read={entry.read}>
            <a
              href={`/journeys/${encodeURIComponent(entry.journeyId)}`}
              onClick={(e) => {
                e.preventDefault();
                void open(entry);
              }}
            >
              {t(`access.inbox.${entry.kind}`, { name: entry.actorName, journey: entry.journeyTitle })}
            </a>{' '}
            <span className="hint">{relativeTime(t, entry.createdAt)}</span>
            {entry.excerpt && <q className="inbox__excerpt">{entry.excerpt}</q>}
          </li>
        ))}
      </ul>
    </AccessPage>
  );
}
