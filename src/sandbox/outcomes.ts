/**
 * The outcomes a developer can pick on the widget page, and the events each one delivers, in
 * order (seed 000 §4.1 for the widget events, seed 003 for order templates and buys).
 */
import { createEvents, type EventFactories } from '../testing/events.js';
import type { WebhookEventType } from '../webhooks/event.js';
import { transactionHash } from './ids.js';
import type { SandboxSession } from './session.js';

/**
 * An outcome of a simulated widget session.
 *
 * - `card_completed`: a debit card purchase that completes.
 * - `greendot_paid`: a Green Dot cash purchase; the barcode is shown, then paid in store.
 * - `failed`: a card purchase Coinme cancels (`314-001-S3`, "Transaction cancelled by Auth Void").
 * - `kyc_rejected`: the user fails KYC.
 * - `expired`: a Green Dot barcode is shown and never used; its order template expires.
 *
 * @example
 * ```ts
 * await sandbox.choose(token, 'greendot_paid');
 * ```
 */
export type SandboxOutcome = 'card_completed' | 'greendot_paid' | 'failed' | 'kyc_rejected' | 'expired';

/**
 * Every outcome, in the order the widget page offers them.
 *
 * @example
 * ```ts
 * for (const outcome of sandboxOutcomes) console.log(outcome, outcomeSequence(outcome));
 * ```
 */
export const sandboxOutcomes: readonly SandboxOutcome[] = ['card_completed', 'greendot_paid', 'failed', 'kyc_rejected', 'expired'];

/** One event of a sequence: its union type and its body. */
export interface SequenceEvent {
  type: WebhookEventType;
  payload: object;
}

type Step = (events: EventFactories, session: SandboxSession) => SequenceEvent;

// The errors the documents list: seed 003's event error code, seed 000's KYC failure.
const authVoid = { code: '314-001-S3', message: 'Transaction cancelled by Auth Void' };

const widget = (session: SandboxSession) => ({ externalSessionId: session.externalSessionId });
const person = (session: SandboxSession) => ({ ...widget(session), customer_id: session.customerId, customer_email: session.email });
const cashAmounts = (session: SandboxSession) => ({
  amount: { currencyCode: session.debit.currency, value: session.debit.amount },
  credit: { amount: session.credit.amount, currencyCode: session.credit.currency },
  debit: { currencyCode: session.debit.currency, unitPrice: session.unitPrices.debit },
});
const chainData = (session: SandboxSession, hash?: string) => ({
  targetWalletAddress: session.walletAddress,
  currency: session.credit.currency,
  chain: session.chain,
  ...(hash === undefined ? {} : { blockchainTransactionId: hash, blockchainMemo: null }),
});
const template = (session: SandboxSession) => ({
  orderTemplateId: session.orderTemplateId,
  userInputAmount: { amount: session.debit.amount, currency: session.debit.currency },
});
const buy = (session: SandboxSession) => ({ transactionId: session.transactionId, externalSessionId: session.externalSessionId });

const steps = {
  auth: (e, s) => ({ type: 'orchestrator.auth-state.changed', payload: e['orchestrator.auth-state.changed'](person(s)) }),
  kycPassed: (e, s) => ({ type: 'kyc-prove.onboarding.completed', payload: e['kyc-prove.onboarding.completed'](person(s)) }),
  kycFailed: (e, s) => ({ type: 'kyc-prove.onboarding.failed', payload: e['kyc-prove.onboarding.failed'](person(s)) }),
  quoteConfirmed: (e, s) => ({
    type: 'greendot.location.quote-confirmed',
    payload: e['greendot.location.quote-confirmed']({
      ...widget(s),
      debit: { amount: s.debit.amount, currencyCode: s.debit.currency, unitPrice: s.unitPrices.debit, unitPriceCode: `${s.debit.currency}/${s.credit.currency}` },
      credit: { amount: s.credit.amount, currencyCode: s.credit.currency, unitPrice: s.unitPrices.credit, unitPriceCode: `${s.credit.currency}/${s.debit.currency}` },
    }),
  }),
  locationSelected: (e, s) => ({ type: 'discover.barcode.location-selected', payload: e['discover.barcode.location-selected'](widget(s)) }),
  barcodeGenerated: (e, s) => ({
    type: 'greendot.barcode.generation-succeeded',
    payload: e['greendot.barcode.generation-succeeded']({ ...widget(s), ...cashAmounts(s), barcodeId: s.barcodeId, providerBarcodeId: s.providerBarcodeId }),
  }),
  templateCreated: (e, s) => ({ type: 'ORDER_TEMPLATE.CREATED', payload: e['ORDER_TEMPLATE.CREATED']({ data: template(s) }) }),
  barcodeDisplayed: (e, s) => ({
    type: 'greendot.barcode.displayed',
    payload: e['greendot.barcode.displayed']({
      ...widget(s),
      ...cashAmounts(s),
      barcodeId: s.barcodeId,
      orderTemplateId: s.orderTemplateId,
      providerBarcodeId: s.providerBarcodeId,
    }),
  }),
  templateConsumed: (e, s) => ({
    type: 'ORDER_TEMPLATE.CONSUMED',
    payload: e['ORDER_TEMPLATE.CONSUMED']({ data: { ...template(s), ...widget(s), providerTransactionRef: s.providerBarcodeId } }),
  }),
  templateExpired: (e, s) => ({
    type: 'ORDER_TEMPLATE.EXPIRED',
    payload: e['ORDER_TEMPLATE.EXPIRED']({ data: { ...template(s), providerTransactionRef: s.providerBarcodeId } }),
  }),
  fulfilled: (e, s) => ({
    type: 'CAAS.BUY.FULFILLED',
    payload: e['CAAS.BUY.FULFILLED']({ data: { ...buy(s), metadata: { orderTemplateId: s.orderTemplateId, blockchainData: chainData(s) } } }),
  }),
  broadcast: (e, s) => ({
    type: 'CAAS.BUY.BLOCKCHAIN_ACCEPTED',
    payload: e['CAAS.BUY.BLOCKCHAIN_ACCEPTED']({ data: { ...buy(s), metadata: { blockchainData: chainData(s, txHashOf(s)) } } }),
  }),
  completed: (e, s) => ({
    type: 'CAAS.BUY.COMPLETED',
    payload: e['CAAS.BUY.COMPLETED']({ data: { ...buy(s), metadata: { orderTemplateId: s.orderTemplateId, blockchainData: chainData(s, txHashOf(s)) } } }),
  }),
  failed: (e, s) => ({
    type: 'CAAS.BUY.FAILED',
    payload: e['CAAS.BUY.FAILED']({ data: { ...buy(s), metadata: { orderTemplateId: s.orderTemplateId, blockchainData: chainData(s) }, errorData: authVoid } }),
  }),
} satisfies Record<string, Step>;

