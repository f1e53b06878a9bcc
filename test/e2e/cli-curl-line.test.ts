// The curl line of `webhooks trigger --dry-run` run through a real shell (a child process, so it
// lives in the long suite): it must carry the very bytes that were signed.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { type CliIo, run } from '../../src/cli/run.js';
import { verifySignature } from 'coinme-sdk/webhooks';

const SECRET = 'whsec_curl_line_5e07';

function makeIo(env: Record<string, string>) {
  const out = { stdout: '', stderr: '' };
  const io: CliIo = {
    stdout: { write: (text: string) => (out.stdout += text) },
    stderr: { write: (text: string) => (out.stderr += text) },
    stdin: (async function* () {})(),
    fetch: () => Promise.reject(new Error('--dry-run must not send')),
    env,
  };
  return { io, out };
}

describe('webhooks trigger --dry-run', () => {
  it('the curl line sends the very bytes that were signed, through a real shell', async () => {
    const { io, out } = makeIo({ COINME_WEBHOOK_SECRET: SECRET });
    // A value with a single quote, which the shell quoting has to survive.
    expect(await run(['webhooks', 'trigger', 'INVOICE_PAID', '--dry-run', '--set-new', "note=it's signed"], io)).toBe(0);
    const curl = out.stdout.split('\n').find((line) => line.startsWith('curl ')) ?? '';
    const { stdout } = await promisify(execFile)('sh', ['-c', `printf '%s' ${curl.slice(curl.indexOf('--data-raw ') + '--data-raw '.length)}`]);
    const signature = /x-coinme-signature: ([^']+)'/.exec(curl)?.[1];
    expect(await verifySignature({ payload: stdout, signature, secret: SECRET })).toBe(true);
    expect(JSON.parse(stdout)).toMatchObject({ note: "it's signed" });
  });
});
