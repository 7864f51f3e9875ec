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

# push both articles in a store's layout: provenance PUT to each article graph (201
# Created), facts and descriptions POSTed to the merged graph
MERGED=https://w3id.org/csto-kg/graph/merged
out=$("$CSTO_KG" push --endpoint "$GSP" "$A" "$B")
expect_eq "$out" "pushed $A: 24 triples to <$ART_A> (HTTP 201), 20 to the merged graph (HTTP 201)
pushed $B: 7 triples to <$ART_B> (HTTP 201), 24 to the merged graph (HTTP 200)" "push output"
expect_eq "$(count_graph "$ART_A")" "24" "graph A size"
expect_eq "$(count_graph "$ART_B")" "7" "graph B size"
expect_eq "$(count_graph "$MERGED")" "37" "merged graph size (7 triples both state, once)"

# specific facts, in the merged graph (and not in the article graphs)
expect_eq "$(sparql "$P SELECT ?g WHERE { GRAPH ?g { res:Sirojiddin_Muhriddin csto:chairs res:event_CSTO_2021-09-15 } }")" \
  "$MERGED" "chairs fact graph"
expect_eq "$(sparql "$P SELECT ?p WHERE { GRAPH <$MERGED> { ?p csto:attends res:event_CSTO_Collective_Security_Council_2021-09-16 } } ORDER BY ?p" | tr '\n' ' ')" \
  "https://w3id.org/csto-kg/resource/Sergey_Lavrov https://w3id.org/csto-kg/resource/Vladimir_Putin " \
  "attendees of the summit"
expect_eq "$(sparql "$P SELECT ?d WHERE { GRAPH <$MERGED> { res:event_CSTO_2021-09-15 csto:date ?d } }")" \
  "2021-09-15" "event date"
# JSON results, as a client would read them (Virtuoso says typed-literal for dates)
curl -sS --fail -G -H 'Accept: application/sparql-results+json' \
  --data-urlencode "query=$P SELECT ?m WHERE { GRAPH <$MERGED> { ?a csto:attendee res:Vladimir_Putin ; csto:mode ?m } }" \
  "$VIRTUOSO_URL/sparql" > "$V/r.json"
out=$(/usr/bin/python3 -c 'import json,sys
print([b["m"]["value"] for b in json.load(open(sys.argv[1]))["results"]["bindings"]])' "$V/r.json")
expect_eq "$out" "['https://w3id.org/csto-kg/ontology#Remote']" "attendance mode (json)"

# push A again: its graph replaced (200), nothing duplicated
out=$("$CSTO_KG" push --endpoint "$GSP" "$A")
expect_eq "$out" "pushed $A: 24 triples to <$ART_A> (HTTP 200), 20 to the merged graph (HTTP 200)" "second push"
expect_eq "$(count_graph "$ART_A")" "24" "graph A size after second push"
expect_eq "$(count_graph "$ART_B")" "7" "graph B untouched"
expect_eq "$(count_graph "$MERGED")" "37" "merged graph after second push"

# a new version: its provenance is replaced; the server cannot know whether another
# article states a merged triple, so the old fact stays there (as push --help says)
sed -e '/csto:chairs/d' "$A" > "$V/a-v2.ttl"
"$CSTO_KG" push --endpoint "$GSP" "$V/a-v2.ttl" > /dev/null
expect_eq "$(count_graph "$ART_A")" "24" "graph A after new version"
expect_eq "$(sparql "$P ASK { GRAPH <$MERGED> { ?p csto:chairs res:event_CSTO_2021-09-15 } }")" "1" "merged fact kept"

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
expect_eq "$(count_graph "$ART_A")" "24" "graph A after broken push"

# wrong password: the server's 401, reported with the status; nothing changed
set +e
err=$(CSTO_KG_PASSWORD=wrong "$CSTO_KG" push --endpoint "$GSP" "$A" 2>&1 >/dev/null); rc=$?
set -e
expect_eq "$rc" "1" "wrong password exit"
[[ $err == *"HTTP 401"* ]] || fail "wrong password message: $err"
expect_eq "$(count_graph "$ART_A")" "24" "graph A after refused push"

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
expect_eq "$(count_graph "$ART_A")" "24" "graph A after netrc push"
# load --endpoint: an article is extracted and sent in the same layout
ART=$CSTO_SOURCE_DIR/examples/tass-csto-dushanbe-2021.txt
out=$("$CSTO_KG" load --endpoint "$GSP" "$ART")
[[ $out =~ ^$ART:\ \<(https://w3id.org/csto-kg/resource/article_[0-9a-f]+)\>:\ ([0-9]+)\ triples\ PUT ]] ||
  fail "load --endpoint output: $out"
ART_SEED=${BASH_REMATCH[1]}
expect_eq "$(count_graph "$ART_SEED")" "${BASH_REMATCH[2]}" "article graph after load --endpoint"
expect_eq "$(sparql "$P ASK { GRAPH <$MERGED> { res:Emomali_Rahmon csto:chairs ?e } }")" "1" "article fact in the merged graph"
set +e
"$CSTO_KG" load --endpoint "$GSP" --store "$V/x.sqlite" "$ART" 2>/dev/null; rc=$?
set -e
expect_eq "$rc" "2" "load with both --endpoint and --store"
echo "ok: virtuoso push"
