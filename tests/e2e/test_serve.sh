#!/usr/bin/env bash
# csto-kg serve and query --endpoint: a store served by a private Virtuoso answers as the
# embedded engine does, byte for byte; what rasqal refuses runs there; --timeout bounds an
# endpoint that never answers; SIGTERM stops Virtuoso and removes STORE.serve.
set -euo pipefail
: "${CSTO_KG:?set CSTO_KG to the csto-kg binary}" "${CSTO_TEST_DIR:?set CSTO_TEST_DIR}"
: "${CSTO_SOURCE_DIR:?set CSTO_SOURCE_DIR}"
command -v virtuoso-t >/dev/null && command -v isql-vt >/dev/null || {
  echo "skip: virtuoso-t or isql-vt not installed (apt-get install virtuoso-opensource)"
  exit 77
}
F=$CSTO_TEST_DIR/fixtures
T=$(mktemp -d)
S=$T/kg.sqlite
serve_pid=
cleanup() {
  [ -n "$serve_pid" ] && kill -TERM "$serve_pid" 2>/dev/null && wait "$serve_pid" 2>/dev/null
  rm -rf "$T"
}
trap cleanup EXIT
fail() {
  echo "FAIL: $*" >&2
  tail -n 20 "$S.virtuoso/virtuoso.log" >&2 2>/dev/null || true
  exit 1
}
expect_eq() { [ "$1" = "$2" ] || fail "$3: expected [$2], got [$1]"; }
P='PREFIX csto: <https://w3id.org/csto-kg/ontology#> PREFIX res: <https://w3id.org/csto-kg/resource/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>'

