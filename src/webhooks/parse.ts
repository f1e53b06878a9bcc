import { WebhookParseError } from '../errors.js';
import type { UnknownWebhookEvent, WebhookEvent } from './event.js';
import { families } from './families.js';
import type { WebhookFamily } from './family.js';
import { jsonPath } from './json-path.js';
import { checkSize, readJsonObject, type WebhookBody } from './json.js';
import { DEFAULT_MAX_BYTES } from './options.js';

/**
 * Options of `parseWebhook`.
 *
 * @example
 * ```ts
 * parseWebhook(rawBody, { strict: true, maxBytes: 64 * 1024 });
 * ```
 */
export interface ParseWebhookOptions {
  /** Throw `WebhookParseError` instead of returning an `unknown` event. Default `false`. */
  strict?: boolean;
  /** Largest raw body accepted, in bytes. Default 1 MiB. */
  maxBytes?: number;
}

type Body = Readonly<Record<string, unknown>>;
type Schema = NonNullable<WebhookFamily['schemas'][string]>;

function typed(family: WebhookFamily, type: string, body: Body): WebhookEvent {
  const result = (family.schemas[type] as Schema).safeParse(body);
  if (!result.success) {
    const issue = result.error.issues[0];
    const path = jsonPath(issue?.path ?? []);
    throw new WebhookParseError(`Invalid ${type} webhook at ${path}: ${issue?.message ?? 'does not match its schema'}`, {
      path,
      cause: result.error,
    });
  }
  const occurredAt = family.occurredAt(result.data);
  if (Number.isNaN(occurredAt.getTime())) {
    throw new WebhookParseError(`Invalid ${type} webhook: its event time cannot be read as a date`, { path: '$' });
  }
  return { source: family.source, type, id: family.eventId(result.data), occurredAt, payload: result.data } as WebhookEvent;
}

function unknownEvent(body: Body, name: string, strict: boolean | undefined): UnknownWebhookEvent {
  if (strict) {
    throw new WebhookParseError(name ? `Undocumented webhook event: ${name}` : 'Unrecognised webhook body', { path: '$' });
  }
  const id = [body['id'], body['eventId'], body['event_id']].find((value) => typeof value === 'string');
  return typeof id === 'string'
    ? { source: 'unknown', type: 'unknown', name, id, payload: body }
    : { source: 'unknown', type: 'unknown', name, payload: body };
}

function classify(body: Body, strict: boolean | undefined): WebhookEvent {
  for (const family of families) {
    const type = family.classify(body);
    if (type === undefined) continue;
    // Own keys only: a provider name such as `constructor` must not reach Object.prototype.
    return Object.hasOwn(family.schemas, type) ? typed(family, type, body) : unknownEvent(body, type, strict);
  }
  return unknownEvent(body, '', strict);
}

/**
 * Parses a webhook body into a typed {@link WebhookEvent}, validating it against the schema of its
 * `type`. Give it the raw body (string or bytes) so size, UTF-8 and big integers are handled;
 * an already-parsed object is accepted too. Undocumented events come back as `type: 'unknown'`
 * (or throw with `strict`). Only ever returns an event or throws `WebhookParseError`.
 *
 * Does not check the signature: use `constructEvent` for deliveries from the network.
 *
 * @example
 * ```ts
 * const event = parseWebhook(rawBody);
 * if (event.type === 'order:crypto-offramp:completed') markPaid(event.payload.data.id);
 * ```
 */
export function parseWebhook(body: WebhookBody, options: ParseWebhookOptions = {}): WebhookEvent {
  if (typeof body === 'string' || body instanceof Uint8Array || body instanceof ArrayBuffer) {
    checkSize(body, options.maxBytes ?? DEFAULT_MAX_BYTES);
  }
  return parseEvent(body, options.strict ?? false);
}

/**
 * `parseWebhook` for a body whose size was already checked.
 *
 * @internal
 */
export function parseEvent(body: WebhookBody, strict: boolean): WebhookEvent {
  const record = readJsonObject(body);
  try {
    return classify(record, strict);
  } catch (error) {
    // Whatever a body does (getters that throw, proxies, cycles), callers see one kind of error.
    if (error instanceof WebhookParseError) throw error;
    throw new WebhookParseError('Webhook body could not be read', { path: '$', cause: error });
  }
}
