/** Options of `startSandbox`, checked once up front so a typo fails before anything listens. */
import { ValidationError } from '../errors.js';

/**
 * How the sandbox retries a webhook delivery that did not get a 2xx answer.
 *
 * @example
 * ```ts
 * const retry: SandboxRetryOptions = { maxAttempts: 3, baseDelayMs: 200, timeoutMs: 2_000 };
 * ```
 */
export interface SandboxRetryOptions {
  /** Attempts per event, the first included. Default 5. */
  maxAttempts?: number;
  /** Wait before the second attempt; it doubles for each one after. Default 500 ms. */
  baseDelayMs?: number;
  /** How long one attempt may take before it counts as failed. Default 5,000 ms. */
  timeoutMs?: number;
}

/**
 * Options of {@link startSandbox}.
 *
 * @example
 * ```ts
 * const options: SandboxOptions = {
 *   port: 4010,
 *   webhookUrl: 'http://localhost:3000/api/coinme',
 *   webhookSecret: process.env.COINME_WEBHOOK_SECRET,
 * };
 * ```
 */
export interface SandboxOptions {
  /** Port on 127.0.0.1; `0` picks a free one. Default 4010. */
  port?: number;
  /** Where signed webhook events are POSTed. Without it, events are only shown on the dashboard. */
  webhookUrl?: string;
  /** Secret the events are signed with (HMAC-SHA256, `x-coinme-signature`). Needed with `webhookUrl`. */
  webhookSecret?: string;
  /** The partner's user-validation URL (seed 004): asked with `{ email }` before a purchase proceeds. */
  validationUrl?: string;
  /** Sent as `Authorization: Bearer …` to `validationUrl`. */
  validationToken?: string;
  /** Pause before each event of a sequence, in ms. Default 800. */
  eventSpacingMs?: number;
  retry?: SandboxRetryOptions;
  /** Most sessions (and their deliveries) kept in memory; older ones are dropped. Default 200. */
  maxSessions?: number;
  /** Receives one line per notable thing (listening, each delivery attempt). Never a secret. */
  log?: (line: string) => void;
  /** The fetch used for deliveries and validation calls. Default `globalThis.fetch`. */
  fetch?: typeof globalThis.fetch;
}

/** The options with every default filled in. */
export interface ResolvedSandboxOptions {
  port: number;
  webhookUrl: URL | undefined;
  webhookSecret: string | undefined;
  validationUrl: URL | undefined;
  validationToken: string | undefined;
  eventSpacingMs: number;
  retry: Required<SandboxRetryOptions>;
  maxSessions: number;
  log: (line: string) => void;
  fetch: typeof globalThis.fetch;
}

function invalid(field: string, message: string): ValidationError {
  return new ValidationError(`startSandbox: ${field} ${message}`, { field });
}

function count(field: string, value: number | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < min || value > max) throw invalid(field, `must be an integer from ${min} to ${max}`);
  return value;
}

function httpUrl(field: string, value: string | undefined): URL | undefined {
  if (value === undefined) return undefined;
  const url = URL.canParse(value) ? new URL(value) : undefined;
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) throw invalid(field, 'must be an http or https URL');
  return url;
}

/**
 * Checks and completes the options; throws `ValidationError` naming the bad option.
 *
 * @internal
 */
export function resolveOptions(options: SandboxOptions): ResolvedSandboxOptions {
  const webhookUrl = httpUrl('webhookUrl', options.webhookUrl);
  if (webhookUrl && (typeof options.webhookSecret !== 'string' || options.webhookSecret === '')) {
    throw invalid('webhookSecret', 'is required with webhookUrl (the events are signed with it)');
  }
  return {
    port: count('port', options.port, 4010, 0, 65_535),
    webhookUrl,
    webhookSecret: options.webhookSecret,
    validationUrl: httpUrl('validationUrl', options.validationUrl),
    validationToken: options.validationToken,
    eventSpacingMs: count('eventSpacingMs', options.eventSpacingMs, 800, 0, 60_000),
    retry: {
      maxAttempts: count('retry.maxAttempts', options.retry?.maxAttempts, 5, 1, 20),
      baseDelayMs: count('retry.baseDelayMs', options.retry?.baseDelayMs, 500, 0, 60_000),
      timeoutMs: count('retry.timeoutMs', options.retry?.timeoutMs, 5_000, 1, 120_000),
    },
    maxSessions: count('maxSessions', options.maxSessions, 200, 1, 10_000),
    log: options.log ?? (() => undefined),
    fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
  };
}
