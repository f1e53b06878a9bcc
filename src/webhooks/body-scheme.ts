import { numbersSurviveParsing } from './exact-numbers.js';

// The in-body signature scheme of payment callbacks (seed 004): the body's `signature` field is
// the hex HMAC-SHA256 of `JSON.stringify` of the body without it, so the signature covers the
// parsed values, not the raw text.

/**
 * A body signed in the body: the text the signature covers, the signature, and the parse that
 * was signed (the event is built from it, so nothing unsigned reaches the caller).
 *
 * @internal
 */
export interface SignedBody {
  readonly signed: string;
  readonly signature: unknown;
  readonly body: Readonly<Record<string, unknown>>;
}

const isObject = (value: unknown): value is Readonly<Record<string, unknown>> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The signed parts of a body-scheme delivery, or `undefined` when it cannot carry a valid
 * signature: no `signature` field (checked before parsing, so unsigned bodies cost no parse), not
 * a JSON object, or numbers the signature does not cover exactly.
 *
 * @internal
 */
export function readSignedBody(text: string): SignedBody | undefined {
  if (!text.includes('"signature"')) return undefined;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!isObject(body) || !Object.hasOwn(body, 'signature') || !numbersSurviveParsing(text)) return undefined;
  const { signature, ...rest } = body;
  return { signed: JSON.stringify(rest), signature, body };
}
