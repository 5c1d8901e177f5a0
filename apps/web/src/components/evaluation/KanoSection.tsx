import { useTranslation } from 'react-i18next';
import type { KanoElementSummary } from '@klantreis/evaluation';
import type { JourneyDocument } from '@klantreis/schema';
import { useUiLocale } from '../../hooks/useEvaluation.ts';
import { useEditorStore } from '../../stores/editorStore.ts';
import { decimalText } from './formatNumbers.ts';
import { KanoChart } from './KanoChart.tsx';
import { KanoImport } from './KanoImport.tsx';
import { stepNames } from './stepNames.ts';

/** The Kano questionnaire's results: the Better/Worse chart, the same numbers as a table, and the CSV import. */
export function KanoSection({ journey, elements }: { journey: JourneyDocument; elements: KanoElementSummary[] }) {
  const { t } = useTranslation();
  const locale = useUiLocale();
  const showSteps = useEditorStore((s) => s.showSteps);
  const names = stepNames(journey.steps, t('step.untitled'));
  return (
    <section className="eval-section" aria-labelledby="eval-kano">
      <h3 id="eval-kano">{t('kanoChart.title')}</h3>
      {elements.length === 0 ? (
        <p className="hint">{t('kanoChart.empty')}</p>
      ) : (
        <>
          <KanoChart elements={elements} labels={names} />
          <p className="hint">{t('kanoChart.axes')}</p>
          <table className="data-table" data-testid="kano-table">
            <caption className="visually-hidden">{t('kanoChart.table')}</caption>
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{t('kanoChart.element')}</th>
                <th scope="col">Better</th>
                <th scope="col">Worse</th>
                <th scope="col">{t('kanoImport.category')}</th>
              </tr>
            </thead>
            <tbody>
              {elements.map((element, i) => (
                <tr key={`${element.stepId}-${element.elementId}`} data-element-id={element.elementId}>
                  <td>{i + 1}</td>
                  <td>
                    <button type="button" className="link" onClick={() => showSteps([element.stepId])} title={names.get(element.stepId)}>
                      {element.text || t('kanoChart.unnamed')}
                    </button>
                  </td>
                  <td>{decimalText(element.better, locale)}</td>
                  <td>{decimalText(element.worse, locale)}</td>
                  <td>{element.category ? t(`kano.${element.category}`) : '–'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <details className="kano-import-details">
        <summary>{t('kanoImport.title')}</summary>
        <KanoImport journey={journey} />
      </details>
    </section>
  );
}
