/** Ids shaped like Coinme's: 64-bit decimal ids beyond 2^53, long provider references, hashes. */

function randomDigits(length: number): string {
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  return Array.from(bytes, (byte) => String(byte % 10)).join('');
}

/** A 19-digit id such as `1319403376555986944`: past `Number.MAX_SAFE_INTEGER`, as Coinme's are. */
export function coinmeId(): string {
  return `13${randomDigits(17)}`;
}

/** A 30-digit Green Dot barcode reference such as `830324007540008113355271474330`. */
export function providerBarcodeId(): string {
  return `8303240075${randomDigits(20)}`;
}

/** A 32-byte transaction hash in hex, `0x`-prefixed on EVM chains. */
export function transactionHash(chain: string): string {
  const hex = Array.from(crypto.getRandomValues(new Uint8Array(32)), (byte) => byte.toString(16).padStart(2, '0')).join('');
  return chain === 'ETH' ? `0x${hex}` : hex;
}
