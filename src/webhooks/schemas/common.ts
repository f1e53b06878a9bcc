import * as z from 'zod/mini';

// Shared building blocks of the family tables. Objects are loose: unknown fields are kept. They
// are functions, not schemas: nothing is built when the module is imported.

/** A decimal amount sent as a string ("0.047116964221968237"); never converted to a number. */
export const decimalString = () => z.string();

/** A timestamp string as sent (ISO 8601, with or without zone). */
export const timestampString = () => z.string();

/**
 * A numeric id. The parser turns integers beyond 2^53 into strings before validation, so ids
 * arrive as a safe number or as a string, never as a rounded number.
 */
export const numericId = () => z.union([z.number(), z.string()]);

/** An amount a document sends as a JSON number (precision beyond 2^53 kept as a string). */
export const jsonAmount = () => z.union([z.number(), z.string()]);

/** Optional and nullable: the documents show the field as sometimes absent or null. */
export const maybe = <T extends z.ZodMiniType>(schema: T) => z.optional(z.nullable(schema));

/** A JSON object (not null, not an array). Used by the families' `classify`. */
export const isRecord = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A body's own property: a key inherited through a prototype is not part of the body. */
export const own = (body: Readonly<Record<string, unknown>>, key: string): unknown =>
  Object.hasOwn(body, key) ? body[key] : undefined;
