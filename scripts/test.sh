#!/usr/bin/env bash
# Runs every test of kubekey on a fresh machine: installs what the tests need, builds, stages the
# installed layout, checks formatting, runs each test project, and ends with one summary line.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

bash scripts/install-test-deps.sh

echo "== build" >&2
dotnet build kubekey.sln -nologo -clp:ErrorsOnly
echo "== stage the installed layout" >&2
make --no-print-directory stage >/dev/null
echo "== format" >&2
dotnet format kubekey.sln --verify-no-changes --no-restore

if [ -x scripts/check-cross-publish.sh ] || [ -f scripts/check-cross-publish.sh ]; then
  echo "== publish the macOS and Windows plugins for their runtimes" >&2
  bash scripts/check-cross-publish.sh
fi

export KUBEKEY_STAGE="$PWD/artifacts/stage"
results="$PWD/artifacts/test-results"
rm -rf "$results" && mkdir -p "$results"
status=0
for project in tests/*.Tests; do
  name=$(basename "$project")
  echo "== $name" >&2
  # One project at a time: the end-to-end tests start browsers and servers of their own.
  if ! dotnet test "$project" --no-build -nologo --logger "trx;LogFileName=$name.trx" \
       --results-directory "$results" -- RunConfiguration.TestSessionTimeout=1500000; then
    status=1
  fi
done

# The plain closing line CI reads: totals over every project's results. Skipped tests (other
# operating systems' keyrings) are counted as total minus executed: trx has no skip counter.
cat "$results"/*.trx 2>/dev/null | grep -o '<Counters [^>]*>' | awk '
  { for (i = 1; i <= NF; i++) { split($i, kv, "=\""); gsub(/"/, "", kv[2]); n[kv[1]] += kv[2] } }
  END { printf "%d passed, %d failed, %d skipped\n", n["passed"], n["failed"], n["total"] - n["executed"] }'
exit $status
