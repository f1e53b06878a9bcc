import { createServer } from 'node:http';
import { createWebhookMiddleware } from 'coinme-sdk/webhooks';

const coinmeWebhooks = createWebhookMiddleware({ secret: process.env.COINME_WEBHOOK_SECRET!, onEvent, onError });
const server = createServer((req, res) => {
  if (req.url === '/api/coinme') return coinmeWebhooks(req, res);
  res.statusCode = 404;
  res.end();
});
// docs:end (the guide's Node http snippet, byte for byte)
import { onError, onEvent, port } from './harness.js';

server.listen(port, '127.0.0.1');
// Something else read the body first (a logging middleware, a framework): on the next port.
createServer((req, res) => {
  req.resume();
  req.on('end', () => coinmeWebhooks(req, res));
}).listen(port + 1, '127.0.0.1');
