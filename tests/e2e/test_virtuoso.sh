#!/usr/bin/env bash
# csto-kg push into a real triplestore: a private Virtuoso (scripts/virtuoso.sh) on
# loopback ports, written with the Graph Store HTTP Protocol (digest auth, dba/dba from
# the environment), read back with SPARQL over HTTP.
set -euo pipefail
: "${CSTO_KG:?set CSTO_KG to the csto-kg binary}" "${CSTO_TEST_DIR:?set CSTO_TEST_DIR}"
: "${CSTO_SOURCE_DIR:?set CSTO_SOURCE_DIR}"
F=$CSTO_TEST_DIR/fixtures
A=$F/store-a.ttl
B=$F/store-b.ttl
ART_A=https://w3id.org/csto-kg/resource/article_00000000000000a1
ART_B=https://w3id.org/csto-kg/resource/article_00000000000000b2
V=$(mktemp -d)
cleanup() {
  "$CSTO_SOURCE_DIR/scripts/virtuoso.sh" stop "$V" || true
  rm -rf "$V"
}
trap cleanup EXIT

fail() {
  echo "FAIL: $*" >&2
  tail -n 20 "$V/virtuoso.log" >&2 2>/dev/null || true
  exit 1
}
expect_eq() { [ "$1" = "$2" ] || fail "$3: expected [$2], got [$1]"; }

"$CSTO_SOURCE_DIR/scripts/virtuoso.sh" start "$V" > /dev/null
# shellcheck disable=SC1091
. "$V/env"
GSP=$VIRTUOSO_URL/sparql-graph-crud-auth
export CSTO_KG_USER=dba CSTO_KG_PASSWORD=dba

# SPARQL over HTTP; CSV without the header, quotes and CRs.
sparql() {
  curl -sS --fail --max-time 30 -G -H 'Accept: text/csv' --data-urlencode "query=$1" \
    "$VIRTUOSO_URL/sparql" | tr -d '\r"' | tail -n +2
}
count_graph() { sparql "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <$1> { ?s ?p ?o } }"; }
P='PREFIX csto: <https://w3id.org/csto-kg/ontology#> PREFIX res: <https://w3id.org/csto-kg/resource/>'

# push both articles: each into its article graph (201 Created)
out=$("$CSTO_KG" push --endpoint "$GSP" "$A" "$B")
expect_eq "$out" "pushed $A: 44 triples to <$ART_A> (HTTP 201)
pushed $B: 31 triples to <$ART_B> (HTTP 201)" "push output"
expect_eq "$(count_graph "$ART_A")" "44" "graph A size"
expect_eq "$(count_graph "$ART_B")" "31" "graph B size"

# specific facts, in the right graph (and not in the other one)
expect_eq "$(sparql "$P SELECT ?g WHERE { GRAPH ?g { res:Sirojiddin_Muhriddin csto:chairs res:event_CSTO_2021-09-15 } }")" \
  "$ART_A" "chairs fact graph"
expect_eq "$(sparql "$P SELECT ?p WHERE { GRAPH <$ART_B> { ?p csto:attends ?e } } ORDER BY ?p" | tr '\n' ' ')" \
  "https://w3id.org/csto-kg/resource/Sergey_Lavrov https://w3id.org/csto-kg/resource/Vladimir_Putin " \
  "attendees in graph B"
expect_eq "$(sparql "$P SELECT ?d WHERE { GRAPH <$ART_A> { res:event_CSTO_2021-09-15 csto:date ?d } }")" \
  "2021-09-15" "event date"
# JSON results, as a client would read them (Virtuoso says typed-literal for dates)
curl -sS --fail -G -H 'Accept: application/sparql-results+json' \
  --data-urlencode "query=$P SELECT ?m WHERE { GRAPH <$ART_B> { ?a csto:attendee res:Vladimir_Putin ; csto:mode ?m } }" \
  "$VIRTUOSO_URL/sparql" > "$V/r.json"
out=$(/usr/bin/python3 -c 'import json,sys
print([b["m"]["value"] for b in json.load(open(sys.argv[1]))["results"]["bindings"]])' "$V/r.json")
expect_eq "$out" "['https://w3id.org/csto-kg/ontology#Remote']" "attendance mode (json)"

# push A again: replaced (200), not duplicated
out=$("$CSTO_KG" push --endpoint "$GSP" "$A")
expect_eq "$out" "pushed $A: 44 triples to <$ART_A> (HTTP 200)" "second push"
expect_eq "$(count_graph "$ART_A")" "44" "graph A size after second push"
expect_eq "$(count_graph "$ART_B")" "31" "graph B untouched"

# a new version replaces the old facts
sed -e '/csto:chairs/d' "$A" > "$V/a-v2.ttl"
"$CSTO_KG" push --endpoint "$GSP" "$V/a-v2.ttl" > /dev/null
expect_eq "$(count_graph "$ART_A")" "43" "graph A after new version"
expect_eq "$(sparql "$P ASK { GRAPH <$ART_A> { ?p csto:chairs ?e } }")" "0" "old fact gone"

# --graph: all files as one graph
out=$("$CSTO_KG" push --endpoint "$GSP" --graph urn:csto-kg:test:all "$A" "$B")
expect_eq "$out" "pushed 2 files: 68 triples to <urn:csto-kg:test:all> (HTTP 201)" "merged push"
expect_eq "$(count_graph urn:csto-kg:test:all)" "68" "merged graph (shared triples once)"

# a broken file: clean error naming it, non-zero exit, nothing sent
printf '@prefix csto: <https://w3id.org/csto-kg/ontology#> .\n<%s> a csto:Article .\n<%s> csto:x undeclared:y .\n' \
  "$ART_A" "$ART_A" > "$V/broken.ttl"
set +e
err=$("$CSTO_KG" push --endpoint "$GSP" "$V/broken.ttl" 2>&1 >/dev/null); rc=$?
set -e
expect_eq "$rc" "1" "broken file exit"
[[ $err == "csto-kg: push: $V/broken.ttl:3: "* ]] || fail "broken file message: $err"
expect_eq "$(count_graph "$ART_A")" "43" "graph A after broken push"

# wrong password: the server's 401, reported with the status; nothing changed
set +e
err=$(CSTO_KG_PASSWORD=wrong "$CSTO_KG" push --endpoint "$GSP" "$A" 2>&1 >/dev/null); rc=$?
set -e
expect_eq "$rc" "1" "wrong password exit"
[[ $err == *"HTTP 401"* ]] || fail "wrong password message: $err"
expect_eq "$(count_graph "$ART_A")" "43" "graph A after refused push"

# no credentials at all (and no ~/.netrc): refused too
set +e
HOME=$V env -u CSTO_KG_USER -u CSTO_KG_PASSWORD "$CSTO_KG" push --endpoint "$GSP" "$A" 2>/dev/null
expect_eq "$?" "1" "no credentials"
set -e

# ~/.netrc works in place of the environment
printf 'machine 127.0.0.1 login dba password dba\n' > "$V/.netrc"
chmod 600 "$V/.netrc"
HOME=$V env -u CSTO_KG_USER -u CSTO_KG_PASSWORD "$CSTO_KG" push --endpoint "$GSP" "$A" > /dev/null \
  || fail "push with ~/.netrc"
expect_eq "$(count_graph "$ART_A")" "44" "graph A after netrc push"
echo "ok: virtuoso push"
