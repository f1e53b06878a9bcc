// Budgets the package does not meet yet. Each stays reported as missed, with its reason, and
// holds a floor that is enforced: a listed figure that falls past its floor fails the run. A
// listed figure that meets its budget is reported too, so the entry can be removed.
import type { Budget } from './lib/figure.js';

export interface KnownMiss {
  /** The start of the figure's name. */
  figure: string;
  /** Enforced instead of the budget while the miss is listed. */
  floor: Budget;
  reason: string;
}

export const knownMisses: KnownMiss[] = [
  {
    figure: 'bundle: { CoinmeClient }',
    floor: { on: 'value', op: '<=', limit: 28 },
    reason:
      'ky 2.1 alone is 8.9 KB gz of this bundle (the budget assumed about 5 KB); the SDK code, zod/mini and the partner mapping behind coinme.buildPartnerMapping make up the rest.',
  },
  {
    figure: 'constructEvent (CAAS.BUY.COMPLETED',
    floor: { on: 'ratio', op: '>=', limit: 0.42 },
    reason:
      'measures 0.45-0.53x: the HMAC (~2.8 us) and JSON.parse (~1.7 us) leave ~1.5 us for classification and full schema validation, which takes ~2 us.',
  },
  {
    figure: 'client: cryptoChains.list()',
    floor: { on: 'ratio', op: '<=', limit: 1.8 },
    reason: 'measures 1.39-1.63x: most of the per-call overhead over a raw fetch is ky building, copying and timing each Request.',
  },
];

/** The known miss a figure's name belongs to, if any. */
export function knownMissOf(name: string): KnownMiss | undefined {
  return knownMisses.find((miss) => name.startsWith(miss.figure));
}
