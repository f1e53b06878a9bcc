/** `GET /cryptoChains`: the crypto assets Coinme supports and their chains. */
import * as z from 'zod/mini';
import type { RequestOptions } from '../core/request-options.js';
import { lazy } from '../internal/lazy.js';
import { APIResource } from './resource.js';

/**
 * A supported crypto asset.
 *
 * @example
 * ```ts
 * const btc: Asset = { code: 'BTC', name: 'Bitcoin', decimals: 8, supportedChains: ['BTC'] };
 * ```
 */
export interface Asset {
  /** Asset code, e.g. `BTC`. */
  code: string;
  /** Display name, e.g. `Bitcoin`. */
  name: string;
  /** Number of decimal places of the asset's smallest unit. */
  decimals: number;
  /** Chains the asset can be sent on, e.g. `['ETH']` for USDC. */
  supportedChains: string[];
}

const cryptoChainsSchema = /* @__PURE__ */ lazy(() => {
  const asset = z.looseObject({
    code: z.optional(z.string()),
    name: z.string(),
    // A count of decimal places: a non-negative integer, or its digits as a string.
    decimals: z.union([z.int().check(z.nonnegative()), z.pipe(z.string().check(z.regex(/^\d{1,3}$/)), z.transform(Number))]),
    supportedChains: z.array(z.string()),
  });
  return z.looseObject({ cryptoChains: z.record(z.string(), asset) });
});

/**
 * Supported assets.
 *
 * @example
 * ```ts
 * const assets = await coinme.cryptoChains.list();
 * const btc = assets.find((asset) => asset.code === 'BTC');
 * ```
 */
export class CryptoChains extends APIResource {
  /**
   * Lists the supported assets, converted from Coinme's `{ cryptoChains: { [code]: asset } }`
   * map into an array in Coinme's order. Fields Coinme adds later are kept on each object.
   *
   * @example
   * ```ts
   * for (const { code, supportedChains } of await coinme.cryptoChains.list()) console.log(code, supportedChains);
   * ```
   */
  async list(options?: RequestOptions): Promise<Asset[]> {
    const data = await this.request({ method: 'GET', path: '/cryptoChains', retryable: true, schema: cryptoChainsSchema(), options });
    return Object.entries(data.cryptoChains).map(([key, asset]) => ({ ...asset, code: asset.code ?? key }));
  }
}
