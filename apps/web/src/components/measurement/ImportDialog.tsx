import { useEffect, useRef, useState, type ChangeEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/journeysApi.ts';
import { measurementApi, type CheckOptions, type ImportKind, type ImportRecord, type RejectedLine, type Upload } from '../../api/measurementApi.ts';
import { useUiLocale } from '../../hooks/useEvaluation.ts';
import { progressFigures } from '@klantreis/analytics/progress';
import { durationText, momentText, numberText } from './formatMeasures.ts';
import { ScrollRegion } from './ScrollRegion.tsx';

const EVENT_FIELDS = ['caseId', 'activity', 'timestamp', 'channel', 'resource', 'segment'] as const;
const SURVEY_FIELDS = ['score', 'caseId', 'step', 'scale', 'comment', 'timestamp', 'lostMinutes'] as const;
const DATE_FORMATS = ['yyyy-mm-dd', 'dd-mm-yyyy', 'dd/mm/yyyy', 'mm/dd/yyyy', 'yyyy/mm/dd', 'dd.mm.yyyy'] as const;
const SCALES = ['csat', 'zero-to-ten', 'happiness'] as const;

type Phase = { kind: 'choose' } | { kind: 'uploading'; fileName: string; percent: number } | { kind: 'upload'; upload: Upload } | { kind: 'error'; message: string };

/**
 * Importing a file in the steps the server takes: upload (with progress), check every row (with
 * progress), look at the preview (what was detected, the column mapping, the first rows, every
 * rejected line), then import the good rows or cancel. Changing a setting checks again.
 */
export function ImportDialog({ journeyId, kind, onClose, onImported }: { journeyId: string; kind: ImportKind; onClose: () => void; onImported: (record: ImportRecord) => void }) {
  const { t } = useTranslation();
  const locale = useUiLocale();
  const dialog = useRef<HTMLDialogElement>(null);
  const [phase, setPhase] = useState<Phase>({ kind: 'choose' });
  const [options, setOptions] = useState<CheckOptions>({});
  const [committing, setCommitting] = useState(false);
  const uploadId = phase.kind === 'upload' ? phase.upload.id : null;
  const checking = phase.kind === 'upload' && phase.upload.state === 'checking';

  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  // The server tells nothing by itself while it reads the file: its progress is asked for
  // four times a second until the check is done.
  const progress = useQuery({
    queryKey: ['journey', journeyId, 'upload', uploadId],
    queryFn: () => measurementApi.get(journeyId, uploadId ?? ''),
    enabled: checking && uploadId !== null,
    refetchInterval: 250,
    gcTime: 0,
  });
  useEffect(() => {
    const upload = progress.data;
    if (upload) setPhase((current) => (current.kind === 'upload' && current.upload.id === upload.id ? { kind: 'upload', upload } : current));
  }, [progress.data]);
  useEffect(() => {
    if (progress.error) setPhase({ kind: 'error', message: progress.error.message });
  }, [progress.error]);

  async function check(upload: Upload, next: CheckOptions) {
    setOptions(next);
    try {
      setPhase({ kind: 'upload', upload: await measurementApi.check(journeyId, upload.id, next) });
    } catch (e) {
      setPhase({ kind: 'error', message: (e as Error).message });
    }
  }

  // Shows its own errors and never rejects, so the event handlers that call it may `void` it.
  async function choose(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (!file) return;
    setPhase({ kind: 'uploading', fileName: file.name, percent: 0 });
    try {
      const upload = await measurementApi.upload(journeyId, kind, file, (loaded, total) =>
        setPhase({ kind: 'uploading', fileName: file.name, percent: Math.floor((100 * loaded) / Math.max(1, total)) }),
      );
      await check(upload, {});
    } catch (e) {
      // Refusals of the file's size, in the user's language; the server's own words otherwise.
      const status = e instanceof ApiError ? e.status : 0;
      const message = status === 413 ? t('measurement.importDialog.uploadTooLarge', { file: file.name }) : status === 507 ? t('measurement.importDialog.uploadsFull', { file: file.name }) : (e as Error).message;
      setPhase({ kind: 'error', message });
    }
  }

  async function commit(upload: Upload) {
    setCommitting(true);
    try {
      onImported(await measurementApi.commit(journeyId, upload.id));
      dialog.current?.close();
    } catch (e) {
      setPhase({ kind: 'error', message: (e as Error).message });
    } finally {
      setCommitting(false);
    }
  }

  function close() {
    // An upload that was not imported is discarded on the server too.
    if (phase.kind === 'upload' && phase.upload.state !== 'committed') void measurementApi.discard(journeyId, phase.upload.id).catch(() => undefined);
    onClose();
  }

  const title = kind === 'events' ? t('measurement.importDialog.titleEvents') : t('measurement.importDialog.titleSurvey');
  return (
    <dialog ref={dialog} className="dialog dialog--import" aria-labelledby="import-title" onClose={close} data-testid="import-dialog">
      <h2 id="import-title">{title}</h2>
      <p className="hint">{kind === 'events' ? t('measurement.importDialog.helpEvents') : t('measurement.importDialog.helpSurvey')}</p>
      {phase.kind === 'choose' && (
        <label className="file-field">
          {t('measurement.importDialog.file')}
          <input type="file" onChange={(event) => void choose(event)} data-testid="import-file" accept={kind === 'events' ? '.csv,.tsv,.txt,.jsonl,.ndjson,.xes,.gz,.xml,.parquet' : '.csv,.tsv,.txt'} />
        </label>
      )}
      {phase.kind === 'uploading' && <Progress label={t('measurement.importDialog.uploading', { file: phase.fileName, percent: phase.percent })} percent={phase.percent} />}
      {phase.kind === 'error' && (
        <p role="alert" className="error">
          {phase.message}
        </p>
      )}
      {phase.kind === 'upload' && (
        <UploadView
          upload={phase.upload}
          options={options}
          locale={locale}
          onCheck={(next) => void check(phase.upload, next)}
        />
      )}
      <div className="form__actions">
        <button type="button" onClick={() => dialog.current?.close()}>
          {phase.kind === 'upload' && phase.upload.state === 'committed' ? t('measurement.importDialog.close') : t('measurement.importDialog.cancel')}
        </button>
        {phase.kind === 'upload' && phase.upload.state === 'checked' && phase.upload.staged && (
          <button type="button" className="primary" disabled={committing || phase.upload.duplicateOf !== null} onClick={() => void commit(phase.upload)} data-testid="import-commit">
            {phase.upload.staged.rejectedCount > 0
              ? t('measurement.importDialog.importGood', { count: phase.upload.staged.events ?? phase.upload.staged.responses ?? 0 })
              : t('measurement.importDialog.importAll')}
          </button>
        )}
      </div>
    </dialog>
  );
}

/** `percent` null: work with no share done to show, an indeterminate bar (no value). */
function Progress({ label, percent }: { label: string; percent: number | null }) {
  return (
    <div className="import-progress" data-testid="import-progress">
      <span>{label}</span>
      <progress max={100} value={percent ?? undefined} aria-label={label} />
    </div>
  );
}

function UploadView({ upload, options, locale, onCheck }: { upload: Upload; options: CheckOptions; locale: 'nl' | 'en'; onCheck: (options: CheckOptions) => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<CheckOptions>(options);
  useEffect(() => setDraft(options), [options]);
  if (upload.state === 'checking' || upload.state === 'uploaded') {
    // The file is read; ordering each case's events takes about as long again, with no share done.
    if (upload.progress?.stage === 'indexing') return <Progress label={t('measurement.importDialog.indexing')} percent={null} />;
    const figures = upload.progress ? progressFigures(upload.progress, upload.progress.elapsedMs / 1000) : null;
    const percent = figures ? Math.floor(figures.fraction * 100) : 0;
    const pace = [
      figures?.eventsPerSecond == null ? null : t('measurement.importDialog.pace', { rate: numberText(figures.eventsPerSecond, locale) }),
      figures?.secondsLeft == null ? null : t('measurement.importDialog.timeLeft', { duration: durationText(figures.secondsLeft, locale) }),
    ].filter((part) => part !== null);
    return <Progress label={[t('measurement.importDialog.checking', { percent }), ...pace].join(' · ')} percent={percent} />;
  }
  const staged = upload.staged;
  const detected = staged?.summary.detected;
  const columns = staged?.summary.columns ?? [];
  const fields = upload.kind === 'events' ? EVENT_FIELDS : SURVEY_FIELDS;
  const mapping = { ...(staged?.summary.mapping ?? {}), ...(draft.mapping ?? {}) };
  const set = (patch: Partial<CheckOptions>) => setDraft((current) => ({ ...current, ...patch }));
  const setColumn = (field: string, column: string) => set({ mapping: { ...(draft.mapping ?? {}), [field]: column } });
  const rejected = staged?.rejected ?? upload.problem?.rejected ?? [];
  const rejectedCount = staged?.rejectedCount ?? upload.problem?.rejectedCount ?? 0;

  return (
    <div className="import-preview" data-testid="import-preview">
      {upload.duplicateOf && (
        <p role="alert" className="error" data-testid="import-duplicate">
          {t('measurement.importDialog.duplicate', { date: new Date(upload.duplicateOf.createdAt).toLocaleString(locale), file: upload.duplicateOf.fileName })}
        </p>
      )}
      {upload.problem && (
        <p role="alert" className="error">
          {t('measurement.importDialog.failed')} {upload.problem.message}
        </p>
      )}
      <fieldset className="import-settings">
        <legend>{t('measurement.importDialog.detected')}</legend>
        <div className="row">
          <label>
            {t('measurement.importDialog.delimiter')}
            <select value={draft.delimiter ?? ''} onChange={(e) => set({ delimiter: e.target.value || undefined })} data-testid="import-delimiter">
              <option value="">
                {t('measurement.importDialog.detect')}
                {detected?.delimiter ? ` (${detected.delimiter === '\t' ? t('measurement.importDialog.tab') : detected.delimiter})` : ''}
              </option>
              {[',', ';', '\t', '|'].map((d) => (
                <option key={d} value={d}>
                  {d === '\t' ? t('measurement.importDialog.tab') : d}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('measurement.importDialog.decimalMark')}
            <select value={draft.decimalMark ?? ''} onChange={(e) => set({ decimalMark: (e.target.value || undefined) as CheckOptions['decimalMark'] })}>
              <option value="">
                {t('measurement.importDialog.detect')}
                {detected ? ` (${detected.decimalMark})` : ''}
              </option>
              <option value=".">.</option>
              <option value=",">,</option>
            </select>
          </label>
          <label>
            {t('measurement.importDialog.encoding')}
            <select value={draft.encoding ?? ''} onChange={(e) => set({ encoding: e.target.value || undefined })}>
              <option value="">
                {t('measurement.importDialog.detect')}
                {detected ? ` (${detected.encoding})` : ''}
              </option>
              {['utf-8', 'windows-1252', 'utf-16le'].map((encoding) => (
                <option key={encoding} value={encoding}>
                  {encoding}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('measurement.importDialog.dateFormat')}
            <select value={draft.dateFormat ?? ''} onChange={(e) => set({ dateFormat: e.target.value || undefined })}>
              <option value="">
                {t('measurement.importDialog.detect')}
                {detected?.dateFormat ? ` (${detected.dateFormat})` : ''}
              </option>
              {DATE_FORMATS.map((format) => (
                <option key={format} value={format}>
                  {format}
                </option>
              ))}
            </select>
          </label>
          {upload.kind === 'survey' && (
            <label>
              {t('measurement.importDialog.scale')}
              <select value={draft.scale ?? ''} onChange={(e) => set({ scale: e.target.value || undefined })}>
                <option value="">
                  {t('measurement.importDialog.detect')}
                  {detected?.scale ? ` (${t(`measurement.importDialog.scales.${detected.scale}`)})` : ''}
                </option>
                {SCALES.map((scale) => (
                  <option key={scale} value={scale}>
                    {t(`measurement.importDialog.scales.${scale}`)}
                  </option>
                ))}
              </select>
            </label>
          )}
        </div>
      </fieldset>
      {columns.length > 0 && (
        <fieldset className="import-settings">
          <legend>{t('measurement.importDialog.columns')}</legend>
          <div className="row">
            {fields.map((field) => (
              <label key={field}>
                {t(`measurement.importDialog.fields.${field}`)}
                <select value={mapping[field] ?? ''} onChange={(e) => setColumn(field, e.target.value)} data-field={field}>
                  <option value="">{t('measurement.importDialog.notMapped')}</option>
                  {columns.map((column) => (
                    <option key={column} value={column}>
                      {column}
                    </option>
                  ))}
                </select>
              </label>
            ))}
          </div>
        </fieldset>
      )}
      <button type="button" onClick={() => onCheck(draft)} data-testid="import-recheck">
        {t('measurement.importDialog.recheck')}
      </button>
      {staged && (
        <>
          <p className="import-summary" data-testid="import-summary">
            {staged.kind === 'events'
              ? t('measurement.importDialog.summaryEvents', { events: numberText(staged.events ?? 0, locale), cases: numberText(staged.cases ?? 0, locale) })
              : t('measurement.importDialog.summarySurvey', {
                  count: staged.responses ?? 0,
                  journey: numberText(staged.journeyResponses ?? 0, locale),
                  steps: numberText(staged.stepResponses ?? 0, locale),
                })}
          </p>
          <SampleTable rows={staged.sampleRows} />
        </>
      )}
      {rejectedCount > 0 && <RejectedLines rejected={rejected} count={rejectedCount} />}
    </div>
  );
}

/** Sample columns named as the mapping names them; a key without a name of its own is shown as it is. */
const SAMPLE_LABELS = new Set(['caseId', 'activity', 'timestamp', 'channel', 'resource', 'segment', 'score', 'scale', 'comment', 'lostMinutes', 'stepReference', 'axis']);

function SampleTable({ rows }: { rows: Record<string, unknown>[] }) {
  const { t } = useTranslation();
  const locale = useUiLocale();
  if (rows.length === 0) return null;
  const keys = Object.keys(rows[0]!).filter((key) => key !== 'line' && key !== 'attributes' && key !== 'stepId');
  const text = (key: string, value: unknown) =>
    value === null || value === undefined ? '' : key === 'timestamp' && typeof value === 'string' ? momentText(value, locale) : typeof value === 'object' ? JSON.stringify(value) : String(value);
  return (
    <details className="import-sample" open>
      <summary>{t('measurement.importDialog.sample')}</summary>
      <ScrollRegion label={t('measurement.importDialog.sample')}>
        <table className="data-table">
          <thead>
            <tr>
              {keys.map((key) => (
                <th key={key} scope="col">
                  {SAMPLE_LABELS.has(key) ? t(`measurement.importDialog.fields.${key}`) : key}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, i) => (
              <tr key={i}>
                {keys.map((key) => (
                  <td key={key}>{text(key, row[key])}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
    </details>
  );
}

function RejectedLines({ rejected, count }: { rejected: RejectedLine[]; count: number }) {
  const { t } = useTranslation();
  return (
    <div className="import-rejected" data-testid="import-rejected">
      <p>{t('measurement.importDialog.rejected', { count })}</p>
      <ScrollRegion label={t('measurement.importDialog.rejected', { count })}>
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('measurement.importDialog.line')}</th>
              <th scope="col">{t('measurement.importDialog.field')}</th>
              <th scope="col">{t('measurement.importDialog.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {rejected.map((line) => (
              <tr key={`${line.line}-${line.field ?? ''}`}>
                <td>{line.line}</td>
                <td>{line.field ?? t('measurement.importDialog.wholeLine')}</td>
                <td>{line.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      {count > rejected.length && <p className="hint">{t('measurement.importDialog.moreRejected', { count: count - rejected.length })}</p>}
    </div>
  );
}
