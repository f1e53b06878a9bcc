/**
 * Coinme's rule for CAAS orders, shared by the webhook `type` and the session lifecycle: a
 * non-null `errorData` means the order FAILED, whatever `orderStatus` says (seed 003 shows a
 * failed order whose `orderStatus` is COMPLETED). Otherwise the order is at its `orderStatus`.
 *
 * @internal
 */
export function caasOrderStatus(errorData: unknown, orderStatus: unknown): string | undefined {
  if (errorData !== null && errorData !== undefined) return 'FAILED';
  return typeof orderStatus === 'string' ? orderStatus : undefined;
}
