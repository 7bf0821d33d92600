#!/usr/bin/env bash
# The batch benchmark (not part of CI: minutes on 2 cores). Each figure comes from its own process:
#   1. the engine alone (every activity returning at once): its own overhead per shot;
#   2. dry runs of 100 and 1,000 rows (target: 1,000 rows under 10 s; peak memory flat in rows);
#   3. a real batch of FILMS films (default 200) of 3 one-second shots at 144p with the animatic and
#      cuts: wall time, films per minute, orchestration overhead per shot from the journal, peak memory,
#      and wall time against the critical path and against the activities' busy time over the cores;
#   4. real batches of SMALL and LARGE rows (default 100 and 1,000) sharing one zero-cost shot (made
#      once, every other row from the clip cache): wall time, shots generated and cached, peak memory ratio.
# Usage: bench/batch/run.sh [films] [films-at-once] [cached-rows-small] [cached-rows-large]
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
infra/scripts/install-prereqs.sh --quiet
dotnet build bench/batch/CloudReel.Bench.Batch.csproj -c Release -nologo -clp:ErrorsOnly -o artifacts/bench/batch-bin >/dev/null
bench=artifacts/bench/batch-bin/CloudReel.Bench.Batch.dll
films=${1:-200}
at_once=${2:-4}
cached_small=${3:-100}
cached_large=${4:-1000}
load() { echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"; }
mb() { sed -nE 's/.*peak working set +([0-9]+) MB.*/\1/p' <<<"$1"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

load
dotnet "$bench" engine "$films" "$at_once"
small=$(dotnet "$bench" dry 100)
large=$(dotnet "$bench" dry 1000)
echo "$small"
echo "$large"
echo "peak memory, dry run 1,000 rows / 100 rows: $(ratio "$(mb "$large")" "$(mb "$small")")"
load
dotnet "$bench" run "$films" "$at_once"
load
small=$(dotnet "$bench" cached "$cached_small" "$at_once")
echo "$small"
load
large=$(dotnet "$bench" cached "$cached_large" "$at_once")
echo "$large"
echo "peak memory, cached $cached_large rows / $cached_small rows: $(ratio "$(mb "$large")" "$(mb "$small")")"
load
