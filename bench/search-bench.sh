#!/usr/bin/env bash
# Search benchmark: Baoku's static search index against Pagefind on the same synthetic corpus, in the same run.
#
#   bash bench/search-bench.sh [--sizes "1000 10000 50000"] [--queries "清廉民企 二十大 …"] [--work DIR]
#                              [--pagefind-max N] [--pagefind-ulimit KB] [--no-hugo] [--no-ui] [--no-browser]
#
# For each size N it
#   1. writes a corpus with ../shared/bench/make-corpus.py DIR --articles N --seed 1 (kept in --work and reused,
#      the same corpus-N/ as build-bench.sh);
#   2. builds it with Baoku (Release, this repo's site.yml and templates/, `baoku build -v`) into WORK/search-out-N
#      and reads the "search" stage time from -v; counts bytes and files of search/ (meta.js, i/, p/, g/, d/);
#   3. builds it with Hugo, variant "none" (../shared/bench/hugo-compare.sh with HUGO_PARAMS_RELATEDINDICES=" "),
#      then indexes corpus-N/public with Pagefind 1.6.0 (bench/tools, npm ci) under /usr/bin/time: wall, RSS, index
#      bytes and files. Pagefind runs only up to --pagefind-max articles (default 20000): at 50,000 it ran out of 21 GiB
#      (../shared/bench/ANCHORS.md). --pagefind-max 50000 tries it anyway, under `ulimit -v` (--pagefind-ulimit KB,
#      default 22020096 = 21 GiB, as in ANCHORS.md) so that it cannot wake the OOM killer;
#   4. runs bench/search-measure.mjs: every query in a fresh context of headless /usr/bin/chromium (playwright-core),
#      Baoku's search page and Pagefind (api and Default UI), served on 127.0.0.1; substring counts over the corpus;
#      the Baoku page once over file://.
#   5. prints the build table and, per size, the per-query tables.
# Figures are single runs on a shared machine: only the ratios mean much.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
shared=$(cd "$repo/../shared/bench" 2>/dev/null && pwd || echo /work/shared/bench)

sizes="1000 10000 50000"; work=/tmp/baoku-bench; pagefind_max=20000; pf_ulimit=22020096
hugo=1; ui=1; browser=1
# The issue's queries, plus 文化馆, a rare word (seed 1: in 1 article of 1,000 and 5 of 10,000; its first bigram 文化 is common).
# --queries takes a comma-separated list when it has a comma (for queries with spaces), else a space-separated one.
queries="清廉民企 二十大 企业 清廉 开发区 营商环境 胡文建 落地见效 5G 2023年 文化馆"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --sizes) sizes=$2; shift 2;;
    --queries) queries=$2; shift 2;;
    --work) work=$2; shift 2;;
    --pagefind-max) pagefind_max=$2; shift 2;;
    --pagefind-ulimit) pf_ulimit=$2; shift 2;;
    --no-hugo) hugo=0; shift;;
    --no-ui) ui=0; shift;;
    --no-browser) browser=0; shift;;
    -h|--help) sed -n '2,24p' "$0" | sed 's/^# \{0,1\}//'; exit 0;;
    *) echo "unknown option: $1" >&2; exit 2;;
  esac
done
[[ -x "$shared/make-corpus.py" ]] || { echo "no corpus generator at $shared/make-corpus.py" >&2; exit 2; }
[[ -x /usr/bin/chromium || $browser == 0 ]] || { echo "no /usr/bin/chromium (apt-get install chromium)" >&2; exit 2; }

