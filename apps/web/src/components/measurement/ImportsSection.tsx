import { useTranslation } from 'react-i18next';
import { measurementApi, type ImportKind, type ImportRecord } from '../../api/measurementApi.ts';
import { useUiLocale } from '../../hooks/useEvaluation.ts';
import { numberText } from './formatMeasures.ts';

/** What was imported for the journey, oldest first, and the buttons to import more. */
export function ImportsSection({ journeyId, imports, onImport, onChanged }: { journeyId: string; imports: ImportRecord[]; onImport: (kind: ImportKind) => void; onChanged: () => void }) {
  const { t } = useTranslation();
  const locale = useUiLocale();
  const day = (iso: string | null) => (iso === null ? '–' : new Date(iso).toLocaleDateString(locale === 'nl' ? 'nl-NL' : 'en-GB'));
  async function remove(record: ImportRecord) {
    if (!confirm(t('measurement.data.confirmDelete', { file: record.fileName }))) return;
    await measurementApi.deleteImport(journeyId, record.id);
    onChanged();
  }
  return (
    <section className="dash-section" aria-labelledby="data-title" data-testid="imports">
      <h2 id="data-title">{t('measurement.data.title')}</h2>
      {imports.length === 0 ? (
        <p className="hint">{t('measurement.data.none')}</p>
      ) : (
        <ul className="plain-list imports">
          {imports.map((record) => (
            <li key={record.id} className="import-item" data-import-id={record.id}>
              <div>
                <strong>{record.fileName}</strong> <span className="badge">{t(`measurement.data.kinds.${record.kind}`)}</span>
              </div>
              <div className="muted">
                {record.kind === 'events'
                  ? t('measurement.data.events', { rows: numberText(record.rows, locale), cases: numberText(record.cases, locale) })
                  : t('measurement.data.answers', { rows: numberText(record.rows, locale) })}
                {record.firstAt && ` · ${t('measurement.data.range', { from: day(record.firstAt), to: day(record.lastAt) })}`}
                {record.rejected > 0 && ` · ${t('measurement.data.rejected', { count: record.rejected })}`}
              </div>
              <button type="button" className="link danger" onClick={() => void remove(record)}>
                {t('measurement.data.delete', { file: record.fileName })}
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="toolbar">
        <button type="button" className="primary" onClick={() => onImport('events')} data-testid="import-events">
          {t('measurement.data.importEvents')}
        </button>
        <button type="button" onClick={() => onImport('survey')} data-testid="import-survey">
          {t('measurement.data.importSurvey')}
        </button>
      </div>
    </section>
  );
}
