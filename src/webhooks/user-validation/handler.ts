import { parseValidationBody, readLimited, type UserValidationRequest } from './body.js';
import { credentialChecker } from './credentials.js';
import { UserValidationError, type UserValidationFailure } from './error.js';
import { type ResolvedValidationOptions, resolveValidationOptions, type UserValidationHandlerOptions } from './options.js';

const TIMED_OUT: unique symbol = Symbol('timed out');

// Every answer is a JSON boolean, refusals included: a caller that only reads the body as a
// boolean still reads "no".
const answer = (status: number, allowed: boolean, headers: Record<string, string> = {}): Response =>
  new Response(allowed ? 'true' : 'false', {
    status,
    headers: { 'content-type': 'application/json', 'cache-control': 'no-store', ...headers },
  });

function challenge(options: ResolvedValidationOptions): Record<string, string> {
  const schemes = new Set(options.auth.checks.map(({ kind }) => kind));
  const offers = [schemes.has('bearer') && 'Bearer', schemes.has('basic') && 'Basic realm="coinme-user-validation"'].filter(Boolean);
  return offers.length > 0 ? { 'www-authenticate': offers.join(', ') } : {};
}

// `isAllowed`'s verdict, or why there is none: it threw, answered a non-boolean, or took too long.
async function decide(options: ResolvedValidationOptions, body: UserValidationRequest, request: Request): Promise<boolean | UserValidationError> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(resolve, options.timeoutMs, TIMED_OUT);
  });
  try {
    const verdict = await Promise.race([Promise.resolve().then(() => options.isAllowed(body, { request, signal: controller.signal })), timeout]);
    if (verdict === TIMED_OUT) {
      const error = new UserValidationError('is_allowed_timeout', 503, `isAllowed did not answer within ${options.timeoutMs} ms; answered false`);
      controller.abort(error);
      return error;
    }
    if (typeof verdict !== 'boolean') {
      return new UserValidationError('is_allowed_failed', 503, `isAllowed answered ${verdict === null ? 'null' : typeof verdict}, not a boolean; answered false`);
    }
    return verdict;
  } catch (cause) {
    return new UserValidationError('is_allowed_failed', 503, 'isAllowed threw; answered false', { cause });
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The partner's user-validation endpoint (seed 004), as a Fetch-API handler (Next.js route
 * handlers, Hono, Workers, Deno, Bun). Before a user buys, sells or sees private data, Coinme
 * POSTs `{ email, ... }` here and proceeds only on a `true` answer.
 *
 * The handler checks the credential in constant time (a missing or wrong one is 401 and
 * `isAllowed` is never called), validates the body (400 when bad, 413 over `maxBytes`), and
 * answers `isAllowed`'s verdict as 200 with a JSON `true` or `false` body. It fails closed: a
 * throw, a non-boolean or a timeout is 503 with body `false`, reported to `onError`. Every
 * refusal's body is `false` too. Options are checked when it is built (`ValidationError`); a
 * credential still `undefined` then (a build without runtime secrets) makes every request 500
 * `false`, with one log line.
 *
 * @example
 * ```ts
 * // app/api/coinme/validate-user/route.ts
 * import { createUserValidationHandler } from 'coinme-sdk/webhooks';
 *
 * export const POST = createUserValidationHandler({
 *   auth: { bearer: process.env.COINME_VALIDATION_TOKEN! },
 *   isAllowed: async ({ email }) => customers.isActive(email),
 * });
 * ```
 */
export function createUserValidationHandler(options: UserValidationHandlerOptions): (request: Request) => Promise<Response> {
  const resolved = resolveValidationOptions(options);
  const check = credentialChecker(resolved.auth.checks);
  const unauthorized = challenge(resolved);
  let warned = false;

  const report = (request: Request, error: UserValidationError, headers?: Record<string, string>) => {
    try {
      resolved.onError?.(error, request);
    } catch {
      // A failing logger must not change the answer.
    }
    return answer(error.status, false, headers);
  };
  const refuse = (request: Request, code: UserValidationFailure, status: number, message: string, headers?: Record<string, string>) =>
    report(request, new UserValidationError(code, status, message), headers);

  return async (request) => {
    if (resolved.auth.unset.length > 0) {
      const message = `createUserValidationHandler: ${resolved.auth.unset.join(', ')} ${resolved.auth.unset.length > 1 ? 'are' : 'is'} not set, so every request is refused (500 false). Set it in the runtime environment.`;
      if (!warned) console.error(`coinme-sdk: ${message}`);
      warned = true;
      return refuse(request, 'not_configured', 500, message);
    }
    if (request.method !== 'POST') return refuse(request, 'method_not_allowed', 405, 'User validation requests are POSTed', { allow: 'POST' });

    const verdict = await check(request.headers);
    if (verdict !== 'ok') {
      const [code, message] = verdict === 'missing' ? (['missing_credentials', 'No credential was sent'] as const) : (['invalid_credentials', 'The credential is not accepted'] as const);
      return refuse(request, code, 401, message, unauthorized);
    }

    if (request.bodyUsed) {
      return refuse(request, 'body_consumed', 500, 'The request body was read before this handler (a body parser?); mount the handler before it');
    }
    const bytes = await readLimited(request, resolved.maxBytes);
    if (bytes === null) return refuse(request, 'invalid_body', 400, 'The request body could not be read');
    if (bytes === undefined) return refuse(request, 'payload_too_large', 413, `The body is larger than ${resolved.maxBytes} bytes`);
    const body = parseValidationBody(bytes);
    if (!body.ok) return refuse(request, 'invalid_body', 400, body.message);

    const allowed = await decide(resolved, body.value, request);
    if (typeof allowed === 'boolean') return answer(200, allowed);
    return report(request, allowed);
  };
}
