#!/usr/bin/env bash
# csto-kg query over graph files: every results format, ASK exit codes, CONSTRUCT,
# N-Quads graphs, --file, -o, and clean failures.
set -euo pipefail
: "${CSTO_KG:?set CSTO_KG to the csto-kg binary}" "${CSTO_TEST_DIR:?set CSTO_TEST_DIR}"
F=$CSTO_TEST_DIR/fixtures
A=$F/store-a.ttl
B=$F/store-b.ttl
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
P='PREFIX csto: <https://w3id.org/csto-kg/ontology#> PREFIX res: <https://w3id.org/csto-kg/resource/>'

fail() { echo "FAIL: $*" >&2; exit 1; }
expect_eq() { [ "$1" = "$2" ] || fail "$3: expected [$2], got [$1]"; }

CHAIRS="$P SELECT ?p WHERE { ?p csto:chairs ?e } ORDER BY ?p"

# table (default): header, rule, prefixed names, row count
out=$("$CSTO_KG" query "$CHAIRS" "$A" "$B")
expect_eq "$out" "?p
------------------------
res:Emomali_Rahmon
res:Sirojiddin_Muhriddin
(2 rows)" "table"

# csv / tsv
out=$("$CSTO_KG" query --results csv "$CHAIRS" "$A" "$B" | tr -d '\r')
expect_eq "$out" "p
https://w3id.org/csto-kg/resource/Emomali_Rahmon
https://w3id.org/csto-kg/resource/Sirojiddin_Muhriddin" "csv"
out=$("$CSTO_KG" query --results tsv "$CHAIRS" "$A" "$B")
expect_eq "$out" "?p
<https://w3id.org/csto-kg/resource/Emomali_Rahmon>
<https://w3id.org/csto-kg/resource/Sirojiddin_Muhriddin>" "tsv"

