/** `GET /transactionhistory`: every transaction a customer made through the partner API. */
import * as z from 'zod/mini';
import type { RequestOptions } from '../core/request-options.js';
import { paginate } from '../core/pagination.js';
import { parseInput } from '../core/validate.js';
import { lazy } from '../internal/lazy.js';
import { fields, optional } from './fields.js';
import { APIResource } from './resource.js';
import { historyQuery, type IterateOptions, type Transaction, type TransactionHistoryParams, type TransactionPage } from './transaction-history.js';

/**
 * Most pages {@link Transactions.iterate} reads in one loop (500 000 transactions at the
 * largest page size) before it throws `PaginationError`, even if Coinme still reports full pages.
 *
 * @example
 * ```ts
 * for await (const tx of coinme.transactions.iterate({ customerId }, { maxPages: 10 })) audit(tx);
 * ```
 */
export const defaultMaxTransactionPages = 1000;
const defaultPageSize = 100;
const maxPageSize = 500;

/**
 * Parameters of {@link Transactions.list} and {@link Transactions.iterate}: those of the widget
 * history. `iterate` takes its page cap in its options, as `transactionHistory.iterate` does.
 *
 * @example
 * ```ts
 * const params: TransactionsParams = { customerId: '1319354818066124800', currencyCode: 'DOGE', size: 500 };
 * ```
 */
export type TransactionsParams = TransactionHistoryParams;

const schemas = /* @__PURE__ */ lazy(() => {
  const field = fields();
  const integer = (min: number, max: number) => z.number().check(z.int(), z.minimum(min), z.maximum(max));

  const paramsSchema = z.strictObject({
    customerId: field.idInput,
    currencyCode: z.optional(field.currencyCodeInput),
    startDateTime: z.optional(field.dateTimeInput),
    endDateTime: z.optional(field.dateTimeInput),
    page: z.optional(integer(0, Number.MAX_SAFE_INTEGER)),
    size: z.optional(integer(1, maxPageSize)),
  });
  const maxPagesSchema = z.optional(integer(1, Number.MAX_SAFE_INTEGER));

  const transactionSchema = z.looseObject({
    totalFees: field.decimalOutput,
    feeCurrencyCode: z.string(),
    creditCurrencyAmount: field.decimalOutput,
    creditCurrencyCode: z.string(),
    debitCurrencyAmount: field.decimalOutput,
    debitCurrencyCode: z.string(),
    transactionDateTime: field.dateOutput,
    partnerTransactionId: field.idOutput,
    transactionStatus: z.string(),
    fromWalletAddress: z.pipe(
      field.optionalText,
      z.transform((value) => value ?? ''),
    ),
    toWalletAddress: z.pipe(
      field.optionalText,
      z.transform((value) => value ?? ''),
    ),
    promoCode: field.optionalText,
  });

  const historySchema = z.looseObject({ transactions: optional(z.array(transactionSchema)) });
  return { paramsSchema, historySchema, maxPagesSchema };
});

type ParsedParams = z.output<ReturnType<typeof schemas>['paramsSchema']>;

/**
 * The partner-API transaction history (`GET /transactionhistory`), page by page or all at once.
 * For widget transactions, see `coinme.transactionHistory`.
 *
 * @example
 * ```ts
 * for await (const tx of coinme.transactions.iterate({ customerId })) ledger.match(tx);
 * ```
 */
export class Transactions extends APIResource {
  /**
   * Gets one page of the customer's transactions.
   *
   * @example
   * ```ts
   * const { transactions, hasMore } = await coinme.transactions.list({ customerId: '1319354818066124800', page: 0, size: 100 });
   * ```
   */
  async list(params: TransactionsParams, options?: RequestOptions): Promise<TransactionPage> {
    return this.#fetchPage(parseInput(schemas().paramsSchema, params), options);
  }

  /**
   * Iterates over every transaction of every page, fetching pages as the loop advances, and stops
   * after a short or empty page. Throws `PaginationError` on a full page identical to the one before
   * (a server that ignores `page` would otherwise loop forever; the repeat is not yielded) and
   * after `maxPages` pages (option; default {@link defaultMaxTransactionPages}).
   *
   * @example
   * ```ts
   * for await (const tx of coinme.transactions.iterate({ customerId, currencyCode: 'BTC', size: 500 })) {
   *   if (tx.transactionStatus !== 'CONFIRMED') flag(tx);
   * }
   * ```
   */
  async *iterate(params: TransactionsParams, options?: IterateOptions): AsyncGenerator<Transaction, void, undefined> {
    const input = parseInput(schemas().paramsSchema, params);
    const { maxPages, ...requestOptions } = options ?? {};
    const pages = parseInput(schemas().maxPagesSchema, maxPages, 'options.maxPages') ?? defaultMaxTransactionPages;
    const size = input.size ?? defaultPageSize;
    const first = input.page ?? 0;
    const fetchPage = async (page: number) => (await this.#fetchPage({ ...input, page, size }, requestOptions)).transactions;
    yield* paginate(fetchPage, first, size, pages);
  }

  async #fetchPage(input: ParsedParams, options: RequestOptions | undefined): Promise<TransactionPage> {
    const page = input.page ?? 0;
    const size = input.size ?? defaultPageSize;
    const query = historyQuery(input, page, size);
    const data = await this.request({ method: 'GET', path: '/transactionhistory', query, retryable: true, schema: schemas().historySchema, options });
    const transactions = (data.transactions ?? []).map(({ promoCode, ...rest }): Transaction => (promoCode === undefined ? rest : { ...rest, promoCode }));
    return { transactions, page, size, hasMore: transactions.length >= size };
  }
}
