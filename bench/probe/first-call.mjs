// Child process: a receiver's cold start. Prints how long importing its module and making its
// first call take in a fresh Node, in ms. Usage: node bench/probe/first-call.mjs <case>
import { createHmac } from 'node:crypto';

const secret = 'whsec_cold_start';
const body = JSON.stringify({ id: 'evt_cold', type: 'CAAS', data: { type: 'ORDER_TRACKING' }, at: '2025-07-18T17:11:30Z' });
const hex = createHmac('sha256', secret).update(body).digest('hex');
const base64 = createHmac('sha256', secret).update(body).digest('base64');

const cases = {
  // A receiver that only verifies, with the SDK's verify-only entry.
  async 'coinme-verify'() {
    const { verifySignature } = await import('coinme-sdk/webhooks/verify');
    if (!verifySignature({ payload: body, signature: base64, secret })) throw new Error('rejected');
  },
  // The same with octokit's verify.
  async 'octokit-verify'() {
    const { verify } = await import('@octokit/webhooks-methods');
    if (!(await verify(secret, body, `sha256=${hex}`))) throw new Error('rejected');
  },
  // A receiver that verifies and parses: constructEvent.
  async 'coinme-construct'() {
    const { constructEvent } = await import('coinme-sdk/webhooks');
    const event = await constructEvent({ payload: body, headers: { 'x-coinme-signature': base64 }, secret });
    if (event.type !== 'CAAS.ORDER_TRACKING') throw new Error(`parsed as ${event.type}`);
  },
  // The schema library alone, as the webhooks entry uses it.
  async zod() {
    await import('zod/mini');
  },
};

const run = cases[process.argv[2]];
if (!run) throw new Error(`unknown case ${process.argv[2]}`);
const start = performance.now();
await run();
process.stdout.write(JSON.stringify({ ms: performance.now() - start }));
