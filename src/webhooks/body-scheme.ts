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

// A candidate for a number a double cannot hold: 16 or more digits and points in a row.
const LONG_NUMBER = /\d[\d.]{15}/;
// Strings (skipped whole, so digits inside them are never taken for numbers) or number tokens.
const TOKENS = /"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g;
const NUMBER = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/;

// The exact decimal value of a number's text, spelled one way: sign, significant digits, exponent.
function decimalValue(text: string): string {
  const [, sign = '', whole = '', fraction = '', exponent = '0'] = NUMBER.exec(text) ?? [];
  let digits = (whole + fraction).replace(/^0+/, '');
  let power = Number(exponent) - fraction.length;
  const trimmed = digits.replace(/0+$/, '');
  power += digits.length - trimmed.length;
  digits = trimmed;
  return digits === '' ? '0' : `${sign}${digits}e${power}`;
}

// True when every number in the text is exactly the double JSON.parse makes of it: otherwise the
// digits beyond a double's precision could be edited without breaking the signature.
function numbersSurviveParsing(text: string): boolean {
  if (!LONG_NUMBER.test(text)) return true;
  for (const [token] of text.matchAll(TOKENS)) {
    if (token.startsWith('"') || token.replace(/\D/g, '').length < 16) continue;
    if (decimalValue(token) !== decimalValue(String(Number(token)))) return false;
  }
  return true;
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
