import { compareDecimal, parseDecimal } from '../internal/decimal.js';
import type { SessionAmount, SessionState } from './state.js';
import { statusRank } from './status.js';

/** The fields of a transaction history record that reconciliation reads. */
export interface ReconcilableTransaction {
  partnerTransactionId?: string | undefined;
  debitCurrencyAmount?: string | undefined;
  debitCurrencyCode?: string | undefined;
  creditCurrencyAmount?: string | undefined;
  creditCurrencyCode?: string | undefined;
}

/** A session and the history record it matched. */
export interface ReconciledPair<T> {
  session: SessionState;
  transaction: T;
}

/** A matched pair whose amounts differ. */
export interface AmountMismatch<T> extends ReconciledPair<T> {
  field: 'debit' | 'credit';
  /** The amount the webhooks reported. */
  expected: SessionAmount;
  /** The amount transaction history reports. */
  actual: SessionAmount;
}

/** What {@link reconcile} found. */
export interface ReconciliationReport<T> {
  /** Sessions with their history record, amounts agreeing. */
  matched: ReconciledPair<T>[];
  /** Sessions where money moved (paid in store or later) that history does not list. */
  missingInHistory: SessionState[];
  /** History records no session accounts for. */
  missingInWebhooks: T[];
  /** Matched pairs whose debit or credit amount differs (compared as decimals). */
  amountMismatches: AmountMismatch<T>[];
}

/** Options of {@link reconcile}. */
export interface ReconcileOptions<T> {
  /**
   * The session identifier a history record names. Default: its `partnerTransactionId`, which
   * is matched against a session's `transactionId`, then `externalSessionId`, then
   * `orderTemplateId`.
   */
  keyOf?: (transaction: T) => string | undefined;
}

function mismatch(expected: SessionAmount | undefined, amount: string | undefined, currency: string | undefined): SessionAmount | undefined {
  if (!expected || amount === undefined || currency === undefined || currency !== expected.currency) return undefined;
  // An amount that is not a decimal at all cannot agree with anything.
  const comparable = parseDecimal(expected.amount) !== undefined && parseDecimal(amount) !== undefined;
  return comparable && compareDecimal(expected.amount, amount) === 0 ? undefined : { amount, currency };
}

/**
 * Matches tracked sessions against `transactionHistory` records and reports what agrees and
 * what does not. Amounts are compared as decimals ("30" equals "30.00").
 *
 * @example
 * ```ts
 * const transactions = [];
 * for await (const tx of coinme.transactionHistory.iterate({ customerId })) transactions.push(tx);
 * const sessions = await Promise.all(myOpenSessionIds.map((id) => tracker.get('externalSessionId', id)));
 * const report = reconcile(sessions.filter((s) => s !== undefined), transactions);
 * for (const gap of report.missingInHistory) alert(`no record for ${gap.externalSessionId}`);
 * ```
 */
export function reconcile<T extends ReconcilableTransaction>(
  sessions: readonly SessionState[],
  transactions: readonly T[],
  options: ReconcileOptions<T> = {},
): ReconciliationReport<T> {
  const keyOf = options.keyOf ?? ((transaction: T) => transaction.partnerTransactionId);
  const byKey = new Map<string, T>();
  for (const transaction of transactions) {
    const key = keyOf(transaction);
    if (key !== undefined && key !== '') byKey.set(key, transaction);
  }
  const report: ReconciliationReport<T> = { matched: [], missingInHistory: [], missingInWebhooks: [], amountMismatches: [] };
  const used = new Set<T>();
  for (const session of sessions) {
    const candidates = [session.transactionId, session.externalSessionId, session.orderTemplateId];
    const transaction = candidates.map((id) => (id === undefined ? undefined : byKey.get(id))).find((found) => found !== undefined);
    if (!transaction) {
      const moneyMoved = statusRank(session.status) >= statusRank('paid_in_store') && session.status !== 'expired';
      if (moneyMoved) report.missingInHistory.push(session);
      continue;
    }
    used.add(transaction);
    const debit = mismatch(session.quote?.debit, transaction.debitCurrencyAmount, transaction.debitCurrencyCode);
    const credit = mismatch(session.quote?.credit, transaction.creditCurrencyAmount, transaction.creditCurrencyCode);
    if (debit) report.amountMismatches.push({ session, transaction, field: 'debit', expected: session.quote!.debit!, actual: debit });
    if (credit) report.amountMismatches.push({ session, transaction, field: 'credit', expected: session.quote!.credit!, actual: credit });
    if (!debit && !credit) report.matched.push({ session, transaction });
  }
  report.missingInWebhooks = transactions.filter((transaction) => !used.has(transaction));
  return report;
}
