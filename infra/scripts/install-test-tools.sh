#!/usr/bin/env bash
# Installs the real peers the tests check CloudReel against (from npm): a JSON Schema validator,
# Azurite (the Storage emulator the Azure tests start), the Azure Storage JavaScript SDK, cloudevents
# and standardwebhooks. Tests fail with "run: npm ci --prefix tests/node" when they are missing.
# Also Debian's Chromium, the headless browser the studio's tests drive (never a downloaded one).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)

# The studio's browser: only when it is missing.
if [[ ! -x /usr/bin/chromium ]]; then
  echo "Installing chromium (the studio's browser tests) ..." >&2
  sudo=""
  if [[ $(id -u) -ne 0 ]]; then
    command -v sudo >/dev/null 2>&1 || { echo "Please install as root: apt-get install -y chromium" >&2; exit 1; }
    sudo="sudo"
  fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends chromium >/dev/null
fi
command -v npm >/dev/null 2>&1 || { echo "npm is needed for the test tools (apt-get install -y nodejs npm)" >&2; exit 1; }
if [[ -f "$root/tests/node/package-lock.json" ]]; then
  npm ci --prefix "$root/tests/node" --no-audit --no-fund --loglevel=error >/dev/null
fi
