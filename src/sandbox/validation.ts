/**
 * The user-validation call of seed 004: before a purchase proceeds, ask the partner whether this
 * user may operate, with `POST { email }` and `Authorization: Bearer …`. Only an answer of `true`
 * lets the purchase go on; anything else (false, an error status, no answer in time) stops it.
 */
import type { ResolvedSandboxOptions } from './options.js';
import type { SandboxValidation } from './session.js';

const maxAnswerShown = 200;

/** Asks the partner's validation URL about `email`; never throws. */
export async function validateUser(options: ResolvedSandboxOptions, email: string, signal: AbortSignal): Promise<SandboxValidation> {
  const url = options.validationUrl;
  if (!url) return { email, allowed: true, answer: 'no validation URL configured', latencyMs: 0 };
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  if (options.validationToken) headers['authorization'] = `Bearer ${options.validationToken}`;
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  try {
    const response = await options.fetch(url, {
      method: 'POST',
      headers,
      body: JSON.stringify({ email }),
      redirect: 'manual',
      signal: AbortSignal.any([AbortSignal.timeout(options.retry.timeoutMs), signal]),
    });
    const answer = (await response.text()).trim();
    const allowed = response.ok && /^"?true"?$/i.test(answer);
    options.log(`validation ${email} → ${response.status} ${answer.slice(0, 40)}`);
    return { email, allowed, status: response.status, answer: answer.slice(0, maxAnswerShown), latencyMs: elapsed() };
  } catch (error) {
    const answer = error instanceof DOMException && error.name === 'TimeoutError' ? 'no answer in time' : 'the validation URL could not be reached';
    options.log(`validation ${email} → ${answer}`);
    return { email, allowed: false, answer, latencyMs: elapsed() };
  }
}
