#!/usr/bin/env bash
# The command's conventions: -V, help COMMAND, extract from standard input; the knowledge
# base's snapshot cache; the light csto-kg and the full program it hands the rest to.
source "$(dirname "$0")/lib.sh"
seed=$CSTO_SOURCE_DIR/examples/tass-csto-dushanbe-2021.txt
check "-V prints the version" bash -c "'$CSTO_KG' -V | grep -q '^csto-kg [0-9]'"
check "--version too" bash -c "'$CSTO_KG' --version | grep -q '^csto-kg [0-9]'"
for c in extract eval query load delete push serve kb; do
  check "help $c is $c --help" cmp -s <("$CSTO_KG" help "$c") <("$CSTO_KG" "$c" --help)
done
check "help alone lists the commands" bash -c "'$CSTO_KG' help | grep -q '^  extract '"
check "help of an unknown command fails" bash -c "! '$CSTO_KG' help nope 2>/dev/null"
check "csto-kg links neither raptor2, librdf, libcurl nor libcsto-store" \
  bash -c "ldd '$CSTO_KG' | grep -q libcsto.so && ! ldd '$CSTO_KG' | grep -E 'raptor|rdf|curl|csto-store'"
check "its full program beside it does" \
  bash -c "ldd '$(dirname "$CSTO_KG")/csto-kg-full' | grep -q libcsto-store"
check "extract in a raptor format goes through the full program" \
  bash -c "'$CSTO_KG' extract -f rdf '$seed' | grep -q '<rdf:RDF'"
check "with the arguments as given (options after the file)" \
  bash -c "'$CSTO_KG' extract '$seed' --format dot --no-progress | grep -q '^digraph'"
"$CSTO_KG" extract -f nonsense "$seed" > /dev/null 2> "$WORK/nonsense.err" && status=0 || status=$?
check "an unknown format fails with usage's status" test "$status" -eq 2
check "naming every format, raptor's too" \
  grep -q "unknown format 'nonsense' (formats: turtle .*jsonld (json-ld), rdfxml (rdf), json, dot)" "$WORK/nonsense.err"
check "extract with no file reads standard input" \
  cmp -s <("$CSTO_KG" extract -f ntriples < "$seed") <("$CSTO_KG" extract -f ntriples "$seed")
check "extract - reads standard input" \
  cmp -s <("$CSTO_KG" extract -f ntriples - < "$seed") <("$CSTO_KG" extract -f ntriples "$seed")
CSTO_CACHE_DIR= "$CSTO_KG" extract -f nquads "$seed" > "$WORK/uncached.nq"
check "the first start writes the knowledge base's snapshot" bash -c \
  "CSTO_CACHE_DIR='$WORK/cache' '$CSTO_KG' extract -f nquads '$seed' | cmp -s - '$WORK/uncached.nq' && ls '$WORK'/cache/kb-*.snapshot"
check "the next reads it, with the same output" bash -c \
  "CSTO_CACHE_DIR='$WORK/cache' '$CSTO_KG' extract -f nquads '$seed' | cmp -s - '$WORK/uncached.nq'"
check "a cache folder that cannot be made is passed over" bash -c \
  "CSTO_CACHE_DIR=/dev/null/x '$CSTO_KG' extract -f nquads '$seed' | cmp -s - '$WORK/uncached.nq'"
"$CSTO_KG" load --store "$WORK/kg.sqlite" - < "$seed" > /dev/null
check "load - reads an article from standard input" test -s "$WORK/kg.sqlite"
check "query --file - reads the query from standard input" bash -c \
  "echo 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }' | '$CSTO_KG' query --results csv --store '$WORK/kg.sqlite' --file - | grep -qE '^[1-9][0-9]+'"
finish
