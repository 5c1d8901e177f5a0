import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { portfolioApi, type SavedView } from '../../api/portfolioApi.ts';
import { savedViewsQuery } from '../../queries/portfolio.ts';
import { useServerChange } from '../../queries/serverChange.ts';
import { viewStateFrom, type PortfolioViewState } from './portfolioQuery.ts';

/**
 * Saved views of the portfolio, kept by the server per workspace: pick one to apply its filter,
 * sort and grouping; save the current ones under a name; delete the chosen one (editors).
 */
export function SavedViews({ workspaceId, current, canSave, onApply }: {
  workspaceId: string;
  current: PortfolioViewState;
  /** Editors and owners of the workspace save and delete views; every member opens them. */
  canSave: boolean;
  onApply: (state: PortfolioViewState) => void;
}) {
  const { t } = useTranslation();
  const read = useQuery(savedViewsQuery(workspaceId));
  const views = read.data ?? [];
  const change = useServerChange(savedViewsQuery(workspaceId).queryKey);
  const [chosen, setChosen] = useState('');
  const [naming, setNaming] = useState(false);
  const [changeMessage, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const message = changeMessage ?? (read.error ? { error: true, text: t('portfolio.views.failed', { error: read.error.message }) } : null);

  // Shows its own errors and never rejects, so the handlers may `void` it.
  async function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const name = new FormData(event.currentTarget).get('name')?.toString().trim();
    if (!name) return;
    try {
      const view = await change.run(() => portfolioApi.saveView(workspaceId, name, current));
      setNaming(false);
      setChosen(view.id);
      setMessage({ error: false, text: t('portfolio.views.saved', { name }) });
    } catch (e) {
      setMessage({ error: true, text: t('portfolio.views.failed', { error: (e as Error).message }) });
    }
  }

  async function remove(view: SavedView) {
    if (!confirm(t('portfolio.views.confirmDelete', { name: view.name }))) return;
    try {
      await change.run(() => portfolioApi.deleteView(view.id));
      setChosen('');
    } catch (e) {
      setMessage({ error: true, text: t('portfolio.views.failed', { error: (e as Error).message }) });
    }
  }

  const chosenView = views.find((v) => v.id === chosen);
  return (
    <div className="saved-views" role="group" aria-label={t('portfolio.views.label')}>
      <label>
        <span className="visually-hidden">{t('portfolio.views.choose')}</span>
        <select
          value={chosen}
          onChange={(e) => {
            setChosen(e.target.value);
            const view = views.find((v) => v.id === e.target.value);
            if (view) onApply(viewStateFrom(view.state));
          }}
          data-testid="saved-views"
        >
          <option value="">{t('portfolio.views.placeholder')}</option>
          {views.map((view) => (
            <option key={view.id} value={view.id}>
              {view.name}
            </option>
          ))}
        </select>
      </label>
      {chosenView && canSave && (
        <button type="button" className="link danger" onClick={() => void remove(chosenView)} data-testid="delete-view">
          {t('portfolio.views.delete')}
        </button>
      )}
      {!canSave ? null : naming ? (
        <form className="saved-views__form" onSubmit={(event) => void save(event)}>
          <label>
            <span className="visually-hidden">{t('portfolio.views.name')}</span>
            <input name="name" maxLength={100} placeholder={t('portfolio.views.name')} autoFocus required data-testid="view-name" />
          </label>
          <button type="submit" className="primary">
            {t('portfolio.views.saveSubmit')}
          </button>
          <button type="button" onClick={() => setNaming(false)}>
            {t('portfolio.views.cancel')}
          </button>
        </form>
      ) : (
        <button type="button" onClick={() => setNaming(true)} data-testid="save-view">
          {t('portfolio.views.save')}
        </button>
      )}
      {message && (
        <span role={message.error ? 'alert' : 'status'} className={message.error ? 'error' : 'hint'}>
          {message.text}
        </span>
      )}
    </div>
  );
}
