#!/usr/bin/env bash
# Site-build benchmark: Baoku against Hugo on the same synthetic corpus, in the same run.
#
#   bash bench/build-bench.sh [--sizes "1000 10000 50000"] [--work DIR] [--hugo-full-max N] [--no-hugo]
#
# For each size N it
#   1. writes a corpus with ../shared/bench/make-corpus.py DIR --articles N --seed 1 (kept in --work and reused);
#   2. builds it with Baoku (Release build of generator/, this repo's site.yml and templates/): a cold build into an
#      empty output folder, then a full rebuild over it (--full), and checks that the rebuild's files are
#      byte-identical; then the incremental builds (build cache in WORK/cache): a rebuild with nothing changed, one
#      article's title edited (the result compared with a full build of the edited corpus), the edit undone (the
#      result compared with the cold build), and one template edited; each with its ratio to the cold build;
#   3. builds it with Hugo through ../shared/bench/hugo-compare.sh: "full" (with related articles, as Baoku does)
#      up to --hugo-full-max articles (default 20000; Hugo's related block did not finish 50k in 21 minutes, see
#      ANCHORS.md), and "none" (no related articles) at every size;
#   4. prints wall, user and sys seconds, peak RSS, pages (index.html files), files, and the ratio Baoku/Hugo.
# Run it on an otherwise idle machine: the figures are single runs, and only the ratios mean anything.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
shared=$(cd "$repo/../shared/bench" 2>/dev/null && pwd || echo /work/shared/bench)

sizes="1000 10000 50000"; work=/tmp/baoku-bench; hugo_full_max=20000; hugo=1
while [[ $# -gt 0 ]]; do
  case "$1" in
    --sizes) sizes=$2; shift 2;;
    --work) work=$2; shift 2;;
    --hugo-full-max) hugo_full_max=$2; shift 2;;
    --no-hugo) hugo=0; shift;;
    -h|--help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0;;
    *) echo "unknown option: $1" >&2; exit 2;;
  esac
done
[[ -x "$shared/make-corpus.py" ]] || { echo "no corpus generator at $shared/make-corpus.py" >&2; exit 2; }

