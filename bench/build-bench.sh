#!/usr/bin/env bash
# Site-build benchmark at archive scale: Baoku against Hugo on the same synthetic corpus, in the same run.
#
#   bash bench/build-bench.sh [--sizes "1000 10000 100000 300000"] [--work DIR] [--hugo-full-max N] [--no-hugo]
#                             [--no-rebuild] [--browser-sizes "10000 100000"] [--queries "清廉 开发区 营商环境"]
#                             [--timeout SECONDS] [--plot FILE.svg] [--table FILE.md]
#
# For each size N it
#   1. writes a corpus with ../shared/bench/make-corpus.py DIR --articles N --seed 1 (kept in --work and reused);
#   2. builds it with Baoku (Release build of generator/, this repo's site.yml and templates/): a cold build into an
#      empty output folder (wall, user, sys, peak RSS by GNU time; files and bytes of the output and of search/);
#      unless --no-rebuild, a full rebuild over it (--full), checked byte-identical; then the incremental builds
#      (build cache in WORK/cache), each compared byte-for-byte with a full build of the same inputs and given as a
#      ratio to the cold build: nothing changed; one article's title edited; the edit undone; one day (30 new
#      articles dated the day after the corpus's last day) added; the day removed again; one template edited;
#   3. (right after the cold build, before the rebuilds) at the sizes in --browser-sizes (default "10000 100000"), runs bench/search-measure.mjs (headless
#      /usr/bin/chromium, playwright-core from bench/tools) on the cold output for --queries: the first query's bytes
#      fetched and the time to the first result, for a cold page (?q= in the address) and typed on an open page;
#   4. builds it with Hugo through ../shared/bench/hugo-compare.sh: "full" (with related articles, as Baoku does)
#      up to --hugo-full-max articles (default 20000; Hugo's related block did not finish 50k in 21 minutes, see
#      ANCHORS.md), and "none" (no related articles) at every size;
#   5. prints every run, then a summary table; one line per size goes to WORK/results.tsv (a later run's line for the
#      same N replaces the earlier one), from which bench/bench-plot.py writes the Markdown table (--table) and an SVG
#      plot of cold time and peak RSS against N (--plot). Both are rewritten after each size, so a run stopped half
#      way keeps what it measured.
# A Baoku build that fails or passes --timeout (default none) is recorded as such (exit status, time, RSS) and the
# size's other steps are skipped. Run it on an otherwise idle machine: the figures are single runs, and only the
# ratios mean anything.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
shared=$(cd "$repo/../shared/bench" 2>/dev/null && pwd || echo /work/shared/bench)

sizes="1000 10000 50000"; work=/tmp/baoku-bench; hugo_full_max=20000; hugo=1; rebuild=1
browser_sizes="10000 100000"; queries="清廉 开发区 营商环境"; limit=0; plot=""; table=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --sizes) sizes=$2; shift 2;;
    --work) work=$2; shift 2;;
    --hugo-full-max) hugo_full_max=$2; shift 2;;
    --no-hugo) hugo=0; shift;;
    --no-rebuild) rebuild=0; shift;;
    --browser-sizes) browser_sizes=$2; shift 2;;
    --queries) queries=$2; shift 2;;
    --timeout) limit=$2; shift 2;;
    --plot) plot=$2; shift 2;;
    --table) table=$2; shift 2;;
    -h|--help) sed -n '2,28p' "$0" | sed 's/^# \{0,1\}//'; exit 0;;
    *) echo "unknown option: $1" >&2; exit 2;;
  esac
done
[[ -x "$shared/make-corpus.py" ]] || { echo "no corpus generator at $shared/make-corpus.py" >&2; exit 2; }
plot=${plot:-$work/build-bench.svg}; table=${table:-$work/build-bench.md}

