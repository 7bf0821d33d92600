#!/usr/bin/env bash
# The assembly benchmark (not part of CI: it takes several minutes on 2 cores). Generates its own
# 1080p clips, then in one run times our assembler and the straightforward baseline on the same
# film, and the clean master's fast path against a full re-encode; prints wall time, real-time
# factor and peak memory of each, and the ratios. Then the same film at five minutes, ours only,
# to show memory stays flat in the film's length.
#   bench/assembly/run.sh            # 12 clips with the baseline, then 66 clips (~5 min) without
#   bench/assembly/run.sh 12         # one size only
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
infra/scripts/install-prereqs.sh --quiet
dotnet build bench/assembly/CloudReel.Bench.Assembly.csproj -c Release -nologo -clp:ErrorsOnly -o artifacts/bench/bin >/dev/null
bench() { dotnet artifacts/bench/bin/CloudReel.Bench.Assembly.dll "$@"; }
if [[ $# -gt 0 ]]; then
  bench "$@"
else
  bench 12
  bench 66 --no-baseline --no-clean-master
fi
