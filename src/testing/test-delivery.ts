/**
 * The header every request sent by the `coinme-sdk` CLI carries (value `1`), so a production
 * receiver can refuse deliveries that did not come from Coinme. It is not covered by a signature:
 * it guards against mistakes (a test event sent to production), not against an attacker.
 *
 * @example
 * ```ts
 * if (request.headers.get(TEST_DELIVERY_HEADER) && process.env.NODE_ENV === 'production') {
 *   return new Response(null, { status: 403 });
 * }
 * ```
 */
export const TEST_DELIVERY_HEADER = 'coinme-sdk-test-delivery';
