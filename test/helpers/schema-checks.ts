// Looks up a family table's schema by type and reads the path of the first issue a body raises.
import { expect } from 'vitest';
import type { EventTable } from '../../src/webhooks/family.js';

export function schemaChecks<T extends EventTable>(family: { readonly table: T }) {
  const schemaFor = (type: string): ReturnType<T[keyof T]> => {
    const row = Object.hasOwn(family.table, type) ? family.table[type as keyof T] : undefined;
    if (!row) throw new Error(`no schema for ${type}`);
    return row() as ReturnType<T[keyof T]>;
  };
  const firstIssuePath = (type: string, body: unknown) => {
    const result = schemaFor(type).safeParse(body);
    expect(result.success).toBe(false);
    return result.error?.issues[0]?.path;
  };
  return { schemaFor, firstIssuePath };
}

/** Every schema of a table, built. */
export function built<T extends EventTable>(table: T): { [K in keyof T]: ReturnType<T[K]> } {
  return Object.fromEntries(Object.entries(table).map(([type, row]) => [type, row()])) as { [K in keyof T]: ReturnType<T[K]> };
}
