// Runs the smoke suite with the package loaded through require() (Node, CommonJS).
'use strict';

(async () => {
  const { runSmoke } = await import('./smoke.mjs');
  const results = await runSmoke({ ...JSON.parse(process.env.COINME_SMOKE), importSdk: async (specifier) => require(specifier) });
  console.log(`SMOKE_RESULTS ${JSON.stringify(results)}`);
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
