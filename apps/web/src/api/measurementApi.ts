import type { IndicatorEvaluation, JourneyMetrics, MetricsPeriod, XlaEvaluation } from '@klantreis/analytics';
import type { ErrorResponse, ImportKind, ImportRecord, Measurement as MeasurementAnswer, ReadOptions, RejectedLine, Upload as UploadAnswer } from '@klantreis/core/contracts';
import { ApiError, request } from './journeysApi.ts';

// The measurement API as the dashboard uses it. The requests and answers are core's contracts
// (@klantreis/core/contracts); the figures' own types come from @klantreis/analytics. Both as
// types only: the browser never loads the analytics code (it runs DuckDB on the server).

export type { ImportKind, ImportRecord, IndicatorEvaluation, JourneyMetrics, MetricsPeriod, RejectedLine, XlaEvaluation };

/** The metrics answer, its figures typed as @klantreis/analytics computes them (the contract checks their shape). */
export type Measurement = Omit<MeasurementAnswer, 'metrics' | 'xla'> & { metrics: JourneyMetrics; xla: XlaEvaluation };

/** A checked upload's preview, events or survey; the dialog reads the count of either kind without telling them apart. */
export type StagedPreview = NonNullable<UploadAnswer['staged']> & Partial<Record<'events' | 'cases' | 'responses' | 'journeyResponses' | 'stepResponses', number>>;
export type Upload = Omit<UploadAnswer, 'staged'> & { staged: StagedPreview | null };

/** What to read an upload as (the contract's readOptions); the dialog's lists give the date format and scale as text, which the server checks. */
export type CheckOptions = Omit<ReadOptions, 'dateFormat' | 'scale'> & { dateFormat?: string; scale?: string };

const base = (journeyId: string) => `/api/journeys/${encodeURIComponent(journeyId)}`;

/**
 * Sends a file as the raw request body with XMLHttpRequest, the one browser API that reports
 * upload progress; the server streams it to disk.
 */
function uploadFile(journeyId: string, kind: ImportKind, file: File, onProgress: (loaded: number, total: number) => void): Promise<Upload> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${base(journeyId)}/uploads?kind=${kind}&fileName=${encodeURIComponent(file.name)}`);
    xhr.setRequestHeader('content-type', 'application/octet-stream');
    xhr.upload.onprogress = (event) => onProgress(event.loaded, event.lengthComputable ? event.total : file.size);
    xhr.onload = () => {
      const body = JSON.parse(xhr.responseText || '{}') as Upload & Partial<ErrorResponse>;
      if (xhr.status === 201) resolve(body);
      else reject(new ApiError(xhr.status, body.error ?? xhr.statusText));
    };
    xhr.onerror = () => reject(new ApiError(0, 'network error'));
    xhr.send(file);
  });
}

export const measurementApi = {
  upload: uploadFile,
  check: (journeyId: string, uploadId: string, options: CheckOptions) => request<Upload>(`${base(journeyId)}/uploads/${uploadId}/check`, { method: 'POST', body: JSON.stringify(options) }),
  get: (journeyId: string, uploadId: string) => request<Upload>(`${base(journeyId)}/uploads/${uploadId}`),
  commit: (journeyId: string, uploadId: string) => request<ImportRecord>(`${base(journeyId)}/uploads/${uploadId}/commit`, { method: 'POST', body: '{}' }),
  discard: (journeyId: string, uploadId: string) => request<void>(`${base(journeyId)}/uploads/${uploadId}`, { method: 'DELETE' }),
  deleteImport: (journeyId: string, importId: string) => request<void>(`${base(journeyId)}/imports/${importId}`, { method: 'DELETE' }),
  measure: (journeyId: string, period: MetricsPeriod) => request<Measurement>(`${base(journeyId)}/metrics?period=${period}`),
};
