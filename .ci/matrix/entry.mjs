// Runs the smoke suite as ESM (Node, Bun, Deno). Input: COINME_SMOKE (JSON: baseUrl, credentials).
import { runSmoke } from './smoke.mjs';

const deno = globalThis.Deno;
const env = deno ? deno.env.get('COINME_SMOKE') : globalThis.process.env.COINME_SMOKE;
const results = await runSmoke({ ...JSON.parse(env), importSdk: (specifier) => import(specifier) });
console.log(`SMOKE_RESULTS ${JSON.stringify(results)}`);
// msw (under coinme-sdk/testing) opens a BroadcastChannel when loaded, which keeps Deno's event
// loop alive; the suite is done, so leave now.
if (deno) deno.exit(0);
else globalThis.process.exit(0);
