#!/usr/bin/env bash
# Install gate: a fresh clone installs with `npm ci` (the lock is complete and in sync with
# package.json), and the README's first command, `npm run demo`, leaves `git status` as it was.
# (`npm test` is checked the same way by .ci/run, through .ci/gates/clean-tree.sh.)
# The lock pins vite below 8.4 (`overrides` in package.json): vite 8.4's optional dependency
# napi-windows-process-start-time is missing from the registry this project installs from.
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"
status=0

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp package.json package-lock.json "$work/"
echo "-- npm ci --dry-run on package.json and package-lock.json alone"
if ! (cd "$work" && bash "$root/.ci/with-node" npm ci --dry-run --ignore-scripts --no-audit --no-fund --loglevel=error >/dev/null); then
  echo "FAIL: npm ci refuses the lock; regenerate it with: bash .ci/with-node npm install --package-lock-only"
  status=1
fi

echo "-- npm run demo leaves git status clean"
bash .ci/gates/clean-tree.sh npm run demo >/dev/null || status=1
exit $status
