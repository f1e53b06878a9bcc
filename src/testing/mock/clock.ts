/** The mock's clock: real time plus an offset the test controls. */

/**
 * A controllable clock shared by the mock (token and widget expiry) and, if you pass
 * `now: mock.clock.now` to the client, by the client too.
 *
 * @example
 * ```ts
 * mock.clock.advance(31 * 60_000); // every staging token issued so far has now expired
 * ```
 */
export interface MockClock {
  /** Current mock time in epoch milliseconds. */
  now: () => number;
  /** Moves time forward by `ms`. */
  advance: (ms: number) => void;
  /** Jumps to an absolute time. */
  set: (time: Date | number) => void;
}

/**
 * A clock that starts at `start` (default: the real current time) and then runs with real time.
 *
 * @example
 * ```ts
 * const clock = createMockClock(new Date('2026-01-01T00:00:00Z'));
 * const coinme = new CoinmeClient({ ...credentials, now: clock.now });
 * clock.advance(31 * 60_000); // past a staging token's lifetime: the next call re-authorizes
 * ```
 */
export function createMockClock(start?: Date | number): MockClock {
  let offset = start === undefined ? 0 : Number(start) - Date.now();
  return {
    now: () => Date.now() + offset,
    advance: (ms) => {
      offset += ms;
    },
    set: (time) => {
      offset = Number(time) - Date.now();
    },
  };
}
