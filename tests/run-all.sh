#!/usr/bin/env bash
# Runs every test of the project and ends with one line "N passed, N failed".
# It installs what the tests need, so it works on a fresh machine (the .NET SDK is assumed, as on every machine here).
set -uo pipefail
cd "$(dirname "$0")/.."

# What the browser tests need (tests/Support/Web/): the three engines — Debian's Chromium (driven by Playwright),
# Firefox ESR (firefox-esr, driven by puppeteer-core) and WebKitGTK (webkit2gtk-driver: WebKitWebDriver and
# MiniBrowser, driven by selenium-webdriver, on the virtual display of xvfb's xvfb-run, which needs xauth: only
# recommended by xvfb, so named here for an apt that skips recommendations) — CJK fonts for screenshots,
# w3m, a Java runtime for the Nu HTML Checker, and Node.js/npm for tests/tools (the checkers and the engines' drivers).
# Each step runs only when something is missing (apt-get update first, so a fresh machine finds the packages),
# and prints only when it fails.
log=$(mktemp)
need_apt=(chromium fonts-noto-cjk w3m firefox-esr webkit2gtk-driver xvfb xauth)
command -v java >/dev/null 2>&1 || need_apt+=(default-jre-headless)
command -v npm >/dev/null 2>&1 || need_apt+=(nodejs npm)
missing=()
# (dpkg -s also succeeds for a removed package whose config files are left, so ask for the status itself)
for p in "${need_apt[@]}"; do
  [ "$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null)" = installed ] || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if ! { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"; } >"$log" 2>&1; then
    tail -n 20 "$log"
    echo "run-all.sh: could not install ${missing[*]} with apt-get; the browser tests will fail"
  fi
fi

# Tools pinned in tests/tools/package-lock.json: vnu-jar (the Nu HTML Checker), axe-core, and the engines' drivers
# puppeteer-core (Firefox) and selenium-webdriver (WebKit), which use the Debian browsers above and download none.
# --ignore-scripts: vnu-jar's postinstall would download a Java runtime when none is found; the tests run the
# machine's java themselves.
tools=tests/tools
if [ ! -f "$tools/node_modules/.package-lock.json" ] || [ "$tools/package-lock.json" -nt "$tools/node_modules/.package-lock.json" ]; then
  if npm ci --no-audit --no-fund --ignore-scripts --loglevel=error --prefix "$tools" >"$log" 2>&1; then
    touch "$tools/node_modules/.package-lock.json"
  else
    tail -n 20 "$log"
    echo "run-all.sh: npm ci in $tools failed; the HTML, accessibility and Firefox/WebKit checks will fail"
  fi
fi
rm -f "$log"

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
