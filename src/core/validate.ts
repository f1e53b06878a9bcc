/** Runs zod schemas and turns their issues into the SDK's errors. */
import * as z from 'zod/mini';
import { ResponseValidationError, ValidationError, type ValidationIssue } from '../errors.js';
import { englishError } from '../internal/english-messages.js';

// zod/mini words nothing itself: issues without a schema-level message get zod's English wording
// (see englishError), except a missing field, which its English locale does not say plainly.
const parseOptions: z.core.ParseContext<z.core.$ZodIssue> = {
  error: (issue) => ((issue.code === 'invalid_type' || issue.code === 'invalid_union') && issue.input === undefined ? 'is missing' : englishError(issue)),
};

function toIssues(issues: readonly z.core.$ZodIssue[], prefix: string): ValidationIssue[] {
  return issues.map((issue) => {
    // An unknown key is reported at the key itself, so the field names the typo.
    const segments = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0] ?? ''] : issue.path;
    const path = [prefix, ...segments.map(String)].filter((segment) => segment !== '').join('.');
    return { path, message: issue.message };
  });
}

/**
 * Validates a caller's input; throws `ValidationError` naming the first bad field.
 * Runs before anything is sent, so a bad input never reaches Coinme.
 */
export function parseInput<S extends z.core.$ZodType>(schema: S, input: unknown, prefix = ''): z.output<S> {
  const result = z.safeParse(schema, input, parseOptions);
  if (result.success) return result.data;
  const issues = toIssues(result.error.issues, prefix);
  const first = issues[0] ?? { path: prefix, message: 'is invalid' };
  throw new ValidationError(`${first.path === '' ? 'input' : first.path}: ${first.message}`, { field: first.path, issues });
}

/** Validates a body Coinme sent; throws `ResponseValidationError` carrying the body. */
export function parseResponse<S extends z.core.$ZodType>(schema: S, body: unknown, context: { status: number; path: string }): z.output<S> {
  const result = z.safeParse(schema, body, parseOptions);
  if (result.success) return result.data;
  const issues = toIssues(result.error.issues, '');
  const first = issues[0];
  const where = first && first.path !== '' ? ` at ${first.path}` : '';
  throw new ResponseValidationError(`Coinme answered ${context.path} with an unexpected shape${where}: ${first?.message ?? 'is invalid'}`, {
    status: context.status,
    path: context.path,
    issues,
    body,
  });
}
