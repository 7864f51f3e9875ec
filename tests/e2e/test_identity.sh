#!/usr/bin/env bash
# The same entity gets the same IRI across articles and runs, whatever the text calls it;
# titles name whoever held the post on the article's date.
source "$(dirname "$0")/lib.sh"
fixtures=$CSTO_SOURCE_DIR/tests/fixtures/identity
for x in a b c; do
  "$CSTO_KG" extract -o "$WORK/$x.ttl" "$fixtures/$x.txt"
done
cat "$WORK/a.ttl" "$WORK/b.ttl" "$WORK/c.ttl" > "$WORK/all.ttl"

TOKAYEV='?p owl:sameAs wd:Q200881 .'
ask "$WORK/a.ttl" "'the Kazakh President' in 2020 is Tokayev" "$TOKAYEV ?p csto:attends ?e ."
ask "$WORK/b.ttl" "'the Kazakh President' in 2018 is Nazarbayev" \
  "?p rdfs:label \"Nursultan Nazarbayev\"@en ; csto:attends ?e . ?e a csto:Talks ."
ask_not "$WORK/b.ttl" "... and not Tokayev" "$TOKAYEV"
ask "$WORK/c.ttl" "'Qasym-Zhomart Toqaev' is the same Tokayev" \
  "$TOKAYEV ?p skos:altLabel \"Qasym-Zhomart Toqaev\"@en ; csto:attends ?e ."
ask "$WORK/all.ttl" "a person outside the knowledge base is one node in two articles" \
  "{ SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { res:Arsen_Vardanyan csto:attends ?e } } FILTER(?n = 2)"
ask_not "$WORK/a.ttl" "a deputy prime minister holds no head-of-government post" \
  "res:Arsen_Vardanyan csto:holdsPosition ?post ."
"$CSTO_KG" extract -o "$WORK/a2.ttl" "$fixtures/a.txt"
check "a second run writes the same bytes" cmp -s "$WORK/a.ttl" "$WORK/a2.ttl"
finish
