import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { accountsApi, type InboxEntry } from '../api/accountsApi.ts';
import { AccessPage } from '../components/AccessPage.tsx';
import { relativeTime } from '../components/relativeTime.ts';
import { navigate } from '../hooks/useRoute.ts';
import { useSession } from '../stores/sessionStore.ts';

/** Mentions and approval requests for the signed-in person, newest first; opening one marks it read. */
export function InboxScene() {
  const { t } = useTranslation();
  const [items, setItems] = useState<InboxEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    accountsApi.inbox().then(
      (answer) => {
        setItems(answer.items);
        useSession.setState({ unread: answer.unread });
      },
      (e: Error) => setError(e.message),
    );
  }, []);
  useEffect(load, [load]);

  async function open(entry: InboxEntry) {
    if (!entry.read) await accountsApi.markRead([entry.id]).catch(() => undefined);
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
        <button type="button" onClick={() => void accountsApi.markRead().then(load)}>
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
