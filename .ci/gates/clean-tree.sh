#!/usr/bin/env bash
# Runs a command and fails when it changed what `git status` shows (a rewritten lock, a stray
# report or build file outside .gitignore). The command's own exit status is kept.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
before=$(git status --porcelain)
"$@"
status=$?
after=$(git status --porcelain)
if [ "$before" != "$after" ]; then
  echo "FAIL: '$*' changed the working tree:" >&2
  diff <(echo "$before") <(echo "$after") >&2
  exit 1
fi
exit $status
