// Real Redis and Postgres for the shared-state suites: `.ci/services/start` writes their URLs
// (REDIS_URL, DATABASE_URL). Without a URL a suite is skipped locally, but fails under CI=true, so
// CI can never pass by skipping.
import { describe, it } from 'vitest';

type Service = 'REDIS_URL' | 'DATABASE_URL';

/** `describe` that needs a running service; `body` receives its URL. */
export function describeWith(service: Service, title: string, body: (url: string) => void): void {
  const url = process.env[service];
  if (url) {
    describe(title, () => body(url));
  } else if (process.env['CI'] === 'true') {
    describe(title, () => {
      it(`needs ${service}`, () => {
        throw new Error(`${service} is not set: run .ci/services/start and source .ci/.cache/services.env (CI never skips this suite)`);
      });
    });
  } else {
    describe.skip(`${title} (set ${service} to run)`, () => body(''));
  }
}

/** A name no other test run uses, for Redis key prefixes and Postgres schemas. */
export function uniqueName(label: string): string {
  return `${label}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
}
