#!/usr/bin/env bash
# Installs the real peers the tests check CloudReel against (from npm): a JSON Schema validator,
# Azurite (the Storage emulator the Azure tests start), the Azure Storage JavaScript SDK, cloudevents
# and standardwebhooks. Tests fail with "run: npm ci --prefix tests/node" when they are missing.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
command -v npm >/dev/null 2>&1 || { echo "npm is needed for the test tools (apt-get install -y nodejs npm)" >&2; exit 1; }
if [[ -f "$root/tests/node/package-lock.json" ]]; then
  npm ci --prefix "$root/tests/node" --no-audit --no-fund --loglevel=error >/dev/null
fi
