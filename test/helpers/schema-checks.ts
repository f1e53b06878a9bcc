// Looks up a family's schema by type and reads the path of the first issue a body raises.
import { expect } from 'vitest';
import type * as z from 'zod/mini';

export function schemaChecks<M extends Readonly<Record<string, z.ZodMiniType>>>(family: { readonly schemas: M }) {
  const schemaFor = (type: string): M[keyof M] => {
    const schema = Object.hasOwn(family.schemas, type) ? family.schemas[type as keyof M] : undefined;
    if (!schema) throw new Error(`no schema for ${type}`);
    return schema;
  };
  const firstIssuePath = (type: string, body: unknown) => {
    const result = schemaFor(type).safeParse(body);
    expect(result.success).toBe(false);
    return result.error?.issues[0]?.path;
  };
  return { schemaFor, firstIssuePath };
}
