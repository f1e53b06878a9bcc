/** Response builders that look like Coinme's. */
import { HttpResponse } from 'msw';

/** `{ data, errorResponse: null }` with status 200. */
export function envelope(data: unknown): Response {
  return HttpResponse.json({ data, errorResponse: null } as never);
}

/** Coinme's error envelope; by default the HTTP 200 + `errorResponse` quirk. */
export function errorEnvelope(
  options: { path: string; message: string; now: number; status?: number; httpStatus?: string | number; errorCode?: string },
): Response {
  const body = {
    data: null,
    errorResponse: {
      httpStatus: options.httpStatus ?? String(options.status ?? 200),
      timestamp: new Date(options.now).toISOString(),
      path: options.path,
      errorData: [{ errorCode: options.errorCode ?? '123-123-123-123', message: options.message }],
    },
  };
  return HttpResponse.json(body as never, { status: options.status ?? 200 });
}

/** An empty `text/plain` body, as Coinme sends with 401 and 500. */
export function emptyText(status: number, headers: Record<string, string> = {}): Response {
  return new HttpResponse(null, { status, headers: { 'content-type': 'text/plain', ...headers } });
}
