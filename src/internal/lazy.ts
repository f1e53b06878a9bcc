/** Values built on first use. Not part of the public API. */

/**
 * A getter of the value `build` returns, built on the first call. Module-level zod schemas are
 * calls a bundler must keep; `/* @__PURE__ *\/ lazy(() => ...)` is one it can drop when unused,
 * so a pure function imported from the root entry does not bring the client's schemas along.
 */
export function lazy<T>(build: () => T): () => T {
  let value: { built: T } | undefined;
  return () => (value ??= { built: build() }).built;
}