# json: parse it and read the values
"$CSTO_KG" query --results json "$CHAIRS" "$A" "$B" > "$T/r.json"
out=$(/usr/bin/python3 -c 'import json,sys
d = json.load(open(sys.argv[1]))
print(d["head"]["vars"], [b["p"]["value"].rsplit("/", 1)[1] for b in d["results"]["bindings"]])' "$T/r.json")
expect_eq "$out" "['p'] ['Emomali_Rahmon', 'Sirojiddin_Muhriddin']" "json"

# xml: well-formed SPARQL results
"$CSTO_KG" query --results xml "$CHAIRS" "$A" "$B" > "$T/r.xml"
out=$(/usr/bin/python3 -c 'import sys, xml.etree.ElementTree as E
ns = {"s": "http://www.w3.org/2005/sparql-results#"}
r = E.parse(sys.argv[1]).getroot()
print(len(r.findall("s:results/s:result", ns)))' "$T/r.xml")
expect_eq "$out" "2" "xml rows"

# ASK: prints true/false, exit 0/1
out=$("$CSTO_KG" query "$P ASK { res:Sergey_Lavrov csto:attends res:event_CSTO_2021-09-15 }" "$A")
expect_eq "$out" "true" "ASK true"
set +e
out=$("$CSTO_KG" query "$P ASK { res:Vladimir_Putin csto:attends ?e }" "$A")
rc=$?
set -e
expect_eq "$rc:$out" "1:false" "ASK false"
"$CSTO_KG" query "$P ASK { res:Vladimir_Putin csto:attends ?e }" "$A" "$B" > /dev/null \
  || fail "ASK over both files"

# CONSTRUCT: Turtle by default (re-parses), N-Triples on request
"$CSTO_KG" query "$P CONSTRUCT { ?p csto:attends ?e } WHERE { ?p csto:attends ?e }" "$A" "$B" \
  > "$T/c.ttl"
n=$(rapper -i turtle -c "$T/c.ttl" 2>&1 | sed -n 's/.*returned \([0-9]*\) triple.*/\1/p')
expect_eq "$n" "3" "CONSTRUCT triples"
grep -q '^@prefix csto: <https://w3id.org/csto-kg/ontology#> \.$' "$T/c.ttl" || fail "prefixes"
out=$("$CSTO_KG" query --format ntriples \
  "$P CONSTRUCT { ?p csto:chairs ?e } WHERE { ?p csto:chairs ?e }" "$A")
expect_eq "$out" "<https://w3id.org/csto-kg/resource/Sirojiddin_Muhriddin> <https://w3id.org/csto-kg/ontology#chairs> <https://w3id.org/csto-kg/resource/event_CSTO_2021-09-15> ." "CONSTRUCT ntriples"

# N-Quads: each graph is a named graph
cat > "$T/g.nq" <<'NQ'
<http://e/a> <http://e/p> "one" <http://e/g1> .
<http://e/b> <http://e/p> "two" <http://e/g2> .
NQ
out=$("$CSTO_KG" query --results csv 'SELECT ?g ?o WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g' \
  "$T/g.nq" | tr -d '\r')
expect_eq "$out" "g,o
http://e/g1,one
http://e/g2,two" "nquads graphs"

# --file and -o (written whole, nothing on stdout)
printf '%s\nSELECT (COUNT(*) AS ?n) WHERE { ?s csto:attends ?o }\n' "$P" > "$T/q.rq"
out=$("$CSTO_KG" query --file "$T/q.rq" --results csv -o "$T/out.csv" "$A" "$B")
expect_eq "$out" "" "stdout with -o"
expect_eq "$(tr -d '\r' < "$T/out.csv")" "n
3" "--file count"

# failures: syntax error, bad file, missing file, bad option, no files -> clean message
set +e
err=$("$CSTO_KG" query 'SELECT ?x WHERE { ?x' "$A" 2>&1 >/dev/null); rc=$?
expect_eq "$rc" "1" "syntax error exit"
[[ $err == "csto-kg: query: SPARQL line 1: syntax error"* ]] || fail "syntax error message: $err"
printf '<http://e/a> <http://e/p> "x .\n' > "$T/bad.nt"
err=$("$CSTO_KG" query 'ASK {}' "$T/bad.nt" 2>&1 >/dev/null); rc=$?
expect_eq "$rc" "1" "bad file exit"
[[ $err == "csto-kg: query: $T/bad.nt:1: "* ]] || fail "bad file message: $err"
err=$("$CSTO_KG" query 'ASK {}' "$T/missing.ttl" 2>&1 >/dev/null); rc=$?
expect_eq "$rc" "1" "missing file exit"
[[ $err == *"missing.ttl: No such file or directory" ]] || fail "missing file message: $err"
"$CSTO_KG" query --results yaml 'ASK {}' "$A" 2>/dev/null; expect_eq "$?" "2" "bad format"
"$CSTO_KG" query 'ASK {}' 2>/dev/null; expect_eq "$?" "2" "no files"
"$CSTO_KG" query --results csv -o "$T/never.csv" 'SELECT ?x WHERE {' "$A" 2>/dev/null
ls "$T" | grep -q never && fail "-o file (or its temporary) left on failure"
# A SERVICE whose server takes the connection and never answers: the query gives up after
# --timeout, leaving no output file. The server is a loopback listener that stops itself.
python3 "$CSTO_SOURCE_DIR/tests/e2e/silent_listener.py" 6 > "$T/port" &
listener=$!
until [ -s "$T/port" ]; do sleep 0.1; done
port=$(cat "$T/port")
start=$(date +%s)
err=$("$CSTO_KG" query --timeout 2 -o "$T/service.csv" \
  "SELECT * WHERE { SERVICE <http://127.0.0.1:$port/sparql> { ?s ?p ?o } }" "$A" 2>&1); rc=$?
took=$(($(date +%s) - start))
kill $listener 2>/dev/null; wait $listener 2>/dev/null || true
expect_eq "$rc" "1" "a SERVICE that never answers: exit"
expect_eq "$err" "csto-kg: query: no answer within --timeout seconds" "a SERVICE that never answers: message"
[ "$took" -lt 5 ] || fail "--timeout 2 took $took s"
ls "$T" | grep -q service && fail "a timed-out query left its output or a temporary"
"$CSTO_KG" query --timeout 0 'ASK {}' "$A" 2>/dev/null; expect_eq "$?" "2" "--timeout 0"
set -e
echo "ok: query CLI"
