import fc from 'fast-check';
import { events } from 'coinme-sdk/testing';
import { parseWebhook } from 'coinme-sdk/webhooks';
import { describe, expect, it } from 'vitest';
import { reduceSession, mergeSessions, type SessionState, type LifecycleEvent } from 'coinme-sdk';
import { happyPath, ids, notification, widget } from '../../helpers/session-stream.js';

const fold = (events: readonly LifecycleEvent[], start?: SessionState) =>
  events.reduce<SessionState | undefined>((state, event) => reduceSession(state, event), start);

describe('reduceSession', () => {
  it('follows seed 000 happy path to completed, learning every id on the way', () => {
    const statuses = happyPath().reduce<string[]>((seen, _event, index, all) => [...seen, fold(all.slice(0, index + 1))!.status], []);
    expect(statuses).toEqual([
      'authenticated',
      'kyc_passed',
      'quote_confirmed',
      'quote_confirmed',
      'barcode_generated',
      'barcode_generated',
      'barcode_generated',
      'paid_in_store',
      'fulfilled',
      'broadcast',
      'completed',
    ]);
    const session = fold(happyPath())!;
    expect(session).toMatchObject({
      status: 'completed',
      externalSessionId: ids.session,
      barcodeId: ids.barcode,
      orderTemplateId: ids.orderTemplate,
      transactionId: ids.transaction,
      txHash: ids.txHash,
      customerId: '1319354818066124800',
    });
    expect(session.quote?.credit).toEqual({ amount: '0.00103700', currency: 'BTC' });
    expect(session.timeline).toHaveLength(11);
    expect(session.updatedAt).toBe('2025-12-04T20:33:00.000Z');
  });

  it('ends failed with the reason when the order fails, even if orderStatus says COMPLETED', () => {
    const events = [
      ...happyPath().slice(0, 8),
      notification('CAAS.BUY.FAILED', 31, { data: { metadata: { orderStatus: 'COMPLETED' } } }),
    ];
    const session = fold(events)!;
    expect(session.status).toBe('failed');
    expect(session.failure).toEqual({ code: '209-005-E3', message: 'External buy rejected by ledger' });
  });

  it('ends expired when the barcode is never used', () => {
    const session = fold([...happyPath().slice(0, 7), notification('ORDER_TEMPLATE.EXPIRED', 60 * 23)])!;
    expect(session.status).toBe('expired');
  });

  it('records a KYC failure and a barcode failure with their codes', () => {
    expect(fold([widget('kyc-prove.onboarding.failed', 2)])).toMatchObject({ status: 'kyc_failed', failure: { code: '234-400-103-007' } });
    expect(fold([widget('greendot.location.quote-confirmed', 3), widget('greendot.barcode.generation-failed', 4)])).toMatchObject({
      status: 'barcode_failed',
      failure: { code: '182-400-201-801' },
    });
  });

  it('lets the later event win within a rank (a retried KYC that passes)', () => {
    const session = fold([widget('kyc-prove.onboarding.completed', 9), widget('kyc-prove.onboarding.failed', 2)])!;
    expect(session.status).toBe('kyc_passed');
  });

  it('ignores duplicates and events of other families', () => {
    const once = fold(happyPath())!;
    const twice = fold([...happyPath(), ...happyPath()])!;
    expect(twice).toEqual(once);
    const other = parseWebhook(JSON.stringify(events['order:crypto-offramp:completed']()));
    expect(reduceSession(once, other)).toBe(once);
  });

  it('gives the same record for every order of a 6-event stream, with duplicates', () => {
    const stream = happyPath().slice(5, 11);
    const expected = fold(stream);
    fc.assert(
      fc.property(fc.shuffledSubarray(stream, { minLength: 6, maxLength: 6 }), fc.array(fc.nat(5), { maxLength: 4 }), (order, repeats) => {
        const withDuplicates = [...order, ...repeats.map((i) => stream[i]!)];
        expect(fold(withDuplicates)).toEqual(expected);
      }),
      { numRuns: 720 },
    );
  });

  it('merges records that started apart into the record of the whole stream', () => {
    const events = happyPath();
    const byWidget = fold(events.filter((e) => e.source === 'coinme.widget'))!;
    const byNotification = fold(events.filter((e) => e.source === 'coinme.notification'))!;
    expect(mergeSessions(byWidget, byNotification)).toEqual(fold(events));
    expect(mergeSessions(byNotification, byWidget)).toEqual(fold(events));
  });

  it('keeps state plain JSON, so any store can hold it', () => {
    const session = fold(happyPath())!;
    expect(JSON.parse(JSON.stringify(session))).toEqual(session);
  });
});
