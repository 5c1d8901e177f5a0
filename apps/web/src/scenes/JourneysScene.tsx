import { useState, type ChangeEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError, journeysApi, type ListedJourney } from '../api/journeysApi.ts';
import { CreateJourneyDialog } from '../components/CreateJourneyDialog.tsx';
import { WorkspacePicker } from '../components/WorkspacePicker.tsx';
import { ACTION_ROLES, allow, atLeast, type Action } from '@klantreis/core/contracts';
import { parseMermaidJourney } from '@klantreis/render/mermaid';
import { AccountMenu } from '../components/AccountMenu.tsx';
import { AppNav } from '../components/AppNav.tsx';
import { useSettledValue } from '../hooks/useSettledValue.ts';
import { journeyKeys, journeysQuery } from '../queries/journeys.ts';
import { useServerChange } from '../queries/serverChange.ts';
import { useMe } from '../queries/session.ts';
import { LanguageSwitch } from '../components/LanguageSwitch.tsx';
import { MiniCurve } from '../components/MiniCurve.tsx';
import { relativeTime } from '../components/relativeTime.ts';
import { navigate } from '../routing/appHistory.ts';

/** The journeys list: search, create (blank, template, import), rename, duplicate, trash. */
export function JourneysScene({ trash, workspace: askedWorkspace = null }: { trash: boolean; workspace?: string | null }) {
  const { t, i18n } = useTranslation();
  const [search, setSearch] = useState('');
  // One request per pause in typing; the list asked for is the one shown (the query's key).
  const asked = useSettledValue(search, search ? 150 : 0);
  const read = useQuery(journeysQuery({ search: asked, trash }));
  const me = useMe();
  // A workspace in the address the person is not in (any more) shows all of theirs.
  const workspace = askedWorkspace !== null && me?.workspaces.some((w) => w.id === askedWorkspace) ? askedWorkspace : null;
  // One workspace's journeys, or all (a journey shared with the person from elsewhere shows under all).
  const journeys = read.data?.filter((journey) => workspace === null || journey.workspaceId === workspace) ?? null;
  const listAddress = (next: { trash?: boolean; workspace?: string | null }) => {
    const query = new URLSearchParams();
    if (next.trash ?? trash) query.set('view', 'trash');
    const chosen = next.workspace === undefined ? workspace : next.workspace;
    if (chosen) query.set('workspace', chosen);
    return `/${query.size > 0 ? `?${query}` : ''}`;
  };
  const change = useServerChange(journeyKeys.lists);
  const [actionError, setError] = useState<string | null>(null);
  const error = actionError ?? (read.error ? t('list.loadFailed', { error: read.error.message }) : null);
  const [creating, setCreating] = useState<{ template: string } | null>(null);
  const [renaming, setRenaming] = useState<string | null>(null);
  /** The role on the journey comes from the server, after a token's cap. */
  const may = (journey: ListedJourney, action: Action) => atLeast(journey.role, ACTION_ROLES[action]);
  const canCreate = me?.workspaces.some((w) => allow({ kind: 'user', userId: me.user.id, name: me.user.name, email: me.user.email, cap: me.cap, via: me.via }, 'workspace.create', w.role)) ?? false;

  // Shows its own errors and never rejects, so the event handlers that call it may `void` it.
  async function act(action: () => Promise<unknown>) {
    try {
      await change.run(action);
      setError(null);
    } catch (e) {
      setError(t('errors.generic', { error: (e as Error).message }));
    }
  }

  // Shows its own errors and never rejects, so the event handlers that call it may `void` it.
  async function importFile(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    try {
      const text = await file.text();
      // A Mermaid journey diagram (.mmd) becomes a new map; anything else is read as the open JSON format.
      if (/\.(mmd|mermaid)$/i.test(file.name) || /^\s*(%%[^\n]*\n\s*)*journey\b/.test(text)) {
        const parsed = parseMermaidJourney(text, { locale: i18n.language === 'nl' ? 'nl' : 'en', fileName: file.name });
        if (!parsed.ok) {
          setError(`${file.name}: ${t('create.importFailed')}\n${parsed.errors.map((e) => e.message).join('\n')}`);
          return;
        }
        const { id } = await journeysApi.import(parsed.document, workspace ?? undefined);
        navigate(`/journeys/${id}`);
        return;
      }
      const { id } = await journeysApi.import(JSON.parse(text), workspace ?? undefined);
      navigate(`/journeys/${id}`);
    } catch (e) {
      const issues = e instanceof ApiError ? e.issues.map((i) => `${i.path}: ${i.message}`) : [(e as Error).message];
      setError(`${file.name}: ${t('create.importFailed')}\n${issues.join('\n')}`);
    }
  }

  return (
    <div className="page">
      <header className="topbar">
        <div className="brand">
          <span className="brand__name">{t('app.name')}</span>
          <span className="brand__tagline">{t('app.tagline')}</span>
        </div>
        <AppNav current="journeys" />
        <AccountMenu />
        <LanguageSwitch />
      </header>
      <main id="main" className="journeys">
        <div className="journeys__head">
          <h1>{trash ? t('list.trash') : t('list.title')}</h1>
          <div className="toolbar">
            <label className="search">
              <span className="visually-hidden">{t('list.search')}</span>
              <input type="search" value={search} placeholder={t('list.searchPlaceholder')} onChange={(e) => setSearch(e.target.value)} />
            </label>
            {!trash && canCreate && (
              <>
                <button type="button" className="primary" onClick={() => setCreating({ template: '' })}>
                  {t('list.newBlank')}
                </button>
                <button type="button" onClick={() => setCreating({ template: 'ikea-visit' })}>
                  {t('list.newFromTemplate')}
                </button>
                <label className="button" title={t('create.import')}>
                  <span aria-hidden="true">{t('create.importShort')}</span>
                  <span className="visually-hidden">{t('create.import')}</span>
                  <input type="file" accept="application/json,.json,.mmd,.mermaid,text/plain" className="visually-hidden" onChange={(event) => void importFile(event)} />
                </label>
              </>
            )}
            <WorkspacePicker workspaceId={workspace} canCreate={canCreate && !trash} onChoose={(chosen) => navigate(listAddress({ workspace: chosen }))} />
            <button type="button" className="toolbar__trash" onClick={() => navigate(listAddress({ trash: !trash }))}>
              {trash ? t('list.showJourneys') : t('list.showTrash')}
            </button>
          </div>
        </div>
        {error && (
          <p role="alert" className="error pre">
            {error}
          </p>
        )}
        {journeys && journeys.length === 0 && (
          <p className="empty">{trash ? t('list.trashEmpty') : search ? t('list.noResults', { search }) : t('list.empty')}</p>
        )}
        <ul className="cards">
          {journeys?.map((journey) => (
            <li key={journey.id} className="card" data-journey-id={journey.id}>
              {renaming === journey.id ? (
                <form
                  onSubmit={(e) => {
                    e.preventDefault();
                    const title = new FormData(e.currentTarget).get('title')?.toString().trim();
                    setRenaming(null);
                    if (title) void act(() => journeysApi.rename(journey.id, title));
                  }}
                >
                  <label>
                    <span className="visually-hidden">{t('list.renamePrompt')}</span>
                    <input name="title" defaultValue={journey.title} autoFocus maxLength={200} onBlur={(e) => e.currentTarget.form?.requestSubmit()} />
                  </label>
                </form>
              ) : (
                <h2 className="card__title">
                  {trash ? journey.title : <a href={`/journeys/${journey.id}`} onClick={(e) => { e.preventDefault(); navigate(`/journeys/${journey.id}`); }}>{journey.title}</a>}
                </h2>
              )}
              {journey.summary.kind === 'experience' && <span className="badge">{t('list.experienceMap')}</span>}
              {journey.summary.stepCount > 0 ? (
                <MiniCurve scores={journey.summary.scores} label={t('list.curveLabel', { title: journey.title })} />
              ) : (
                <p className="card__nosteps">{t('list.noSteps')}</p>
              )}
              <p className="card__meta">
                {t('list.phases', { count: journey.summary.phaseCount })} · {t('list.steps', { count: journey.summary.stepCount })} ·{' '}
                {t('list.updated', { when: relativeTime(t, journey.updatedAt) })}
              </p>
              <div className="card__actions">
                {trash ? (
                  may(journey, 'journey.manage') && <>
                    <button type="button" onClick={() => void act(() => journeysApi.restore(journey.id))}>
                      {t('list.restore')}
                    </button>
                    <button
                      type="button"
                      className="danger"
                      onClick={() => {
                        if (confirm(t('list.confirmDeleteForever', { title: journey.title }))) void act(() => journeysApi.purge(journey.id));
                      }}
                    >
                      {t('list.deleteForever')}
                    </button>
                  </>
                ) : (
                  <>
                    {may(journey, 'journey.edit') && (
                      <button type="button" onClick={() => setRenaming(journey.id)} aria-label={`${t('list.rename')}: ${journey.title}`}>
                        {t('list.rename')}
                      </button>
                    )}
                    {canCreate && (
                      <button type="button" onClick={() => void act(() => journeysApi.duplicate(journey.id))} aria-label={`${t('list.duplicate')}: ${journey.title}`}>
                        {t('list.duplicate')}
                      </button>
                    )}
                    {may(journey, 'journey.manage') && (
                      <button type="button" className="danger card__trash" onClick={() => void act(() => journeysApi.trash(journey.id))} aria-label={`${t('list.delete')}: ${journey.title}`} title={t('list.delete')}>
                        <TrashIcon />
                      </button>
                    )}
                  </>
                )}
              </div>
            </li>
          ))}
        </ul>
      </main>
      <CreateJourneyDialog
        open={creating !== null}
        initialTemplate={creating?.template ?? ''}
        workspaceId={workspace ?? undefined}
        onClose={() => setCreating(null)}
        onCreated={(id) => navigate(`/journeys/${id}`)}
      />
    </div>
  );
}

/** A waste bin: the card's "Move to trash", named by its label and tooltip, so that three actions fit a card in Dutch. */
function TrashIcon() {
  return (
    <svg width="15" height="15" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d="M2.5 4h11M6 4V2.5h4V4M4 4l.8 9.5h6.4L12 4M6.7 6.5v5M9.3 6.5v5" fill="none" stroke="currentColor" strokeWidth="1.4" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
