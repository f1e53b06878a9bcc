// `--set path=value`: edits one field of a generated body, e.g. `data.metadata.orderStatus=FAILED`.
import { closest } from './suggest.js';

type Json = Record<string, unknown> | unknown[];

// Keys that would reach a prototype instead of the body.
const UNSAFE = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * The value as JSON when the field is not a string today (numbers, booleans, null, objects), else
 * as text. Integers too large for a number stay text, so 64-bit ids are never rounded.
 */
function valueFor(raw: string, current: unknown): unknown {
  if (typeof current === 'string') return raw;
  try {
    const value: unknown = JSON.parse(raw);
    return typeof value === 'number' && !Number.isSafeInteger(value) && /^-?\d+$/.test(raw) ? raw : value;
  } catch {
    return raw;
  }
}

// A field `--set` cannot find: a typo would otherwise add a field the receiver ignores.
function unknownField(path: string[], depth: number, node: Json): string {
  const where = depth === 0 ? 'the body' : path.slice(0, depth).join('.');
  const key = path[depth] as string;
  const near = Array.isArray(node) ? [] : closest(key, Object.keys(node), 1);
  const hint = near.length > 0 ? ` Did you mean ${[...path.slice(0, depth), near[0]].join('.')}?` : '';
  return `--set ${path.join('.')}: ${where} has no field "${key}".${hint} Use --set-new to add a field.`;
}

/**
 * Applies one `path=value` assignment to `body` in place. Dotted paths; numeric segments index
 * arrays. The field must exist unless `create` is set (`--set-new`), which also creates missing
 * objects on the way. Returns an error message, or `undefined`.
 */
export function setPath(body: Record<string, unknown>, assignment: string, create = false): string | undefined {
  const equals = assignment.indexOf('=');
  const path = equals > 0 ? assignment.slice(0, equals).split('.') : [];
  if (path.length === 0 || path.some((key) => key === '')) return `--set expects path=value, got "${assignment}"`;
  if (path.some((key) => UNSAFE.has(key))) return `--set cannot write "${assignment.slice(0, equals)}"`;
  let node: Json = body;
  for (const [depth, key] of path.entries()) {
    if (!create && !Object.hasOwn(node, key)) return unknownField(path, depth, node);
    if (depth === path.length - 1) break;
    const next: unknown = (node as Record<string, unknown>)[key];
    if (typeof next === 'object' && next !== null) {
      node = next as Json;
    } else if (next === undefined) {
      const created = {};
      (node as Record<string, unknown>)[key] = created;
      node = created;
    } else {
      return `--set ${path.join('.')}: "${key}" is not an object`;
    }
  }
  const last = path.at(-1) as string;
  (node as Record<string, unknown>)[last] = valueFor(assignment.slice(equals + 1), (node as Record<string, unknown>)[last]);
  return undefined;
}
