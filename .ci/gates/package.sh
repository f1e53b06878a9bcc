#!/usr/bin/env bash
# Packaging gate: what `npm publish` would ship is checked as a user receives it.
#   - the tarball holds only what a user needs (dist/, README, CHANGELOG, LICENSE, package.json);
#   - publint reports nothing (errors, warnings or suggestions);
#   - attw finds no type-resolution problem for any entry point (node16 CJS and ESM, bundler);
#   - typedoc builds the API reference with zero warnings (typedoc.json treats them as errors).
# Expects dist/ from `npm run build` (built here when missing). Exits 1 when any check fails.
set -uo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$root"
tool() { bash "$root/.ci/with-node" "$@"; }

failures=()
check() { printf '\n-- %s\n' "$1"; }
fail() { printf 'FAIL: %s\n' "$1"; failures+=("$1"); }

if [ ! -f dist/index.js ]; then
  echo "dist/ is missing; building it"
  npm run build >/dev/null || { echo "FAIL: build"; exit 1; }
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

check "npm pack: contents"
if ! tool npm pack --json --pack-destination "$work" >"$work/pack.json" 2>"$work/pack.err"; then
  cat "$work/pack.err"
  fail "npm pack"
else
  tarball=$(tool node -e 'const [p] = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")); console.log(p.filename)' "$work/pack.json")
  tarball="$work/$(basename "$tarball")"
  # Allowed: dist/** (maps included), package.json, README.md, CHANGELOG.md, LICENSE*.
  unexpected=$(tool node -e '
    const [p] = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const allowed = /^(dist\/.+|package\.json|README\.md|CHANGELOG\.md|LICENSE(\.[a-z]+)?)$/i;
    const files = p.files.map((f) => f.path);
    console.error(`${files.length} files, ${(p.size / 1024).toFixed(1)} KB packed, ${(p.unpackedSize / 1024).toFixed(1)} KB unpacked`);
    for (const f of files) if (!allowed.test(f)) console.log(f);
    for (const needed of ["package.json", "dist/index.js", "dist/index.cjs", "dist/index.d.ts", "dist/index.d.cts"])
      if (!files.includes(needed)) console.log(`(missing) ${needed}`);
  ' "$work/pack.json")
  if [ -n "$unexpected" ]; then
    printf '  %s\n' $unexpected
    fail "tarball holds files a user does not need (or misses needed ones)"
  else
    echo "ok: only dist/, package.json and docs"
  fi

  check "publint"
  tool publint run "$tarball" --level suggestion | tee "$work/publint.txt"
  status=${PIPESTATUS[0]}
  # publint exits 0 on warnings and suggestions; a clean run prints "All good!".
  if [ "$status" -ne 0 ] || ! grep -q 'All good' "$work/publint.txt"; then fail "publint"; fi

  check "attw (node16 CJS, node16 ESM, bundler; every entry point)"
  if ! tool attw "$tarball" --profile node16 --format table-flipped --no-emoji --no-color; then fail "attw"; fi
fi

check "typedoc (zero warnings)"
# Only src/ is documented, so the gate's tsconfig covers src/ alone; source links need a git
# remote, which a CI checkout may lack, so they are left out of this check.
if ! tool typedoc --emit none --tsconfig .ci/gates/tsconfig.typedoc.json --disableSources >"$work/typedoc.txt" 2>&1; then
  sed 's/\x1b\[[0-9;]*m//g' "$work/typedoc.txt" | tail -n 40
  fail "typedoc: $(sed 's/\x1b\[[0-9;]*m//g' "$work/typedoc.txt" | grep -o 'Found [0-9]* errors and [0-9]* warnings' | tail -n 1)"
else
  echo "ok: no warnings"
fi

printf '\n'
if [ "${#failures[@]}" -gt 0 ]; then
  printf 'package gate: %d check(s) failed: %s\n' "${#failures[@]}" "$(IFS=';'; echo "${failures[*]}")"
  exit 1
fi
echo "package gate: all checks passed"
