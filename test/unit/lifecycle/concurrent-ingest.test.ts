// Deliveries of one session processed at the same moment, as every webhook receiver does.
// Only the tracker's public surface (ingest, get), so these ran against the earlier tracker too.
import { isDeepStrictEqual } from 'node:util';
import { MemorySessionStore, SessionTracker } from 'coinme-sdk';
import { describe, expect, it } from 'vitest';
import { sequentialState, sessionPath } from '../../helpers/session-paths.js';

function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let index = out.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [out[index], out[other]] = [out[other]!, out[index]!];
  }
  return out;
}

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, index) => permutations([...items.slice(0, index), ...items.slice(index + 1)]).map((rest) => [item, ...rest]));
}

describe('SessionTracker under concurrent deliveries', () => {
  it('keeps all four linking events of a cash session in one record, for each of the 24 arrival orders', async () => {
    const path = sessionPath('cash', 'four');
    // generation-succeeded (session + barcode), ORDER_TEMPLATE.CREATED (template only),
    // displayed (all three), CONSUMED (template + session).
    const four = path.events.slice(4, 8);
    expect(four.map((event) => event.type)).toEqual(['greendot.barcode.generation-succeeded', 'ORDER_TEMPLATE.CREATED', 'greendot.barcode.displayed', 'ORDER_TEMPLATE.CONSUMED']);
    const expected = sequentialState(four);
    const wrong: string[] = [];
    for (const order of permutations(four)) {
      const tracker = new SessionTracker({ store: new MemorySessionStore() });
      await Promise.all(order.map((event) => tracker.ingest(event)));
      const reader = new SessionTracker({ store: tracker.store });
      const records = await Promise.all(path.ids.filter(([kind]) => kind !== 'transactionId').map(([kind, value]) => reader.get(kind, value)));
      if (!records.every((record) => isDeepStrictEqual(record, expected))) wrong.push(order.map((event) => event.type).join(' > '));
    }
    expect(wrong).toEqual([]);
  });

  it('loses no event of a nine-event session over 200 concurrent trials, terminal event included', async () => {
    const wrong: string[] = [];
    let lost = 0;
    for (let trial = 0; trial < 200; trial++) {
      const path = sessionPath('cash', `nine-${trial}`);
      const nine = path.events.slice(-9);
      const expected = sequentialState(nine);
      const tracker = new SessionTracker({ store: new MemorySessionStore() });
      // A different interleaving each trial: a seeded shuffle of the order deliveries start in.
      const order = shuffle(nine, seededRandom(trial));
      await Promise.all(order.map((event) => tracker.ingest(event)));
      const record = await new SessionTracker({ store: tracker.store }).get('transactionId', `tx-nine-${trial}`);
      lost += nine.length - (record?.timeline.length ?? 0);
      if (record?.status !== 'completed' || !isDeepStrictEqual(record, expected)) wrong.push(`trial ${trial}: ${record?.status}`);
    }
    expect({ wrong: wrong.length, lost }).toEqual({ wrong: 0, lost: 0 });
  });
});
