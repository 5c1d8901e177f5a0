// An error a command throws to answer with an HTTP status; no imports, so the commands the CLI
// runs without the server (journeyAnalytics.ts) can throw it without loading Fastify or Hocuspocus.
export class HttpError extends Error {
  readonly statusCode: number;
  readonly issues?: { path: string; message: string }[];
  constructor(statusCode: number, message: string, issues?: { path: string; message: string }[]) {
    super(message);
    this.statusCode = statusCode;
    this.issues = issues;
  }
}

