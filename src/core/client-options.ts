/** The one check of a client's options, run when the client is built. */
import * as z from 'zod/mini';
import { isHeaderValue } from '../internal/header-value.js';
import { lazy } from '../internal/lazy.js';
import type { TokenCache } from '../shared-state/token-cache.js';
import { limitSchemas } from './request-options.js';

const credential = (what: string) =>
  z.string().check(
    z.refine((value) => value.trim() !== '', `is required (a non-empty string issued by Coinme)`),
    z.refine(isHeaderValue, `must be ${what} without line breaks, control characters or surrounding spaces`),
  );

const isFunction = (value: unknown) => typeof value === 'function';

const isTokenCache = (value: unknown): value is TokenCache =>
  typeof value === 'object' && value !== null && ['get', 'set', 'claim', 'release'].every((name) => isFunction(Reflect.get(value, name)));

function buildClientOptionsSchema() {
  const { milliseconds, maxRetries } = limitSchemas();
  const baseUrlSchema = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).check(
    z.refine((text) => /^https?:\/\//i.test(text), 'must be an http(s) URL'),
    // Credentials in the URL would travel with every request and show wherever the URL is shown.
    z.refine((text) => !/^https?:\/\/[^/?#]*@/i.test(text), 'must not contain credentials (user:password@)'),
  );
  const delay = z.optional(z.number().check(z.nonnegative(), z.maximum(2_147_483_647)));

  return z
    .strictObject({
      partnerId: credential('the partner id').check(z.refine((value) => !value.includes(':'), 'must not contain ":"')),
      // Never echoed: every message about it is fixed text.
      clientSecret: z.string('is required (a non-empty string issued by Coinme)').check(z.refine((value) => value.trim() !== '', 'is required (a non-empty string issued by Coinme)')),
      userAgent: credential('the partner User-Agent id'),
      environment: z.optional(z.enum(['staging', 'production'])),
      baseUrl: z.optional(baseUrlSchema),
      apiKey: z.optional(
        z.string().check(z.minLength(1, 'must be a non-empty string'), z.refine(isHeaderValue, 'must be a header value without line breaks, control characters or surrounding spaces')),
      ),
      fetch: z.optional(z.custom<(input: string | URL | Request, init?: RequestInit) => Promise<Response>>(isFunction, 'must be a function')),
      timeout: z.optional(milliseconds),
      totalTimeout: z.optional(milliseconds),
      maxRetries: z.optional(maxRetries),
      maxResponseBytes: z.optional(z.int().check(z.positive(), z.maximum(Number.MAX_SAFE_INTEGER))),
      retryDelay: z.optional(z.strictObject({ initial: delay, max: delay })),
      now: z.optional(z.custom<() => number>(isFunction, 'must be a function')),
      tokenCache: z.optional(z.custom<TokenCache>(isTokenCache, 'must be a TokenCache (get, set, claim and release methods)')),
      logger: z.optional(z.looseObject({})),
      hooks: z.optional(z.looseObject({})),
      dangerouslyAllowBrowser: z.optional(z.boolean()),
      allowInsecureHttp: z.optional(z.boolean()),
    })
    .check(
      z.superRefine((options, ctx) => {
        const insecure = options.baseUrl !== undefined && /^http:/i.test(options.baseUrl);
        if (insecure && options.environment === 'production' && options.allowInsecureHttp !== true) {
          ctx.addIssue({
            code: 'custom',
            path: ['baseUrl'],
            message: 'must be https for production: plain http would expose the credentials on the wire (pass allowInsecureHttp: true to accept that)',
          });
        }
      }),
    );
}

/** Schema of `CoinmeClientOptions`: what each option accepts, built on first use. */
export const clientOptionsSchema = /* @__PURE__ */ lazy(buildClientOptionsSchema);
