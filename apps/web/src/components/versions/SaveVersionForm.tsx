import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_TITLE_LENGTH } from '@klantreis/schema';
import { versionsApi } from '../../api/versionsApi.ts';
import { useOwnIdentity } from '../../stores/presenceStore.ts';
import { useVersionsChange } from '../../queries/versions.ts';

/** Saves the map as it is now under a name: "as-is", "to-be 2027". */
export function SaveVersionForm({ journeyId }: { journeyId: string }) {
  const { t } = useTranslation();
  const me = useOwnIdentity();
  const change = useVersionsChange(journeyId);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (name.trim() === '') return;
    setBusy(true);
    try {
      await change(() => versionsApi.save(journeyId, { name: name.trim(), author: me.name }));
      setName('');
      setError(null);
    } catch (caught) {
      setError(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="inline-form" onSubmit={(e) => void onSubmit(e)} data-testid="save-version-form">
      <label>
        {t('versions.name')}
        <input name="version-name" value={name} maxLength={MAX_TITLE_LENGTH} placeholder={t('versions.namePlaceholder')} required onChange={(e) => setName(e.target.value)} />
      </label>
      <button type="submit" className="primary" disabled={busy}>
        {t('versions.save')}
      </button>
      {error && (
        <p role="alert" className="error">
          {t('versions.failed', { error })}
        </p>
      )}
    </form>
  );
}
