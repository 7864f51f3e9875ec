#!/usr/bin/env bash
# Benchmark (not a test) of issue 11: extraction throughput, as markdown tables.
# Makes ARTICLES distinct articles (bench/make_corpus.py: the project's own articles with
# other dates, people and URLs) and measures, over RUNS interleaved runs (medians):
#   - csto-kg extract --jsonl for N-Triples, N-Quads and Turtle, with the provenance graph
#     (the default), with --no-provenance, and with each --provenance value when the
#     build's `extract --help` lists that option: CPU seconds (user + sys), MB of article
#     text (the articles' "text" bytes, not the JSON) per CPU second, triples per CPU
#     second, peak RSS, and output bytes per byte of article text;
#   - the same N-Triples run (default provenance) with -j 2, when the build's
#     `extract --help` lists --jobs: its wall time and speedup over -j 1 (the output must
#     be the same bytes);
#   - the fwrite floor: bench/fwrite_floor.c writing the same N-Triples bytes line by line;
#   - compromise (npm, the JavaScript NLP library) finding people, places and
#     organizations in the same texts (bench/compromise.mjs), when node and npm exist;
# then, once each: peak RSS over ten times the articles (N-Triples; memory must stay flat),
# one 4 MB article (the corpus's texts as a single article), and the bundled sample
# article's wall-clock time (median of 20 runs).
#
#   bench/throughput.sh [OPTIONS] [BUILD_DIR]        BUILD_DIR defaults to build
#     -r, --runs N          interleaved runs per measure (default 3)
#     -n, --articles N      corpus size (default 2800)
#     --no-large            skip the ten-times corpus
#     --no-compromise       skip compromise
# Environment: SEED for the corpus (default 1); PROVENANCE_VALUES="a b" overrides the
# --provenance values read from --help; BENCH_CACHE is where compromise is installed
# (default ${XDG_CACHE_HOME:-$HOME/.cache}/csto-kg-bench, never the repository).
set -euo pipefail
cd "$(dirname "$0")/.."
say() { printf '%s\n' "$*"; }
die() {
  say "throughput.sh: $*" >&2
  exit 1
}

runs=3
n=2800
large=1
compromise=1
build=build
while [ $# -gt 0 ]; do
  case $1 in
    -r | --runs) runs=${2:-}; shift 2 || die "$1 needs a number" ;;
    -n | --articles) n=${2:-}; shift 2 || die "$1 needs a number" ;;
    --no-large) large=0; shift ;;
    --no-compromise) compromise=0; shift ;;
    -h | --help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    -*) die "unknown option $1 (see --help)" ;;
    *) build=$1; shift ;;
  esac
done
bin=$build/csto-kg
seed_article=examples/tass-csto-dushanbe-2021.txt
[ -x "$bin" ] || die "no $bin; build first (cmake --build $build)"
[[ $runs =~ ^[1-9][0-9]*$ ]] || die "RUNS must be a positive number, not '$runs'"
[[ $n =~ ^[1-9][0-9]*$ ]] || die "ARTICLES must be a positive number, not '$n'"
[ -x /usr/bin/time ] || die "needs GNU time as /usr/bin/time (Debian: time)"

W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT

