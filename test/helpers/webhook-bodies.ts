// Edits webhook bodies and reads what `parseWebhook` makes of them, through the package's public
// entry points only: the per-family schema tests state their expectations as parse results.
import { expect } from 'vitest';
import { parseWebhook, WebhookParseError, type WebhookBody, type WebhookEventType } from 'coinme-sdk/webhooks';
import type { EventFactories } from 'coinme-sdk/testing';

export type Body = Record<string, unknown>;
type Key = string | number;

/** A body of `type` from a factory set, as a plain record to edit. */
export function bodyOf(factories: EventFactories, type: WebhookEventType, overrides?: Body): Body {
  // Every factory returns a plain JSON object; `overrides` are merged as the factory merges them.
  const factory = factories[type] as (overrides?: Body) => Body;
  return factory(overrides);
}

function parentOf(body: Body, path: readonly Key[]): Body {
  let parent: unknown = body;
  for (const key of path.slice(0, -1)) {
    if (typeof parent !== 'object' || parent === null) throw new Error(`no field at ${path.join('.')}`);
    parent = (parent as Body)[key];
  }
  if (typeof parent !== 'object' || parent === null) throw new Error(`no parent for ${path.join('.')}`);
  return parent as Body;
}

/** A copy of `body` with `value` at `path` (every parent must exist). */
export function withField(body: object, path: readonly Key[], value: unknown): Body {
  const copy = structuredClone(body) as Body;
  parentOf(copy, path)[path.at(-1) ?? ''] = value;
  return copy;
}

/** A copy of `body` without the field at `path`. */
export function withoutField(body: object, path: readonly Key[]): Body {
  const copy = structuredClone(body) as Body;
  const parent = parentOf(copy, path);
  const key = path.at(-1) ?? '';
  expect(Object.hasOwn(parent, key), `the body has ${path.join('.')}`).toBe(true);
  delete parent[key];
  return copy;
}

/** The `WebhookParseError` that `run` throws; fails the test on anything else. */
export function parseError(run: () => unknown): WebhookParseError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(WebhookParseError);
    return error as WebhookParseError;
  }
  throw new Error('expected a WebhookParseError');
}

/** The JSON path `parseWebhook` reports for a body it refuses. */
export const failingPath = (body: WebhookBody): string => parseError(() => parseWebhook(body)).path;

/**
 * What `parseWebhook` makes of a body: the documented type it parsed as, the provider's name of
 * an undocumented event (`''` when no family claims the body), or the path of the error.
 */
export type Outcome = { type: WebhookEventType } | { unknown: string } | { path: string };

export function outcomeOf(body: WebhookBody): Outcome {
  try {
    const event = parseWebhook(body);
    return event.type === 'unknown' ? { unknown: event.name } : { type: event.type };
  } catch (error) {
    if (error instanceof WebhookParseError) return { path: error.path };
    throw error;
  }
}
