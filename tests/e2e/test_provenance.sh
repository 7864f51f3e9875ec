#!/usr/bin/env bash
# --provenance full|compact|none: compact leaves out only what other triples say, so
# nothing is lost; the sentence text is the context's text at the sentence's offsets.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/shacl_check.sh"
seed=$CSTO_SOURCE_DIR/examples/tass-csto-dushanbe-2021.txt
for p in full compact none; do
  "$CSTO_KG" extract --provenance "$p" -f ntriples -o "$WORK/$p.nt" "$seed"
  sort "$WORK/$p.nt" > "$WORK/$p.sorted"
done
"$CSTO_KG" extract --no-provenance -f ntriples -o "$WORK/no.nt" "$seed"
check "--no-provenance is --provenance none" cmp -s "$WORK/none.nt" "$WORK/no.nt"
check "the default is full" cmp -s <("$CSTO_KG" extract -f ntriples "$seed") "$WORK/full.nt"
check "compact output conforms to the SHACL shapes" shacl_check "$WORK/compact.nt"

# compact = full less statement types, statements' article and extraction, sentence text
check "compact holds nothing full does not" test -z "$(comm -13 "$WORK/full.sorted" "$WORK/compact.sorted")"
comm -23 "$WORK/full.sorted" "$WORK/compact.sorted" > "$WORK/dropped"
check "compact drops something" test -s "$WORK/dropped"
check "compact drops only what other triples say" test -z "$(grep -v -E \
  -e '/statement_[0-9a-f]+_[0-9]+> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://www.w3.org/1999/02/22-rdf-syntax-ns#Statement> \.$' \
  -e '/statement_[0-9a-f]+_[0-9]+> <http://www.w3.org/ns/prov#(wasDerivedFrom|wasGeneratedBy)> ' \
  -e '_char_[0-9]+_[0-9]+> <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#anchorOf> ' "$WORK/dropped")"
check "none is the facts of compact" test -z "$(comm -13 "$WORK/compact.sorted" "$WORK/none.sorted")"

c=$WORK/compact.nt
ask "$c" "a statement reaches its article through its sentence's context" \
  "?s rdf:predicate csto:chairs ; csto:evidence ?sen . ?sen nif:referenceContext ?ctx . ?ctx prov:wasDerivedFrom ?a . ?a a csto:Article"
ask "$c" "the sentence text is the context's text at its offsets" \
  "?s rdf:predicate csto:chairs ; csto:evidence ?sen . ?sen nif:beginIndex ?b ; nif:endIndex ?e ; nif:referenceContext ?ctx . ?ctx nif:isString ?t . FILTER(CONTAINS(SUBSTR(?t, ?b + 1, ?e - ?b), \"chaired by\"))"
ask_not "$c" "no sentence text is repeated" "?sen nif:anchorOf ?t"
f=$WORK/full.nt
ask_not "$f" "full: every anchor is the context's text at its offsets (so compact loses no text)" \
  "?sen nif:anchorOf ?t ; nif:beginIndex ?b ; nif:endIndex ?e ; nif:referenceContext ?ctx . ?ctx nif:isString ?all . FILTER(SUBSTR(?all, ?b + 1, ?e - ?b) != ?t)"
ask "$f" "full: a statement names its article" "?s rdf:predicate csto:chairs ; prov:wasDerivedFrom ?a . ?a a csto:Article"
ask_not "$WORK/none.nt" "none: no statements" "?s rdf:subject ?x"

check "an unknown provenance is refused" bash -c "! '$CSTO_KG' extract --provenance some '$seed' 2>$WORK/err"
check "the refusal names the choices" grep -q "full, compact or none" "$WORK/err"
finish
