/**
 * An AWS Lambda behind API Gateway (REST or HTTP API, proxy integration) or a function URL.
 *
 * API Gateway hands the body over as a string, base64-encoded when `isBase64Encoded` is set
 * (binary media types, function URLs): decode it to the original bytes before verifying, or the
 * signature cannot match.
 */
import { constructEvent, WebhookParseError, WebhookSignatureError } from 'coinme-sdk/webhooks';

/** The fields of an API Gateway proxy event this handler reads (v1 and v2 payloads both have them). */
export interface ProxyEvent {
  body: string | null | undefined;
  isBase64Encoded?: boolean;
  headers?: Record<string, string | undefined> | null;
}

export interface ProxyResult {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

const reply = (statusCode: number, body: unknown): ProxyResult => ({
  statusCode,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

export async function handler(request: ProxyEvent): Promise<ProxyResult> {
  const raw = request.isBase64Encoded ? new Uint8Array(Buffer.from(request.body ?? '', 'base64')) : (request.body ?? '');
  try {
    const event = await constructEvent({
      payload: raw,
      headers: request.headers ?? {}, // any header case: API Gateway v1 keeps it, v2 lower-cases it
      secret: process.env['COINME_WEBHOOK_SECRET']!,
      toleranceSeconds: 300,
    });
    console.log(`coinme webhook ${event.type} ${event.id}`);
    return reply(200, { received: true });
  } catch (error) {
    if (error instanceof WebhookSignatureError) return reply(401, { error: { code: error.code, message: error.message } });
    if (error instanceof WebhookParseError) return reply(400, { error: { code: error.code, message: error.message } });
    throw error; // a 5xx: Coinme retries the delivery
  }
}
