#!/usr/bin/env bash
# Block-upload benchmark: against Azurite, uploads a 128 MB film with one block at a time and with
# CloudReel's parallel blocks, prints both and the ratio.
# Usage: bench/BlobUpload/run.sh [megabytes] [runs]
set -euo pipefail
source "$(dirname "$0")/../azurite.sh"
dotnet run --project "$root/bench/BlobUpload" -c Release -- "$connection" "${1:-128}" "${2:-3}"
