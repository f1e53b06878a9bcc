/**
 * The partner API of the sandbox: the testing kit's mock, answering real HTTP. Requests go to the
 * mock's own msw handlers (`getResponse`), so the sandbox and the mock cannot drift apart.
 */
import { getResponse } from 'msw';
import { encodeBase64Utf8 } from '../internal/base64.js';
import type { MockCoinme } from '../testing/mock/index.js';

// The mock records every request; a long-running sandbox keeps only the latest.
const maxRecordedRequests = 1_000;

function decodeBasic(header: string): string | undefined {
  if (!header.startsWith('Basic ')) return undefined;
  try {
    return atob(header.slice(6));
  } catch {
    return undefined;
  }
}

/**
 * The request as the mock expects it. The sandbox accepts any partner credentials: well-formed
 * Basic credentials and any User-Agent are swapped for the mock's own, so a partner can point
 * their real configuration at it. Missing credentials still get Coinme's 401.
 */
function withMockCredentials(request: Request, mock: MockCoinme): Request {
  const headers = new Headers(request.headers);
  const pair = decodeBasic(headers.get('authorization') ?? '');
  const separator = pair?.indexOf(':') ?? -1;
  if (pair !== undefined && separator > 0 && separator < pair.length - 1) {
    const { partnerId, clientSecret } = mock.credentials;
    headers.set('authorization', `Basic ${encodeBase64Utf8(`${partnerId}:${clientSecret}`)}`);
  }
  if (headers.get('user-agent')) headers.set('user-agent', mock.credentials.userAgent);
  return new Request(request, { headers });
}

/**
 * Answers one request below `/services` with the mock's handlers.
 *
 * @internal
 */
export async function answerApi(mock: MockCoinme, request: Request): Promise<Response> {
  // The mock also serves Coinme's two real hosts; msw tries every handler in turn, so only the
  // sandbox's own (and any not bound to a URL string) are offered. Matching stays msw's.
  const handlers = mock.handlers.filter((handler) => typeof handler.info.path !== 'string' || handler.info.path.startsWith(`${mock.baseUrl}/`));
  const response = await getResponse(handlers, withMockCredentials(request, mock));
  if (mock.requests.length > maxRecordedRequests) mock.requests.splice(0, mock.requests.length - maxRecordedRequests);
  if (response) return response;
  const path = new URL(request.url).pathname;
  const body = { data: null, errorResponse: { httpStatus: '404', timestamp: new Date().toISOString(), path: `${path} ${request.method}`, errorData: [{ errorCode: '404', message: 'No such endpoint' }] } };
  return Response.json(body, { status: 404 });
}
