#!/usr/bin/env bash
# Import benchmark: pages per second and peak memory of `baoku import` on N generated raw pages.
#
#   bash bench/import-bench.sh [--pages N] [--work DIR] [--runs R] [--reimport]
#
# 1. Generates N raw pages (default 1000) in WORK/pages by copying the seed pages (seeds/) and the invented corpus
#    (tests/Fixtures/Papers/**/*.txt) round-robin under new file names, each copy lightly varied so that no two pages
#    are the same text: the day numbers of its datelines (N月D日) are shifted, and on the web pages (one paragraph a
#    line) two body paragraphs swap places. Gold and sidecar files are not copied.
# 2. Builds Baoku (dotnet publish -c Release) and runs `baoku import` on the pages into a fresh content folder,
#    under GNU time (/usr/bin/time -v), R times (default 1), with BAOKU_TIMINGS=1 so that the importer prints how
#    long loading the Chinese segmenter and writing content/ took (one line each on stderr).
# 3. Prints wall seconds, pages/s, articles written, peak RSS, the segmenter's load time and the time spent writing
#    content/ (deciding, writing and committing every file and the manifest) for each run. With --reimport each run
#    imports the same pages a second time into the content folder it just wrote (every file unchanged) and prints
#    that import's wall seconds and content-writing time too.
# The machine is shared: run it when it is otherwise idle; the figures are single runs.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD

n=1000; work=/tmp/baoku-import-bench; runs=1; reimport=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --pages) n=$2; shift 2;;
    --work) work=$2; shift 2;;
    --runs) runs=$2; shift 2;;
    --reimport) reimport=1; shift;;
    -h|--help) sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'; exit 0;;
    *) echo "unknown option: $1" >&2; exit 2;;
  esac
done

if [[ ! -x /usr/bin/time ]]; then
  echo "installing time (apt-get)…"
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq time; } >/dev/null
fi

mkdir -p "$work"
pages="$work/pages"; rm -rf "$pages"; mkdir -p "$pages"

# The source pages, in a fixed order.
mapfile -t sources < <( (ls seeds/*.txt; find tests/Fixtures/Papers -name '*.txt') | sort )
[[ ${#sources[@]} -gt 0 ]] || { echo "no source pages" >&2; exit 2; }

echo "generating $n pages from ${#sources[@]} sources…"
python3 - "$n" "$pages" "${sources[@]}" <<'PY'
import os, re, sys
n, out, sources = int(sys.argv[1]), sys.argv[2], sys.argv[3:]
texts = [open(s, encoding='utf-8', newline='').read() for s in sources]
for i in range(n):
    k = i % len(sources)
    text, shift = texts[k], i // len(sources)
    # Shift the day of every "N月D日" dateline by the copy number (kept within 1..28).
    text = re.sub(r'(\d{1,2})月(\d{1,2})日',
                  lambda m: f'{m.group(1)}月{(int(m.group(2)) - 1 + shift) % 28 + 1}日', text)
    # Web pages (long lines, one paragraph each): swap two paragraphs of the second half.
    lines = text.split('\n')
    long = [j for j, l in enumerate(lines) if len(l) > 60]
    if shift % 2 == 1 and len(long) >= 4:
        a, b = long[len(long) // 2], long[-1]
        lines[a], lines[b] = lines[b], lines[a]
    stem = re.sub(r'[^0-9A-Za-z]+', '-', os.path.splitext(sources[k])[0]).strip('-')
    with open(os.path.join(out, f'{i:05d}-{stem}.txt'), 'w', encoding='utf-8', newline='') as f:
        f.write('\n'.join(lines))
PY

bin="$work/baoku-bin"
echo "building Baoku (Release)…"
dotnet publish generator -c Release -o "$bin" --nologo -v q >/dev/null
cp site.yml "$work/site.yml"

printf '%-4s %8s %9s %9s %9s %14s %14s\n' run wall_s pages/s articles rss_MiB segmenter_load content_write
for r in $(seq 1 "$runs"); do
  rm -rf "$work/content" "$work/report.md"
  BAOKU_TIMINGS=1 /usr/bin/time -v -o "$work/time.txt" \
    "$bin/baoku" import "$pages" --content "$work/content" --report "$work/report.md" --site "$work/site.yml" \
    --keep-going -q 2> "$work/stderr.txt" || true
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$work/time.txt")
  rss=$(awk -F': ' '/Maximum resident set size/ { print int($2 / 1024) }' "$work/time.txt")
  articles=$(find "$work/content" -name '*.md' 2>/dev/null | wc -l)
  load=$(grep -oE 'segmenter loaded in [0-9.]+ ms' "$work/stderr.txt" | grep -oE '[0-9.]+' | head -1 || true)
  write=$(grep -oE 'content written in [0-9.]+ ms' "$work/stderr.txt" | grep -oE '[0-9.]+' | head -1 || true)
  rate=$(awk -v n="$n" -v w="$wall" 'BEGIN { printf "%.0f", n / w }')
  printf '%-4s %8s %9s %9s %9s %14s %14s\n' "$r" "$wall" "$rate" "$articles" "$rss" "${load:+$load ms}" "${write:+$write ms}"
  if [[ $reimport == 1 ]]; then
    BAOKU_TIMINGS=1 /usr/bin/time -v -o "$work/time.txt" \
      "$bin/baoku" import "$pages" --content "$work/content" --report "$work/report.md" --site "$work/site.yml" \
      --keep-going -q 2> "$work/stderr-again.txt" || true
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$work/time.txt")
    write=$(grep -oE 'content written in [0-9.]+ ms' "$work/stderr-again.txt" | grep -oE '[0-9.]+' | head -1 || true)
    printf '%-4s %8s %9s %9s %9s %14s %14s\n' "${r}re" "$wall" "" "" "" "" "${write:+$write ms}"
  fi
done
grep -vE 'segmenter loaded|content written' "$work/stderr.txt" | head -5 || true
