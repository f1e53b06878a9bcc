// One instance of a partner's service: a CoinmeClient sharing its token through Redis or
// Postgres. Says `ready`; then for each `burst <clockOffsetMs>` line on stdin makes CONCURRENCY
// concurrent calls with its clock moved to that offset and answers `done`; on `exit` prints
// { calls, failures } as JSON. The offset stands in for time passing (tokens expiring).
import { createInterface } from 'node:readline';
import Redis from 'ioredis';
import pg from 'pg';
import { createClient } from 'redis';
import { CoinmeClient, type TokenCache } from 'coinme-sdk';
import { PostgresTokenCache } from 'coinme-sdk/postgres';
import { RedisTokenCache } from 'coinme-sdk/redis';

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
};
const backend = env('BACKEND');
const serviceUrl = env('SERVICE_URL');
const concurrency = Number(env('CONCURRENCY'));
let clockOffsetMs = 0;

async function openCache(): Promise<{ cache: TokenCache; close: () => Promise<unknown> }> {
  if (backend === 'node-redis') {
    const client = await createClient({ url: serviceUrl }).connect();
    return { cache: new RedisTokenCache({ client, prefix: env('NAMESPACE') }), close: () => client.quit() };
  }
  if (backend === 'ioredis') {
    const client = new Redis(serviceUrl);
    return { cache: new RedisTokenCache({ client, prefix: env('NAMESPACE') }), close: () => client.quit() };
  }
  const pool = new pg.Pool({ connectionString: serviceUrl, max: 4 });
  return { cache: new PostgresTokenCache({ pool, schema: env('NAMESPACE') }), close: () => pool.end() };
}

const { cache, close } = await openCache();
const coinme = new CoinmeClient({
  partnerId: env('PARTNER_ID'),
  clientSecret: env('CLIENT_SECRET'),
  userAgent: env('USER_AGENT'),
  baseUrl: env('BASE_URL'),
  tokenCache: cache,
  now: () => Date.now() + clockOffsetMs,
  timeout: 20_000,
});

let calls = 0;
const failures: string[] = [];
async function burst(): Promise<void> {
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      calls += 1;
      try {
        await coinme.locationLicensing.list();
      } catch (error) {
        failures.push(error instanceof Error ? `${error.name}: ${error.message} (${String((error.cause as { code?: unknown } | undefined)?.code ?? error.cause)})` : String(error));
      }
    }),
  );
}

process.stdout.write('ready\n');
for await (const line of createInterface({ input: process.stdin })) {
  const [command, offset] = line.split(' ');
  if (command === 'exit') break;
  clockOffsetMs = Number(offset);
  await burst();
  process.stdout.write('done\n');
}
await close();
process.stdin.destroy();
process.stdout.write(JSON.stringify({ calls, failures: failures.length, sample: failures.slice(0, 3) }));
