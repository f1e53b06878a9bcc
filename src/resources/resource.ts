/** The base every resource class extends: it holds the client's requester, out of sight. */
import type * as z from 'zod/mini';
import type { ApiCall, Requester } from '../core/requester.js';

/**
 * A group of related endpoints, reached through a `CoinmeClient` property.
 *
 * @example
 * ```ts
 * const resource: APIResource = coinme.cryptoChains;
 * ```
 */
export abstract class APIResource {
  readonly #requester: Requester;

  /** @internal Resources are created by `CoinmeClient`; there is no need to construct one. */
  constructor(requester: Requester) {
    this.#requester = requester;
  }

  /** Sends one authenticated call and returns its validated payload. */
  protected request<S extends z.core.$ZodType>(call: ApiCall<S>): Promise<z.output<S>> {
    return this.#requester.call(call);
  }
}