# GNU time for peak memory; Debian's hugo for the reference.
need=()
[[ -x /usr/bin/time ]] || need+=(time)
[[ $hugo == 0 ]] || command -v hugo >/dev/null || need+=(hugo)
if [[ ${#need[@]} -gt 0 ]]; then
  echo "installing ${need[*]} (apt-get)…"
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}"; } >/dev/null
fi

mkdir -p "$work"
# A snapshot of the site settings and templates, so that editing the repo during a long run changes nothing.
site="$work/site"; rm -rf "$site"; mkdir -p "$site"
cp site.yml "$site/site.yml"; cp -r templates "$site/templates"
bin="$work/baoku-bin"
echo "building Baoku (Release)…"
dotnet publish generator -c Release -o "$bin" --nologo -v q >/dev/null
baoku="$bin/baoku"

timefmt='%e %U %S %M'
# tree_digest DIR: one hash over every file's path and content, to compare two builds.
tree_digest() { (cd "$1" && find . -type f -print0 | sort -z | xargs -0 sha1sum | sha1sum | cut -c1-16); }
pages() { find "$1" -name index.html | wc -l; }
files() { find "$1" -type f | wc -l; }
mib() { echo $(( $1 / 1024 )); }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'; }

rows=()
row() { rows+=("$(printf '| %-22s | %6s | %8s | %7s | %6s | %7s | %7s | %s |' "$@")"); echo "${rows[-1]}"; }

for n in $sizes; do
  corpus="$work/corpus-$n"
  if [[ ! -f "$corpus/.complete" ]]; then
    echo "writing corpus of $n articles…"
    rm -rf "$corpus"
    python3 "$shared/make-corpus.py" "$corpus" --articles "$n" --seed 1 >/dev/null
    touch "$corpus/.complete"
  fi

  out="$work/baoku-out-$n"
  rm -rf "$out"
  echo "Baoku, $n articles, cold…"
  /usr/bin/time -f "$timefmt" -o "$work/t" "$baoku" build --content "$corpus/content" --site "$site/site.yml" \
    --templates "$site/templates" -o "$out" --cache "$work/cache" --full -q 2>"$work/baoku-$n.log" || { echo "Baoku failed at $n:"; tail "$work/baoku-$n.log"; exit 1; }
  read -r bw bu bs brss < "$work/t"
  digest1=$(tree_digest "$out")
  bpages=$(pages "$out"); bfiles=$(files "$out")
  row "baoku cold" "$n" "$bw" "$bu" "$bs" "$(mib "$brss")" "$bpages" "$bfiles"

  echo "Baoku, $n articles, rebuild…"
  /usr/bin/time -f "$timefmt" -o "$work/t" "$baoku" build --content "$corpus/content" --site "$site/site.yml" \
    --templates "$site/templates" -o "$out" --cache "$work/cache" --full -q 2>>"$work/baoku-$n.log" || { echo "Baoku rebuild failed at $n:"; tail "$work/baoku-$n.log"; exit 1; }
  read -r rw ru rs rrss < "$work/t"
  digest2=$(tree_digest "$out")
  same=$([[ "$digest1" == "$digest2" ]] && echo "byte-identical" || echo "DIFFERENT")
  row "baoku rebuild ($same)" "$n" "$rw" "$ru" "$rs" "$(mib "$rrss")" "$(pages "$out")" "$(files "$out")"
  peak=$(( brss > rrss ? brss : rrss ))

  # Incremental builds over the same output with the cache the full rebuild left.
  incremental() {  # label, then compare-with digest
    /usr/bin/time -f "$timefmt" -o "$work/t" "$baoku" build --content "$corpus/content" --site "$site/site.yml" \
      --templates "$site/templates" -o "$out" --cache "$work/cache" 2>>"$work/baoku-$n.log" >"$work/inc-$n.out" \
      || { echo "Baoku incremental build failed at $n:"; tail "$work/baoku-$n.log"; exit 1; }
    read -r iw iu is irss < "$work/t"
    local same; same=$([[ "$(tree_digest "$out")" == "$2" ]] && echo "byte-identical" || echo "DIFFERENT")
    row "baoku $1 ($same)" "$n" "$iw" "$iu" "$is" "$(mib "$irss")" "$(pages "$out")" "$(files "$out")"
    rows+=("|   → $1: $(tail -n 1 "$work/inc-$n.out" | sed 's/ → .*//'); time ratio to the cold build $(ratio "$iw" "$bw") |")
    echo "${rows[-1]}"
  }
  incremental "no change" "$digest1"
  article=$(find "$corpus/content" -name '*.md' | sort | sed -n 1p)   # (head would end sort early: SIGPIPE under pipefail)
  cp "$article" "$work/article.bak"
  sed -i '0,/^title:/s/^title: .*/title: 增量构建基准改动的标题/' "$article"
  fullref="$work/baoku-full-$n"; rm -rf "$fullref"
  "$baoku" build --content "$corpus/content" --site "$site/site.yml" --templates "$site/templates" -o "$fullref" -q --cache "$work/cache-ref" --full 2>>"$work/baoku-$n.log"
  incremental "one title edited" "$(tree_digest "$fullref")"
  rm -rf "$fullref"
  cp "$work/article.bak" "$article"
  incremental "edit undone" "$digest1"
  tsite="$work/site-template-edit"; rm -rf "$tsite"; cp -r "$site" "$tsite"
  sed -i 's#</body>#<!-- bench edit --></body>#' "$tsite/templates/layouts/base.sbn-html"
  "$baoku" build --content "$corpus/content" --site "$tsite/site.yml" --templates "$tsite/templates" -o "$fullref" -q --cache "$work/cache-ref" --full 2>>"$work/baoku-$n.log"
  tdigest=$(tree_digest "$fullref"); rm -rf "$fullref"
  /usr/bin/time -f "$timefmt" -o "$work/t" "$baoku" build --content "$corpus/content" --site "$tsite/site.yml" \
    --templates "$tsite/templates" -o "$out" --cache "$work/cache" 2>>"$work/baoku-$n.log" >"$work/inc-$n.out"
  read -r iw iu is irss < "$work/t"
  same=$([[ "$(tree_digest "$out")" == "$tdigest" ]] && echo "byte-identical" || echo "DIFFERENT")
  row "baoku template edited ($same)" "$n" "$iw" "$iu" "$is" "$(mib "$irss")" "$(pages "$out")" "$(files "$out")"
  rows+=("|   → template edited: $(tail -n 1 "$work/inc-$n.out" | sed 's/ → .*//'); time ratio to the cold build $(ratio "$iw" "$bw") |")
  echo "${rows[-1]}"
  rm -rf "$tsite"
  under=$([[ $peak -lt 1048576 ]] && echo "yes" || echo "NO")

  hf=""; hn=""
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
      [[ $v == full ]] && hf=$hw || hn=$hw
    done
  fi
  rows+=("|   → N=$n: Baoku/Hugo full $(ratio "$bw" "$hf"), Baoku/Hugo none $(ratio "$bw" "$hn"); Baoku peak $(mib "$peak") MiB, under 1 GiB: $under |")
done

echo
echo "Baoku $(git -C "$repo" rev-parse --short HEAD), $(hugo version 2>/dev/null | cut -d' ' -f2 || echo 'no hugo'), $(nproc) cores, $(date -u +%F)"
echo "| run                    | N      | wall s   | user s  | sys s  | RSS MiB | pages   | files |"
echo "|------------------------|--------|----------|---------|--------|---------|---------|-------|"
printf '%s\n' "${rows[@]}"
