import { ValidationError } from '../errors.js';
import type { WebhookEvent } from './event.js';
import type { SignatureEncoding } from './signature.js';

/**
 * A webhook secret, or several during a rotation (any of them may have signed).
 *
 * @example
 * ```ts
 * const secret: WebhookSecret = [process.env.COINME_WEBHOOK_SECRET!, process.env.COINME_WEBHOOK_SECRET_PREVIOUS!];
 * ```
 */
export type WebhookSecret = string | readonly string[];

/**
 * How deliveries are checked: everything `constructEvent` takes but the delivery itself. Every
 * option is checked when it is given (a `ValidationError` names the bad one); the defaults are the
 * safe ones.
 *
 * @example
 * ```ts
 * const options: ConstructEventOptions = { secret, apiKey: process.env.COINME_WEBHOOK_API_KEY!, toleranceSeconds: 300 };
 * ```
 */
export interface ConstructEventOptions {
  /** The shared secret, or a list of secrets during a rotation. */
  secret: WebhookSecret;
  /** Header carrying the signature. Default `x-coinme-signature`. */
  signatureHeader?: string;
  /** Force how the signature is written; by default hex or base64 is detected. */
  encoding?: SignatureEncoding;
  /** `header` (default), or `body` for deliveries signed inside the body (`signature` field). */
  scheme?: 'header' | 'body';
  /**
   * Reject events whose time is further than this from now, in seconds (either way). Off by
   * default: the time is the event's own, which a redelivery hours later keeps.
   */
  toleranceSeconds?: number;
  /** When set, each delivery must carry this API key too. */
  apiKey?: string;
  /** Header carrying the API key. Default `x-api-key`. */
  apiKeyHeader?: string;
  /** The clock used by `toleranceSeconds`. Default `Date.now`. */
  now?: () => Date | number;
  /** Throw `WebhookParseError` for an undocumented event instead of returning an `unknown` one. */
  strict?: boolean;
  /** Largest raw body accepted, in bytes. Default 1 MiB. */
  maxBytes?: number;
  /**
   * Refuse deliveries that carry the `coinme-sdk-test-delivery` header, which every request sent
   * by the `coinme-sdk` CLI carries: set it in production so a test event cannot be mistaken for
   * one of Coinme's. Default `false`.
   */
  refuseTestDeliveries?: boolean;
}

/**
 * What the webhook handlers take: `constructEvent`'s options plus what to do with each event.
 * A `secret` that is unset when the handler is built (a build step without runtime secrets, such
 * as `next build`) is allowed: the handler then answers every delivery 500 and never accepts one.
 *
 * @example
 * ```ts
 * const options: WebhookHandlerOptions<Request> = {
 *   secret: process.env.COINME_WEBHOOK_SECRET!,
 *   onEvent: (event) => queue.push(event),
 *   onError: (error) => log.warn({ error }),
 * };
 * ```
 */
export interface WebhookHandlerOptions<Request> extends ConstructEventOptions {
  /**
   * Handles one verified event. The delivery is acknowledged (200) once this resolves; if it
   * throws, the sender gets a 500 and will retry.
   */
  onEvent(event: WebhookEvent, request: Request): unknown;
  /** Told about every refused or failed delivery (for logs); its result is ignored. */
  onError?(error: unknown, request: Request): void;
}

/**
 * Options after checking: every default filled in, secrets as a list (empty when unset).
 *
 * @internal
 */
export interface ResolvedOptions {
  readonly secrets: readonly string[];
  readonly signatureHeader: string;
  readonly encoding: SignatureEncoding | undefined;
  readonly scheme: 'header' | 'body';
  readonly toleranceMs: number | undefined;
  readonly apiKey: string | undefined;
  readonly apiKeyHeader: string;
  readonly now: () => Date | number;
  readonly strict: boolean;
  readonly maxBytes: number;
  readonly refuseTestDeliveries: boolean;
}

/**
 * Handler options after checking.
 *
 * @internal
 */
export interface ResolvedWebhookOptions<Request> extends ResolvedOptions {
  readonly onEvent: (event: WebhookEvent, request: Request) => unknown;
  readonly onError: ((error: unknown, request: Request) => void) | undefined;
}

/**
 * Default largest body accepted: 1 MiB.
 *
 * @internal
 */
export const DEFAULT_MAX_BYTES = 1024 * 1024;

const CONSTRUCT_KEYS = [
  'secret',
  'signatureHeader',
  'encoding',
  'scheme',
  'toleranceSeconds',
  'apiKey',
  'apiKeyHeader',
  'now',
  'strict',
  'maxBytes',
  'refuseTestDeliveries',
];
const HANDLER_KEYS = [...CONSTRUCT_KEYS, 'onEvent', 'onError'];
// Keys constructEvent takes beside its options: the delivery itself.
const DELIVERY_KEYS = [...CONSTRUCT_KEYS, 'payload', 'headers'];

// An HTTP header name (RFC 9110 token).
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

