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
    figure: 'client: CPU per cryptoChains.list()',
    floor: { on: 'ratio', op: '<=', limit: 4.5 },
    reason:
      "ky's own retry clones each request in case it must resend it and races every phase against totalTimeout; the attempt deadline adds AbortSignal.timeout/any. " +
      'Measured 1.46x to 3.45x across runs on a 2-core machine (it meets 2x when the machine is quiet); the previous hand-rolled client measured 1.8x',
  },
  {
    figure: 'constructEvent, slowest of',
    floor: { on: 'ratio', op: '>=', limit: 0.15 },
    reason:
      'a few types (CAAS and barcode/location bodies with many nested optional fields) cost more to validate, even through ' +
      'zod\'s compiled parser, than to HMAC and JSON.parse; the baseline validates nothing. Slowest 0.57-0.68x across runs; ' +
      'the median over the 66 types meets 0.7x (0.75-0.77x).',
  },
  {
    figure: 'cold start: import coinme-sdk/webhooks + first constructEvent',
    floor: { on: 'value', op: '<=', limit: 250 },
    reason:
      'the first validation of a type builds its zod schema and zod\'s own lazy state: 5.4-10.3 ms on a quiet machine, up to 242 ms ' +
      'on a loaded one, so it stays listed with a floor. Receivers that only verify use coinme-sdk/webhooks/verify, which meets its budget.',
  },
];

/** The known miss a figure's name belongs to, if any. */
export function knownMissOf(name: string): KnownMiss | undefined {
  return knownMisses.find((miss) => name.startsWith(miss.figure));
}
