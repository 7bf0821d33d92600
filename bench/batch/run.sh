#!/usr/bin/env bash
# The batch benchmark (not part of CI: minutes on 2 cores). Each figure comes from its own process:
#   1. dry runs of 100 and 1,000 rows (target: 1,000 rows under 10 s; peak memory flat in rows);
#   2. a real batch of FILMS films (default 200) of 3 one-second shots at 144p with the animatic and
#      cuts: wall time, films per minute, orchestration overhead per shot from the journal, peak memory,
#      and wall time against the critical path and against the activities' busy time over the cores.
# Usage: bench/batch/run.sh [films] [films-at-once]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
infra/scripts/install-prereqs.sh --quiet
dotnet build bench/batch/CloudReel.Bench.Batch.csproj -c Release -nologo -clp:ErrorsOnly -o artifacts/bench/batch-bin >/dev/null
bench=artifacts/bench/batch-bin/CloudReel.Bench.Batch.dll
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
small=$(dotnet "$bench" dry 100)
large=$(dotnet "$bench" dry 1000)
echo "$small"
echo "$large"
mb() { sed -E 's/.*peak working set ([0-9]+) MB.*/\1/' <<<"$1"; }
echo "peak memory, 1,000 rows / 100 rows: $(awk -v a="$(mb "$large")" -v b="$(mb "$small")" 'BEGIN { printf "%.2f", a / b }')"
dotnet "$bench" run "${1:-200}" "${2:-4}"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
