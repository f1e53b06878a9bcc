/**
 * The header every request sent by the `coinme-sdk` CLI carries (value `1`), so a production
 * receiver can refuse deliveries that did not come from Coinme. It is not covered by a signature:
 * it guards against mistakes (a test event sent to production), not against an attacker.
 *
 * The webhook handlers and `constructEvent` refuse such deliveries when given
 * `refuseTestDeliveries: true`.
 *
 * @example
 * ```ts
 * const handler = createWebhookHandler({ secret, onEvent, refuseTestDeliveries: process.env.NODE_ENV === 'production' });
 * request.headers.has(TEST_DELIVERY_HEADER); // true for what `coinme-sdk webhooks trigger` sends
 * ```
 */
export const TEST_DELIVERY_HEADER = 'coinme-sdk-test-delivery';
