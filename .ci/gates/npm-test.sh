#!/usr/bin/env bash
# `npm test` as the README runs it, held to its budget: at most 60 s on a 2-core machine, and
# nothing on stderr (no warnings, no stray logs, no unhandled errors). Long runs belong in test/e2e.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
budget=${NPM_TEST_BUDGET_SECONDS:-60}
err=$(mktemp)
trap 'rm -f "$err"' EXIT

started=$(date +%s)
npm test --silent 2>"$err"
status=$?
seconds=$(( $(date +%s) - started ))

echo "npm test: ${seconds} s (budget ${budget} s)"
if [ "$seconds" -gt "$budget" ]; then
  echo "FAIL: npm test took ${seconds} s; move slow tests to test/e2e (npm run test:e2e)"
  status=1
fi
if [ -s "$err" ]; then
  echo "FAIL: npm test wrote to stderr:"
  cat "$err"
  status=1
fi
exit $status