# GNU time for peak memory; Debian's hugo for the reference.
need=()
[[ -x /usr/bin/time ]] || need+=(time)
[[ $hugo == 0 ]] || command -v hugo >/dev/null || need+=(hugo)
if [[ ${#need[@]} -gt 0 ]]; then
  echo "installing ${need[*]} (apt-get)…"
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}"; } >/dev/null
fi
if [[ -n "$browser_sizes" ]]; then
  [[ -x /usr/bin/chromium ]] || { echo "no /usr/bin/chromium (apt-get install chromium), or pass --browser-sizes ''" >&2; exit 2; }
  # playwright-core as pinned in bench/tools/package-lock.json (no browser download: /usr/bin/chromium).
  if ! cmp -s bench/tools/package-lock.json bench/tools/node_modules/.installed-lock.json 2>/dev/null; then
    echo "installing bench/tools (npm ci)…"
    (cd bench/tools && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund >/dev/null && cp package-lock.json node_modules/.installed-lock.json)
  fi
fi

mkdir -p "$work"
# A snapshot of the site settings and templates, so that editing the repo during a long run changes nothing.
site="$work/site"; rm -rf "$site"; mkdir -p "$site"
cp site.yml "$site/site.yml"; cp -r templates "$site/templates"
bin="$work/baoku-bin"
echo "building Baoku (Release)…"
dotnet publish generator -c Release -o "$bin" --nologo -v q >/dev/null
baoku="$bin/baoku"
commit=$(git -C "$repo" rev-parse --short HEAD)$(git -C "$repo" diff --quiet HEAD -- generator templates site.yml || echo "+dirty")

timefmt='%e %U %S %M'
# tree_digest DIR: one hash over every file's path and content, to compare two builds.
tree_digest() { (cd "$1" && find . -type f -print0 | sort -z | xargs -0 sha1sum | sha1sum | cut -c1-16); }
pages() { find "$1" -name index.html | wc -l; }
files() { find "$1" -type f | wc -l; }
bytes() { find "$1" -type f -printf '%s\n' | awk '{ s += $1 } END { printf "%.0f\n", s }'; }
mib() { echo $(( $1 / 1024 )); }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.3f", a / b; else print "-" }'; }

rows=()
row() { rows+=("$(printf '| %-22s | %6s | %8s | %7s | %6s | %7s | %7s | %s |' "$@")"); echo "${rows[-1]}"; }
note() { rows+=("|   → $*"); echo "${rows[-1]}"; }

# timed LOG ARGS…: runs baoku ARGS under GNU time (and --timeout); sets tw tu ts trss trc. Never exits the script.
timed() {
  local log=$1; shift
  local pre=(); [[ $limit -gt 0 ]] && pre=(timeout -s KILL "$limit")
  set +e
  /usr/bin/time -f "$timefmt" -o "$work/t" "${pre[@]}" "$baoku" "$@" >>"$log.out" 2>>"$log"
  trc=$?
  set -e
  read -r tw tu ts trss < <(tail -n 1 "$work/t")
}
build() {  # build SITE_DIR OUT CACHE [extra args]: the common arguments
  local s=$1 o=$2 c=$3; shift 3
  echo --content "$corpus/content" --site "$s/site.yml" --templates "$s/templates" -o "$o" --cache "$c" "$@"
}

# The corpus is edited in place for the incremental cases; put it back however the script ends.
restore() {
  [[ -n "${article:-}" && -f "$work/article.bak" ]] && cp "$work/article.bak" "$article"
  [[ -n "${corpus:-}" ]] && find "$corpus/content" -name 'bench-day-*.md' -delete 2>/dev/null
  rm -f "$work/article.bak"; article=""
}
trap restore EXIT

# result line fields (results.tsv): see bench/bench-plot.py.
record() {
  python3 - "$work/results.tsv" "$@" <<'PY'
import sys
path, fields = sys.argv[1], sys.argv[2:]
try: lines = [l for l in open(path, encoding="utf-8").read().splitlines() if l and l.split("\t")[0] != fields[0]]
except FileNotFoundError: lines = []
lines.append("\t".join(fields))
lines.sort(key=lambda l: int(l.split("\t")[0]))
open(path, "w", encoding="utf-8").write("\n".join(lines) + "\n")
PY
  python3 "$repo/bench/bench-plot.py" "$work/results.tsv" --svg "$plot" --md "$table"
}

for n in $sizes; do
  corpus="$work/corpus-$n"
  if [[ ! -f "$corpus/.complete" ]]; then
    echo "writing corpus of $n articles…"
    rm -rf "$corpus"
    python3 "$shared/make-corpus.py" "$corpus" --articles "$n" --seed 1 >/dev/null
    touch "$corpus/.complete"
  fi
  restore
  md_bytes=$(bytes "$corpus/content")
  log="$work/baoku-$n.log"; : >"$log"; : >"$log.out"
  # One result line per size; "-" where not measured.
  declare -A R=([n]=$n [commit]=$commit [date]="$(date -u +%FT%RZ)" [load]="$(cut -d' ' -f1-3 /proc/loadavg)" [md_bytes]=$md_bytes)
  for k in cold_s cold_user cold_sys rss_kb out_files out_bytes search_files search_bytes rebuild_s edit_s edit_same \
           day_s day_same template_s template_same hugo_none_s hugo_none_rss hugo_full_s hugo_full_rss \
           q cold_first_ms cold_bytes typed_first_ms typed_bytes open_first_ms open_bytes status; do R[$k]=-; done
  emit() {
    record "${R[n]}" "${R[commit]}" "${R[date]}" "${R[load]}" "${R[md_bytes]}" "${R[cold_s]}" "${R[rss_kb]}" \
      "${R[out_files]}" "${R[out_bytes]}" "${R[search_files]}" "${R[search_bytes]}" "${R[rebuild_s]}" \
      "${R[edit_s]}" "${R[edit_same]}" "${R[day_s]}" "${R[day_same]}" "${R[template_s]}" "${R[template_same]}" \
      "${R[hugo_none_s]}" "${R[hugo_none_rss]}" "${R[hugo_full_s]}" "${R[hugo_full_rss]}" \
      "${R[q]}" "${R[cold_first_ms]}" "${R[cold_bytes]}" "${R[open_first_ms]}" "${R[open_bytes]}" \
      "${R[typed_first_ms]}" "${R[typed_bytes]}" "${R[status]}"
  }

  out="$work/baoku-out-$n"
  rm -rf "$out" "$work/cache"
  echo "Baoku, $n articles, cold…"
  timed "$log" build $(build "$site" "$out" "$work/cache" --full -q)
  if [[ $trc != 0 ]]; then
    R[status]="cold build FAILED: exit $trc after $tw s, peak RSS $(mib "$trss") MiB$([[ $trc == 137 && $limit -gt 0 ]] && echo " (killed at --timeout $limit s, or by the OOM killer)")"
    R[cold_s]=$tw; R[rss_kb]=$trss
    row "baoku cold FAILED ($trc)" "$n" "$tw" "$tu" "$ts" "$(mib "$trss")" "-" "-"
    note "$(tail -n 3 "$log" | tr '\n' ' ')"
    emit; continue
  fi
  bw=$tw; brss=$trss; R[cold_s]=$tw; R[cold_user]=$tu; R[cold_sys]=$ts; R[rss_kb]=$trss; R[status]=ok
  digest1=$(tree_digest "$out")
  R[out_files]=$(files "$out"); R[out_bytes]=$(bytes "$out")
  R[search_files]=$(files "$out/search"); R[search_bytes]=$(bytes "$out/search")
  row "baoku cold" "$n" "$bw" "$tu" "$ts" "$(mib "$brss")" "$(pages "$out")" "${R[out_files]}"
  note "output $(( R[out_bytes] / 1048576 )) MiB in ${R[out_files]} files; search/ $(( R[search_bytes] / 1048576 )) MiB in ${R[search_files]} files; Markdown $(( md_bytes / 1048576 )) MiB (search/ is $(ratio "${R[search_bytes]}" "$md_bytes")× the Markdown)"
  emit
  peak=$brss

  # The browser and Hugo first, so that a long run stopped half way has them: the output is still the cold build's.
  if [[ " $browser_sizes " == *" $n "* ]]; then
    echo "browser, $n articles…"
    cfg="$work/browser-$n.config.json"
    python3 - "$cfg" "$n" "$out" "$corpus/content" "$queries" "$work/browser-$n.json" <<'PY'
import json, sys
cfg, n, out, content, queries, res = sys.argv[1:]
json.dump({"n": int(n), "baoku": out, "pagefind": None, "content": content, "queries": queries.split(),
           "fileQuery": queries.split()[0], "ui": False, "out": res}, open(cfg, "w"), ensure_ascii=False)
PY
    if node bench/search-measure.mjs "$cfg" > "$work/browser-$n.md" 2>"$work/browser-$n.log"; then
      read -r q c1 cb o1 ob t1 tb < <(python3 - "$work/browser-$n.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[1], encoding="utf-8")); q = r["queries"][0]
b, o, t = r["baoku"][q], r["baokuOpen"][q], r["baokuTyped"][q]
print(q, round(b["firstMs"]), b["indexBytes"], round(o["firstMs"]), o["bytes"], round(t["firstMs"]), t["bytes"])
PY
)
      R[q]=$q; R[cold_first_ms]=$c1; R[cold_bytes]=$cb; R[open_first_ms]=$o1; R[open_bytes]=$ob; R[typed_first_ms]=$t1; R[typed_bytes]=$tb
      note "search \"$q\" at $n: cold page ${c1} ms to the first result, ${cb} index bytes; open page ${o1} ms, ${ob} bytes; typed ${t1} ms, ${tb} bytes (all queries: $work/browser-$n.md)"
    else
      note "browser measurement failed at $n: $(tail -n 2 "$work/browser-$n.log" | tr '\n' ' ')"
    fi
    emit
  fi

  if [[ $hugo == 1 ]]; then
    variants=(none); [[ $n -le $hugo_full_max ]] && variants=(full none)
    for v in "${variants[@]}"; do
      echo "Hugo $v, $n articles, cold…"
      if [[ $v == none ]]; then
        HUGO_PARAMS_RELATEDINDICES=" " bash "$shared/hugo-compare.sh" "$corpus" > "$work/hugo-$v-$n.log"
      else
        bash "$shared/hugo-compare.sh" "$corpus" > "$work/hugo-$v-$n.log"
      fi
      t=$(grep '^time:' "$work/hugo-$v-$n.log")
      hw=$(sed 's/.*wall_s=\([0-9.]*\).*/\1/' <<<"$t"); hu=$(sed 's/.*user_s=\([0-9.]*\).*/\1/' <<<"$t")
      hs=$(sed 's/.*sys_s=\([0-9.]*\).*/\1/' <<<"$t"); hr=$(sed 's/.*maxrss_kb=\([0-9]*\).*/\1/' <<<"$t")
      row "hugo $v cold" "$n" "$hw" "$hu" "$hs" "$(mib "$hr")" "$(pages "$corpus/public")" "$(files "$corpus/public")"
      R[hugo_${v}_s]=$hw; R[hugo_${v}_rss]=$hr
    done
    note "N=$n: Baoku/Hugo full $(ratio "$bw" "${R[hugo_full_s]/-/0}"), Baoku/Hugo none $(ratio "$bw" "${R[hugo_none_s]/-/0}")"
    emit
  fi


  if [[ $rebuild == 1 ]]; then
    echo "Baoku, $n articles, rebuild…"
    timed "$log" build $(build "$site" "$out" "$work/cache" --full -q)
    same=$([[ $trc == 0 && "$digest1" == "$(tree_digest "$out")" ]] && echo "byte-identical" || echo "DIFFERENT, exit $trc")
    row "baoku rebuild ($same)" "$n" "$tw" "$tu" "$ts" "$(mib "$trss")" "$(pages "$out")" "$(files "$out")"
    note "--full rebuild over the site: time ratio to the cold build $(ratio "$tw" "$bw")"
    R[rebuild_s]=$tw; peak=$(( trss > peak ? trss : peak ))
  fi

  # reference LABEL SITE_DIR: a full build of the current inputs into a fresh folder; prints its digest.
  reference() {
    local ref="$work/baoku-ref-$n"; rm -rf "$ref"
    echo "  (full build of the same inputs, for the comparison)" >&2
    "$baoku" build $(build "$2" "$ref" "$work/cache-ref" --full -q) >>"$log.out" 2>>"$log" || { echo "reference build failed ($1)" >&2; echo none; return; }
    tree_digest "$ref"; rm -rf "$ref"
  }
  # incremental LABEL SITE_DIR DIGEST KEY: an incremental build over the output with the cache; compared with DIGEST.
  incremental() {
    : >"$log.out"
    timed "$log" build $(build "$2" "$out" "$work/cache")
    local same; same=$([[ $trc == 0 && "$(tree_digest "$out")" == "$3" ]] && echo "byte-identical" || echo "DIFFERENT, exit $trc")
    row "baoku $1 ($same)" "$n" "$tw" "$tu" "$ts" "$(mib "$trss")" "$(pages "$out")" "$(files "$out")"
    note "$1: $(tail -n 1 "$log.out" | sed 's/ → .*//'); time ratio to the cold build $(ratio "$tw" "$bw")"
    peak=$(( trss > peak ? trss : peak ))
    if [[ -n "${4:-}" ]]; then R[${4}_s]=$tw; R[${4}_same]=$([[ $same == byte-identical ]] && echo yes || echo NO); fi
  }
  incremental "no change" "$site" "$digest1"

  article=$(find "$corpus/content" -name '*.md' | sort | sed -n 1p)   # (head would end sort early: SIGPIPE under pipefail)
  cp "$article" "$work/article.bak"
  sed -i '0,/^title:/s/^title: .*/title: 增量构建基准改动的标题/' "$article"
  incremental "one title edited" "$site" "$(reference edit "$site")" edit
  cp "$work/article.bak" "$article"
  incremental "edit undone" "$site" "$digest1"

  # One day's paper: 30 articles dated the day after the corpus's last day, made from the first 30 articles
  # (new slug and title, same body), in that day's month folder.
  last=$(grep -rh --include='*.md' -m1 '^date:' "$corpus/content" | sed 's/^date: *//' | sort | tail -n 1)
  day=$(date -u -d "$last + 1 day" +%F)
  dir="$corpus/content/${day:0:4}/${day:5:2}"; mkdir -p "$dir"
  k=0
  while read -r src; do
    k=$((k + 1))
    sed -e "0,/^title:/s/^title: \(.*\)/title: 新一天第${k}篇：\1/" -e "0,/^date:/s/^date: .*/date: $day/" \
        -e "0,/^slug:/s/^slug: .*/slug: bench-day-$k/" "$src" > "$dir/bench-day-$k.md"
  done < <(find "$corpus/content" -name 'a-*.md' | sort | sed -n 1,30p)
  incremental "one day added (30 articles, $day)" "$site" "$(reference day "$site")" day
  find "$corpus/content" -name 'bench-day-*.md' -delete; rmdir "$dir" 2>/dev/null || true
  incremental "day removed" "$site" "$digest1"

  tsite="$work/site-template-edit"; rm -rf "$tsite"; cp -r "$site" "$tsite"
  sed -i 's#</body>#<!-- bench edit --></body>#' "$tsite/templates/layouts/base.sbn-html"
  incremental "template edited" "$tsite" "$(reference template "$tsite")" template
  rm -rf "$tsite"
  note "N=$n: Baoku peak RSS $(mib "$peak") MiB over all its builds, under 1 GiB: $([[ $peak -lt 1048576 ]] && echo yes || echo NO)"
  emit

done

echo
echo "Baoku $commit, $(hugo version 2>/dev/null | cut -d' ' -f2 || echo 'no hugo'), $(nproc) cores, $(date -u +%F)"
echo "| run                    | N      | wall s   | user s  | sys s  | RSS MiB | pages   | files |"
echo "|------------------------|--------|----------|---------|--------|---------|---------|-------|"
printf '%s\n' "${rows[@]}"
echo
cat "$table"
echo
echo "plot: $plot; table: $table"
