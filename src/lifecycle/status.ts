/**
 * Where a widget session stands. Statuses rise with the flow of seed 000; terminal ones
 * (`completed`, `failed`, `expired`) win over everything before them.
 */
export type SessionStatus =
  | 'started'
  | 'authenticated'
  | 'kyc_passed'
  | 'kyc_failed'
  | 'quote_confirmed'
  | 'barcode_generated'
  | 'barcode_failed'
  | 'paid_in_store'
  | 'fulfilled'
  | 'broadcast'
  | 'completed'
  | 'failed'
  | 'expired';

// Statuses of one rank are alternatives (passed or failed); within a rank the later event wins.
const rankOf: Readonly<Record<SessionStatus, number>> = {
  started: 0,
  authenticated: 1,
  kyc_passed: 2,
  kyc_failed: 2,
  quote_confirmed: 3,
  barcode_generated: 4,
  barcode_failed: 4,
  paid_in_store: 5,
  fulfilled: 6,
  broadcast: 7,
  completed: 8,
  failed: 8,
  expired: 8,
};

/** The rank of a status in the flow; higher ranks win. */
export function statusRank(status: SessionStatus): number {
  return rankOf[status];
}

/**
 * True for `completed`, `failed` and `expired`: nothing after them changes the outcome.
 *
 * @example
 * ```ts
 * if (isTerminalStatus(record.status)) await archive(record);
 * ```
 */
export function isTerminalStatus(status: SessionStatus): boolean {
  return rankOf[status] === 8;
}
