#!/usr/bin/env bash
# Runs every test of the project and ends with one line "N passed, N failed".
# It installs what the tests need, so it works on a fresh machine (the .NET SDK is assumed, as on every machine here).
set -uo pipefail
cd "$(dirname "$0")/.."

need_apt=()
# Later stages add browser tests; their Debian packages go here (e.g. chromium fonts-noto-cjk w3m).
if [ ${#need_apt[@]} -gt 0 ]; then
  missing=()
  for p in "${need_apt[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  if [ ${#missing[@]} -gt 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
fi

results=tests/TestResults
rm -rf "$results"
dotnet test tests --nologo -v q --logger "trx;LogFileName=results.trx" --results-directory "$results" "$@"
status=$?

trx="$results/results.trx"
if [ ! -f "$trx" ]; then
  echo "the test project did not build or run (exit $status)"
  echo "0 passed, 1 failed"
  exit 1
fi
passed=$(grep -o 'passed="[0-9]*"' "$trx" | head -1 | grep -o '[0-9]*')
failed=$(grep -o 'failed="[0-9]*"' "$trx" | head -1 | grep -o '[0-9]*')
echo "${passed:-0} passed, ${failed:-0} failed"
[ "$status" -eq 0 ] && [ "${failed:-0}" -eq 0 ]
