import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { accountsApi } from '../api/accountsApi.ts';
import { refreshMe, useMe } from '../queries/session.ts';

/**
 * The journeys list's workspace: all of them or one (in the address, `?workspace=`), and a new
 * workspace of one's own for whoever may create journeys. Shown once there is a choice to make.
 */
export function WorkspacePicker({ workspaceId, canCreate, onChoose }: { workspaceId: string | null; canCreate: boolean; onChoose: (workspaceId: string | null) => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const [creating, setCreating] = useState(false);
  const workspaces = me?.workspaces ?? [];
  if (workspaces.length <= 1 && !canCreate) return null;
  return (
    <>
      {workspaces.length > 1 && (
        <label className="workspace-picker">
          <span className="visually-hidden">{t('access.workspaces.label')}</span>
          <select value={workspaceId ?? ''} onChange={(e) => onChoose(e.target.value || null)}>
            <option value="">{t('access.workspaces.all')}</option>
            {workspaces.map((w) => (
              <option key={w.id} value={w.id}>
                {w.name}
              </option>
            ))}
          </select>
        </label>
      )}
      {canCreate && (
        // Beside the picker on a narrow screen it is a "+" (its name kept for screen readers and
        // as its tooltip), so the journeys list's toolbar stays one row at 1024 px (issue 14).
        <button type="button" className="workspace-picker__new" title={t('access.workspaces.create')} onClick={() => setCreating(true)}>
          <span className="workspace-picker__plus" aria-hidden="true">+</span>
          <span className="workspace-picker__new-name">{t('access.workspaces.create')}</span>
        </button>
      )}
      <NewWorkspaceDialog
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(id) => {
          setCreating(false);
          onChoose(id);
        }}
      />
    </>
  );
}

function NewWorkspaceDialog({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (workspaceId: string) => void }) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (open) {
      setName('');
      setError(null);
      dialog.current?.showModal();
    } else dialog.current?.close();
  }, [open]);

  // Shows its own errors and never rejects, so the event handlers that call it may `void` it.
  async function submit(event: FormEvent) {
    event.preventDefault();
    try {
      const made = await accountsApi.createWorkspace(name.trim());
      await refreshMe();
      onCreated(made.id);
    } catch (e) {
      setError((e as Error).message);
    }
  }

  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="new-workspace-title" onClose={onClose}>
      <form onSubmit={(event) => void submit(event)} className="form">
        <h2 id="new-workspace-title">{t('access.workspaces.createTitle')}</h2>
        <p className="hint">{t('access.workspaces.createIntro')}</p>
        <label>
          {t('access.workspaces.name')}
          <input name="name" value={name} onChange={(e) => setName(e.target.value)} required maxLength={120} autoFocus />
        </label>
        {error && (
          <p role="alert" className="error">
            {t('errors.generic', { error })}
          </p>
        )}
        <div className="form__actions">
          <button type="button" onClick={onClose}>
            {t('access.workspaces.cancel')}
          </button>
          <button type="submit" className="primary" disabled={name.trim() === ''}>
            {t('access.workspaces.submit')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
