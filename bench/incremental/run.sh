#!/usr/bin/env bash
# The incremental assembly benchmark (not part of CI: several minutes on 2 cores). On the 12-clip
# 1080p film of bench/assembly: a full assembly, then (a) one shot's clip replaced, (b) one caption
# changed, (c) nothing changed, each timed against the full assembly and checked against a
# from-scratch assembly of the same edit; then the sample film as a draft against the full render.
# Exits 1 when a target or a check is not met.
#   bench/incremental/run.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
infra/scripts/install-prereqs.sh --quiet
./cloudreel models >/dev/null   # builds the CLI the sample film is rendered with
dotnet build bench/incremental/CloudReel.Bench.Incremental.csproj -c Release -nologo -clp:ErrorsOnly -o artifacts/bench/incremental-bin >/dev/null
dotnet artifacts/bench/incremental-bin/CloudReel.Bench.Incremental.dll --cli artifacts/cli/cloudreel.dll "$@"
