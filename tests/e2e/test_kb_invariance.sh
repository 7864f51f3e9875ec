#!/usr/bin/env bash
# What the knowledge base and lexicon loader guarantees, seen from csto-kg:
# - output does not depend on the size of the knowledge base: thousands of people that no
#   article names, added to a copy of it, leave every article's graph byte-identical (the
#   order of a phrase's meanings once came from a hash table whose order changed with size);
# - a misspelt lexicon class is an error naming the file and line, not a silent loss of
#   every fact it cues.
source "$(dirname "$0")/lib.sh"

cp -r "$CSTO_SOURCE_DIR/ontology" "$WORK/big"
# 8,000 made-up people, each with a label and two aliases, one in fifty with a post held long
# before any article: the shapes of ontology/kb/people.ttl. (With 5,000 the old loader's hash
# order happened not to change.) The names come from a fixed pseudo-random sequence, so every
# run adds the same people.
awk -v people=8000 'BEGIN {
  split("zor qui xan vel quor zil dax yqu ozz rix vem kesh", syl, " ")
  split("Russia Kazakhstan Armenia Belarus Kyrgyzstan Tajikistan", country, " ")
  split("HeadOfState HeadOfGovernment ForeignMinister DefenceMinister", role, " ")
  print "@prefix csto: <https://w3id.org/csto-kg/ontology#> ."
  print "@prefix res: <https://w3id.org/csto-kg/resource/> ."
  print "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> ."
  print "@prefix skos: <http://www.w3.org/2004/02/skos/core#> ."
  print "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> ."
  seed = 12345
  for (i = 10000; i < 10000 + people; i++) {
    for (w = 1; w <= 4; w++) {
      seed = (seed * 1103515245 + 12345) % 2147483648
      part[w] = syl[int(seed / 65536) % 12 + 1]
    }
    given = toupper(substr(part[1], 1, 1)) substr(part[1], 2) part[2]
    family = toupper(substr(part[3], 1, 1)) substr(part[3], 2) part[4]
    id = "Invented_" given "_" family "_" i
    printf "res:%s a csto:Person ;\n    rdfs:label \"%s %s %d\"@en ;\n", id, given, family, i
    printf "    skos:altLabel \"%s %d\"@en ;\n", family, i
    printf "    skos:altLabel \"%s. %s %d\"@en .\n", substr(given, 1, 1), family, i
    if (i % 50 == 0)
      printf "res:holding_%s a csto:PostHolding ;\n    csto:holder res:%s ;\n" \
             "    csto:role csto:%s ;\n    csto:postIn res:%s ;\n" \
             "    csto:startDate \"1850-01-01\"^^xsd:date ;\n    csto:endDate \"1851-01-01\"^^xsd:date .\n",
             id, id, role[i % 4 + 1], country[i % 6 + 1]
  }
}' >"$WORK/big/kb/zz-invented-people.ttl"
# The copy must load, or every comparison below would compare two error messages.
check "the enlarged knowledge base loads" \
  "$CSTO_KG" extract --data "$WORK/big" "$CSTO_SOURCE_DIR/examples/tass-csto-dushanbe-2021.txt"

for article in "$CSTO_TEST_DIR"/articles/*.txt "$CSTO_TEST_DIR"/heldout/*.txt \
               "$CSTO_SOURCE_DIR"/examples/*.txt; do
  checks=$((checks + 1))
  name=$(basename "$article" .txt)
  small=0 big=0
  "$CSTO_KG" extract --data "$CSTO_SOURCE_DIR/ontology" "$article" >"$WORK/$name.small" 2>&1 || small=$?
  "$CSTO_KG" extract --data "$WORK/big" "$article" >"$WORK/$name.big" 2>&1 || big=$?
  if [ "$small$big" = 00 ] && cmp -s "$WORK/$name.small" "$WORK/$name.big"; then
    echo "ok: $name is the same with 8,000 more people"
  else
    echo "FAIL: $name changes with 8,000 more people:"
    diff "$WORK/$name.small" "$WORK/$name.big" | head -20 || true
    failures=$((failures + 1))
  fi
done

cp -r "$CSTO_SOURCE_DIR/ontology" "$WORK/misspelt"
sed -i 's/^lex:ChairPassive a lex:Cue/lex:ChairPasive a lex:Cue/' "$WORK/misspelt/lexicon.ttl"
line=$(grep -n '^lex:ChairPasive' "$WORK/misspelt/lexicon.ttl" | cut -d: -f1)
checks=$((checks + 1))
if out=$("$CSTO_KG" extract --data "$WORK/misspelt" "$CSTO_SOURCE_DIR/examples/tass-csto-dushanbe-2021.txt" 2>&1); then
  echo "FAIL: a misspelt cue class in the lexicon is accepted"
  failures=$((failures + 1))
elif [ -n "$line" ] && grep -qF "lexicon.ttl:$line: unknown cue lex:ChairPasive" <<<"$out"; then
  echo "ok: a misspelt cue class fails with its line"
else
  echo "FAIL: a misspelt cue class fails without naming its line: $out"
  failures=$((failures + 1))
fi
finish
