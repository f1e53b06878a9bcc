#!/usr/bin/env bash
# Installs one runtime of the matrix from the npm registry into .ci/.tools/<name> (kept when
# already there) and prints the path of its binary. Usage: install.sh node22|node24|bun|deno|workerd
# (MATRIX_TOOLS overrides the .ci/.tools directory.)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
name=$1
dir="${MATRIX_TOOLS:-$root/.ci/.tools}/$name"

case "$name" in
  node22) spec=node@22; bins=(node_modules/node/bin/node) ;;
  node24) spec=node@24; bins=(node_modules/node/bin/node) ;;
  # The wrapper packages replace their bin with the real binary in a postinstall script; when
  # install scripts are not run, the binary is still in the platform package.
  bun) spec=bun@1; bins=(node_modules/@oven/bun-linux-x64/bin/bun node_modules/@oven/bun-linux-x64-baseline/bin/bun node_modules/@oven/bun-linux-aarch64/bin/bun node_modules/bun/bin/bun.exe) ;;
  deno) spec=deno@2; bins=(node_modules/@deno/linux-x64-glibc/deno node_modules/@deno/linux-arm64-glibc/deno) ;;
  workerd) spec=workerd; bins=(node_modules/@cloudflare/workerd-linux-64/bin/workerd node_modules/@cloudflare/workerd-linux-arm64/bin/workerd) ;;
  *) echo "install.sh: unknown runtime $name" >&2; exit 2 ;;
esac

version_of() {
  case "$name" in
    workerd) "$1" --version ;;
    *) "$1" --version | head -n1 ;;
  esac
}

find_bin() {
  local b
  for b in "${bins[@]}"; do
    if [ -x "$dir/$b" ] && version_of "$dir/$b" >/dev/null 2>&1; then echo "$dir/$b"; return 0; fi
  done
  return 1
}

if ! bin=$(find_bin); then
  echo "install.sh: installing $spec from the npm registry into .ci/.tools/$name" >&2
  mkdir -p "$dir"
  # A package.json of its own, or npm would install into the project above.
  [ -f "$dir/package.json" ] || echo '{"private":true}' > "$dir/package.json"
  (cd "$dir" && npm install --no-save --no-audit --no-fund --loglevel=error "$spec" >&2)
  # node's package fetches its binary in a preinstall script: run it when npm skipped it.
  if [ ! -x "$dir/node_modules/node/bin/node" ] && [ -f "$dir/node_modules/node/installArchSpecificPackage.js" ]; then
    (cd "$dir/node_modules/node" && node installArchSpecificPackage.js >&2)
  fi
  bin=$(find_bin) || { echo "install.sh: no working $name binary after install" >&2; exit 1; }
fi
echo "$bin"
