#!/usr/bin/env bash
# Model-slot contention benchmark: starts Azurite (from tests/node) on free loopback ports, has many
# contenders take and give back slots of one group through blob ETags, against one contender alone.
# Usage: bench/SlotContention/run.sh [contenders] [cycles]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
azurite="$root/tests/node/node_modules/azurite/dist/src/azurite.js"
[[ -f "$azurite" ]] || { echo "run: npm ci --prefix tests/node" >&2; exit 1; }
port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
blob=$(port); queue=$(port); table=$(port)
work=$(mktemp -d)
(cd "$work" && exec node "$azurite" --blobPort "$blob" --queuePort "$queue" --tablePort "$table" --inMemoryPersistence --silent --disableTelemetry >/dev/null 2>&1) &
pid=$!
trap 'kill "$pid" 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 100); do (exec 3<>/dev/tcp/127.0.0.1/"$blob") 2>/dev/null && break; sleep 0.1; done
key="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
connection="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$key;BlobEndpoint=http://127.0.0.1:$blob/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$queue/devstoreaccount1"
dotnet run --project "$root/bench/SlotContention" -c Release -- "$connection" "${1:-16}" "${2:-20}"
