/** Reading request bodies and parameters the way Coinme's endpoints do. */
import type { MockClock } from './clock.js';
import { errorEnvelope } from './responses.js';

/** The body as an object (`{}` for anything else). */
export function record(body: unknown): Record<string, unknown> {
  return typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
}

/** The first of `names` missing from `input`, if any. */
export function firstMissing(input: Record<string, unknown>, names: readonly string[]): string | undefined {
  return names.find((name) => input[name] === undefined || input[name] === null || input[name] === '');
}

/** Coinme's 400 for a missing field. */
export function missingField(path: string, name: string, clock: MockClock): Response {
  return errorEnvelope({ path, message: `${name} is required`, now: clock.now(), status: 400, httpStatus: '400' });
}

/** A customer id as digits, from a JSON number, a string or a query parameter. */
export function customerIdOf(value: unknown): string | undefined {
  const text = typeof value === 'number' || typeof value === 'string' ? String(value) : '';
  return /^\d+$/.test(text) ? text : undefined;
}
