// An ES module Worker for workerd, bundled with the package by esbuild.
//   POST /smoke    body { baseUrl, credentials, signedSamples }: runs the smoke suite, answers
//                  its results
//   POST /webhook  a webhook delivery, answered by createWebhookHandler from coinme-sdk/webhooks
// coinme-sdk/testing is not bundled: msw fails at module scope in workerd (its CookieStore), and a
// Worker runs production code; the harness signs the deliveries with it on Node instead.
import * as sdk from 'coinme-sdk';
import * as webhooks from 'coinme-sdk/webhooks';
import { makeWebhookHandler, runSmoke } from './smoke.mjs';

const modules = { 'coinme-sdk': sdk, 'coinme-sdk/webhooks': webhooks };

export default {
  async fetch(request) {
    const { pathname } = new URL(request.url);
    if (request.method === 'POST' && pathname === '/smoke') {
      const input = await request.json();
      const results = await runSmoke({ ...input, importSdk: async (specifier) => modules[specifier] });
      return Response.json(results);
    }
    if (request.method === 'POST' && pathname === '/webhook') {
      return makeWebhookHandler(webhooks)(request);
    }
    return new Response('not found', { status: 404 });
  },
};
