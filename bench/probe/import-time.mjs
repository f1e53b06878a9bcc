// Child process: prints how long one `import(specifier)` takes in a fresh Node, in ms.
// Usage: node bench/probe/import-time.mjs <specifier>
const specifier = process.argv[2];
const start = performance.now();
await import(specifier);
process.stdout.write(JSON.stringify({ specifier, ms: performance.now() - start }));
