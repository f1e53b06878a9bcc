#!/usr/bin/env bash
# Docs are tests: every TypeScript block of README.md and docs/guides/*.md type-checks against the
# built package under bundler and nodenext ESM, node16 and node10 CommonJS, @types/node 22 to 26,
# and (for the web entry) without @types/node. See test/docs/check-snippets.ts.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
[ -f dist/webhooks.d.ts ] || npm run build >/dev/null || { echo "FAIL: build"; exit 1; }
bash .ci/with-node tsx test/docs/check-snippets.ts
