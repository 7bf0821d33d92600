#!/usr/bin/env bash
# Checks every Bicep file offline with bicep-lite (no Bicep compiler installs on the team's machines):
# no error, and no unknown property (BCP037~) or unknown type/API version (BCP081~). The bicep GitHub
# workflow builds the same files with the real compiler. Finds bicep-lite at $BICEP_LITE, or in
# ../shared/tools beside the repository.
set -uo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
lite=${BICEP_LITE:-}
for candidate in "$root/../shared/tools/bicep-lite/bicep-lite" "$root/../../shared/tools/bicep-lite/bicep-lite" /work/shared/tools/bicep-lite/bicep-lite; do
  [[ -z "$lite" && -x "$candidate" ]] && lite=$candidate
done
if [[ -z "$lite" ]]; then
  if [[ "${GITHUB_ACTIONS:-}" == "true" ]]; then
    echo "bicep-lite is not on this runner: the bicep workflow checks the Bicep with the real compiler."
    exit 0
  fi
  echo "bicep-lite was not found (set BICEP_LITE to its path)" >&2
  exit 1
fi

output=$("$lite" "$root"/bicep/main.bicep "$root"/bicep/modules/*.bicep 2>&1)
status=$?
if [[ $status -ne 0 ]] || grep -qE "BCP037~|BCP081~" <<<"$output"; then
  echo "$output" >&2
  echo "bicep-lite: the Bicep has errors or unknown properties/types (see above)" >&2
  exit 1
fi
echo "bicep-lite: $(ls "$root"/bicep/main.bicep "$root"/bicep/modules/*.bicep | wc -l) files, no error, no unknown property or type"
