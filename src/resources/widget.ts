/** `POST /widget`: creates a hosted widget session. */
import * as z from 'zod/mini';
import type { RequestOptions } from '../core/request-options.js';
import { parseInput } from '../core/validate.js';
import { jsonNumber } from '../internal/json-number.js';
import { lazy } from '../internal/lazy.js';
import { fields } from './fields.js';
import { APIResource } from './resource.js';

/**
 * Parameters of {@link Widget.createSession}: the widget's body parameters (seed 000, step 3).
 * Only `destinationCurrency` and `walletAddress` are required.
 *
 * @example
 * ```ts
 * const params: WidgetSessionParams = { destinationCurrency: 'BTC', walletAddress: 'bc1q...', sourceAmount: 200, sourceCurrency: 'USD' };
 * ```
 */
export interface WidgetSessionParams {
  /** Destination currency (crypto for on-ramps, fiat for off-ramps). */
  destinationCurrency: string;
  /** End user's wallet address the crypto is sent to. */
  walletAddress: string;
  /** Source amount; sent as a JSON number with exactly these digits. */
  sourceAmount?: number | string;
  sourceCurrency?: string;
  sourceAmountLock?: boolean;
  sourceCurrencyLock?: boolean;
  /** Destination amount; sent as a JSON number with exactly these digits. */
  destinationAmount?: number | string;
  destinationAmountLock?: boolean;
  destinationCurrencyLock?: boolean;
  /** End user's two-letter country code, e.g. `US`. */
  countryCode?: string;
  long?: number | string;
  lat?: number | string;
  city?: string;
  state?: string;
  zipCode?: string;
  streetAddress?: string;
  paymentMethod?: string;
  paymentMethodLock?: boolean;
  walletMemo?: string;
  walletLock?: boolean;
  /** Partner-generated id of this widget session, echoed in webhooks. */
  externalSessionId?: string;
  /** Where the widget sends the user when done; Coinme appends `transactionId` and `status`. */
  redirectUrl?: string;
  redirectUrlButtonLabel?: string;
  language?: string;
  /** Dark or light mode. */
  theme?: string;
}

/**
 * A hosted widget session. The URL is valid for 30 minutes.
 *
 * @example
 * ```ts
 * const { widgetUrl, expiresAt } = await coinme.widget.createSession(params);
 * if (expiresAt.getTime() > Date.now()) redirect(widgetUrl);
 * ```
 */
export interface WidgetSession {
  widgetUrl: string;
  expiresAt: Date;
}

// A widget URL is valid for 30 minutes (seed 000); used only if Coinme omits `expiresAt`.
const sessionLifetimeMs = 30 * 60_000;

const schemas = /* @__PURE__ */ lazy(() => {
  const { coordinateInput, currencyCodeInput, dateOutput, httpUrlInput, nonEmptyString, positiveAmountInput } = fields();
  const optionalText = z.optional(nonEmptyString);
  const optionalFlag = z.optional(z.boolean());

  const paramsSchema = z.strictObject({
    destinationCurrency: currencyCodeInput,
    walletAddress: nonEmptyString,
    sourceAmount: z.optional(positiveAmountInput),
    sourceCurrency: z.optional(currencyCodeInput),
    sourceAmountLock: optionalFlag,
    sourceCurrencyLock: optionalFlag,
    destinationAmount: z.optional(positiveAmountInput),
    destinationAmountLock: optionalFlag,
    destinationCurrencyLock: optionalFlag,
    countryCode: z.optional(z.string().check(z.regex(/^[A-Za-z]{2}$/, 'must be a two-letter country code such as "US"'))),
    long: z.optional(coordinateInput),
    lat: z.optional(coordinateInput),
    city: optionalText,
    state: optionalText,
    zipCode: optionalText,
    streetAddress: optionalText,
    paymentMethod: optionalText,
    paymentMethodLock: optionalFlag,
    walletMemo: optionalText,
    walletLock: optionalFlag,
    externalSessionId: optionalText,
    redirectUrl: z.optional(httpUrlInput),
    redirectUrlButtonLabel: optionalText,
    language: optionalText,
    theme: optionalText,
  });

  // The URL is handed to an end user's browser: https only, or http on a loopback host (the local sandbox).
  const widgetUrlSchema = z.url({ protocol: /^https?$/ }).check(
    z.refine(
      (text) => text.startsWith('https:') || /^http:\/\/(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?\//i.test(text),
      'must be an https: URL (http: only on a loopback host)',
    ),
  );

  const sessionSchema = z.looseObject({ widgetUrl: widgetUrlSchema, expiresAt: z.nullish(dateOutput) });
  return { paramsSchema, sessionSchema };
});

/**
 * Hosted widget sessions.
 *
 * @example
 * ```ts
 * const session = await coinme.widget.createSession({ destinationCurrency: 'BTC', walletAddress });
 * ```
 */
export class Widget extends APIResource {
  /**
   * Creates a widget session and returns its hosted URL. This call creates something at Coinme,
   * so it is never retried once sent (a 401 is the exception: Coinme refused it without acting,
   * and it is replayed once with a fresh token). The response is accepted bare or in `data`.
   *
   * @example
   * ```ts
   * const { widgetUrl, expiresAt } = await coinme.widget.createSession({
   *   destinationCurrency: 'BTC', walletAddress: 'bc1qxy2kgdygjrsqtzq2n0yrf2493p83kkfjhx0wlh',
   *   sourceAmount: 200, sourceCurrency: 'USD', countryCode: 'US', externalSessionId: 'session-42',
   * });
   * ```
   */
  async createSession(params: WidgetSessionParams, options?: RequestOptions): Promise<WidgetSession> {
    const input = parseInput(schemas().paramsSchema, params);
    const json: Record<string, unknown> = { ...input };
    if (input.sourceAmount !== undefined) json['sourceAmount'] = jsonNumber(input.sourceAmount);
    if (input.destinationAmount !== undefined) json['destinationAmount'] = jsonNumber(input.destinationAmount);
    const requestedAt = Date.now();
    const data = await this.request({ method: 'POST', path: '/widget', json, retryable: false, envelope: 'optional', schema: schemas().sessionSchema, options });
    return { ...data, widgetUrl: data.widgetUrl, expiresAt: data.expiresAt ?? new Date(requestedAt + sessionLifetimeMs) };
  }
}
