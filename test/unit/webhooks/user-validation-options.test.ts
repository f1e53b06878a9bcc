// createUserValidationHandler checks every option when it is built: a ValidationError naming it.
import { describe, expect, it } from 'vitest';
import { createUserValidationHandler, ValidationError, type UserValidationHandlerOptions } from 'coinme-sdk/webhooks';

const TOKEN = 'tok_options_7d1e0c';
const isAllowed = () => true;

function build(options: Record<string, unknown>) {
  return () => createUserValidationHandler(options as unknown as UserValidationHandlerOptions);
}

const bad: { name: string; options: Record<string, unknown>; field: string }[] = [
  { name: 'no auth', options: { isAllowed }, field: 'auth' },
  { name: 'auth null', options: { auth: null, isAllowed }, field: 'auth' },
  { name: 'auth an empty list', options: { auth: [], isAllowed }, field: 'auth' },
  { name: 'auth a string', options: { auth: TOKEN, isAllowed }, field: 'auth' },
  { name: 'auth with no method', options: { auth: {}, isAllowed }, field: 'auth' },
  { name: 'auth with a misspelt method', options: { auth: { beaer: TOKEN }, isAllowed }, field: 'auth' },
  { name: 'auth with two methods in one entry', options: { auth: { bearer: TOKEN, apiKey: TOKEN }, isAllowed }, field: 'auth' },
  { name: 'bearer with an unknown option', options: { auth: { bearer: TOKEN, header: 'x' }, isAllowed }, field: 'auth.header' },
  { name: 'bearer empty', options: { auth: { bearer: '' }, isAllowed }, field: 'auth.bearer' },
  { name: 'bearer a number', options: { auth: { bearer: 42 }, isAllowed }, field: 'auth.bearer' },
  { name: 'bearer NaN', options: { auth: { bearer: Number.NaN }, isAllowed }, field: 'auth.bearer' },
  { name: 'bearer null', options: { auth: { bearer: null }, isAllowed }, field: 'auth.bearer' },
  { name: 'bearer an empty list', options: { auth: { bearer: [] }, isAllowed }, field: 'auth.bearer' },
  { name: 'bearer list with an empty token', options: { auth: { bearer: [TOKEN, ''] }, isAllowed }, field: 'auth.bearer.1' },
  { name: 'bearer with a newline', options: { auth: { bearer: `${TOKEN}\n` }, isAllowed }, field: 'auth.bearer' },
  { name: 'bearer with a space', options: { auth: { bearer: `Bearer ${TOKEN}` }, isAllowed }, field: 'auth.bearer' },
  { name: 'basic a string', options: { auth: { basic: 'user:pw' }, isAllowed }, field: 'auth.basic' },
  { name: 'basic with a numeric password', options: { auth: { basic: { username: 'coinme', password: 42 } }, isAllowed }, field: 'auth.basic.password' },
  { name: 'basic with an empty username', options: { auth: { basic: { username: '', password: 'pw' } }, isAllowed }, field: 'auth.basic.username' },
  { name: 'basic username with a colon', options: { auth: { basic: { username: 'a:b', password: 'pw' } }, isAllowed }, field: 'auth.basic.username' },
  { name: 'apiKey empty', options: { auth: { apiKey: '' }, isAllowed }, field: 'auth.apiKey' },
  { name: 'apiKey header not a header name', options: { auth: { apiKey: TOKEN, header: 'x api key' }, isAllowed }, field: 'auth.header' },
  { name: 'apiKey header empty', options: { auth: { apiKey: TOKEN, header: '' }, isAllowed }, field: 'auth.header' },
  { name: 'second auth entry bad', options: { auth: [{ bearer: TOKEN }, { apiKey: 7 }], isAllowed }, field: 'auth.1.apiKey' },
  { name: 'no isAllowed', options: { auth: { bearer: TOKEN } }, field: 'isAllowed' },
  { name: 'isAllowed a boolean', options: { auth: { bearer: TOKEN }, isAllowed: true }, field: 'isAllowed' },
  { name: 'onError a string', options: { auth: { bearer: TOKEN }, isAllowed, onError: 'log' }, field: 'onError' },
  { name: 'a misspelt option', options: { auth: { bearer: TOKEN }, isAllowed, timeout: 100 }, field: 'timeout' },
];
for (const [value, label] of [
  [Number.NaN, 'NaN'],
  [Number.POSITIVE_INFINITY, 'Infinity'],
  [-1, 'negative'],
  [0, 'zero'],
  [1.5, 'fractional'],
  ['1000', 'a string'],
  [null, 'null'],
  [10_000_000, 'too large'],
] as const) {
  bad.push({ name: `timeoutMs ${label}`, options: { auth: { bearer: TOKEN }, isAllowed, timeoutMs: value }, field: 'timeoutMs' });
  bad.push({ name: `maxBytes ${label}`, options: { auth: { bearer: TOKEN }, isAllowed, maxBytes: value }, field: 'maxBytes' });
}

describe('createUserValidationHandler options', () => {
  for (const { name, options, field } of bad) {
    it(`refuses ${name}, naming ${field}`, () => {
      let thrown: unknown;
      try {
        build(options)();
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(ValidationError);
      expect((thrown as ValidationError).field).toBe(field);
      expect((thrown as ValidationError).message).toContain(field);
      expect((thrown as ValidationError).message).not.toContain(TOKEN);
    });
  }

  it('builds with valid options of every kind', () => {
    expect(typeof build({ auth: [{ bearer: [TOKEN, 'tok_2'] }, { basic: { username: 'u', password: 'p w' } }, { apiKey: 'k', header: 'X-Key' }], isAllowed, timeoutMs: 1, maxBytes: 1 })()).toBe('function');
  });
});