need=()
[[ -x /usr/bin/time ]] || need+=(time)
[[ $hugo == 0 ]] || command -v hugo >/dev/null || need+=(hugo)
if [[ ${#need[@]} -gt 0 ]]; then
  echo "installing ${need[*]} (apt-get)…"
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}"; } >/dev/null
fi
# Pagefind and playwright-core as pinned in bench/tools/package-lock.json (no browser download: /usr/bin/chromium).
if ! cmp -s bench/tools/package-lock.json bench/tools/node_modules/.installed-lock.json 2>/dev/null; then
  echo "installing bench/tools (npm ci)…"
  (cd bench/tools && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund >/dev/null && cp package-lock.json node_modules/.installed-lock.json)
fi
pagefind=$repo/bench/tools/node_modules/.bin/pagefind

mkdir -p "$work"
# A snapshot of the site settings and templates, so that editing the repo during a long run changes nothing.
site="$work/search-site"; rm -rf "$site"; mkdir -p "$site"
cp site.yml "$site/site.yml"; cp -r templates "$site/templates"
bin="$work/search-bin"
echo "building Baoku (Release)…"
dotnet publish generator -c Release -o "$bin" --nologo -v q >/dev/null
baoku="$bin/baoku"

timefmt='%e %U %S %M'
bytes() { find "$1" -type f -printf '%s\n' | awk '{ s += $1 } END { print s + 0 }'; }
files() { find "$1" -type f | wc -l; }
mib() { echo $(( $1 / 1024 )); }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "–" }'; }
num() { echo "$1" | sed ':a;s/\B[0-9]\{3\}\>/,&/;ta'; }

build_rows=(); tables=()
brow() { build_rows+=("$(printf '| %s | %s | %s | %s |' "$@")"); echo "${build_rows[-1]}"; }

for n in $sizes; do
  corpus="$work/corpus-$n"
  if [[ ! -f "$corpus/.complete" ]]; then
    echo "writing corpus of $n articles…"
    rm -rf "$corpus"
    python3 "$shared/make-corpus.py" "$corpus" --articles "$n" --seed 1 >/dev/null
    touch "$corpus/.complete"
  fi

  out="$work/search-out-$n"
  rm -rf "$out"
  echo "Baoku, $n articles…"
  log="$work/search-baoku-$n.log"
  /usr/bin/time -f "$timefmt" -o "$work/search-t" "$baoku" build --content "$corpus/content" --site "$site/site.yml" \
    --templates "$site/templates" -o "$out" --cache "$work/cache-search" --full -v >"$log" 2>&1 || { echo "Baoku failed at $n:"; tail "$log"; exit 1; }
  read -r bw _ _ brss < "$work/search-t"
  # -v prints one line per stage with its time; take the "search" stage's seconds.
  stage=$(sed -n 's/^search: //p' "$log" | head -1)
  s="$out/search"
  sfiles=$(files "$s"); sbytes=$(bytes "$s")
  shape="meta 1, i/ $(files "$s/i"), p/ $(files "$s/p"), g/ $(files "$s/g"), d/ $(files "$s/d")"
  nonDoc=$(( $(bytes "$s/i") + $(bytes "$s/p") + $(bytes "$s/g") ))
  brow "Baoku" "$(num "$n")" "build $bw s (search stage ${stage:-?}), RSS $(mib "$brss") MiB" \
    "$(num "$sbytes") bytes in $(num "$sfiles") files ($shape); grams $(num "$nonDoc") bytes, d/ $(num "$(bytes "$s/d")"), meta $(num "$(bytes "$s/meta.js")")"

  pfsite=""
  if [[ $hugo == 1 ]]; then
    echo "Hugo none, $n articles…"
    HUGO_PARAMS_RELATEDINDICES=" " bash "$shared/hugo-compare.sh" "$corpus" > "$work/search-hugo-none-$n.log"
    t=$(grep '^time:' "$work/search-hugo-none-$n.log")
    brow "Hugo none" "$(num "$n")" "build $(sed 's/.*wall_s=\([0-9.]*\).*/\1/' <<<"$t") s, RSS $(mib "$(sed 's/.*maxrss_kb=\([0-9]*\).*/\1/' <<<"$t")") MiB" \
      "$(num "$(find "$corpus/public" -name index.html | wc -l)") pages, $(num "$(bytes "$corpus/public")") bytes"
    rm -rf "$corpus/public/pagefind"
    if [[ $n -le $pagefind_max ]]; then
      echo "Pagefind, $n articles…"
      pflog="$work/search-pagefind-$n.log"
      set +e
      if [[ $n -gt 20000 ]]; then
        ( ulimit -v "$pf_ulimit"; /usr/bin/time -f "$timefmt" -o "$work/search-t" "$pagefind" --site "$corpus/public" ) >"$pflog" 2>&1
      else
        /usr/bin/time -f "$timefmt" -o "$work/search-t" "$pagefind" --site "$corpus/public" >"$pflog" 2>&1
      fi
      rc=$?
      set -e
      read -r pw _ _ prss < <(tail -1 "$work/search-t")
      if [[ $rc == 0 && -d "$corpus/public/pagefind" ]]; then
        p="$corpus/public/pagefind"
        brow "Pagefind 1.6.0" "$(num "$n")" "index $pw s, RSS $(mib "$prss") MiB" \
          "$(num "$(bytes "$p")") bytes in $(num "$(files "$p")") files ($(grep -oE 'Indexed [0-9,]+ (pages|words)' "$pflog" | paste -sd, - | sed 's/,/, /g'))"
        pfsite="$corpus/public"
      else
        brow "Pagefind 1.6.0" "$(num "$n")" "FAILED (exit $rc) after $pw s, RSS $(mib "$prss") MiB" "$(tail -1 "$pflog")"
      fi
    else
      brow "Pagefind 1.6.0" "$(num "$n")" "not run: ANCHORS.md, out of memory" "(--pagefind-max $n tries it under ulimit -v)"
    fi
  fi

  if [[ $browser == 1 ]]; then
    echo "browser, $n articles…"
    cfg="$work/search-$n.config.json"
    python3 - "$cfg" <<EOF
import json, sys
json.dump({"n": $n, "baoku": "$out", "pagefind": "$pfsite" or None, "content": "$corpus/content",
           "queries": [q.strip() for q in ("""$queries""".split(",") if "," in """$queries""" else """$queries""".split()) if q.strip()], "fileQuery": "清廉", "ui": $ui == 1,
           "out": "$work/search-$n.json"}, open(sys.argv[1], "w"), ensure_ascii=False)
EOF
    node bench/search-measure.mjs "$cfg" > "$work/search-$n.tables.md"
    tables+=("$work/search-$n.tables.md")
  fi
done

echo
echo "Baoku $(git -C "$repo" rev-parse --short HEAD), $(hugo version 2>/dev/null | cut -d' ' -f2 || echo 'no hugo'), Pagefind $("$pagefind" --version 2>/dev/null | awk '{print $2}'), $(/usr/bin/chromium --version 2>/dev/null), $(nproc) cores, $(date -u +%F)"
echo
echo "| tool | N | build | search index |"
echo "|---|---|---|---|"
printf '%s\n' "${build_rows[@]}"
for f in "${tables[@]}"; do echo; cat "$f"; done
