/** zod's English wording for the SDK's own parses. Not part of the public API. */
import { en } from 'zod/locales';
import type * as z from 'zod/mini';

// zod/mini loads no locale (every message would be "Invalid input"), and a global `z.config(en())`
// would reword the caller's own zod/mini schemas too. So the SDK's parses pass this in their own
// parse context (`{ error: englishError }`). Schema-level messages (`z.string('...')`, `{ error }`,
// check messages) still win: zod asks the parse context only for issues that have none.
let englishMap: z.core.$ZodErrorMap | undefined;

/** zod's English message for an issue ("Invalid input: expected string, received number"); the locale is built on first use. */
export const englishError: z.core.$ZodErrorMap = (issue) => (englishMap ??= en().localeError)(issue);