// Numbers are echoed to help; strings are not, since a misplaced secret could be one.
const got = (value: unknown) =>
  typeof value === 'number' ? String(value) : value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`;

function invalid(option: string, expected: string, value: unknown): never {
  throw new ValidationError(`Webhook option "${option}" must be ${expected} (got ${got(value)})`, { field: option });
}

function secretsOf(value: unknown): readonly string[] {
  // Unset (`process.env.X` during a build) is not an error here; callers decide what it means.
  if (value === undefined || value === '') return [];
  if (typeof value === 'string') return [value];
  if (!Array.isArray(value)) return invalid('secret', 'a string or an array of strings', value);
  const secrets: string[] = [];
  for (const item of value as unknown[]) {
    // An unset entry (a previous secret not configured) is skipped; anything else must be a string.
    if (item === undefined || item === '') continue;
    if (typeof item !== 'string') return invalid('secret', 'a string or an array of strings', item);
    secrets.push(item);
  }
  return secrets;
}

function headerName(options: Record<string, unknown>, option: string, fallback: string): string {
  const value = options[option];
  if (value === undefined) return fallback;
  if (typeof value !== 'string' || !HEADER_NAME.test(value)) return invalid(option, 'an HTTP header name', value);
  return value.toLowerCase();
}

function positive(options: Record<string, unknown>, option: string, integer: boolean): number | undefined {
  const value = options[option];
  if (value === undefined) return undefined;
  const ok = typeof value === 'number' && Number.isFinite(value) && value > 0 && (!integer || Number.isInteger(value));
  return ok ? value : invalid(option, integer ? 'a positive whole number' : 'a positive finite number', value);
}

function oneOf<T extends string>(options: Record<string, unknown>, option: string, allowed: readonly T[]): T | undefined {
  const value = options[option];
  if (value === undefined || allowed.includes(value as T)) return value as T | undefined;
  return invalid(option, allowed.map((item) => `"${item}"`).join(' or '), value);
}

function optionalType<T>(options: Record<string, unknown>, option: string, type: 'boolean' | 'function'): T | undefined {
  const value = options[option];
  if (value === undefined || typeof value === type) return value as T | undefined;
  return invalid(option, `a ${type}`, value);
}

function checkKeys(options: Record<string, unknown>, known: readonly string[]): void {
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) throw new ValidationError(`Unknown webhook option "${key}"`, { field: key });
  }
}

function resolve(options: unknown, known: readonly string[]): ResolvedOptions {
  if (typeof options !== 'object' || options === null) return invalid('options', 'an object', options);
  const record = options as Record<string, unknown>;
  checkKeys(record, known);
  const apiKey = record['apiKey'];
  // A blank key would let a blank header through.
  if (apiKey !== undefined && (typeof apiKey !== 'string' || apiKey.trim() === '')) {
    invalid('apiKey', 'a non-empty string', apiKey);
  }
  const tolerance = positive(record, 'toleranceSeconds', false);
  return {
    secrets: secretsOf(record['secret']),
    signatureHeader: headerName(record, 'signatureHeader', 'x-coinme-signature'),
    encoding: oneOf(record, 'encoding', ['base64', 'hex']),
    scheme: oneOf(record, 'scheme', ['header', 'body']) ?? 'header',
    toleranceMs: tolerance === undefined ? undefined : tolerance * 1000,
    apiKey,
    apiKeyHeader: headerName(record, 'apiKeyHeader', 'x-api-key'),
    now: optionalType(record, 'now', 'function') ?? Date.now,
    strict: optionalType(record, 'strict', 'boolean') ?? false,
    maxBytes: positive(record, 'maxBytes', true) ?? DEFAULT_MAX_BYTES,
    refuseTestDeliveries: optionalType(record, 'refuseTestDeliveries', 'boolean') ?? false,
  };
}

/**
 * Checks `constructEvent`'s parameters: `ValidationError` naming the first bad option, including a
 * missing secret (a delivery cannot be checked without one).
 *
 * @internal
 */
export function resolveConstructOptions(params: unknown): ResolvedOptions {
  const resolved = resolve(params, DELIVERY_KEYS);
  if (resolved.secrets.length === 0) invalid('secret', 'a non-empty string or a list of them', undefined);
  return resolved;
}

/**
 * Checks a webhook handler's options when the handler is built, for every handler form (Fetch,
 * Node, Fastify): `ValidationError` naming the first bad option. An unset secret is let through
 * (`secrets` is then empty) so builds without runtime secrets work; the delivery core refuses
 * every delivery in that state.
 *
 * @internal
 */
export function resolveWebhookOptions<Request>(options: WebhookHandlerOptions<Request>): ResolvedWebhookOptions<Request> {
  const resolved = resolve(options, HANDLER_KEYS);
  const { onEvent, onError } = options;
  if (typeof onEvent !== 'function') invalid('onEvent', 'a function', onEvent);
  if (onError !== undefined && typeof onError !== 'function') invalid('onError', 'a function', onError);
  return { ...resolved, onEvent: onEvent.bind(options), onError: onError?.bind(options) };
}
