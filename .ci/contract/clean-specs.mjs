#!/usr/bin/env node
// Turns Coinme's published OpenAPI blocks into specs a mock server can serve, without a hand copy:
// every example `value` is a string of JSON-with-comments; it becomes the parsed object.
//   1. `//` comments and trailing commas are removed (string-aware), then the text is parsed.
//   2. If that still is not JSON (a missing comma, an unclosed brace, a `.....` placeholder),
//      jsonrepair fixes the structure; such examples are listed as "repaired".
// Two path-level defects are fixed too, and listed: a query string written into a path key
// (`/count/{customerId}?providerId={providerId}`, whose `providerId` is declared `in: path`)
// becomes a plain path with a query parameter.
//
// Usage: node .ci/contract/clean-specs.mjs [specDir] [outDir]
// Writes <outDir>/<name>.json per spec and <outDir>/report.json; prints the report.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const tools = createRequire(join(root, '.ci/.tools/contract/package.json'));
const { parse: parseYaml } = tools('yaml');
const { jsonrepair } = tools('jsonrepair');

const specDir = resolve(process.argv[2] ?? join(root, 'test/fixtures/openapi'));
const outDir = resolve(process.argv[3] ?? join(root, '.ci/.cache/openapi'));

/** Removes `//` comments and trailing commas outside strings. */
export function stripCommentsAndTrailingCommas(text) {
  let out = '';
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const char = text[i];
    if (inString) {
      out += char;
      if (char === '\\') out += text[++i] ?? '';
      else if (char === '"') inString = false;
    } else if (char === '"') {
      inString = true;
      out += char;
    } else if (char === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i += 1;
      out += '\n';
    } else {
      out += char;
    }
  }
  // A comma followed only by whitespace and a closer (strings were kept intact above, and a
  // string cannot contain a raw newline, so this cannot touch one spanning lines).
  return out.replace(/,(\s*[}\]])/g, '$1');
}

/** Parses one example text; returns the value and how it had to be cleaned. */
export function cleanExample(text) {
  try {
    return { value: JSON.parse(text), fix: 'none' };
  } catch {}
  const stripped = stripCommentsAndTrailingCommas(text);
  try {
    return { value: JSON.parse(stripped), fix: 'comments/trailing commas' };
  } catch (error) {
    const value = JSON.parse(jsonrepair(stripped.replace(/^\s*\.{3,}\s*$/gm, '')));
    return { value, fix: `repaired (${String(error.message).split('\n')[0]})` };
  }
}

function cleanSpec(spec, name, report) {
  for (const [pathKey, item] of Object.entries(spec.paths ?? {})) {
    let key = pathKey;
    const query = pathKey.indexOf('?');
    if (query >= 0) {
      key = pathKey.slice(0, query);
      const names = [...pathKey.slice(query).matchAll(/([\w-]+)=\{/g)].map((match) => match[1]);
      for (const operation of Object.values(item)) {
        for (const parameter of operation.parameters ?? []) if (names.includes(parameter.name)) parameter.in = 'query';
      }
      delete spec.paths[pathKey];
      spec.paths[key] = item;
      report.paths.push({ spec: name, from: pathKey, to: key, moved: names });
    }
    for (const [method, operation] of Object.entries(item)) {
      // `security: [{}]` (POST /paymentmethods) means "no authentication", exactly what no
      // `security` at all means here; Prism 5.16 answers 401 to it whenever an Authorization
      // header is present, so the equivalent form is written instead.
      if (Array.isArray(operation.security) && operation.security.length === 1 && Object.keys(operation.security[0]).length === 0) {
        delete operation.security;
        report.security.push({ spec: name, method: method.toUpperCase(), path: key, from: '[{}]', to: '(none)' });
      }
      for (const [status, response] of Object.entries(operation.responses ?? {})) {
        for (const [type, media] of Object.entries(response.content ?? {})) {
          for (const [exampleName, example] of Object.entries(media.examples ?? {})) {
            if (typeof example.value !== 'string' || !type.includes('json')) continue;
            const where = { spec: name, operation: operation.operationId, method: method.toUpperCase(), path: key, status, example: exampleName };
            if (example.value.trim() === '') {
              // An empty body is no JSON example at all; left out so Prism does not serve `""`.
              delete media.examples[exampleName];
              report.examples.push({ ...where, fix: 'removed (empty)' });
              continue;
            }
            const { value, fix } = cleanExample(example.value);
            example.value = value;
            report.examples.push({ ...where, fix });
          }
        }
      }
    }
  }
  return spec;
}

const report = { examples: [], paths: [], security: [] };
mkdirSync(outDir, { recursive: true });
// One spec with every path as well, so a single Prism process serves the whole partner API.
const merged = { openapi: '3.1.0', info: { title: 'Coinme partner API (all published operations)', version: '1.2' }, servers: [], paths: {}, components: { securitySchemes: {} } };
for (const file of readdirSync(specDir).filter((name) => /\.ya?ml$/.test(name)).sort()) {
  const name = basename(file).replace(/\.ya?ml$/, '');
  const spec = cleanSpec(parseYaml(readFileSync(join(specDir, file), 'utf8')), name, report);
  writeFileSync(join(outDir, `${name}.json`), `${JSON.stringify(spec, null, 2)}\n`);
  for (const [path, item] of Object.entries(spec.paths)) merged.paths[path] = { ...merged.paths[path], ...item };
  Object.assign(merged.components.securitySchemes, spec.components?.securitySchemes);
  if (merged.servers.length === 0) merged.servers = spec.servers ?? [];
}
writeFileSync(join(outDir, 'coinme-partner-api.json'), `${JSON.stringify(merged, null, 2)}\n`);
writeFileSync(join(outDir, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
const counts = Object.groupBy(report.examples, (example) => example.fix.split(' (')[0]);
console.log(`clean-specs: ${report.examples.length} examples in ${specDir} → ${outDir}`);
for (const [fix, list] of Object.entries(counts)) console.log(`  ${fix}: ${list.length}`);
for (const example of report.examples.filter((candidate) => candidate.fix.startsWith('repaired'))) {
  console.log(`  repaired: ${example.method} ${example.path} ${example.status} "${example.example}": ${example.fix.slice(10, -1)}`);
}
for (const entry of report.security) console.log(`  security: ${entry.method} ${entry.path} ${entry.from} → ${entry.to}`);
for (const path of report.paths) console.log(`  path: ${path.from} → ${path.to} (${path.moved.join(', ')} as query)`);
