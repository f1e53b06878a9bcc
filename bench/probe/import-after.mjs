// Child process: imports `first`, then prints how long importing `then` takes on top of it, in ms.
// Usage: node bench/probe/import-after.mjs <first> <then>
const [first, then] = process.argv.slice(2);
await import(first);
const start = performance.now();
await import(then);
process.stdout.write(JSON.stringify({ ms: performance.now() - start }));