"$CSTO_KG" load --store "$S" "$F/store-a.ttl" "$F/store-b.ttl" > /dev/null
# shellcheck source=tests/e2e/serve.sh
source "$CSTO_SOURCE_DIR/tests/e2e/serve.sh"
serve_start "$S" "$T" --timeout 30
[[ $URL =~ ^http://127\.0\.0\.1:[0-9]+/sparql$ ]] || fail "endpoint URL: $URL"
grep -qx "query=$URL" "$S.serve" || fail "state file: $(cat "$S.serve")"
grep -qx "update=${URL}-auth" "$S.serve" || fail "state file update URL"
grep -qx "pid=$serve_pid" "$S.serve" || fail "state file pid"
vpid=$(pgrep -f "$S.virtuoso/virtuoso.ini") || fail "no virtuoso-t running"

# a second serve of the same store is refused
set +e
err=$("$CSTO_KG" serve --store "$S" 2>&1 >/dev/null); rc=$?
set -e
expect_eq "$rc" "2" "second serve exit"
[[ $err == *"served already at $URL"* ]] || fail "second serve message: $err"

# the same answers, printed the same, from both engines (Virtuoso's own graphs hidden)
same() {
  local what=$1 q=$2 fmt
  for fmt in table csv tsv json xml; do
    "$CSTO_KG" query --results "$fmt" --store "$S" "$q" > "$T/embedded.$fmt"
    "$CSTO_KG" query --results "$fmt" --endpoint "$URL" "$q" > "$T/served.$fmt"
    cmp -s "$T/embedded.$fmt" "$T/served.$fmt" ||
      fail "$what ($fmt) differs: $(diff "$T/embedded.$fmt" "$T/served.$fmt" | head -5)"
  done
  echo "ok: $what"
}
same "attendees per graph" "$P SELECT ?g ?p ?e WHERE { GRAPH ?g { ?p csto:attends ?e } } ORDER BY ?g ?p ?e"
same "chairs and dates" "$P SELECT ?p ?d WHERE { ?p csto:chairs ?e . ?e csto:date ?d } ORDER BY ?p"
same "labels" "$P SELECT ?s ?l WHERE { ?s rdfs:label ?l } ORDER BY ?s ?l"
same "all statements" "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
same "graphs" "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g"
expect_eq "$(cat "$T/served.table" | tail -n 1)" "(3 rows)" "only the store's graphs (merged, A, B)"

# ASK: printed and exit status
expect_eq "$("$CSTO_KG" query --endpoint "$URL" "$P ASK { res:Sergey_Lavrov csto:attends ?e }")" "true" "ASK true"
set +e
"$CSTO_KG" query --endpoint "$URL" "$P ASK { res:Vladimir_Putin csto:chairs ?e }" > "$T/ask"; rc=$?
set -e
expect_eq "$rc:$(cat "$T/ask")" "1:false" "ASK false"

# CONSTRUCT: the same serializer on both engines
Q="$P CONSTRUCT { ?p csto:attends ?e } WHERE { ?p csto:attends ?e }"
for fmt in turtle ntriples; do
  "$CSTO_KG" query --format $fmt --store "$S" "$Q" | sort > "$T/c1"
  "$CSTO_KG" query --format $fmt --endpoint "$URL" "$Q" | sort > "$T/c2"
  cmp -s "$T/c1" "$T/c2" || fail "CONSTRUCT ($fmt) differs: $(diff "$T/c1" "$T/c2" | head -5)"
done
grep -q 'resource/Vladimir_Putin> <https://w3id.org/csto-kg/ontology#attends>' "$T/c1" || fail "CONSTRUCT output: $(cat "$T/c1")"
echo "ok: CONSTRUCT"

# a property path: refused by the embedded engine, answered by Virtuoso
Q="$P SELECT DISTINCT ?p ?d WHERE { ?p csto:attends/csto:date ?d } ORDER BY ?p ?d"
set +e
err=$("$CSTO_KG" query --store "$S" "$Q" 2>&1 >/dev/null); rc=$?
set -e
expect_eq "$rc" "1" "property path on the embedded engine: exit"
[[ $err == *"property paths are refused"*"csto-kg query --endpoint URL"* ]] || fail "path refusal: $err"
out=$("$CSTO_KG" query --results csv --endpoint "$URL" "$Q" | tr -d '\r')
expect_eq "$out" "p,d
https://w3id.org/csto-kg/resource/Sergey_Lavrov,2021-09-15
https://w3id.org/csto-kg/resource/Sergey_Lavrov,2021-09-16
https://w3id.org/csto-kg/resource/Vladimir_Putin,2021-09-16" "property path on Virtuoso"
echo "ok: property path"

# a query the server refuses: its status and message, naming the endpoint
set +e
err=$("$CSTO_KG" query --endpoint "$URL" 'SELECT ?x WHERE { ?x' 2>&1 >/dev/null); rc=$?
set -e
expect_eq "$rc" "1" "syntax error exit"
[[ $err == "csto-kg: query: $URL: HTTP 400: "*"SPARQL"* ]] || fail "syntax error message: $err"

# an endpoint that takes the connection and never answers: --timeout bounds the exchange
python3 "$CSTO_SOURCE_DIR/tests/e2e/silent_listener.py" 8 > "$T/port" &
listener=$!
until [ -s "$T/port" ]; do sleep 0.1; done
port=$(cat "$T/port")
start=$(date +%s)
set +e
err=$("$CSTO_KG" query --timeout 2 --endpoint "http://127.0.0.1:$port/sparql" 'ASK {}' 2>&1); rc=$?
set -e
took=$(($(date +%s) - start))
kill $listener 2>/dev/null; wait $listener 2>/dev/null || true
expect_eq "$rc" "1" "silent endpoint exit"
[[ $err == "csto-kg: query: http://127.0.0.1:$port/sparql: "*"timed out"* ]] || fail "silent endpoint message: $err"
[ "$took" -lt 5 ] || fail "--timeout 2 took $took s"
echo "ok: --timeout on an endpoint"

# bad endpoint URLs are refused before any request, as push refuses them
for bad in ftp://h/sparql "http://dba:dba@127.0.0.1/sparql"; do
  set +e
  "$CSTO_KG" query --endpoint "$bad" 'ASK {}' 2>/dev/null; rc=$?
  set -e
  expect_eq "$rc" "2" "bad endpoint $bad"
done

# load and delete keep the served copy in step: every statement of every graph equal
same_dump() {
  local q='SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } }'
  "$CSTO_KG" query --results csv --store "$S" "$q" | sort > "$T/d1"
  "$CSTO_KG" query --results csv --endpoint "$URL" "$q" | sort > "$T/d2"
  cmp -s "$T/d1" "$T/d2" || fail "$1: store and served copy differ: $(diff "$T/d1" "$T/d2" | head -5)"
  echo "ok: in step after $1"
}
ART=$CSTO_SOURCE_DIR/examples/tass-csto-dushanbe-2021.txt
"$CSTO_KG" load --store "$S" "$ART" > /dev/null
same_dump "loading an article"
"$CSTO_KG" load --store "$S" "$ART" "$F/store-a.ttl" > /dev/null
same_dump "reloading"
"$CSTO_KG" delete --store "$S" https://w3id.org/csto-kg/resource/article_00000000000000b2 > /dev/null
same_dump "deleting an article"
[ "$(wc -l < "$T/d1")" -gt 400 ] || fail "the dump is too small to compare: $(wc -l < "$T/d1")"
# the store's owl:sameAs links follow: an undated preview linked to the dated report, then
# unlinked when the report goes
M=$CSTO_SOURCE_DIR/tests/fixtures/meetings
links() { grep -c 'resource/event_[0-9a-f]*_1,http://www.w3.org/2002/07/owl#sameAs,' "$T/d2" || true; }
"$CSTO_KG" load --store "$S" "$M/undated.txt" "$M/report.txt" > /dev/null
same_dump "linking an undated meeting"
expect_eq "$(links)" "1" "the link on Virtuoso"
report=$("$CSTO_KG" load --store "$S" "$M/report.txt" | grep -o '<[^>]*>' | tr -d '<>')
same_dump "reloading the dated report"
"$CSTO_KG" delete --store "$S" "$report" > /dev/null
same_dump "deleting the dated report"
expect_eq "$(links)" "0" "no link on Virtuoso"

# SIGTERM: Virtuoso stops, STORE.serve goes
kill -TERM "$serve_pid"
wait "$serve_pid" || fail "serve exit status after SIGTERM: $?"
serve_pid=
[ ! -e "$S.serve" ] || fail "$S.serve left behind"
kill -0 "$vpid" 2>/dev/null && fail "virtuoso-t $vpid still running"
echo "ok: serve"
