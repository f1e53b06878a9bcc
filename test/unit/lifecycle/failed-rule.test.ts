// "A non-null errorData means FAILED" is one rule: the webhook type and the session status agree.
import { reduceSession } from 'coinme-sdk';
import { events } from 'coinme-sdk/testing';
import { parseWebhook } from 'coinme-sdk/webhooks';
import { describe, expect, it } from 'vitest';

const caas = (orderStatus: string, errorData: { code: string; message: string } | null) =>
  parseWebhook(JSON.stringify(events['CAAS.BUY.COMPLETED']({ data: { transactionId: 'tx-rule', metadata: { orderStatus }, errorData } as never })));

describe('the FAILED rule', () => {
  it.each([
    ['errorData with orderStatus COMPLETED', 'COMPLETED', { code: '209-005-E3', message: 'rejected' }, 'CAAS.BUY.FAILED', 'failed'],
    ['orderStatus FAILED without errorData', 'FAILED', null, 'CAAS.BUY.FAILED', 'failed'],
    ['orderStatus COMPLETED without errorData', 'COMPLETED', null, 'CAAS.BUY.COMPLETED', 'completed'],
  ] as const)('%s: webhook type and session status agree', (_, orderStatus, errorData, type, status) => {
    const event = caas(orderStatus, errorData);
    expect(event.type).toBe(type);
    expect(reduceSession(undefined, event).status).toBe(status);
  });
});
