#!/usr/bin/env bash
# Sourced by the storage benchmarks: starts Azurite (from tests/node) on free loopback ports, stops it
# when the calling script exits, and sets $connection to its connection string.
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
azurite="$root/tests/node/node_modules/azurite/dist/src/azurite.js"
[[ -f "$azurite" ]] || { echo "run: npm ci --prefix tests/node" >&2; exit 1; }
port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
blob=$(port); queue=$(port); table=$(port)
work=$(mktemp -d)
(cd "$work" && exec node "$azurite" --blobPort "$blob" --queuePort "$queue" --tablePort "$table" --inMemoryPersistence --silent --disableTelemetry >/dev/null 2>&1) &
azurite_pid=$!
trap 'kill "$azurite_pid" 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 100); do (exec 3<>/dev/tcp/127.0.0.1/"$blob") 2>/dev/null && break; sleep 0.1; done
# Azurite's published development account key (not a secret).
key="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
connection="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$key;BlobEndpoint=http://127.0.0.1:$blob/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$queue/devstoreaccount1"
