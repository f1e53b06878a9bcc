/** Sends a decimal string as a JSON number without passing through a double. Not part of the public API. */

type RawJson = (text: string) => unknown;

/**
 * A value that `JSON.stringify` writes as the number `decimal`, digit for digit, using
 * `JSON.rawJSON` where the runtime has it (Node 22+, Bun, Deno) and a plain number elsewhere.
 */
export function jsonNumber(decimal: string): unknown {
  const rawJSON = (JSON as { rawJSON?: RawJson }).rawJSON;
  return rawJSON ? rawJSON(decimal) : Number(decimal);
}
