// Control characters (C0 but tab and newline, DEL, C1) and bidirectional overrides: what a
// receiver could use to move the cursor, recolour or rewrite the terminal, or reorder text.
const UNPRINTABLE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** `text` with every control character shown as a `\uXXXX` escape instead of acting on the terminal. */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
