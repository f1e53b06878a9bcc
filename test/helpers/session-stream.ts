// Builds a coherent widget session (one user, one barcode, one order) from the corrected sample
// bodies, turned into events by parseWebhook.
import widgetSamples from '../../src/testing/samples/coinme.widget.json' with { type: 'json' };
import notificationSamples from '../../src/testing/samples/coinme.notification.json' with { type: 'json' };
import { parseWebhook } from 'coinme-sdk/webhooks';
import type { LifecycleEvent } from 'coinme-sdk';

type Body = Record<string, unknown>;

function merge(base: Body, patch: Body): Body {
  const out: Body = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    const current = out[key];
    out[key] =
      value && typeof value === 'object' && !Array.isArray(value) && current && typeof current === 'object' && !Array.isArray(current)
        ? merge(current as Body, value as Body)
        : value;
  }
  return out;
}

function toEvent(body: Body): LifecycleEvent {
  const event = parseWebhook(body, { strict: true });
  if (event.source !== 'coinme.widget' && event.source !== 'coinme.notification') throw new Error('sample is not a session event');
  return event as LifecycleEvent;
}

export const ids = {
  session: 'partner-session-42',
  barcode: '1313954797448204288',
  orderTemplate: '1316433953436078080',
  transaction: '1316435202751467520',
  txHash: '0x466793e2409f499a0130610e849f5dd2ef25ca424e46573942307a72e7bf6adb',
};

const minute = (n: number) => new Date(Date.UTC(2025, 11, 4, 20, n)).toISOString();

/** A widget event of the session, at minute `n`. */
export function widget(type: keyof typeof widgetSamples, n: number, patch: Body = {}): LifecycleEvent {
  const body = merge(widgetSamples[type] as Body, { event_id: `w-${type}-${n}`, timestamp: minute(n), externalSessionId: ids.session, ...patch });
  return toEvent(body);
}

/** A notification of the session, at minute `n`. */
export function notification(type: keyof typeof notificationSamples, n: number, patch: Body = {}): LifecycleEvent {
  const sample = notificationSamples[type] as Body;
  const isCaas = type.startsWith('CAAS.');
  const data: Body = isCaas
    ? { transactionId: ids.transaction, externalSessionId: ids.session, metadata: { orderTemplateId: ids.orderTemplate } }
    : { orderTemplateId: ids.orderTemplate, userInputAmount: { amount: '100', currency: 'USD' } };
  const body = merge(merge(sample, { id: `n-${type}-${n}`, at: minute(n), data }), patch);
  if (!isCaas) delete (body['data'] as Body)['externalSessionId'];
  return toEvent(body);
}

/** Seed 000's happy path, in the order Coinme sends it. */
export function happyPath(): LifecycleEvent[] {
  return [
    widget('orchestrator.auth-state.changed', 1),
    widget('kyc-prove.onboarding.completed', 2),
    widget('greendot.location.quote-confirmed', 3),
    widget('discover.barcode.location-selected', 4),
    widget('greendot.barcode.generation-succeeded', 5, { barcodeId: ids.barcode }),
    notification('ORDER_TEMPLATE.CREATED', 5),
    widget('greendot.barcode.displayed', 6, { barcodeId: ids.barcode, orderTemplateId: ids.orderTemplate }),
    notification('ORDER_TEMPLATE.CONSUMED', 30),
    notification('CAAS.BUY.FULFILLED', 31),
    notification('CAAS.BUY.BLOCKCHAIN_ACCEPTED', 32, { data: { metadata: { blockchainData: { blockchainTransactionId: ids.txHash } } } }),
    notification('CAAS.BUY.COMPLETED', 33, { data: { metadata: { blockchainData: { blockchainTransactionId: ids.txHash } } } }),
  ];
}
