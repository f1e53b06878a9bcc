/** The one check of a client's options, run when the client is built. */
import * as z from 'zod';
import { isHeaderValue } from '../internal/header-value.js';
import { lazy } from '../internal/lazy.js';
import type { TokenCache } from '../shared-state/token-cache.js';
import { limitSchemas } from './request-options.js';

const credential = (what: string) =>
  z
    .string()
    .refine((value) => value.trim() !== '', `is required (a non-empty string issued by Coinme)`)
    .refine(isHeaderValue, `must be ${what} without line breaks, control characters or surrounding spaces`);

const isFunction = (value: unknown) => typeof value === 'function';

const isTokenCache = (value: unknown): value is TokenCache =>
  typeof value === 'object' && value !== null && ['get', 'set', 'claim', 'release'].every((name) => isFunction(Reflect.get(value, name)));

function buildClientOptionsSchema() {
  const { milliseconds, maxRetries } = limitSchemas();
  const baseUrlSchema = z
    .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
    .refine((text) => /^https?:\/\//i.test(text), 'must be an http(s) URL')
    // Credentials in the URL would travel with every request and show wherever the URL is shown.
    .refine((text) => !/^https?:\/\/[^/?#]*@/i.test(text), 'must not contain credentials (user:password@)');

  return z
    .strictObject({
      partnerId: credential('the partner id').refine((value) => !value.includes(':'), 'must not contain ":"'),
      // Never echoed: every message about it is fixed text.
      clientSecret: z.string('is required (a non-empty string issued by Coinme)').refine((value) => value.trim() !== '', 'is required (a non-empty string issued by Coinme)'),
      userAgent: credential('the partner User-Agent id'),
      environment: z.enum(['staging', 'production']).optional(),
      baseUrl: baseUrlSchema.optional(),
      apiKey: z.string().min(1, 'must be a non-empty string').refine(isHeaderValue, 'must be a header value without line breaks, control characters or surrounding spaces').optional(),
      fetch: z.custom<(input: string | URL | Request, init?: RequestInit) => Promise<Response>>(isFunction, 'must be a function').optional(),
      timeout: milliseconds.optional(),
      totalTimeout: milliseconds.optional(),
      maxRetries: maxRetries.optional(),
      maxResponseBytes: z.int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
      retryDelay: z
        .strictObject({ initial: z.number().nonnegative().max(2_147_483_647).optional(), max: z.number().nonnegative().max(2_147_483_647).optional() })
        .optional(),
      now: z.custom<() => number>(isFunction, 'must be a function').optional(),
      tokenCache: z.custom<TokenCache>(isTokenCache, 'must be a TokenCache (get, set, claim and release methods)').optional(),
      logger: z.looseObject({}).optional(),
      hooks: z.looseObject({}).optional(),
      dangerouslyAllowBrowser: z.boolean().optional(),
      allowInsecureHttp: z.boolean().optional(),
    })
    .superRefine((options, ctx) => {
      const insecure = options.baseUrl !== undefined && /^http:/i.test(options.baseUrl);
      if (insecure && options.environment === 'production' && options.allowInsecureHttp !== true) {
        ctx.addIssue({
          code: 'custom',
          path: ['baseUrl'],
          message: 'must be https for production: plain http would expose the credentials on the wire (pass allowInsecureHttp: true to accept that)',
        });
      }
    });
}

/** Schema of `CoinmeClientOptions`: what each option accepts, built on first use. */
export const clientOptionsSchema = /* @__PURE__ */ lazy(buildClientOptionsSchema);
