// Where a JSON text has numbers a double cannot hold. JSON.parse is by far the fastest parser, so
// bodies are read with it, and the text is only searched, cheaply, for the rare numbers it would
// round: an id beyond 2^53 or a decimal with more digits than a double keeps.

// A number of 16 or more digits and points, where a JSON value starts (after `:`, `,` or `[`).
// Inside a string such a match is only a false alarm, which the precise scan below settles.
const CANDIDATE = /[:,[]\s*(-?\d[\d.]{15,}(?:[eE][+-]?\d+)?)/g;
// Strings (skipped whole) or number tokens: the precise scan.
const TOKENS = /"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g;
const NUMBER = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/;

// The exact decimal value of a number's text, spelled one way: sign, significant digits, exponent.
function decimalValue(text: string): string {
  const [, sign = '', whole = '', fraction = '', exponent = '0'] = NUMBER.exec(text) ?? [];
  const digits = (whole + fraction).replace(/^0+/, '');
  const trimmed = digits.replace(/0+$/, '');
  const power = Number(exponent) - fraction.length + digits.length - trimmed.length;
  return trimmed === '' ? '0' : `${sign}${trimmed}e${power}`;
}

/** True when the double JSON.parse makes of `token` has exactly its decimal value. */
const heldExactly = (token: string) => decimalValue(token) === decimalValue(String(Number(token)));

/**
 * True when JSON.parse would change a number of the text: an integer beyond 2^53 (ids stay
 * exact strings even where the double happens to hold them) or a decimal it would round. A
 * number written with an exponent was never a digit string, so it is left to JSON.parse.
 *
 * @internal
 */
export function roundsNumbers(text: string): boolean {
  for (const match of text.matchAll(CANDIDATE)) {
    const token = match[1] ?? '';
    if (/[eE]/.test(token)) continue;
    if (token.includes('.') ? !heldExactly(token) : !Number.isSafeInteger(Number(token))) return true;
  }
  return false;
}

/**
 * True when every number of the text is exactly the double JSON.parse makes of it, so a value
 * signed after parsing is the value sent.
 *
 * @internal
 */
export function numbersSurviveParsing(text: string): boolean {
  const suspicious = [...text.matchAll(CANDIDATE)].some((match) => !heldExactly(match[1] ?? ''));
  if (!suspicious) return true;
  for (const [token] of text.matchAll(TOKENS)) {
    if (!token.startsWith('"') && !heldExactly(token)) return false;
  }
  return true;
}
