#!/usr/bin/env bash
# Model-slot contention benchmark: against Azurite, many contenders take and give back slots of one
# group through blob ETags, against one contender alone.
# Usage: bench/SlotContention/run.sh [contenders] [cycles]
set -euo pipefail
source "$(dirname "$0")/../azurite.sh"
dotnet run --project "$root/bench/SlotContention" -c Release -- "$connection" "${1:-16}" "${2:-20}"
