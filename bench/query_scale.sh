#!/usr/bin/env bash
# Benchmark (not a test) of issue 9: querying the graph of a growing corpus.
# Generates N distinct articles (bench/make_corpus.py: the project's own articles with
# other dates, people and URLs), then measures
#   - extraction: csto-kg extract --jsonl -f nquads (articles/s, triples/s);
#   - loading into the embedded store: csto-kg load --store S corpus.nq (triples/s);
#   - each SPARQL cookbook query on the embedded store (wall seconds, rows);
#   - when virtuoso-t and `csto-kg serve` exist: serve's bulk load of the store
#     (triples/s), each cookbook query on its endpoint (csto-kg query --endpoint), and
#     whether its answers equal the embedded ones row for row (sorted): EQUAL/DIFFERENT.
# Targets (issue 9): on the embedded store every cookbook query under 1 s at 1,000
# articles; on Virtuoso every cookbook query under 1 s at 10,000 articles and loading at
# least 50,000 triples/s; answers equal between the two engines.
#
#   bench/query_scale.sh [BUILD_DIR] [N]        N articles, default 1000
# Environment: QUERY_TIMEOUT seconds per query (default 60), SERVE_WAIT seconds for serve
# to come up (default 1800), SEED for the corpus (default 1), BENCH_KEEP=1 keeps the work
# folder (its path is printed).
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1
build=${1:-build}
n=${2:-1000}
bin=$build/csto-kg
qt=${QUERY_TIMEOUT:-60}
serve_wait=${SERVE_WAIT:-1800}
say() { printf '%s\n' "$*"; }
die() {
  say "query_scale.sh: $*" >&2
  exit 1
}
[ -x "$bin" ] || die "no $bin; build first (cmake --build $build)"
[[ $n =~ ^[1-9][0-9]*$ ]] || die "N must be a positive number, not '$n'"

W=$(mktemp -d)
serve_pid=
stop_serve() {
  [ -n "$serve_pid" ] || return 0
  if kill -0 "$serve_pid" 2> /dev/null; then
    kill "$serve_pid" 2> /dev/null
    wait "$serve_pid" 2> /dev/null
  fi
  serve_pid=
}
cleanup() {
  stop_serve
  if [ "${BENCH_KEEP:-0}" = 1 ]; then say "work folder kept: $W"; else rm -rf "$W"; fi
}
trap cleanup EXIT

now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }
rate() { awk -v n="$1" -v s="$2" 'BEGIN { printf "%.0f", (s > 0 ? n / s : 0) }'; }
# Rows of a CSV result (header excluded; quoted values may hold newlines).
rows() { python3 -c 'import csv, sys; print(max(0, sum(1 for _ in csv.reader(open(sys.argv[1], newline="")) ) - 1))' "$1"; }

say "== corpus: $n articles (bench/make_corpus.py, seed ${SEED:-1})"
t0=$(now)
python3 bench/make_corpus.py "$n" "$W/corpus.jsonl" --seed "${SEED:-1}" || die "make_corpus.py failed"
say "generated in $(secs "$t0" "$(now)") s, $(($(wc -c < "$W/corpus.jsonl") / 1024)) KiB"

say "== extract --jsonl -f nquads"
t0=$(now)
if ! "$bin" extract --jsonl -f nquads -o "$W/corpus.nq" "$W/corpus.jsonl" 2> "$W/extract.err"; then
  head -5 "$W/extract.err" >&2
  die "extraction failed"
fi
t=$(secs "$t0" "$(now)")
quads=$(wc -l < "$W/corpus.nq")
graphs=$(awk '{ print $(NF - 1) }' "$W/corpus.nq" | sort -u | wc -l)
distinct=$(sed -E 's/ <[^>]*> \.$/ ./' "$W/corpus.nq" | sort -u | wc -l)
say "extracted in $t s: $(rate "$n" "$t") articles/s, $(rate "$quads" "$t") triples/s"
say "$quads triples in $graphs article graphs ($((quads / n)) per article); $distinct distinct triples" \
  "(each stored $(awk -v a="$quads" -v b="$distinct" 'BEGIN { printf "%.2f", a / b }') times on average)"
label='<http://www.w3.org/2000/01/rdf-schema#label>'
say "rdfs:label triples: $(grep -cF " $label " "$W/corpus.nq") in the graphs," \
  "$(grep -F " $label " "$W/corpus.nq" | sed -E 's/ <[^>]*> \.$//' | sort -u | wc -l) distinct"
[ -s "$W/extract.err" ] && say "extract wrote to standard error: $(head -3 "$W/extract.err")"

say "== load --store S corpus.nq (embedded sqlite store)"
store=$W/kg.sqlite
t0=$(now)
if ! "$bin" load --store "$store" "$W/corpus.nq" > "$W/load.out" 2> "$W/load.err"; then
  head -5 "$W/load.err" >&2
  die "load failed"
fi
t=$(secs "$t0" "$(now)")
say "loaded in $t s: $(rate "$quads" "$t") triples/s of the file; load reported" \
  "$(awk '/: <[^>]*>: [0-9]+ triples \(/ { n++; for (i = 1; i <= NF; i++) if ($i == "triples") { t += $(i - 1); break } } END { printf "%d triples in %d graphs", t, n }' "$W/load.out")"
timeout "$qt" "$bin" query --store "$store" --results csv -o "$W/count.csv" \
  'SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }' 2> /dev/null &&
  stored=$(sed -n 2p "$W/count.csv" | tr -d '\r"') && say "the store holds $stored triples in its graphs"
stored=${stored:-$quads}

