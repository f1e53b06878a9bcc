import express from 'express';
import { createWebhookMiddleware } from 'coinme-sdk/webhooks';

const app = express();
app.use('/api/coinme', express.raw({ type: 'application/json' })); // before express.json()
app.use(express.json());
app.post('/api/coinme', createWebhookMiddleware({ secret: process.env.COINME_WEBHOOK_SECRET!, onEvent, onError }));
// docs:end (the guide's "express.json() must come first" snippet, byte for byte)
import { onError, onEvent, port } from './harness.js';

app.post('/consumed', createWebhookMiddleware({ secret: process.env.COINME_WEBHOOK_SECRET!, onEvent, onError }));
app.listen(port, '127.0.0.1');
