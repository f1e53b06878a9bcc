import { WebhookParseError } from '../errors.js';
import { parseJsonExact } from '../internal/json.js';
import { roundsNumbers } from './exact-numbers.js';

/**
 * A webhook body: the raw text or bytes as received, or an object already parsed from them.
 *
 * @example
 * ```ts
 * const body: WebhookBody = await request.arrayBuffer();
 * ```
 */
export type WebhookBody = string | Uint8Array | ArrayBuffer | Readonly<Record<string, unknown>>;


const tooLarge = (maxBytes: number) =>
  new WebhookParseError(`Webhook body is larger than ${maxBytes} bytes`, { path: '$' });

const isBytes = (body: unknown): body is Uint8Array | ArrayBuffer =>
  ArrayBuffer.isView(body) || body instanceof ArrayBuffer || Object.prototype.toString.call(body) === '[object ArrayBuffer]';

/**
 * Throws `WebhookParseError` when a raw body is over `maxBytes` (UTF-8 bytes for a string),
 * before anything reads it.
 *
 * @internal
 */
export function checkSize(body: WebhookBody, maxBytes: number): void {
  if (typeof body === 'string') {
    // A UTF-16 unit is 1 to 3 UTF-8 bytes: only a string near the limit needs encoding to know.
    const over =
      body.length > maxBytes || (body.length * 3 > maxBytes && new TextEncoder().encode(body).byteLength > maxBytes);
    if (over) throw tooLarge(maxBytes);
  } else if (isBytes(body) && body.byteLength > maxBytes) {
    throw tooLarge(maxBytes);
  }
}

/**
 * Deepest nesting of objects and arrays accepted. Documented bodies are a few levels deep; a
 * limit keeps recursive consumers (loggers, cloners, reducers) clear of stack overflows.
 *
 * @internal
 */
export const MAX_DEPTH = 64;

// True when the parsed value nests deeper than MAX_DEPTH. Recursion is bounded by MAX_DEPTH.
function tooDeep(value: unknown, depth: number): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (depth > MAX_DEPTH) return true;
  // Index and for-in loops: several times faster here than iterating Object.values().
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) if (tooDeep(value[i], depth + 1)) return true;
  } else {
    for (const key in value) if (tooDeep((value as Record<string, unknown>)[key], depth + 1)) return true;
  }
  return false;
}

// True when the text has more opening brackets than MAX_DEPTH, so it might nest too deep.
function mayNestTooDeep(text: string): boolean {
  let brace = text.indexOf('{');
  let bracket = text.indexOf('[');
  for (let count = 0; brace >= 0 || bracket >= 0; count++) {
    if (count === MAX_DEPTH) return true;
    if (bracket < 0 || (brace >= 0 && brace < bracket)) brace = text.indexOf('{', brace + 1);
    else bracket = text.indexOf('[', bracket + 1);
  }
  return false;
}

function isPlainObject(value: unknown): value is Readonly<Record<string, unknown>> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  // Any realm's Object.prototype (or none) counts; class instances, maps, dates do not.
  return proto === null || Object.getPrototypeOf(proto) === null;
}

/**
 * The body as a plain JSON object (its size already checked): bytes decoded as strict UTF-8, integers
 * beyond 2^53 kept as digit strings, nesting at most `MAX_DEPTH` deep. Throws `WebhookParseError`
 * for anything else.
 *
 * @internal
 */
export function readJsonObject(body: WebhookBody): Readonly<Record<string, unknown>> {
  let value: unknown = body;
  if (typeof body === 'string' || isBytes(body)) {
    let text: string;
    try {
      text = typeof body === 'string' ? body : new TextDecoder('utf-8', { fatal: true }).decode(body);
    } catch (error) {
      throw new WebhookParseError('Webhook body is not valid UTF-8', { path: '$', cause: error });
    }
    try {
      // Numbers a double would round (ids beyond 2^53, long decimals) come back as their digits;
      // the exact parser is slow, so only a body that has such a number pays for it.
      value = roundsNumbers(text) ? parseJsonExact(text) : JSON.parse(text);
    } catch (error) {
      throw new WebhookParseError('Webhook body is not valid JSON', { path: '$', cause: error });
    }
    // The walk is only needed when a scan of the text cannot rule deep nesting out.
    if (mayNestTooDeep(text) && tooDeep(value, 1)) {
      throw new WebhookParseError(`Webhook body nests deeper than ${MAX_DEPTH} levels`, { path: '$' });
    }
  }
  if (!isPlainObject(value)) throw new WebhookParseError('Webhook body must be a JSON object', { path: '$' });
  return value;
}
