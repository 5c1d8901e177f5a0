import type { Created, CreateJourneyBody, ErrorResponse, ImportedJourney, ListedJourney, TemplateSummary } from '@klantreis/core/contracts';
import type { JourneyDocument } from '@klantreis/schema';

// The requests and answers are core's contracts (@klantreis/core/contracts), as types only:
// no zod reaches the bundle for them.
export type { ListedJourney, TemplateSummary };

type Issue = NonNullable<ErrorResponse['issues']>[number];

export class ApiError extends Error {
  readonly status: number;
  readonly issues: Issue[];
  constructor(status: number, message: string, issues: Issue[] = []) {
    super(message);
    this.status = status;
    this.issues = issues;
  }
}

/** Sent on window when the server answers 401: the session is gone. */
export const SIGNED_OUT_EVENT = 'klantreis:signed-out';

/** A JSON request to the API; an error answer becomes an ApiError with its message and fields. */
export async function request<T>(path: string, init: RequestInit = {}): Promise<T> {
  const headers = init.body ? { 'content-type': 'application/json' } : undefined;
  return readAnswer<T>(await fetch(path, { ...init, headers }));
}

/** The JSON of an answer, or its error as an ApiError (a 401 also says the session ended). */
export async function readAnswer<T>(response: Response): Promise<T> {
  if (!response.ok) {
    // The session ended (signed out elsewhere, expired): the app shows the sign-in page.
    if (response.status === 401) window.dispatchEvent(new Event(SIGNED_OUT_EVENT));
    const body = (await response.json().catch(() => ({}))) as Partial<ErrorResponse>;
    throw new ApiError(response.status, body.error ?? response.statusText, body.issues);
  }
  return (response.status === 204 ? undefined : await response.json()) as T;
}

export const journeysApi = {
  list: (options: { search?: string; trash?: boolean } = {}) => {
    const query = new URLSearchParams();
    if (options.search) query.set('search', options.search);
    if (options.trash) query.set('trash', 'true');
    return request<ListedJourney[]>(`/api/journeys?${query}`);
  },
  templates: (locale: 'nl' | 'en') => request<TemplateSummary[]>(`/api/templates?locale=${locale}`),
  create: (body: CreateJourneyBody) =>
    request<Created>('/api/journeys', { method: 'POST', body: JSON.stringify(body) }),
  /** `workspaceId`: the workspace it goes to; the caller's first where they may create when not given. */
  import: (document: unknown, workspaceId?: string) =>
    request<ImportedJourney>(`/api/journeys/import${workspaceId ? `?workspaceId=${encodeURIComponent(workspaceId)}` : ''}`, { method: 'POST', body: JSON.stringify(document) }),
  get: (id: string) => request<JourneyDocument>(`/api/journeys/${encodeURIComponent(id)}`),
  rename: (id: string, title: string) => request<JourneyDocument>(`/api/journeys/${encodeURIComponent(id)}`, { method: 'PATCH', body: JSON.stringify({ title }) }),
  duplicate: (id: string) => request<Created>(`/api/journeys/${encodeURIComponent(id)}/duplicate`, { method: 'POST', body: '{}' }),
  trash: (id: string) => request<void>(`/api/journeys/${encodeURIComponent(id)}`, { method: 'DELETE' }),
  restore: (id: string) => request<void>(`/api/journeys/${encodeURIComponent(id)}/restore`, { method: 'POST' }),
  purge: (id: string) => request<void>(`/api/journeys/${encodeURIComponent(id)}?permanent=true`, { method: 'DELETE' }),
  exportUrl: (id: string) => `/api/journeys/${encodeURIComponent(id)}/export`,
};
