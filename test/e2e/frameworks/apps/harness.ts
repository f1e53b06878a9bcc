// What the documented snippets leave to the app (onEvent, onError, a port), wired so the
// framework test can see them: each call is one JSON line on stdout.
import type { WebhookEvent } from 'coinme-sdk/webhooks';

export const port = Number(process.env['PORT']);

export async function onEvent(event: WebhookEvent): Promise<void> {
  const externalSessionId = event.type === 'CAAS.BUY.COMPLETED' ? event.payload.data.externalSessionId : undefined;
  console.log(JSON.stringify({ onEvent: event.type, externalSessionId }));
}

export function onError(error: unknown): void {
  console.log(JSON.stringify({ onError: error instanceof Error && 'code' in error ? error.code : String(error) }));
}

/** README's Next.js snippet marks the order paid. */
export async function markPaid(externalSessionId: string): Promise<void> {
  console.log(JSON.stringify({ markPaid: externalSessionId }));
}
