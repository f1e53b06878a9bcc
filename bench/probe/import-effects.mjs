// Child process: imports one specifier (ESM `import` or CJS `require`) and reports whether that
// touched the Fetch globals or left timers or other handles behind.
// Usage: node bench/probe/import-effects.mjs <specifier> <esm|cjs>
import { createRequire } from 'node:module';

const [specifier, mode = 'esm'] = process.argv.slice(2);
const watched = ['fetch', 'Request', 'Response', 'Headers'];
const touched = new Set();

for (const name of watched) {
  const original = globalThis[name];
  Object.defineProperty(globalThis, name, {
    configurable: true,
    enumerable: false,
    get() {
      touched.add(name);
      return original;
    },
    set(value) {
      touched.add(`${name} (assigned)`);
      Object.defineProperty(globalThis, name, { configurable: true, writable: true, value });
    },
  });
}

const timerCalls = [];
for (const name of ['setTimeout', 'setInterval', 'setImmediate', 'queueMicrotask']) {
  const original = globalThis[name];
  globalThis[name] = function (...args) {
    timerCalls.push(name);
    return original.apply(this, args);
  };
}

const before = process.getActiveResourcesInfo();
if (mode === 'cjs') createRequire(import.meta.url)(specifier);
else await import(specifier);
const after = process.getActiveResourcesInfo();

// Anything left in `after` that was not in `before` is a handle the import opened.
const remaining = [...before];
const added = after.filter((resource) => {
  const index = remaining.indexOf(resource);
  if (index === -1) return true;
  remaining.splice(index, 1);
  return false;
});

process.stdout.write(JSON.stringify({ specifier, mode, touched: [...touched], timerCalls, addedResources: added }));
