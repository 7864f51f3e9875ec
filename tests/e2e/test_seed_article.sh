#!/usr/bin/env bash
# The seed article (TASS, Dushanbe, 15 September 2021): every fact of its brief.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/shacl_check.sh"
ttl=$WORK/seed.ttl
"$CSTO_KG" extract -o "$ttl" "$CSTO_SOURCE_DIR/examples/tass-csto-dushanbe-2021.txt"
check "output parses back with raptor" rapper -q -i turtle -c "$ttl"
check "output conforms to the SHACL shapes, NIF offsets exact" shacl_check "$ttl"

# E1: the joint ministerial meeting; E2: the Collective Security Council summit.
E1='?e1 csto:date "2021-09-15"^^xsd:date .'
E2='?e2 csto:date "2021-09-16"^^xsd:date .'
ask "$ttl" "E1 is held in Dushanbe on 2021-09-15" "$E1 ?e1 csto:heldIn ?d . ?d rdfs:label \"Dushanbe\"@en ."
ask "$ttl" "Muhriddin chairs E1" "$E1 ?p csto:chairs ?e1 ; rdfs:label ?l . FILTER(CONTAINS(STR(?l), \"Muhriddin\"))"
ask "$ttl" "Rakhmon (Rahmon) chairs E2" "$E2 ?p csto:chairs ?e2 ; owl:sameAs wd:Q57366 ."
for who in "Sergey Lavrov" "Nikolai Patrushev"; do
  ask "$ttl" "$who attends E1 in person" "$E1 ?a csto:attendee ?p ; csto:event ?e1 ; csto:mode csto:InPerson . ?p rdfs:label ?l . FILTER(CONTAINS(STR(?l), \"${who#* }\"))"
done
ask "$ttl" "Putin attends E2 by video link" "$E2 ?a csto:attendee ?p ; csto:event ?e2 ; csto:mode csto:Remote . ?p owl:sameAs wd:Q7747 ."
ask "$ttl" "Putin attends three events remotely" "{ SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?a csto:attendee ?p ; csto:event ?e ; csto:mode csto:Remote . ?p owl:sameAs wd:Q7747 } } FILTER(?n >= 3)"
for c in Russia Armenia Belarus Kazakhstan Kyrgyzstan Tajikistan; do
  ask "$ttl" "$c is a CSTO member" "?c csto:memberOf ?o ; rdfs:label \"$c\"@en . ?o owl:sameAs wd:Q318693 ."
done
ask "$ttl" "Zakharova is a spokesperson of the Russian foreign ministry" \
  "?p csto:holdsPosition ?post ; rdfs:label ?l . ?post csto:role csto:Spokesperson ; csto:postIn ?m . ?m owl:sameAs wd:Q789889 . FILTER(CONTAINS(STR(?l), \"Zakharova\"))"
ask "$ttl" "Shoigu is Russia's defence minister" \
  "?p owl:sameAs wd:Q32024 ; csto:holdsPosition ?post . ?post csto:role csto:DefenceMinister ; csto:postIn ?c . ?c owl:sameAs wd:Q159 ."
ask "$ttl" "every attends triple has an Attendance node" \
  "?p csto:attends ?e . ?a a csto:Attendance ; csto:attendee ?p ; csto:event ?e ; csto:mode ?m ."
ask "$ttl" "a fact points back to its sentence" \
  "?s a rdf:Statement ; rdf:predicate csto:chairs ; csto:evidence ?sen . ?sen nif:anchorOf ?t ; nif:beginIndex ?b . FILTER(CONTAINS(?t, \"chaired by\"))"
ask_not "$ttl" "no one attends by absence or chairs by hosting" "?p csto:chairs ?e ; csto:attends ?e ."

"$CSTO_KG" extract "$CSTO_SOURCE_DIR/examples/tass-csto-dushanbe-2021.txt" > "$WORK/again.ttl"
check "output is deterministic (same bytes twice)" cmp -s "$ttl" "$WORK/again.ttl"
finish
