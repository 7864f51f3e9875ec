#!/usr/bin/env bash
# Benchmark (not a test): load N generated triples (default 100000; half literals, one
# article node so they land in one article graph) into a fresh SQLite store with
# `csto-kg load`, then load the same file again (replace), and count with SPARQL.
#
#   bench/store_load.sh [BUILD_DIR] [TRIPLES]     e.g. bench/store_load.sh build 100000
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
n=${2:-100000}
bin=$build/csto-kg
[ -x "$bin" ] || { echo "store_load.sh: no $bin; build first" >&2; exit 1; }
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT

awk -v n="$n" 'BEGIN {
  r = "https://w3id.org/csto-kg/resource/"; o = "https://w3id.org/csto-kg/ontology#"
  print "<" r "article_bench> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <" o "Article> ."
  for (i = 1; i < n; i++) {
    s = "<" r "entity_" int(i / 10) ">"
    if (i % 2) print s " <" o "p" (i % 7) "> <" r "entity_" int(i / 3) "> ."
    else print s " <http://www.w3.org/2000/01/rdf-schema#label> \"Label number " i "\"@en ."
  }
}' > "$T/bench.nt"
echo "generated $(wc -l < "$T/bench.nt") triples, $(du -h "$T/bench.nt" | cut -f1) N-Triples"

secs() { /usr/bin/python3 -c 'import sys; print(f"{float(sys.argv[2]) - float(sys.argv[1]):.2f}")' "$@"; }
now() { date +%s.%N; }

t0=$(now)
"$bin" load --store "$T/kg.sqlite" "$T/bench.nt"
t1=$(now)
"$bin" load --store "$T/kg.sqlite" "$T/bench.nt" > /dev/null
t2=$(now)
"$bin" query --store "$T/kg.sqlite" --results csv 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }' \
  | tr -d '\r' | tail -n 1 > "$T/count"
t3=$(now)
echo "first load (new store):   $(secs "$t0" "$t1") s"
echo "reload (replace graph):   $(secs "$t1" "$t2") s"
echo "SPARQL COUNT(*):          $(secs "$t2" "$t3") s ($(cat "$T/count") triples)"
echo "store size:               $(du -h "$T/kg.sqlite" | cut -f1)"
