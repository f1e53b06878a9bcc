import express from 'express';
import { createWebhookMiddleware } from 'coinme-sdk/webhooks';

const app = express();
app.post('/api/coinme', createWebhookMiddleware({ secret: process.env.COINME_WEBHOOK_SECRET!, onEvent, onError }));
app.use(express.json()); // the rest of the app, after the webhook route
// docs:end (the lines above are the guide's Express snippet, byte for byte)
import { onError, onEvent, port } from './harness.js';

// A route mounted after express.json(): its body is parsed before the middleware sees it.
app.post('/consumed', createWebhookMiddleware({ secret: process.env.COINME_WEBHOOK_SECRET!, onEvent, onError }));
app.listen(port, '127.0.0.1');