say "== cookbook queries"
mkdir -p "$W/q"
if compgen -G "docs/cookbook/*.rq" > /dev/null; then
  cp docs/cookbook/*.rq "$W/q/"
  say "from docs/cookbook/*.rq"
else
  # Each "<!-- cookbook: NAME -->" query of README.md, as tests/e2e/test_cookbook.sh does.
  awk -v dir="$W/q" '
    /^<!-- cookbook: / { name = $3; next }
    name && /^```sparql/ { file = dir "/" name ".rq"; next }
    file && /^```/ { close(file); file = ""; name = ""; next }
    file { print > file }' README.md
  say "from README.md"
fi
rm -f "$W"/q/federated*.rq # needs the network (Wikidata), not a measure of our engines
queries=()
for f in "$W"/q/*.rq; do
  case $f in *.embedded.rq) continue ;; esac # the embedded engine's form of a question
  [ -e "$f" ] && queries+=("$(basename "$f" .rq)")
done
[ ${#queries[@]} -gt 0 ] || die "no cookbook queries found"

# run_query NAME TAG ARGS...: time one query into $W/NAME.TAG.csv; prints "secs rows status".
# The embedded engine (tag emb) runs the question's embedded form when it has one.
run_query() {
  local name=$1 tag=$2 rc t0 t file=$W/q/$1.rq
  shift 2
  [ "$tag" = emb ] && [ -e "$W/q/$name.embedded.rq" ] && file=$W/q/$name.embedded.rq
  t0=$(now)
  timeout -k 5 $((qt + 10)) "$bin" query "$@" --timeout "$qt" --file "$file" \
    --results csv -o "$W/$name.$tag.csv" 2> "$W/$name.$tag.err"
  rc=$?
  t=$(secs "$t0" "$(now)")
  if [ $rc -eq 0 ]; then
    printf '%s %s ok\n' "$t" "$(rows "$W/$name.$tag.csv")"
  elif [ $rc -eq 124 ] || [ $rc -eq 137 ] || grep -qi 'timeout\|timed out' "$W/$name.$tag.err"; then
    printf '%s - TIMEOUT(%ss)\n' "$t" "$qt"
  else
    printf '%s - FAILED(%s)\n' "$t" "$(head -1 "$W/$name.$tag.err" | cut -c1-100)"
  fi
}
verdict() { awk -v s="$1" 'BEGIN { print (s + 0 < 1 ? "under 1 s" : "OVER 1 s") }'; }

say "embedded store, $n articles (target: each under 1 s at 1,000 articles; timeout ${qt} s):"
printf '  %-12s %8s %8s  %s\n' query seconds rows status
for q in "${queries[@]}"; do
  read -r t r st <<< "$(run_query "$q" emb --store "$store")"
  [ "$st" = ok ] && st="ok, $(verdict "$t")"
  printf '  %-12s %8s %8s  %s\n' "$q" "$t" "$r" "$st"
done

# ---- serve (Virtuoso) -----------------------------------------------------------------------

# Same rows, in any order: the CSV records of both files compared after sorting.
same_rows() {
  python3 - "$1" "$2" << 'PY'
import csv, sys
rows = [sorted(map(tuple, list(csv.reader(open(p, newline="")))[1:])) for p in sys.argv[1:]]
sys.exit(0 if rows[0] == rows[1] else 1)
PY
}

say "== serve (Virtuoso)"
if ! command -v virtuoso-t > /dev/null; then
  say "skipped: virtuoso-t is not installed (Debian: virtuoso-opensource)"
  exit 0
fi
if ! "$bin" serve --help > /dev/null 2>&1; then
  say "skipped: this csto-kg has no 'serve' command yet"
  exit 0
fi
t0=$(now)
"$bin" serve --store "$store" > "$W/serve.out" 2> "$W/serve.err" &
serve_pid=$!
url=
for ((i = 0; i < serve_wait * 10; i++)); do
  url=$(grep -Eo 'https?://[^[:space:]]+' "$W/serve.out" | head -1)
  [ -n "$url" ] && [ -e "$store.serve" ] && break
  if ! kill -0 "$serve_pid" 2> /dev/null; then
    wait "$serve_pid"
    rc=$?
    url=$(grep -Eo 'https?://[^[:space:]]+' "$W/serve.out" | head -1)
    [ $rc -eq 0 ] && [ -n "$url" ] && break # serve went to the background itself
    say "serve failed (exit $rc): $(head -3 "$W/serve.err")"
    serve_pid=
    exit 1
  fi
  sleep 0.1
done
[ -n "$url" ] || die "serve printed no endpoint URL within $serve_wait s"
t=$(secs "$t0" "$(now)")
say "serve up at $url in $t s (start and bulk load): $(rate "$stored" "$t") triples/s" \
  "(target: at least 50,000)"
say "Virtuoso, $n articles (target: each under 1 s at 10,000 articles; answers equal to embedded):"
printf '  %-12s %8s %8s  %-28s %s\n' query seconds rows status "vs embedded"
for q in "${queries[@]}"; do
  read -r t r st <<< "$(run_query "$q" virt --endpoint "$url")"
  [ "$st" = ok ] && st="ok, $(verdict "$t")"
  if [ ! -s "$W/$q.emb.csv" ] || [ ! -s "$W/$q.virt.csv" ]; then
    cmp="not compared (a side has no answer)"
  elif same_rows "$W/$q.emb.csv" "$W/$q.virt.csv"; then
    cmp=EQUAL
  else
    cmp=DIFFERENT
  fi
  printf '  %-12s %8s %8s  %-28s %s\n' "$q" "$t" "$r" "$st" "$cmp"
done
