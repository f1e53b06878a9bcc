// What a user's bundle pays for each whole entry (bench/lib/bundle.ts).
import { bundle } from './lib/bundle.js';
import type { Figure } from './lib/figure.js';

interface Case {
  name: string;
  code: string;
  budgetKb?: number;
}

const cases: Case[] = [
  // The webhook bundles are measured with the webhook budgets (bench/webhooks.ts), the client's with
  // the client budgets (bench/client.ts).
  { name: 'bundle: whole coinme-sdk/webhooks entry', code: `export * from 'coinme-sdk/webhooks';` },
  { name: 'bundle: whole coinme-sdk entry', code: `export * from 'coinme-sdk';` },
];

export async function measureBundles(): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const { name, code, budgetKb } of cases) {
    const budget = budgetKb === undefined ? undefined : ({ on: 'value', op: '<=', limit: budgetKb } as const);
    try {
      const { minified, gzipped } = await bundle(code);
      figures.push({ name, value: gzipped / 1024, unit: 'KB gz', ...(budget ? { budget } : {}), note: `${(minified / 1024).toFixed(1)} KB minified` });
    } catch (error) {
      const message = (error as { errors?: { text: string }[] }).errors?.[0]?.text ?? (error as Error).message;
      figures.push({ name, value: Number.NaN, unit: 'KB gz', ...(budget ? { budget } : {}), note: `not built: ${message}` });
    }
  }
  return figures;
}
