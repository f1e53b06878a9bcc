// No credential of the user-validation handler reaches anything a program might print: the errors
// onError gets (in every printed form, causes included), the one log line of an unset credential,
// or any response. Every failure mode runs, with right and wrong credentials of every kind.
import { inspect } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createUserValidationHandler, type UserValidationHandlerOptions } from 'coinme-sdk/webhooks';
import { createUserValidationRequest, type UserValidationCredential } from 'coinme-sdk/testing';

const TOKEN = 'tok_scan_R8w2Lq5Zp0Xc';
const PASSWORD = 'pw_scan_M3n7Bv1Kj9Hg';
const API_KEY = 'key_scan_T4y6Ui8Op2As';
const secrets = [TOKEN, PASSWORD, API_KEY, btoa(`coinme:${PASSWORD}`)];
const url = 'http://localhost/validate-user';

afterEach(() => vi.restoreAllMocks());

const printed = (value: unknown): string => {
  const error = value as Error & { cause?: unknown };
  return [String(value), JSON.stringify(value), inspect(value, { depth: 5 }), error.stack, error.cause === undefined ? '' : printed(error.cause)].join('\n');
};

describe('user-validation secrets scan', () => {
  it('finds no credential in errors, logs or answers, across every failure', async () => {
    const seen: string[] = [];
    const log = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => void seen.push(args.map(printed).join(' ')));
    const behaviours: UserValidationHandlerOptions['isAllowed'][] = [
      () => true,
      () => false,
      () => {
        throw new Error('lookup failed');
      },
      () => Promise.reject(new TypeError('network')),
      () => new Promise<boolean>(() => {}),
      () => 'yes' as unknown as boolean,
    ];
    const auth: UserValidationHandlerOptions['auth'] = [{ bearer: [TOKEN, `${TOKEN}_next`] }, { basic: { username: 'coinme', password: PASSWORD } }, { apiKey: API_KEY }];
    const credentials: UserValidationCredential[] = [
      { bearer: TOKEN },
      { bearer: `${TOKEN}x` },
      { bearer: TOKEN.slice(0, -2) },
      { basic: { username: 'coinme', password: PASSWORD } },
      { basic: { username: 'coinme', password: `${PASSWORD}x` } },
      { apiKey: API_KEY },
      { apiKey: `${API_KEY}x` },
      null,
    ];
    const bodies = ['{"email":"ana@example.com"}', '{"email":', '{"email":"not-an-email"}', JSON.stringify({ email: 'ana@example.com', pad: 'x'.repeat(20_000) })];

    let answers = 0;
    for (const isAllowed of behaviours) {
      const handler = createUserValidationHandler({ auth, isAllowed, timeoutMs: 20, onError: (error) => void seen.push(printed(error)) });
      for (const credential of credentials) {
        for (const body of bodies) {
          const built = createUserValidationRequest({ url, email: 'ana@example.com', auth: credential });
          const response = await handler(new Request(url, { method: 'POST', headers: built.headers, body }));
          seen.push(`${response.status} ${[...response.headers].join(' ')} ${await response.text()}`);
          answers++;
        }
      }
    }
    // A credential unset when built: the one log line and every answer.
    const unset = createUserValidationHandler({ auth: { bearer: undefined as unknown as string }, isAllowed: () => true, onError: (error) => void seen.push(printed(error)) });
    const response = await unset(createUserValidationRequest({ url, email: 'ana@example.com', auth: { bearer: TOKEN } }));
    seen.push(`${response.status} ${await response.text()}`);

    expect(answers).toBe(behaviours.length * credentials.length * bodies.length);
    expect(log).toHaveBeenCalledOnce();
    // Every failure mode was reached, so the scan covers them all.
    const all = seen.join('\n');
    for (const code of ['missing_credentials', 'invalid_credentials', 'invalid_body', 'payload_too_large', 'is_allowed_failed', 'is_allowed_timeout', 'not_configured']) {
      expect(all).toContain(code);
    }
    for (const secret of secrets) expect(all).not.toContain(secret);
  });

  it('names the bad option without quoting a secret when options are refused', () => {
    for (const auth of [{ bearer: `${TOKEN}\n` }, { bearer: ` ${TOKEN}` }, { basic: { username: `co:${PASSWORD}`, password: PASSWORD } }, { apiKey: API_KEY, header: `x ${API_KEY}` }]) {
      let thrown: unknown;
      try {
        createUserValidationHandler({ auth: auth as UserValidationHandlerOptions['auth'], isAllowed: () => true });
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(Error);
      for (const secret of secrets) expect(printed(thrown)).not.toContain(secret);
    }
  });
});
