/** `GET /widget/transactionhistory`: a customer's transactions, for reconciliation. */
import * as z from 'zod/mini';
import { defaultMaxPages, paginate } from '../core/pagination.js';
import type { RequestOptions } from '../core/request-options.js';
import { parseInput } from '../core/validate.js';
import { lazy } from '../internal/lazy.js';
import { fields } from './fields.js';
import { APIResource } from './resource.js';

/**
 * Largest page Coinme serves.
 *
 * @example
 * ```ts
 * await coinme.transactionHistory.list({ customerId, size: maxTransactionPageSize });
 * ```
 */
export const maxTransactionPageSize = 500;
const defaultPageSize = 100;

/**
 * Parameters of {@link TransactionHistory.list} and {@link TransactionHistory.iterate}.
 *
 * @example
 * ```ts
 * const params: TransactionHistoryParams = { customerId: '1319354818066124800', startDateTime: new Date('2025-01-01T00:00:00Z') };
 * ```
 */
export interface TransactionHistoryParams {
  /** Coinme's 64-bit customer id: digits as a string, a `bigint`, or a safe integer. */
  customerId: string | bigint | number;
  /** Only transactions in this crypto currency, e.g. `DOGE`. */
  currencyCode?: string;
  /** Start of the window; sent as ISO 8601 UTC. */
  startDateTime?: Date | string;
  /** End of the window; sent as ISO 8601 UTC. */
  endDateTime?: Date | string;
  /** Zero-based page number; defaults to 0 (for `iterate`, the first page read). */
  page?: number;
  /** Page size, 1 to 500; defaults to 100. */
  size?: number;
}

/**
 * One transaction. Amounts are decimal strings; `transactionDateTime` is parsed to a `Date`.
 *
 * @example
 * ```ts
 * const tx: Transaction = page.transactions[0]!;
 * console.log(tx.partnerTransactionId, tx.transactionStatus, tx.transactionDateTime.toISOString());
 * ```
 */
export interface Transaction {
  totalFees: string;
  feeCurrencyCode: string;
  creditCurrencyAmount: string;
  creditCurrencyCode: string;
  debitCurrencyAmount: string;
  debitCurrencyCode: string;
  transactionDateTime: Date;
  partnerTransactionId: string;
  /** E.g. `CONFIRMED`. */
  transactionStatus: string;
  /** `''` when Coinme has none. */
  fromWalletAddress: string;
  /** `''` when Coinme has none. */
  toWalletAddress: string;
  /** Present when a promo code was used. */
  promoCode?: string;
}

/**
 * One page of transactions.
 *
 * @example
 * ```ts
 * const { transactions, hasMore } = await coinme.transactionHistory.list({ customerId, page: 0, size: 50 });
 * ```
 */
export interface TransactionPage {
  transactions: Transaction[];
  page: number;
  size: number;
  /** False when this page was shorter than `size`, so no later page has anything. */
  hasMore: boolean;
}

const schemas = /* @__PURE__ */ lazy(() => {
  const { currencyCodeInput, idInput, dateOutput, dateTimeInput, decimalOutput, idOutput, textOrEmpty } = fields();
  const paramsSchema = z.strictObject({
    customerId: idInput,
    currencyCode: z.optional(currencyCodeInput),
    startDateTime: z.optional(dateTimeInput),
    endDateTime: z.optional(dateTimeInput),
    page: z.optional(z.int().check(z.minimum(0))),
    size: z.optional(z.int().check(z.minimum(1), z.maximum(maxTransactionPageSize))),
  });

  const transactionSchema = z.looseObject({
    totalFees: decimalOutput,
    feeCurrencyCode: z.string(),
    creditCurrencyAmount: decimalOutput,
    creditCurrencyCode: z.string(),
    debitCurrencyAmount: decimalOutput,
    debitCurrencyCode: z.string(),
    transactionDateTime: dateOutput,
    partnerTransactionId: idOutput,
    transactionStatus: z.string(),
    fromWalletAddress: textOrEmpty,
    toWalletAddress: textOrEmpty,
    promoCode: z.nullish(z.string()),
  });

  const historySchema = z.looseObject({ transactions: z.nullable(z.array(transactionSchema)) });
  const maxPagesSchema = z.optional(z.int().check(z.positive()));
  return { paramsSchema, transactionSchema, historySchema, maxPagesSchema };
});

