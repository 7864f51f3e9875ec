#!/usr/bin/env bash
# -f jsonld: one JSON-LD document per run that a real JSON-LD processor (jsonld.js, pinned
# by tests/jsonld/package-lock.json) turns into the very quads -f nquads writes, named
# graphs included; the published context ontology/context.jsonld is the one each document
# carries, reads the same when fetched by its IRI, and types the ontology's properties as
# ontology/csto.ttl does.
source "$(dirname "$0")/lib.sh"
harness=$CSTO_SOURCE_DIR/tests/jsonld
context=$CSTO_SOURCE_DIR/ontology/context.jsonld
context_iri=https://w3id.org/csto-kg/context.jsonld

# jsonld.js missing is a failure, never a skip: install it as scripts/install-deps.sh does.
if ! command -v node >/dev/null; then
  echo "FAIL: node is not installed (scripts/install-deps.sh installs nodejs and npm)"
  exit 1
fi
if [ ! -f "$harness/node_modules/jsonld/package.json" ] &&
   ! (cd "$harness" && npm ci --no-audit --no-fund --silent); then
  echo "FAIL: cannot install jsonld.js (cd tests/jsonld && npm ci)"
  exit 1
fi
roundtrip() { node "$harness/roundtrip.mjs" "$@"; }

articles=("$CSTO_SOURCE_DIR"/tests/articles/*.txt)
"$CSTO_KG" extract -f jsonld -o "$WORK/all.jsonld" "${articles[@]}"
"$CSTO_KG" extract -f nquads -o "$WORK/all.nq" "${articles[@]}"
check "the articles make a graph" test "$(wc -l < "$WORK/all.nq")" -gt 1000
# Quads compare as text: no blank node may need relabelling.
check "no blank nodes (else compare canonized quads)" bash -c "! grep -q -E '(^| )_:' '$WORK/all.nq'"

roundtrip nquads "$WORK/all.nq" > "$WORK/expected.nq"
check "jsonld.js reads the N-Quads" test "$(wc -l < "$WORK/expected.nq")" -eq "$(sort -u "$WORK/all.nq" | wc -l)"
roundtrip torf "$WORK/all.jsonld" > "$WORK/inline.nq" || true
check "toRDF of the JSON-LD gives the N-Quads' quads" cmp -s "$WORK/expected.nq" "$WORK/inline.nq"
diff "$WORK/expected.nq" "$WORK/inline.nq" | head -5 || true
check "one document: one named graph per article" \
  test "$(jq '[."@graph"[] | select(has("@graph"))] | length' "$WORK/all.jsonld")" -eq "${#articles[@]}"

# The published context: the one the documents carry, and the same quads when fetched.
jq -S '."@context"' "$context" > "$WORK/published.context"
jq -S '."@context"' "$WORK/all.jsonld" > "$WORK/carried.context"
check "the published context is the one each document carries" \
  cmp -s "$WORK/published.context" "$WORK/carried.context"
cmp -s "$WORK/published.context" "$WORK/carried.context" ||
  echo "  (after changing the writer's terms: csto-kg extract -f jsonld FILE | jq '{\"@context\": .\"@context\"}' > ontology/context.jsonld)"
roundtrip torf "$WORK/all.jsonld" "$context_iri" "$context" > "$WORK/remote.nq" || true
check "with the context by its IRI: the same quads" cmp -s "$WORK/expected.nq" "$WORK/remote.nq"

# Each csto: property has a term typed as the ontology says: an object property's values
# are nodes (@id), a date property's xsd:date, any other datatype property's untyped.
roqet -q -i sparql -D "$CSTO_SOURCE_DIR/ontology/csto.ttl" -r csv -e "$PREFIXES
SELECT ?name ?type WHERE {
  ?p a ?kind . FILTER(?kind IN (owl:ObjectProperty, owl:DatatypeProperty, owl:AnnotationProperty))
  FILTER(STRSTARTS(STR(?p), STR(csto:)))
  OPTIONAL { ?p rdfs:range ?range }
  BIND(STRAFTER(STR(?p), \"#\") AS ?name)
  BIND(IF(?kind != owl:DatatypeProperty, \"@id\", IF(COALESCE(?range = xsd:date, false), \"xsd:date\", \"-\")) AS ?type)
}" | tail -n +2 | tr -d '\r' | sort > "$WORK/ontology.terms"
jq -r '."@context" | to_entries[] | select(.value | (type == "object" and (."@id" | startswith("csto:"))) or (type == "string" and startswith("csto:")))
  | "\(.key),\(.value | if type == "object" then ."@type" else "-" end)"' "$context" | sort > "$WORK/context.terms"
check "the ontology has properties" test "$(wc -l < "$WORK/ontology.terms")" -gt 20
check "a term per ontology property, typed as csto.ttl types it" cmp -s "$WORK/ontology.terms" "$WORK/context.terms"
diff "$WORK/ontology.terms" "$WORK/context.terms" || true

check "the same input gives the same bytes" cmp -s "$WORK/all.jsonld" <("$CSTO_KG" extract -f json-ld "${articles[@]}")

# Another base: its namespace is the prefix "base", and the quads still match.
seed=$CSTO_SOURCE_DIR/examples/tass-csto-dushanbe-2021.txt
"$CSTO_KG" extract --base https://example.org/kg/ -f jsonld -o "$WORK/base.jsonld" "$seed"
"$CSTO_KG" extract --base https://example.org/kg/ -f nquads -o "$WORK/base.nq" "$seed"
check "another base is the prefix 'base'" test "$(jq -r '."@context".base' "$WORK/base.jsonld")" = https://example.org/kg/
check "another base: toRDF gives the N-Quads' quads" \
  cmp -s <(roundtrip nquads "$WORK/base.nq") <(roundtrip torf "$WORK/base.jsonld")
finish
