// Imported first by the examples run with tsx: they (and msw, which they use to mock Coinme) need
// Node 22.12 or later. On an older Node, msw silently intercepts nothing and the calls fail with a
// ConnectionError; say what is wrong instead.
const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(
    `These examples need Node 22.12 or later (this is Node ${process.versions.node}): run them with \`bash .ci/with-node tsx examples/<file>.ts\`, which provides it, or upgrade Node.`,
  );
  process.exit(1);
}
export {};
