/** `GET /locationlicensing`: the jurisdictions Coinme is licensed in. */
import * as z from 'zod/mini';
import type { RequestOptions } from '../core/request-options.js';
import { parseInput } from '../core/validate.js';
import { lazy } from '../internal/lazy.js';
import { APIResource } from './resource.js';

/**
 * Parameters of {@link LocationLicensing.list}.
 *
 * @example
 * ```ts
 * const params: LocationLicensingListParams = { country: 'USA' };
 * ```
 */
export interface LocationLicensingListParams {
  /** Three-letter country code; defaults to `USA`. */
  country?: string;
}

const schemas = /* @__PURE__ */ lazy(() => ({
  params: z.optional(z.strictObject({ country: z.optional(z.string().check(z.regex(/^[A-Za-z]{3}$/, 'must be a three-letter country code such as "USA"'))) })),
  locations: z.looseObject({ locations: z.array(z.string()) }),
}));

/**
 * Licensed jurisdictions.
 *
 * @example
 * ```ts
 * const states = await coinme.locationLicensing.list();
 * if (!states.includes('NY')) hideCoinme();
 * ```
 */
export class LocationLicensing extends APIResource {
  /**
   * Lists the two-letter codes of the states Coinme operates in. Coinme documents `country` as a
   * JSON body on a GET, which fetch cannot send; it travels as a query parameter.
   *
   * @example
   * ```ts
   * const states = await coinme.locationLicensing.list({ country: 'USA' }); // ['WA', 'VA', ...]
   * ```
   */
  async list(params?: LocationLicensingListParams, options?: RequestOptions): Promise<string[]> {
    const input = parseInput(schemas().params, params);
    const country = (input?.country ?? 'USA').toUpperCase();
    const data = await this.request({ method: 'GET', path: '/locationlicensing', query: { country }, retryable: true, schema: schemas().locations, options });
    return data.locations;
  }
}
