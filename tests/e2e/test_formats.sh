#!/usr/bin/env bash
# Every output format parses back with raptor to the same triples; N-Quads put each
# article in its own named graph; several articles stream as JSON Lines.
source "$(dirname "$0")/lib.sh"
seed=$CSTO_SOURCE_DIR/examples/tass-csto-dushanbe-2021.txt

# canonical SYNTAX FILE: the triples as sorted N-Triples (graph names dropped)
canonical() { rapper -q -i "$1" -o ntriples "$2" - | sort -u; }

"$CSTO_KG" extract -f ntriples -o "$WORK/seed.nt" "$seed"
canonical ntriples "$WORK/seed.nt" > "$WORK/reference"
check "the reference has the graph" test "$(wc -l < "$WORK/reference")" -gt 300
for pair in turtle:turtle rdfxml:rdfxml json:json nquads:nquads trig:trig ttl:turtle nt:ntriples nq:nquads rdf:rdfxml; do
  format=${pair%%:*} syntax=${pair##*:}
  "$CSTO_KG" extract -f "$format" -o "$WORK/seed.$format" "$seed"
  canonical "$syntax" "$WORK/seed.$format" > "$WORK/$format.canon"
  check "$format parses back to the same triples" cmp -s "$WORK/reference" "$WORK/$format.canon"
done
check "an unknown format is refused" bash -c "! '$CSTO_KG' extract -f jsonx '$seed' 2>'$WORK/err'"
check "the refusal lists the formats" grep -q "formats: turtle (ttl), ntriples (nt), nquads (nq), trig" "$WORK/err"
"$CSTO_KG" extract -f dot -o "$WORK/seed.dot" "$seed"
check "dot is a Graphviz digraph" grep -q '^digraph' "$WORK/seed.dot"
check "dot renders" dot -Tsvg -o "$WORK/seed.svg" "$WORK/seed.dot"

# Two articles as JSON Lines, written as N-Quads: two named graphs, one per article.
python3 - "$seed" "$CSTO_SOURCE_DIR/tests/articles/05-rferl-csto-moscow-2009.txt" > "$WORK/feed.jsonl" <<'PY'
import json, sys
for i, path in enumerate(sys.argv[1:]):
    head, body = open(path, encoding="utf-8").read().split("\n---\n", 1)
    date = [l[6:] for l in head.splitlines() if l.startswith("date: ")][0]
    print(json.dumps({"text": body, "date": date, "url": f"https://example.org/{i}"}))
PY
"$CSTO_KG" extract --jsonl -f nquads -o "$WORK/feed.nq" "$WORK/feed.jsonl"
graphs=$(awk '{print $(NF-1)}' "$WORK/feed.nq" | sort -u | wc -l)
check "two articles, two named graphs" test "$graphs" -eq 2
check "N-Quads parse" rapper -q -i nquads -c "$WORK/feed.nq"
"$CSTO_KG" extract --jsonl -f trig -o "$WORK/feed.trig" "$WORK/feed.jsonl"
check "two articles in TriG: the same quads as N-Quads" \
  cmp -s <(rapper -q -i nquads -o nquads "$WORK/feed.nq" | sort) <(rapper -q -i trig -o nquads "$WORK/feed.trig" | sort)
"$CSTO_KG" load --store "$WORK/trig.sqlite" "$WORK/feed.trig" > "$WORK/trig.out"
"$CSTO_KG" load --store "$WORK/nq.sqlite" "$WORK/feed.nq" > "$WORK/nq.out"
check "TriG loads both articles into a store" test "$(grep -c 'triples (' "$WORK/trig.out")" -eq 2
check "TriG loads into a store as N-Quads do" \
  cmp -s <(sed 's/^[^:]*: //' "$WORK/trig.out") <(sed 's/^[^:]*: //' "$WORK/nq.out")

# Several articles in a format that holds one document: one valid document with every
# article's triples, not one document per article glued together.
"$CSTO_KG" extract --jsonl -f ntriples -o "$WORK/feed.nt" "$WORK/feed.jsonl"
canonical ntriples "$WORK/feed.nt" | sort -u > "$WORK/feed.reference"
for pair in rdfxml:rdfxml json:json; do
  format=${pair%%:*} syntax=${pair##*:}
  "$CSTO_KG" extract --jsonl -f "$format" -o "$WORK/feed.$format" "$WORK/feed.jsonl"
  canonical "$syntax" "$WORK/feed.$format" | sort -u > "$WORK/feed.$format.canon"
  check "two articles in $format: one document with both articles' triples" \
    cmp -s "$WORK/feed.reference" "$WORK/feed.$format.canon"
done
"$CSTO_KG" extract --jsonl -f dot -o "$WORK/feed.dot" "$WORK/feed.jsonl"
check "two articles in dot: one digraph" test "$(grep -c '^digraph' "$WORK/feed.dot")" -eq 1
finish
