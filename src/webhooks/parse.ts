import { ValidationError, WebhookParseError } from '../errors.js';
import { englishError } from '../internal/english-messages.js';
import type { UnknownWebhookEvent, WebhookEvent } from './event.js';
import { families } from './families.js';
import type { Family } from './family.js';
import { jsonPath } from './json-path.js';
import { checkSize, readJsonObject, type WebhookBody } from './json.js';
import { DEFAULT_MAX_BYTES } from './options.js';
import { toDate } from './timestamp.js';

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

function typed(family: Family, type: string, body: Body): WebhookEvent | undefined {
  const schema = family.schema(type);
  if (!schema) return undefined;
  const result = schema.safeParse(body, { error: englishError });
  if (!result.success) {
    const issue = result.error.issues[0];
    const path = jsonPath(issue?.path ?? []);
    throw new WebhookParseError(`Invalid ${type} webhook at ${path}: ${issue?.message ?? 'does not match its schema'}`, {
      path,
      cause: result.error,
    });
  }
  const { id, occurredAt } = family.describe(result.data);
  if (Number.isNaN(occurredAt.getTime())) {
    throw new WebhookParseError(`Invalid ${type} webhook: its event time cannot be read as a date`, { path: '$' });
  }
  // The schema of `type` produced this payload, so this is that member of the union.
  return { source: family.source, type, id, occurredAt, payload: result.data } as WebhookEvent;
}

// A stable id for a body that names none: the same body always gets the same id, so duplicates
// of an unknown event can still be told apart from new ones (53-bit FNV-style hash of its JSON).
function contentId(body: Body): string {
  const text = JSON.stringify(body);
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return `unknown:${(4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36)}`;
}

const ID_FIELDS = ['id', 'eventId', 'event_id'];
const TIME_FIELDS = ['timestamp', 'at', 'createdDate', 'timeStamp', 'createdAt', 'occurredAt'];

function unknownEvent(body: Body, name: string, strict: boolean): UnknownWebhookEvent {
  if (strict) {
    throw new WebhookParseError(name ? `Undocumented webhook event: ${name}` : 'Unrecognised webhook body', { path: '$' });
  }
  const id = ID_FIELDS.map((key) => (Object.hasOwn(body, key) ? body[key] : undefined)).find((value) => typeof value === 'string');
  const time = TIME_FIELDS.map((key) => (Object.hasOwn(body, key) ? toDate(body[key]) : undefined)).find(
    (date) => date !== undefined && !Number.isNaN(date.getTime()),
  );
  return {
    source: 'unknown',
    type: 'unknown',
    name,
    id: typeof id === 'string' ? id : contentId(body),
    occurredAt: time ?? new Date(),
    timeStated: time !== undefined,
    payload: body,
  };
}

function classify(body: Body, strict: boolean): WebhookEvent {
  for (const family of families) {
    const type = family.classify(body);
    if (type !== undefined) return typed(family, type, body) ?? unknownEvent(body, type, strict);
  }
  return unknownEvent(body, '', strict);
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

/**
 * Parses a webhook body into a typed {@link WebhookEvent}, validating it against the schema of its
 * `type`. Give it the raw body (string or bytes) so size, UTF-8 and big integers are handled;
 * an already-parsed object is accepted too. Undocumented events come back as `type: 'unknown'`
 * (or throw with `strict`). Returns an event or throws `WebhookParseError`; a bad option throws
 * `ValidationError` naming it.
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
  const { maxBytes = DEFAULT_MAX_BYTES, strict = false } = options;
  if (!Number.isSafeInteger(maxBytes) || maxBytes <= 0) {
    throw new ValidationError('parseWebhook option "maxBytes" must be a positive whole number', { field: 'maxBytes' });
  }
  if (typeof strict !== 'boolean') throw new ValidationError('parseWebhook option "strict" must be a boolean', { field: 'strict' });
  if (typeof body === 'string' || body instanceof Uint8Array || body instanceof ArrayBuffer) checkSize(body, maxBytes);
  return parseEvent(body, strict);
}
