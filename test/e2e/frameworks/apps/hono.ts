import { Hono } from 'hono';
import { createWebhookHandler } from 'coinme-sdk/webhooks';

const app = new Hono();
const handler = createWebhookHandler({ secret: process.env.COINME_WEBHOOK_SECRET!, onEvent, onError });
app.post('/api/coinme', (c) => handler(c.req.raw));
// docs:end (the guide's Hono snippet, byte for byte)
import { serve } from '@hono/node-server';
import { onError, onEvent, port } from './harness.js';

// The mistake the guide warns about: reading the body first.
app.post('/consumed', async (c) => {
  await c.req.json();
  return handler(c.req.raw);
});
serve({ fetch: app.fetch, port, hostname: '127.0.0.1' });
