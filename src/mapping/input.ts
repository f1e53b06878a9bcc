import * as z from 'zod/mini';
import { ValidationError, type ValidationIssue } from '../errors.js';
import { isNegativeDecimal, parseDecimal } from '../internal/decimal.js';
import { englishError } from '../internal/english-messages.js';
import { lazy } from '../internal/lazy.js';
import { DEFAULT_PAYMENT_METHODS } from './catalog.js';
import { normaliseCode, normaliseCountry } from './jurisdictions.js';
import type { Asset, PartnerMappingInput, PaymentMethodDefinition } from './types.js';

// Validation of the mapping input and the merge of partner overrides into the catalog.

const schemas = /* @__PURE__ */ lazy(() => {
  const text = z.string('must be a string').check(z.minLength(1, 'must not be empty'));
  const codes = z.array(text, 'must be an array of strings');
  const flag = z.boolean('must be a boolean');
  const amount = z.number('must be a finite number').check(z.nonnegative('must not be negative'));
  const decimal = z
    .union([z.string(), z.number()], 'must be a decimal string')
    .check(z.refine((value) => parseDecimal(value) !== undefined && !isNegativeDecimal(value), 'must be a non-negative decimal'));
  const decimals = z.int('must be an integer').check(z.nonnegative('must not be negative'));

  const assetSchema = z.object({
    code: text,
    name: z.string('must be a string'),
    decimals,
    supportedChains: codes,
  });

  const overrideSchema = z.strictObject({
    id: text,
    enabled: z.optional(flag),
    label: z.optional(text),
    type: z.optional(text),
    availability: z.optional(codes),
    supportedCountry: z.optional(codes),
    onrampAvailable: z.optional(flag),
    offrampAvailable: z.optional(flag),
    currency: z.optional(text),
    min: z.optional(amount),
    max: z.optional(amount),
  });

  const inputSchema = z.object({
    assets: z.array(assetSchema, 'must be an array'),
    licensedStates: z.array(z.string('must be a string'), 'must be an array of strings'),
    limits: z.optional(z.object({ buyLimitAmount: decimal, sellLimitAmount: decimal }, 'must be an object')),
    paymentMethods: z.optional(z.array(overrideSchema, 'must be an array')),
    country: z.optional(z.string('must be a string')),
  });
  return { inputSchema, overrideSchema };
});

type Override = z.infer<ReturnType<typeof schemas>['overrideSchema']>;

const FIELDS = [
  'label', 'type', 'availability', 'supportedCountry', 'onrampAvailable', 'offrampAvailable', 'currency', 'min', 'max',
] as const satisfies readonly (keyof PaymentMethodDefinition)[];

/** The input after validation: codes normalised, overrides merged into the catalog. */
export interface ParsedMappingInput {
  assets: Asset[];
  licensedStates: string[];
  /** Normalised decimal strings. */
  limits: { buyLimitAmount: string; sellLimitAmount: string } | undefined;
  paymentMethods: PaymentMethodDefinition[];
  country: 'US';
}

function fail(path: string, message: string, issues?: ValidationIssue[]): never {
  const where = path === '' ? 'input' : path;
  throw new ValidationError(`Invalid partner mapping ${where}: ${message}`, { field: path, ...(issues ? { issues } : {}) });
}

function toIssue(issue: z.core.$ZodIssue): ValidationIssue {
  const path = issue.path.map(String);
  // An unknown key is reported at the key itself, so the field names the typo.
  if (issue.code === 'unrecognized_keys') return { path: [...path, issue.keys[0] ?? ''].join('.'), message: 'is not a known field' };
  return { path: path.join('.'), message: issue.message };
}

function merge(catalog: Map<string, PaymentMethodDefinition>, override: Override, index: number): void {
  const id = normaliseCode(override.id);
  if (override.enabled === false) {
    catalog.delete(id);
    return;
  }
  const base = catalog.get(id);
  const merged: Partial<PaymentMethodDefinition> = { ...base, id };
  for (const key of FIELDS) {
    const value = override[key];
    if (value !== undefined) Object.assign(merged, { [key]: value });
    else if (base === undefined) fail(`paymentMethods.${index}.${key}`, 'is required for a payment method not in the catalog');
  }
  const method = merged as PaymentMethodDefinition;
  if (method.min > method.max) {
    const field = override.max === undefined ? 'min' : 'max';
    fail(`paymentMethods.${index}.${field}`, `min (${method.min}) must not exceed max (${method.max})`);
  }
  catalog.set(id, method);
}

/**
 * Validates a `PartnerMappingInput` and applies the partner's catalog overrides in order.
 * Throws `ValidationError` naming the first bad field, e.g. `paymentMethods.1.min`.
 *
 * @example
 * ```ts
 * const parsed = parseMappingInput({ assets: [], licensedStates: ['WA'] });
 * parsed.paymentMethods.length; // 3
 * ```
 */
export function parseMappingInput(input: PartnerMappingInput): ParsedMappingInput {
  // zod's English wording for what the schemas do not word themselves, as for the client's inputs.
  const result = z.safeParse(schemas().inputSchema, input, { error: englishError });
  if (!result.success) {
    const issues = result.error.issues.map(toIssue);
    const first = issues[0] ?? { path: '', message: 'is invalid' };
    fail(first.path, first.message, issues);
  }
  const data = result.data;
  const country = normaliseCountry(data.country);
  if (country === undefined) fail('country', `"${data.country ?? ''}" is not supported: Coinme licenses US jurisdictions only`);

  const catalog = new Map(DEFAULT_PAYMENT_METHODS.map((method) => [method.id, { ...method }]));
  data.paymentMethods?.forEach((override, index) => merge(catalog, override, index));

  const limits = data.limits && {
    buyLimitAmount: parseDecimal(data.limits.buyLimitAmount) ?? '0',
    sellLimitAmount: parseDecimal(data.limits.sellLimitAmount) ?? '0',
  };
  return {
    assets: data.assets,
    licensedStates: data.licensedStates.map(normaliseCode),
    limits,
    paymentMethods: [...catalog.values()],
    country,
  };
}
