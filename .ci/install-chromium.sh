#!/usr/bin/env bash
# Installs Debian's chromium for the browser tests (test/e2e/sandbox) when it is missing.
# playwright-core drives it at /usr/bin/chromium; no browser is downloaded from anywhere else.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  exit 0
fi
if ! command -v apt-get >/dev/null; then
  echo "install-chromium: /usr/bin/chromium is missing and apt-get is not available" >&2
  exit 1
fi
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
echo "install-chromium: installing chromium with apt-get" >&2
$sudo apt-get update -qq >/dev/null
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
/usr/bin/chromium --version 2>/dev/null || true
