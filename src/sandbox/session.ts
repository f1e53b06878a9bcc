/** A simulated widget session: what the partner asked for, and the ids its events will carry. */
import type { MockCoinmeData } from '../testing/mock/index.js';
import { seededCustomerId } from '../testing/mock/index.js';
import { multiplyDecimal } from './amounts.js';
import { coinmeId, providerBarcodeId } from './ids.js';
import type { SandboxOutcome } from './outcomes.js';

/**
 * An amount and its currency, as decimal text.
 *
 * @example
 * ```ts
 * const paid: SandboxAmount = session.debit; // { amount: '200', currency: 'USD' }
 * ```
 */
export interface SandboxAmount {
  amount: string;
  currency: string;
}

/**
 * The partner's answer to the user-validation call (seed 004), as shown on the widget page.
 *
 * @example
 * ```ts
 * if (session.validation && !session.validation.allowed) console.log(session.validation.answer);
 * ```
 */
export interface SandboxValidation {
  email: string;
  allowed: boolean;
  /** HTTP status, when the partner answered at all. */
  status?: number;
  /** The answer's body (first 200 characters), or why there was none. */
  answer: string;
  latencyMs: number;
}

/**
 * Where a simulated session stands: `open` (waiting for an outcome), `delivering` (events on
 * their way), `awaiting_payment` (Green Dot barcode shown), `done` (the browser goes back).
 *
 * @example
 * ```ts
 * const waiting = sandbox.sessions().filter((session) => session.phase === 'awaiting_payment');
 * ```
 */
export type SandboxPhase = 'open' | 'delivering' | 'awaiting_payment' | 'done';

/**
 * One widget session of the sandbox.
 *
 * @example
 * ```ts
 * const [session] = sandbox.sessions();
 * console.log(session?.widgetUrl, session?.phase, session?.result?.status);
 * ```
 */
export interface SandboxSession {
  /** The widget token, the last segment of `widgetUrl`. */
  readonly token: string;
  readonly widgetUrl: string;
  readonly createdAt: Date;
  readonly expiresAt: Date;
  /** The body the partner sent to `POST /widget`. */
  readonly params: Readonly<Record<string, unknown>>;
  /** The partner's `externalSessionId`, or the widget token when it sent none. */
  readonly externalSessionId: string;
  readonly customerId: string;
  readonly transactionId: string;
  readonly orderTemplateId: string;
  readonly barcodeId: string;
  readonly providerBarcodeId: string;
  readonly debit: SandboxAmount;
  readonly credit: SandboxAmount;
  /** Price of one unit of the asset in fiat (`debit`) and of one fiat unit in the asset (`credit`), from the mock's quote. */
  readonly unitPrices: { debit: string; credit: string };
  readonly walletAddress: string;
  readonly chain: string;
  email: string;
  phase: SandboxPhase;
  outcome?: SandboxOutcome;
  validation?: SandboxValidation;
  /** What the browser is sent back with, once the session is done. */
  result?: { status: string; transactionId?: string; redirectUrl?: string };
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : typeof value === 'number' && Number.isFinite(value) ? String(value) : undefined;

/**
 * A new session for a widget the mock just created. Amounts come from the partner's parameters,
 * a missing side from the mock's quote for that asset.
 *
 * @internal
 */
export function createSession(init: { token: string; widgetUrl: string; expiresAt: Date; params: Record<string, unknown>; data: MockCoinmeData }): SandboxSession {
  const { params, data } = init;
  const asset = text(params['destinationCurrency']) ?? 'BTC';
  const fiat = text(params['sourceCurrency']) ?? 'USD';
  const quote = data.quotes[asset];
  const unitPrice = text(quote?.['creditCurrencyUnitPrice']);
  const decimals = data.cryptoChains[asset]?.decimals ?? 8;
  const debit = text(params['sourceAmount']) ?? text(quote?.['debitCurrencyAmount']) ?? '100';
  const credit = text(params['destinationAmount']) ?? (unitPrice && multiplyDecimal(debit, unitPrice, Math.min(decimals, 8))) ?? '0';
  const unitPrices = { debit: text(quote?.['debitCurrencyUnitPrice']) ?? '1', credit: unitPrice ?? '1' };
  return {
    token: init.token,
    widgetUrl: init.widgetUrl,
    createdAt: new Date(),
    expiresAt: init.expiresAt,
    params,
    externalSessionId: text(params['externalSessionId']) ?? init.token,
    customerId: seededCustomerId,
    transactionId: coinmeId(),
    orderTemplateId: coinmeId(),
    barcodeId: coinmeId(),
    providerBarcodeId: providerBarcodeId(),
    debit: { amount: debit, currency: fiat },
    credit: { amount: credit, currency: asset },
    unitPrices,
    walletAddress: text(params['walletAddress']) ?? '',
    chain: data.cryptoChains[asset]?.supportedChains[0] ?? asset,
    email: 'user@example.com',
    phase: 'open',
  };
}
