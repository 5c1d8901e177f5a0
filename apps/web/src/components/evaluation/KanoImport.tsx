import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseKanoCsv, type KanoCsvImport } from '@klantreis/evaluation';
import { CURRENT_SCHEMA_VERSION, emptyLists, type JourneyDocument } from '@klantreis/schema';
import { journeyFromDoc, setKanoResults } from '@klantreis/sync';
import { useUiLocale } from '../../hooks/useEvaluation.ts';
import { useJourneyEdit } from '../../hooks/useJourneyEdit.ts';
import { decimalText } from './formatNumbers.ts';


/**
 * Questionnaire answers from a CSV file or pasted text. The preview shows what the import will
 * do, or every problem with its line and column; with any problem the button stays off, so a
 * bad file never changes an element.
 */
export function KanoImport({ journey }: { journey: JourneyDocument }) {
  const { t } = useTranslation();
  const locale = useUiLocale();
  const edit = useJourneyEdit();
  const id = useId();
  const [text, setText] = useState('');
  const [readError, setReadError] = useState<string | null>(null);
  const [imported, setImported] = useState<number | null>(null);
  const { phases, steps } = journey;
  // The elements live on the steps and are read in phase order: the preview follows those two only.
  const preview = useMemo<KanoCsvImport | null>(
    () => (text.trim() === '' ? null : parseKanoCsv(text, { schemaVersion: CURRENT_SCHEMA_VERSION, journey: journey.journey, ...emptyLists(), phases, steps }, locale)),
    [text, journey.journey, phases, steps, locale],
  );

  function importAnswers() {
    // Parsed again against the document as it is now, inside the edit: an element deleted by
    // someone else since the preview is reported instead of half-imported.
    const result = edit((doc, origin) => {
      const parsed = parseKanoCsv(text, journeyFromDoc(doc), locale);
      if (parsed.ok) setKanoResults(doc, parsed.elements, origin);
      return parsed;
    });
    if (result?.ok) {
      setImported(result.answerCount);
      setText('');
    }
  }

  return (
    <div className="kano-import" data-testid="kano-import">
      <p className="hint">{t('kanoImport.help')}</p>
      <label className="field">
        {t('kanoImport.file')}
        <input
          type="file"
          accept=".csv,text/csv,text/plain"
          onChange={(e) => {
            const file = e.target.files?.[0];
            setImported(null);
            setReadError(null);
            if (file) file.text().then(setText, (error: Error) => setReadError(error.message));
          }}
        />
      </label>
      <label className="field">
        {t('kanoImport.text')}
        <textarea
          name="kano-csv"
          rows={5}
          value={text}
          spellCheck={false}
          placeholder={'respondent,element,functional,dysfunctional\nr1,Gratis koffie,leuk,neutraal'}
          onChange={(e) => {
            setImported(null);
            setText(e.target.value);
          }}
        />
      </label>
      {readError && <p className="error">{readError}</p>}
      <div aria-live="polite" id={`${id}-preview`}>
        {preview?.ok && (
          <div className="kano-preview" data-testid="kano-preview">
            <p>{t('kanoImport.preview', { count: preview.answerCount, elements: preview.elements.length })}</p>
            <table className="data-table">
              <thead>
                <tr>
                  <th scope="col">{t('kanoChart.element')}</th>
                  <th scope="col">{t('kanoImport.category')}</th>
                  <th scope="col">Better</th>
                  <th scope="col">Worse</th>
                </tr>
              </thead>
              <tbody>
                {preview.elements.map((element) => (
                  <tr key={`${element.stepId}-${element.elementId}`}>
                    <td>{element.text || t('kanoChart.unnamed')}</td>
                    <td>{element.category ? t(`kano.${element.category}`) : t('step.kanoNone')}</td>
                    <td>{decimalText(element.better, locale)}</td>
                    <td>{decimalText(element.worse, locale)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {preview && !preview.ok && (
          <div className="error" data-testid="kano-problems">
            <p>{t('kanoImport.problems', { count: preview.issues.length + preview.moreIssues })}</p>
            <ul>
              {preview.issues.map((issue, i) => (
                <li key={i} data-line={issue.line} data-field={issue.field}>
                  <strong>
                    {t('kanoImport.line', { line: issue.line })} · {t(`kanoImport.columns.${issue.field}`)}
                  </strong>
                  : {issue.message}
                </li>
              ))}
              {preview.moreIssues > 0 && <li>{t('kanoImport.more', { count: preview.moreIssues })}</li>}
            </ul>
          </div>
        )}
        {imported !== null && (
          <p className="success" role="status">
            {t('kanoImport.imported', { count: imported })}
          </p>
        )}
      </div>
      <button type="button" className="primary" disabled={!preview?.ok} onClick={importAnswers} aria-describedby={`${id}-preview`}>
        {t('kanoImport.import')}
      </button>
    </div>
  );
}
