import { MemoryClaimStore, MemorySessionStore, SessionTracker, ValidationError } from 'coinme-sdk';
import { describe, expect, it } from 'vitest';
import { seededRandom, withLatency } from '../../helpers/session-store-contract.js';
import { sessionPath } from '../../helpers/session-paths.js';

describe('SessionTracker.once', () => {
  it('runs the effect once when two instances ingest the last events at the same moment', async () => {
    for (let trial = 0; trial < 20; trial++) {
      const path = sessionPath('cash', `race-${trial}`);
      const store = new MemorySessionStore();
      const claims = new MemoryClaimStore();
      const slow = withLatency(store, 3, seededRandom(trial));
      const [a, b] = [new SessionTracker({ store: slow, claims }), new SessionTracker({ store: slow, claims })];
      const setup = new SessionTracker({ store, claims });
      for (const event of path.events.slice(0, -2)) await setup.ingest(event);
      let credited = 0;
      const last = path.events.slice(-2);
      await Promise.all(
        [a, b].map(async (tracker, index) => {
          const session = await tracker.ingest(last[index]!);
          if (session?.status === 'completed') await tracker.once(session, 'credit-user', () => credited++);
        }),
      );
      expect(credited, `trial ${trial}`).toBe(1);
    }
  });

  it('does not run again for a later view of the session, even one with more ids', async () => {
    const tracker = new SessionTracker();
    const path = sessionPath('cash', 'later');
    const runs: string[] = [];
    const completed = await tracker.ingest(path.events.at(-1)!);
    expect(await tracker.once(completed!, 'credit-user', () => runs.push('first'))).toBe(true);
    for (const event of path.events) await tracker.ingest(event);
    const whole = await tracker.get('barcodeId', 'barcode-later');
    expect(await tracker.once(whole!, 'credit-user', () => runs.push('again'))).toBe(false);
    expect(await tracker.once(whole!, 'send-receipt', () => runs.push('receipt'))).toBe(true);
    expect(runs).toEqual(['first', 'receipt']);
  });

  it('releases the claim when the effect throws, so the retry runs it', async () => {
    const tracker = new SessionTracker();
    const session = await tracker.ingest(sessionPath('card', 'throws').events.at(-1)!);
    const failure = new Error('ledger unavailable');
    await expect(
      tracker.once(session!, 'credit-user', () => {
        throw failure;
      }),
    ).rejects.toBe(failure);
    let credited = 0;
    expect(await tracker.once(session!, 'credit-user', () => credited++)).toBe(true);
    expect(credited).toBe(1);
  });

  it('refuses an empty effect name with a ValidationError naming it', async () => {
    const tracker = new SessionTracker();
    const session = await tracker.ingest(sessionPath('card', 'named').events.at(-1)!);
    await expect(tracker.once(session!, '', () => undefined)).rejects.toMatchObject({ name: 'ValidationError', field: 'name' });
    await expect(tracker.once(session!, '', () => undefined)).rejects.toBeInstanceOf(ValidationError);
  });
});
