import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { journeysApi } from '../api/journeysApi.ts';

const FORMATS = ['pdf', 'pptx', 'png', 'svg', 'xlsx', 'csv', 'mermaid', 'json'] as const;
type Format = (typeof FORMATS)[number];
const PAPERS = ['A0', 'A1', 'A2', 'A3', 'A4', 'Letter', 'Legal', 'Tabloid'] as const;

interface ExportChoice {
  format: Format;
  paper: (typeof PAPERS)[number];
  orientation: 'portrait' | 'landscape';
  fit: 'page' | 'tile';
  findings: boolean;
  scale: 1 | 2 | 4;
  hiddenLanes: boolean;
}

const DEFAULT_CHOICE: ExportChoice = { format: 'pdf', paper: 'A3', orientation: 'landscape', fit: 'page', findings: true, scale: 2, hiddenLanes: false };
const STORAGE_KEY = 'klantreis.export';

/** The last export chosen on this device, so the next poster comes out the same way. */
function rememberedChoice(): ExportChoice {
  try {
    const stored = JSON.parse(globalThis.localStorage?.getItem(STORAGE_KEY) ?? 'null') as Partial<ExportChoice> | null;
    const choice = { ...DEFAULT_CHOICE, ...stored };
    return FORMATS.includes(choice.format) && PAPERS.includes(choice.paper) ? choice : DEFAULT_CHOICE;
  } catch {
    return DEFAULT_CHOICE;
  }
}

function exportHref(journeyId: string, choice: ExportChoice): string {
  const query = new URLSearchParams({ format: choice.format });
  if (choice.format === 'pdf') {
    query.set('paper', choice.paper);
    query.set('orientation', choice.orientation);
    query.set('fit', choice.fit);
    query.set('findings', String(choice.findings));
  }
  if (choice.format === 'png') query.set('scale', String(choice.scale));
  if (choice.hiddenLanes && choice.format !== 'json' && choice.format !== 'mermaid') query.set('hiddenLanes', 'true');
  return `${journeysApi.exportUrl(journeyId)}?${query}`;
}

/** Export as poster, slides, picture, table or text: one choice at a time, remembered. */
export function ExportDialog({ journeyId, journeyLocale, open, onClose }: { journeyId: string; journeyLocale: 'nl' | 'en'; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const dialog = useRef<HTMLDialogElement>(null);
  const [choice, setChoice] = useState<ExportChoice>(rememberedChoice);

  useEffect(() => {
    if (open) dialog.current?.showModal();
    else dialog.current?.close();
  }, [open]);

  const update = (change: Partial<ExportChoice>) => {
    const next = { ...choice, ...change };
    setChoice(next);
    globalThis.localStorage?.setItem(STORAGE_KEY, JSON.stringify(next));
  };

  return (
    <dialog ref={dialog} className="dialog export-dialog" aria-labelledby="export-title" onClose={onClose}>
      <form method="dialog" className="form">
        <h2 id="export-title">{t('export.title')}</h2>
        <fieldset>
          <legend>{t('export.format')}</legend>
          {FORMATS.map((format) => (
            <label key={format} className="checkbox">
              <input type="radio" name="format" value={format} checked={choice.format === format} onChange={() => update({ format })} />
              <span>
                {t(`export.formats.${format}`)}
                <span className="hint export-dialog__hint">{t(`export.hints.${format}`)}</span>
              </span>
            </label>
          ))}
        </fieldset>
        {choice.format === 'pdf' && (
          <fieldset>
            <legend>{t('export.formats.pdf')}</legend>
            <label>
              {t('export.paper')}
              <select value={choice.paper} onChange={(e) => update({ paper: e.target.value as ExportChoice['paper'] })}>
                {PAPERS.map((paper) => (
                  <option key={paper} value={paper}>
                    {paper}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('export.orientation')}
              <select value={choice.orientation} onChange={(e) => update({ orientation: e.target.value as ExportChoice['orientation'] })}>
                <option value="landscape">{t('export.landscape')}</option>
                <option value="portrait">{t('export.portrait')}</option>
              </select>
            </label>
            <label>
              {t('export.fit')}
              <select value={choice.fit} onChange={(e) => update({ fit: e.target.value as ExportChoice['fit'] })}>
                <option value="page">{t('export.fitPage')}</option>
                <option value="tile">{t('export.fitTile')}</option>
              </select>
            </label>
            <label className="checkbox">
              <input type="checkbox" checked={choice.findings} onChange={(e) => update({ findings: e.target.checked })} />
              {t('export.findings')}
            </label>
          </fieldset>
        )}
        {choice.format === 'png' && (
          <label>
            {t('export.scale')}
            <select value={choice.scale} onChange={(e) => update({ scale: Number(e.target.value) as ExportChoice['scale'] })}>
              {([1, 2, 4] as const).map((scale) => (
                <option key={scale} value={scale}>
                  {t('export.scaleOption', { scale, hint: t(`export.scaleHints.${scale}`) })}
                </option>
              ))}
            </select>
          </label>
        )}
        {choice.format !== 'json' && choice.format !== 'mermaid' && (
          <label className="checkbox">
            <input type="checkbox" checked={choice.hiddenLanes} onChange={(e) => update({ hiddenLanes: e.target.checked })} />
            {t('export.hiddenLanes')}
          </label>
        )}
        <p className="hint">{t('export.language', { language: t(`export.languages.${journeyLocale}`) })}</p>
        <div className="form__actions">
          <button type="submit">{t('export.close')}</button>
          <a className="button primary" href={exportHref(journeyId, choice)} download data-testid="export-download">
            {t('export.download')}
          </a>
        </div>
      </form>
    </dialog>
  );
}