// One hash per session, so the broadcast and the completion agree.
const hashes = new WeakMap<SandboxSession, string>();
function txHashOf(session: SandboxSession): string {
  const hash = hashes.get(session) ?? transactionHash(session.chain);
  hashes.set(session, hash);
  return hash;
}

const barcodeShown: Step[] = [steps.auth, steps.kycPassed, steps.quoteConfirmed, steps.locationSelected, steps.barcodeGenerated, steps.templateCreated, steps.barcodeDisplayed];
const settlement: Step[] = [steps.fulfilled, steps.broadcast, steps.completed];

/**
 * An outcome's events: `first` right after the choice, `afterPayment` once the developer marks
 * the Green Dot barcode paid (empty for every other outcome).
 */
const sequences: Record<SandboxOutcome, { first: Step[]; afterPayment: Step[] }> = {
  card_completed: { first: [steps.auth, steps.kycPassed, ...settlement], afterPayment: [] },
  greendot_paid: { first: barcodeShown, afterPayment: [steps.templateConsumed, ...settlement] },
  failed: { first: [steps.auth, steps.kycPassed, steps.failed], afterPayment: [] },
  kyc_rejected: { first: [steps.auth, steps.kycFailed], afterPayment: [] },
  expired: { first: [...barcodeShown, steps.templateExpired], afterPayment: [] },
};

/** Whether the outcome stops at a barcode and waits for the developer to mark it paid. */
export const waitsForPayment = (outcome: SandboxOutcome): boolean => sequences[outcome].afterPayment.length > 0;

/**
 * The event types (`WebhookEvent['type']`) an outcome delivers, in order (both parts for Green Dot).
 *
 * @example
 * ```ts
 * outcomeSequence('card_completed');
 * // ['orchestrator.auth-state.changed', 'kyc-prove.onboarding.completed', 'CAAS.BUY.FULFILLED',
 * //  'CAAS.BUY.BLOCKCHAIN_ACCEPTED', 'CAAS.BUY.COMPLETED']
 * ```
 */
export function outcomeSequence(outcome: SandboxOutcome): string[] {
  const probe = createEvents();
  const { first, afterPayment } = sequences[outcome];
  return [...first, ...afterPayment].map((step) => step(probe, placeholder).type);
}

const placeholder: SandboxSession = {
  token: '', widgetUrl: '', createdAt: new Date(0), expiresAt: new Date(0), params: {}, externalSessionId: '', customerId: '',
  transactionId: '', orderTemplateId: '', barcodeId: '', providerBarcodeId: '', debit: { amount: '0', currency: 'USD' },
  credit: { amount: '0', currency: 'BTC' }, unitPrices: { debit: '1', credit: '1' }, walletAddress: '', chain: 'BTC', email: '', phase: 'open',
};

/**
 * The bodies of one part of an outcome's sequence for `session`, with fresh event ids and live
 * timestamps; every id that links events (session, order template, barcode, transaction) is the
 * session's own.
 *
 * @internal
 */
export function buildEvents(session: SandboxSession, part: 'first' | 'afterPayment', outcome: SandboxOutcome): SequenceEvent[] {
  const factories = createEvents({ seed: `${session.token}:${part}`, now: () => new Date() });
  return sequences[outcome][part].map((step) => step(factories, session));
}

/**
 * How the browser is sent back after an outcome: Coinme's `status`, and the transaction when one
 * exists (there is none after a KYC rejection or an expired barcode).
 *
 * @internal
 */
export function redirectResult(outcome: SandboxOutcome, session: SandboxSession): { status: string; transactionId?: string } {
  switch (outcome) {
    case 'card_completed':
    case 'greendot_paid':
      return { status: 'COMPLETED', transactionId: session.transactionId };
    case 'failed':
      return { status: 'FAILED', transactionId: session.transactionId };
    case 'kyc_rejected':
      return { status: 'KYC_FAILED' };
    case 'expired':
      return { status: 'EXPIRED' };
  }
}
