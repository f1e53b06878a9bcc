import * as z from 'zod/mini';
import { readJsonObject } from '../json.js';

/**
 * What Coinme sends to the user-validation endpoint: the user's `email`, and any other fields,
 * kept as sent (integers beyond 2^53 as digit strings, so nothing is rounded).
 *
 * @example
 * ```ts
 * const isAllowed = ({ email, ...extra }: UserValidationRequest) => customers.isActive(email, extra);
 * ```
 */
export interface UserValidationRequest {
  /** The user's email address. */
  email: string;
  /** Any other field Coinme sent. */
  readonly [field: string]: unknown;
}

/**
 * Default largest body accepted: 16 KiB (the body is an email and a few fields).
 *
 * @internal
 */
export const DEFAULT_VALIDATION_MAX_BYTES = 16 * 1024;

// Built on first use, so importing the webhooks entry builds no schema.
let schema: z.ZodMiniType<UserValidationRequest> | undefined;
const bodySchema = () =>
  (schema ??= z.looseObject({
    // The browser's own address syntax: permissive, since refusing a real address blocks a user.
    email: z.email({ pattern: z.regexes.html5Email, error: 'must be an email address' }),
  }));

/**
 * The body read up to `maxBytes`: `undefined` as soon as it grows past it (the rest is never
 * read), `null` when the stream fails.
 *
 * @internal
 */
export async function readLimited(request: Request, maxBytes: number): Promise<Uint8Array | undefined | null> {
  if (Number(request.headers.get('content-length')) > maxBytes) return undefined;
  if (!request.body) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel().catch(() => undefined);
        return undefined;
      }
      chunks.push(value);
    }
  } catch {
    return null;
  }
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/**
 * The validated body (already read within its size limit), or a message saying what is wrong with it.
 *
 * @internal
 */
export function parseValidationBody(bytes: Uint8Array): { ok: true; value: UserValidationRequest } | { ok: false; message: string } {
  let json: unknown;
  try {
    // The size was bounded while reading.
    json = readJsonObject(bytes);
  } catch (error) {
    return { ok: false, message: (error instanceof Error ? error.message : 'Invalid body').replace(/^Webhook body/, 'The body') };
  }
  const result = z.safeParse(bodySchema(), json);
  if (result.success) return { ok: true, value: result.data };
  const issue = result.error.issues[0];
  const field = issue?.path.join('.') || 'email';
  return { ok: false, message: `The body's "${field}" ${issue?.code === 'invalid_type' ? 'is missing or not a string' : (issue?.message ?? 'is invalid')}` };
}
