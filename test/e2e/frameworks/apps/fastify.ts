import Fastify from 'fastify';
import { createFastifyWebhookPlugin } from 'coinme-sdk/webhooks';

const app = Fastify();
await app.register(createFastifyWebhookPlugin({ path: '/api/coinme', secret: process.env.COINME_WEBHOOK_SECRET!, onEvent, onError }));
// docs:end (the guide's Fastify snippet, byte for byte)
import { createWebhookMiddleware } from 'coinme-sdk/webhooks';
import { onError, onEvent, port } from './harness.js';

// The natural mistake: the Node middleware on a normal route, whose body Fastify already parsed.
const middleware = createWebhookMiddleware({ secret: process.env.COINME_WEBHOOK_SECRET!, onEvent, onError });
app.post('/consumed', (request, reply) => {
  middleware(request.raw, reply.raw);
  return reply;
});
await app.listen({ port, host: '127.0.0.1' });
