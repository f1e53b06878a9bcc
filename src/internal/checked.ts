/**
 * The pieces the SDK's hand-checked schemas are built from. Not part of the public API.
 *
 * A check is a transform over `z.unknown()` that tests the value itself and words each problem
 * as the stock zod schema would, so the client bundle carries only a few zod schema kinds.
 */
import * as z from 'zod/mini';

/** What a failed `z.union` reports, whatever the value. */
export const invalid = 'is invalid';

/** Adds an issue with `message` at the field being parsed; returns a placeholder output. */
export function rejectWith<T>(ctx: { issues: unknown[] }, input: unknown, message: string): T {
  (ctx.issues as Array<{ code: 'custom'; message: string; input: unknown }>).push({ code: 'custom', message, input });
  return z.NEVER as T;
}

/** A schema that takes any value and leaves checking and converting it to `transform`. */
export function checked<T>(transform: (value: unknown, ctx: { issues: unknown[] }) => T) {
  return z.pipe(z.unknown(), z.transform(transform));
}

/** True for what `z.string()` or `z.number()` accepts (a number must be finite). */
export function isStringOrNumber(value: unknown): value is string | number {
  return typeof value === 'string' || Number.isFinite(value);
}
