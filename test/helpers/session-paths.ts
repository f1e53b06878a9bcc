// The documented session paths of a widget session, as the typed events a receiver gets:
// bodies from the testing kit's factories, parsed by parseWebhook. Each tag gives a session of
// its own (its own ids and event ids), so many can share one store.
import { reduceSession, type SessionIdKind, type SessionState } from 'coinme-sdk';
import { createEvents } from 'coinme-sdk/testing';
import { parseWebhook, type WebhookEvent } from 'coinme-sdk/webhooks';

export const sessionPathNames = ['card', 'cash', 'failed', 'expired', 'kycRejected'] as const;
export type SessionPathName = (typeof sessionPathNames)[number];

export interface SessionPath {
  readonly name: SessionPathName;
  /** The events in the order Coinme sends them. */
  readonly events: WebhookEvent[];
  /** Every id the session is known by once all its events are in. */
  readonly ids: ReadonlyArray<readonly [SessionIdKind, string]>;
  /** The status sequential ingestion ends in. */
  readonly status: string;
}

export function sessionPath(name: SessionPathName, tag: string): SessionPath {
  let minute = 0;
  const events = createEvents({ seed: `${name}:${tag}`, now: () => new Date(Date.UTC(2026, 0, 1, 12, minute++)) });
  const session = `session-${tag}`;
  const barcode = `barcode-${tag}`;
  const orderTemplate = `ot-${tag}`;
  const transaction = `tx-${tag}`;
  const parse = (body: object) => parseWebhook(JSON.stringify(body), { strict: true });

  const start = [
    parse(events['orchestrator.auth-state.changed']({ externalSessionId: session })),
    parse(events['kyc-prove.onboarding.completed']({ externalSessionId: session })),
  ];
  const caas = { transactionId: transaction, externalSessionId: session, metadata: { orderTemplateId: orderTemplate } };
  const cashUntilDisplayed = [
    ...start,
    parse(events['greendot.location.quote-confirmed']({ externalSessionId: session })),
    parse(events['discover.barcode.location-selected']({ externalSessionId: session })),
    parse(events['greendot.barcode.generation-succeeded']({ externalSessionId: session, barcodeId: barcode })),
    // Names only the order template: linked to the session by the next event.
    parse(events['ORDER_TEMPLATE.CREATED']({ data: { orderTemplateId: orderTemplate } })),
    parse(events['greendot.barcode.displayed']({ externalSessionId: session, barcodeId: barcode, orderTemplateId: orderTemplate })),
  ];
  const cashUntilPaid = [...cashUntilDisplayed, parse(events['ORDER_TEMPLATE.CONSUMED']({ data: { orderTemplateId: orderTemplate, externalSessionId: session } }))];
  const buy = [parse(events['CAAS.BUY.FULFILLED']({ data: caas })), parse(events['CAAS.BUY.BLOCKCHAIN_ACCEPTED']({ data: caas })), parse(events['CAAS.BUY.COMPLETED']({ data: caas }))];

  const cashIds = [
    ['externalSessionId', session],
    ['barcodeId', barcode],
    ['orderTemplateId', orderTemplate],
    ['transactionId', transaction],
  ] as const;
  switch (name) {
    case 'card': {
      const card = { ...caas, metadata: { orderTemplateId: null } };
      return {
        name,
        status: 'completed',
        events: [
          ...start,
          parse(events['CAAS.BUY.FULFILLED']({ data: card })),
          parse(events['CAAS.BUY.BLOCKCHAIN_ACCEPTED']({ data: card })),
          parse(events['CAAS.BUY.COMPLETED']({ data: card })),
        ],
        ids: [
          ['externalSessionId', session],
          ['transactionId', transaction],
        ],
      };
    }
    case 'cash':
      return { name, status: 'completed', events: [...cashUntilPaid, ...buy], ids: cashIds };
    case 'failed':
      return { name, status: 'failed', events: [...cashUntilPaid, parse(events['CAAS.BUY.FAILED']({ data: caas }))], ids: cashIds };
    case 'expired':
      return {
        name,
        status: 'expired',
        events: [...cashUntilDisplayed, parse(events['ORDER_TEMPLATE.EXPIRED']({ data: { orderTemplateId: orderTemplate } }))],
        ids: cashIds.filter(([kind]) => kind !== 'transactionId'),
      };
    case 'kycRejected':
      return {
        name,
        status: 'kyc_failed',
        events: [parse(events['orchestrator.auth-state.changed']({ externalSessionId: session })), parse(events['kyc-prove.onboarding.failed']({ externalSessionId: session }))],
        ids: [['externalSessionId', session]],
      };
  }
}

/** What sequential ingestion of these events gives. */
export function sequentialState(events: readonly WebhookEvent[]): SessionState | undefined {
  return events.reduce<SessionState | undefined>((state, event) => reduceSession(state, event), undefined);
}
