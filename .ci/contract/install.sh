#!/usr/bin/env bash
# Installs the contract-test tools from the npm registry into .ci/.tools/contract (not the
# project's dependencies: Prism brings ~200 packages the SDK never needs). Idempotent.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
dir="$root/.ci/.tools/contract"
# Pinned so every CI run checks against the same validator.
packages=(@stoplight/prism-cli@5.16.0 yaml@2.9.1 jsonrepair@3.15.0)
stamp="$dir/.installed"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "${packages[*]}" ] && [ -x "$dir/node_modules/.bin/prism" ]; then exit 0; fi
mkdir -p "$dir"
echo '{"private":true}' > "$dir/package.json"
(cd "$dir" && npm install --no-save --no-audit --no-fund --loglevel=error "${packages[@]}" >&2)
echo "${packages[*]}" > "$stamp"