type ParsedParams = z.output<ReturnType<typeof schemas>['paramsSchema']>;

/**
 * The query of both transaction histories (widget and partner API): the same parameters, page and size.
 *
 * @internal
 */
export function historyQuery(
  input: { customerId: string; currencyCode?: string | undefined; startDateTime?: string | undefined; endDateTime?: string | undefined },
  page: number,
  size: number,
): Record<string, string | undefined> {
  const { customerId, currencyCode, startDateTime, endDateTime } = input;
  return { customerId, currencyCode, startDateTime, endDateTime, page: String(page), size: String(size) };
}

/**
 * Options of {@link TransactionHistory.iterate}: the per-call options plus a bound on pages.
 *
 * @example
 * ```ts
 * const options: IterateOptions = { maxPages: 50, timeout: 10_000 };
 * ```
 */
export interface IterateOptions extends RequestOptions {
  /** Most pages read before a `PaginationError`; defaults to 2 000. */
  maxPages?: number | undefined;
}


/**
 * Transaction history.
 *
 * @example
 * ```ts
 * for await (const tx of coinme.transactionHistory.iterate({ customerId })) ledger.match(tx);
 * ```
 */
export class TransactionHistory extends APIResource {
  /**
   * Gets one page of the customer's transactions.
   *
   * @example
   * ```ts
   * const page = await coinme.transactionHistory.list({ customerId: '1319354818066124800', page: 0, size: 100 });
   * ```
   */
  async list(params: TransactionHistoryParams, options?: RequestOptions): Promise<TransactionPage> {
    return this.#fetchPage(parseInput(schemas().paramsSchema, params), options);
  }

  /**
   * Iterates over every transaction of every page, fetching pages as the loop advances and
   * stopping after a short or empty page. Throws `PaginationError` when a full page repeats the
   * one before (the server ignores `page`) or after `maxPages` pages (default 2 000).
   *
   * @example
   * ```ts
   * for await (const tx of coinme.transactionHistory.iterate({ customerId, currencyCode: 'BTC' })) {
   *   if (tx.transactionStatus !== 'CONFIRMED') flag(tx);
   * }
   * ```
   */
  iterate(params: TransactionHistoryParams, options?: IterateOptions): AsyncGenerator<Transaction, void, undefined> {
    const input = parseInput(schemas().paramsSchema, params);
    const { maxPages, ...requestOptions } = options ?? {};
    const pages = parseInput(schemas().maxPagesSchema, maxPages, 'options.maxPages') ?? defaultMaxPages;
    const size = input.size ?? defaultPageSize;
    const fetchPage = async (page: number) => (await this.#fetchPage({ ...input, page, size }, options && requestOptions)).transactions;
    return paginate(fetchPage, input.page ?? 0, size, pages);
  }

  async #fetchPage(input: ParsedParams, options: RequestOptions | undefined): Promise<TransactionPage> {
    const page = input.page ?? 0;
    const size = input.size ?? defaultPageSize;
    const query = historyQuery(input, page, size);
    const data = await this.request({ method: 'GET', path: '/widget/transactionhistory', query, retryable: true, schema: schemas().historySchema, options });
    const transactions = (data.transactions ?? []).map(toTransaction);
    return { transactions, page, size, hasMore: transactions.length >= size };
  }
}

function toTransaction(parsed: z.output<ReturnType<typeof schemas>['transactionSchema']>): Transaction {
  const { promoCode, ...rest } = parsed;
  return promoCode == null ? rest : { ...rest, promoCode };
}
