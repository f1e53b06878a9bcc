// The names documentation snippets leave to the reader's own app: its handlers, ids, helpers,
// and what an earlier snippet of the same page set up. Nothing of coinme-sdk's own API is
// declared here: snippets import what they use.
declare function onEvent(event: import('coinme-sdk/webhooks').WebhookEvent): Promise<void>;
declare function onError(error: unknown): void;
declare function markPaid(externalSessionId: string): Promise<void>;
declare function markDelivered(externalSessionId: string | null | undefined, txHash?: string | null): Promise<void>;
declare function markPaidInStore(orderTemplateId: string): Promise<void>;
declare function markFailed(errorData: unknown): Promise<void>;
declare function showBarcode(externalSessionId: string | null | undefined, barcodeId: string): Promise<void>;
declare function sleep(ms: number): Promise<void>;
declare function flag(reason: string, subject: unknown): Promise<void>;
declare const log: { info(message: string, fields?: object): void };
declare const secret: string;
declare const customerId: string;
declare const walletAddress: string;
declare const orderId: string;
declare const rawBody: string;
declare const headers: Record<string, string | undefined>;
declare const yesterday: Date;
/** Your route handler, as the page's earlier snippet exported it. */
declare function POST(request: Request): Promise<Response>;

// Set up by an earlier snippet of the same page.
declare const coinme: import('coinme-sdk').CoinmeClient;
declare const tracker: import('coinme-sdk').SessionTracker;
declare const mapping: ReturnType<typeof import('coinme-sdk').buildPartnerMapping>;
declare const sessions: import('coinme-sdk').SessionState[];
declare function customersActiveSince(since: Date): string[];
declare function sessionsOf(customerId: string, since: Date): Promise<import('coinme-sdk').SessionState[]>;

// Runtime globals of Deno and Bun, as far as the snippets use them.
declare const Deno: {
  env: { get(name: string): string | undefined };
  serve(handler: (request: Request) => Response | Promise<Response>): unknown;
};
declare const Bun: {
  env: Record<string, string | undefined>;
  serve(options: { port?: number; fetch?: (request: Request) => Response | Promise<Response>; routes?: Record<string, unknown> }): unknown;
};
/** The app's own work for one event. */
declare function handleEvent(event: import('coinme-sdk/webhooks').WebhookEvent): Promise<void>;
/** The app's ledger, crediting a customer once their purchase completed. */
declare const ledger: { credit(customerId: string | undefined, amount: import('coinme-sdk').SessionAmount | undefined): Promise<void> };
/** The app's own fulfilment of a paid order. */
declare function creditOrder(externalSessionId: string, transactionId: string): Promise<void>;
