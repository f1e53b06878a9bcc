/** zod/mini validation that speaks the SDK's error tree. */
import type * as z from 'zod/mini';
import { ResponseValidationError, ValidationError, type ValidationIssue } from '../errors.js';

interface RawIssue {
  code?: string;
  path?: PropertyKey[];
  message?: string;
  expected?: unknown;
  keys?: string[];
  minimum?: unknown;
  maximum?: unknown;
  values?: unknown[];
}

// zod/mini ships without locale messages (to stay small), so the common issue kinds are worded here.
function describe(issue: RawIssue): string {
  if (issue.message && issue.message !== 'Invalid input') return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      return `expected ${String(issue.expected)}`;
    case 'too_small':
      return `must be at least ${String(issue.minimum)}`;
    case 'too_big':
      return `must be at most ${String(issue.maximum)}`;
    case 'invalid_value':
      return `must be one of ${(issue.values ?? []).map((value) => JSON.stringify(value)).join(', ')}`;
    case 'unrecognized_keys':
      return `unknown field ${(issue.keys ?? []).join(', ')}`;
    default:
      return 'is invalid';
  }
}

function toIssues(issues: readonly RawIssue[], prefix: string): ValidationIssue[] {
  return issues.map((issue) => {
    const segments = [...(issue.code === 'unrecognized_keys' ? [...(issue.path ?? []), issue.keys?.[0] ?? ''] : (issue.path ?? []))];
    const path = [prefix, ...segments.map(String)].filter((segment) => segment !== '').join('.');
    return { path, message: describe(issue) };
  });
}

/**
 * Validates a caller's input; throws `ValidationError` naming the first bad field.
 * Runs before anything is sent, so a bad input never reaches Coinme.
 */
export function parseInput<S extends z.ZodMiniType>(schema: S, input: unknown, prefix = ''): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues = toIssues(result.error.issues as readonly RawIssue[], prefix);
  const first = issues[0] ?? { path: prefix, message: 'is invalid' };
  const label = first.path === '' ? 'input' : first.path;
  return throwError(new ValidationError(`${label} ${first.message}`, { field: first.path, issues }));
}

/** Validates a body Coinme sent; throws `ResponseValidationError` carrying the body. */
export function parseResponse<S extends z.ZodMiniType>(
  schema: S,
  body: unknown,
  context: { status: number; path: string },
): z.output<S> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issues = toIssues(result.error.issues as readonly RawIssue[], '');
  const first = issues[0];
  const where = first && first.path !== '' ? ` at ${first.path}` : '';
  return throwError(
    new ResponseValidationError(`Coinme answered ${context.path} with an unexpected shape${where}: ${first?.message ?? 'is invalid'}`, {
      status: context.status,
      path: context.path,
      issues,
      body,
    }),
  );
}

function throwError(error: Error): never {
  throw error;
}