# timed FILE CMD...: run CMD, its "wall user sys maxrss_kb" into FILE; dies on failure.
timed() {
  local out=$1
  shift
  if ! /usr/bin/time -f '%e %U %S %M' -o "$out" "$@" > "$W/cmd.out" 2> "$W/cmd.err"; then
    head -5 "$W/cmd.err" >&2
    die "failed: $*"
  fi
  tail -1 "$out" > "$out.tmp" && mv "$out.tmp" "$out"
}
# The median of the numbers on standard input, one a line.
median() { sort -g | awk '{ a[NR] = $1 } END { print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }
# Statements of an N-Triples or N-Quads file: its lines that are neither blank nor comments.
statements() { grep -cv '^[[:space:]]*\(#\|$\)' "$1" || true; }

# ---- corpus ------------------------------------------------------------------------------

python3 bench/make_corpus.py "$n" "$W/corpus.jsonl" --seed "${SEED:-1}"
text_bytes() { python3 -c 'import json, sys; print(sum(len(json.loads(l)["text"].encode()) for l in open(sys.argv[1], encoding="utf-8") if l.strip()))' "$1"; }
text=$(text_bytes "$W/corpus.jsonl")

# ---- configurations ----------------------------------------------------------------------

# Provenance variants: the default, --no-provenance, and the values of --provenance (read
# from --help, each kept only if extract accepts it on the sample article).
help=$("$bin" extract --help 2>&1 || true)
variants=("")
grep -q -- '--no-provenance' <<< "$help" && variants+=("--no-provenance")
if [ -n "${PROVENANCE_VALUES+x}" ]; then
  candidates=$PROVENANCE_VALUES
else
  # The option's line and its indented continuation lines; every word there is a candidate.
  candidates=$(awk '
    /(^|[ ,])--provenance([ =[]|$)/ { on = 1; print; next }
    on && /^      +[^ -]/ { print; next }
    { on = 0 }' <<< "$help" |
    sed 's/--provenance//g' | grep -o '[a-z][a-z0-9-]*' | sort -u || true)
fi
for v in $candidates; do
  if "$bin" extract --provenance "$v" -f ntriples -o "$W/probe.nt" "$seed_article" > /dev/null 2>&1; then
    variants+=("--provenance $v")
  fi
done

parallel=0
grep -q -- '--jobs' <<< "$help" && parallel=1

configs=()
for fmt in ntriples nquads turtle; do
  for v in "${variants[@]}"; do configs+=("$fmt|$v"); done
done
label() { # label FMT VARIANT
  printf '%s, %s' "$1" "${2:-provenance (default)}"
}
file_of() { # a file name for FMT VARIANT
  printf '%s%s' "$1" "$(tr -c 'a-z0-9\n' _ <<< "$2")"
}

have_compromise=0
cache=${BENCH_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/csto-kg-bench}
if [ $compromise = 1 ]; then
  if ! command -v node > /dev/null || ! command -v npm > /dev/null; then
    say "note: node or npm is missing; compromise is skipped" >&2
  else
    case $(realpath -m "$cache")/ in
      "$(pwd -P)"/*) die "BENCH_CACHE ($cache) is inside the repository" ;;
    esac
    mkdir -p "$cache"
    if [ ! -d "$cache/node_modules/compromise" ]; then
      npm install --prefix "$cache" --no-audit --no-fund --no-save --silent compromise@14 > /dev/null ||
        die "npm install compromise into $cache failed"
    fi
    have_compromise=1
    compromise_version=$(node -p 'require(process.argv[1]).version' "$cache/node_modules/compromise/package.json")
  fi
fi

# ---- interleaved runs --------------------------------------------------------------------

# results.tsv: name, CPU s, wall s, peak RSS KB, output bytes, statements
: > "$W/results.tsv"
record() { # record NAME TIMEFILE OUTBYTES STATEMENTS
  local wall user sys kb
  read -r wall user sys kb < "$2"
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')" \
    "$wall" "$kb" "$3" "$4" >> "$W/results.tsv"
}
cc -O2 -o "$W/fwrite_floor" bench/fwrite_floor.c
for ((r = 1; r <= runs; r++)); do
  say "run $r of $runs" >&2
  for c in "${configs[@]}"; do
    fmt=${c%%|*} v=${c#*|}
    out=$W/$(file_of "$fmt" "$v").out
    # shellcheck disable=SC2086 # the variant is zero, one or two words
    timed "$W/t" "$bin" extract --jsonl -f "$fmt" $v -o "$out" "$W/corpus.jsonl"
    st=-
    [ "$fmt" = turtle ] || st=$(statements "$out")
    record "$(label "$fmt" "$v")" "$W/t" "$(stat -c %s "$out")" "$st"
    if [ "$fmt" = ntriples ]; then
      floor=$("$W/fwrite_floor" "$out" "$W/floor.out") || die "fwrite_floor failed"
      rm -f "$W/floor.out"
      printf '%s\t%s\t-\t-\t%s\t%s\n' "fwrite floor: $(label "$fmt" "$v") output" "${floor%% *}" \
        "$(stat -c %s "$out")" "$(statements "$out")" >> "$W/results.tsv"
    fi
  done
  if [ $parallel = 1 ]; then
    one=$W/$(file_of ntriples "").out
    timed "$W/t" "$bin" extract --jsonl -j 2 -f ntriples -o "$W/j2.out" "$W/corpus.jsonl"
    cmp -s "$one" "$W/j2.out" || die "extract -j 2 wrote other bytes than -j 1"
    record "$(label ntriples ""), -j 2" "$W/t" "$(stat -c %s "$W/j2.out")" "$(statements "$W/j2.out")"
  fi
  if [ $have_compromise = 1 ]; then
    timed "$W/t" node bench/compromise.mjs "$cache" "$W/corpus.jsonl"
    compromise_counts=$(cat "$W/cmd.out")
    record "compromise $compromise_version (people, places, organizations)" "$W/t" - -
  fi
done
# Turtle's statements are those of the N-Triples output of the same variant.
for v in "${variants[@]}"; do
  nt=$(statements "$W/$(file_of ntriples "$v").out")
  awk -F'\t' -v OFS='\t' -v l="$(label turtle "$v")" -v n="$nt" '$1 == l { $6 = n } 1' \
    "$W/results.tsv" > "$W/r.tmp" && mv "$W/r.tmp" "$W/results.tsv"
done
rm -f "$W"/*.out

# ---- the other measures ------------------------------------------------------------------

if [ $large = 1 ]; then
  say "ten times the articles" >&2
  python3 bench/make_corpus.py $((n * 10)) "$W/large.jsonl" --seed "${SEED:-1}"
  large_text=$(text_bytes "$W/large.jsonl")
  timed "$W/t.large" "$bin" extract --jsonl -f ntriples -o "$W/large.nt" "$W/large.jsonl"
  large_statements=$(statements "$W/large.nt")
  rm -f "$W/large.nt" "$W/large.jsonl"
fi

say "one 4 MB article" >&2
python3 - "$W/corpus.jsonl" "$W/big.jsonl" << 'PY'
import json, sys
parts, size, first = [], 0, None
for line in open(sys.argv[1], encoding="utf-8"):
    a = json.loads(line)
    first = first or a
    parts.append(a["text"])
    size += len(a["text"].encode()) + 2
    if size >= 4 << 20:
        break
big = {"id": "bench-big", "url": "https://bench.csto-kg.example/big", "date": first["date"],
       "text": "\n\n".join(parts)}
open(sys.argv[2], "w", encoding="utf-8").write(json.dumps(big, ensure_ascii=False) + "\n")
PY
big_text=$(text_bytes "$W/big.jsonl")
timed "$W/t.big" "$bin" extract --jsonl -f ntriples -o "$W/big.nt" "$W/big.jsonl"
big_statements=$(statements "$W/big.nt")
rm -f "$W/big.nt"

say "the sample article, 20 runs" >&2
: > "$W/seed.ns"
for ((i = 0; i < 20; i++)); do
  t0=$(date +%s%N)
  "$bin" extract -o "$W/seed.ttl" "$seed_article" || die "extract $seed_article failed"
  echo $(($(date +%s%N) - t0)) >> "$W/seed.ns"
done

# ---- tables ------------------------------------------------------------------------------

rev=$(git describe --always --dirty 2> /dev/null || echo unknown)
btype=$(sed -n 's/^CMAKE_BUILD_TYPE:[A-Z]*=//p' "$build/CMakeCache.txt" 2> /dev/null || true)
say
say "### csto-kg extract throughput ($rev, ${btype:-unknown} build, $(nproc) cores)"
say
say "$n articles (bench/make_corpus.py, seed ${SEED:-1}): $(awk -v b="$text" 'BEGIN { printf "%.2f", b / 1e6 }') MB" \
  "of article text, $(awk -v b="$(stat -c %s "$W/corpus.jsonl")" 'BEGIN { printf "%.2f", b / 1e6 }') MB of JSON Lines;" \
  "medians of $runs interleaved runs. MB/s and triples/s are per CPU second (user + sys)."
say
python3 - "$W/results.tsv" "$text" << 'PY'
import statistics, sys
rows, text = {}, int(sys.argv[2])
for line in open(sys.argv[1]):
    name, *vals = line.rstrip("\n").split("\t")
    rows.setdefault(name, []).append(vals)
def med(vals, i):
    xs = [float(v[i]) for v in vals if v[i] != "-"]
    return statistics.median(xs) if xs else None
def fmt(x, spec):
    return "–" if x is None else format(x, spec)
print("| run | CPU s | wall s | MB/s (text) | triples/s | peak RSS MB | out B / text B |")
print("|---|---:|---:|---:|---:|---:|---:|")
for name, vals in rows.items():
    cpu, wall, kb, out, st = (med(vals, i) for i in range(5))
    print(f"| {name} | {fmt(cpu, '.3f' if cpu is not None and cpu < 1 else '.2f')} | {fmt(wall, '.2f')} | {fmt(text / 1e6 / cpu if cpu else None, '.2f')} "
          f"| {fmt(st / cpu if st and cpu else None, ',.0f')} | {fmt(kb / 1024 if kb else None, '.1f')} "
          f"| {fmt(out / text if out else None, '.1f')} |")
PY
if [ $parallel = 1 ]; then
  one=$(label ntriples "")
  wall() { awk -F'\t' -v l="$1" '$1 == l { print $3 }' "$W/results.tsv" | median; }
  w1=$(wall "$one") w2=$(wall "$one, -j 2")
  say
  say "-j 2 ($one): wall $w2 s against $w1 s with -j 1, a speedup of" \
    "$(awk -v a="$w1" -v b="$w2" 'BEGIN { printf "%.2f", a / b }')x on $(nproc) cores (medians)."
fi
if [ $have_compromise = 1 ]; then
  say
  say "compromise found (last run): $compromise_counts."
elif [ $compromise = 1 ]; then
  say
  say "compromise: skipped (node or npm missing)."
fi

# one_row NAME TIMEFILE TEXTBYTES STATEMENTS: a row of the single-run table.
one_row() {
  python3 - "$@" << 'PY'
import sys
name, timefile, text, st = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
wall, user, sys_, kb = (float(x) for x in open(timefile).read().split())
cpu = user + sys_
print(f"| {name} | {text / 1e6:.2f} | {cpu:.2f} | {wall:.2f} | {text / 1e6 / cpu:.2f} | {st / cpu:,.0f} | {kb / 1024:.1f} |")
PY
}
say
say "### Single runs (N-Triples, provenance)"
say
say "| run | text MB | CPU s | wall s | MB/s (text) | triples/s | peak RSS MB |"
say "|---|---:|---:|---:|---:|---:|---:|"
if [ $large = 1 ]; then
  small_kb=$(awk -F'\t' -v l="$(label ntriples "")" '$1 == l { print $4 }' "$W/results.tsv" | median)
  one_row "$((n * 10)) articles (peak RSS vs $(awk -v k="$small_kb" 'BEGIN { printf "%.1f", k / 1024 }') MB at $n)" \
    "$W/t.large" "$large_text" "$large_statements"
fi
one_row "one article of $(awk -v b="$big_text" 'BEGIN { printf "%.1f", b / 1048576 }') MiB" "$W/t.big" "$big_text" "$big_statements"
say
say "The sample article ($seed_article, Turtle, provenance): median wall clock of 20 runs" \
  "$(median < "$W/seed.ns" | awk '{ printf "%.0f", $1 / 1e6 }') ms."
