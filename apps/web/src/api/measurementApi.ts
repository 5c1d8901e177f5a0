import type { IndicatorEvaluation, JourneyMetrics, MetricsPeriod, XlaEvaluation } from '@klantreis/analytics';
import { ApiError, request } from './journeysApi.ts';

// The measurement API as the dashboard uses it. Types come from @klantreis/analytics as types
// only: the browser never loads the analytics code (it runs DuckDB on the server).

export type { IndicatorEvaluation, JourneyMetrics, MetricsPeriod, XlaEvaluation };
export type ImportKind = 'events' | 'survey';

export interface RejectedLine {
  line: number;
  field: string | null;
  reason: string;
}

export interface ImportRecord {
  id: string;
  kind: ImportKind;
  fileName: string;
  rows: number;
  rejected: number;
  cases: number | null;
  firstAt: string | null;
  lastAt: string | null;
  createdAt: number;
}

export interface Detected {
  delimiter: string | null;
  decimalMark: '.' | ',';
  encoding: string;
  dateFormat: string | null;
  scale?: string | null;
  scaleSource?: string | null;
}

export interface StagedPreview {
  kind: ImportKind;
  summary: { format?: string; columns: string[]; mapping: Record<string, string | undefined>; detected: Detected };
  events?: number;
  cases?: number;
  responses?: number;
  journeyResponses?: number;
  stepResponses?: number;
  firstTimestamp: string | null;
  lastTimestamp: string | null;
  sampleRows: Record<string, unknown>[];
  rejected: RejectedLine[];
  rejectedCount: number;
}

export interface Upload {
  id: string;
  kind: ImportKind;
  fileName: string;
  bytes: number;
  state: 'uploaded' | 'checking' | 'checked' | 'failed' | 'committed';
  progress: { bytesRead: number; totalBytes: number; eventsRead?: number; elapsedMs: number } | null;
  staged: StagedPreview | null;
  problem: { message: string; line: number | null; field: string | null; rejected: RejectedLine[]; rejectedCount: number } | null;
  duplicateOf: ImportRecord | null;
}

export interface CheckOptions {
  delimiter?: string;
  decimalMark?: '.' | ',';
  encoding?: string;
  dateFormat?: string;
  scale?: string;
  mapping?: Record<string, string>;
}

export interface Measurement {
  metrics: JourneyMetrics;
  xla: XlaEvaluation;
  imports: ImportRecord[];
}

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
      const body = JSON.parse(xhr.responseText || '{}') as Upload & { error?: string };
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
