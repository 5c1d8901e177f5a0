import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { journeysApi } from '../api/journeysApi.ts';
import { journeyKeys } from '../queries/journeys.ts';

/** The dialog for a new journey: a title, a template or blank, and the language of the content. */
export function CreateJourneyDialog({ open, initialTemplate, workspaceId, onClose, onCreated }: {
  open: boolean;
  initialTemplate: string;
  /** The workspace it goes to; the server picks the person's first where they may create when not given. */
  workspaceId?: string;
  onClose: () => void;
  onCreated: (id: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const [locale, setLocale] = useState<'nl' | 'en'>(i18n.language === 'en' ? 'en' : 'nl');
  const client = useQueryClient();
  const templatesRead = useQuery({ queryKey: ['templates', locale], queryFn: () => journeysApi.templates(locale), staleTime: Infinity });
  const templates = templatesRead.data ?? [];
  const [templateId, setTemplateId] = useState(initialTemplate);
  const [title, setTitle] = useState('');
  const [submitError, setError] = useState<string | null>(null);
  const error = submitError ?? templatesRead.error?.message ?? null;

  useEffect(() => {
    if (open) {
      setTemplateId(initialTemplate);
      setTitle('');
      setError(null);
      dialog.current?.showModal();
    } else dialog.current?.close();
  }, [open, initialTemplate]);

  // Shows its own errors and never rejects, so the event handlers that call it may `void` it.
  async function submit(event: FormEvent) {
    event.preventDefault();
    try {
      const chosenTitle = title.trim() || undefined;
      const { id } = await journeysApi.create(
        templateId ? { templateId, title: chosenTitle, locale, workspaceId } : { title: chosenTitle ?? t('create.defaultTitle'), locale, workspaceId },
      );
      void client.invalidateQueries({ queryKey: journeyKeys.lists });
      onCreated(id);
    } catch (e) {
      setError((e as Error).message);
    }
  }

  const chosen = templates.find((tpl) => tpl.id === templateId);
  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="create-title" onClose={onClose}>
      <form onSubmit={(event) => void submit(event)} className="form">
        <h2 id="create-title">{t('create.title')}</h2>
        <label>
          {t('create.template')}
          <select value={templateId} onChange={(e) => setTemplateId(e.target.value)} name="template">
            <option value="">{t('create.blank')}</option>
            {templates.map((tpl) => (
              <option key={tpl.id} value={tpl.id}>
                {tpl.title}
              </option>
            ))}
          </select>
        </label>
        {chosen && <p className="hint">{chosen.description}</p>}
        <label>
          {t('create.journeyTitle')}
          <input name="title" value={title} placeholder={chosen?.title ?? t('create.defaultTitle')} onChange={(e) => setTitle(e.target.value)} maxLength={200} />
        </label>
        <label>
          {t('create.contentLanguage')}
          <select value={locale} onChange={(e) => setLocale(e.target.value as 'nl' | 'en')} name="locale">
            <option value="nl">{t('app.languages.nl')}</option>
            <option value="en">{t('app.languages.en')}</option>
          </select>
        </label>
        {error && <p role="alert" className="error">{t('errors.generic', { error })}</p>}
        <div className="form__actions">
          <button type="button" onClick={onClose}>
            {t('create.cancel')}
          </button>
          <button type="submit" className="primary">
            {t('create.create')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
