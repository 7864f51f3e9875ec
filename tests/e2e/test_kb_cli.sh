#!/usr/bin/env bash
# End-to-end test of `csto-kg kb stats` and `csto-kg kb import`, run as a user would.
# Needs CSTO_KG (the binary), CSTO_SOURCE_DIR and CSTO_TEST_DIR (set by tests/CMakeLists.txt)
# and rapper, which gives counts that do not depend on our code.
set -euo pipefail
: "${CSTO_KG:?}" "${CSTO_SOURCE_DIR:?}" "${CSTO_TEST_DIR:?}"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fixture="$CSTO_TEST_DIR/fixtures/wikidata-extract.ttl"
shipped="$CSTO_SOURCE_DIR/ontology"

fail() {
  echo "FAIL: $*" >&2
  exit 1
}

# The number on the stats line whose name is $2 ("entities", "Person", "with owl:sameAs").
stat_of() {
  awk -v k="$2" '{ n = $NF; line = $0; sub(/ +[0-9]+$/, "", line); sub(/^ +/, "", line)
                   if (line == k) { print n; found = 1 } }
                 END { if (!found) exit 1 }' "$1" || fail "no '$2' line in $1"
}

expect() { # actual expected what
  [ "$1" = "$2" ] || fail "$3: expected $2, got $1"
}

# Run the binary, keep stdout/stderr in $work/out and $work/err, return its exit status.
run() {
  local rc=0
  "$CSTO_KG" "$@" >"$work/out" 2>"$work/err" || rc=$?
  return $rc
}

expect_rc() { # expected-status args...
  local want=$1 rc=0
  shift
  run "$@" || rc=$?
  [ "$rc" = "$want" ] || fail "csto-kg $* exited $rc, expected $want; stderr: $(cat "$work/err")"
}

# N-Triples of Turtle files, one triple a line, duplicates across files removed.
ntriples() {
  for f in "$@"; do rapper -q -i turtle -o ntriples "$f"; done | sort -u
}

CSTO='https://w3id.org/csto-kg/ontology#'
TYPE='<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>'

# Independent counts of one N-Triples file: subjects of a class, entity labels and so on.
count_class() { grep -c " $TYPE <$CSTO$2> \.\$" "$1" || true; }
entity_subjects() {
  grep -E " $TYPE <${CSTO}(Country|City|InternationalOrganization|OrganizationBody|GovernmentBody|Person)> \.\$" "$1" |
    cut -d' ' -f1 | sort -u
}
entities_with_sameas() {
  entity_subjects "$1" >"$work/subjects"
  grep ' <http://www.w3.org/2002/07/owl#sameAs> ' "$1" | cut -d' ' -f1 | sort -u |
    comm -12 - "$work/subjects" | wc -l
}
count_for_entities() { # nt-file predicate-regex
  entity_subjects "$1" >"$work/subjects"
  awk -v p="$2" 'NR == FNR { s[$1] = 1; next } ($1 in s) && $2 ~ p' "$work/subjects" "$1" | wc -l
}

# ---------------------------------------------------------------------------------------
echo "== stats on the shipped knowledge base agree with rapper"
ntriples "$shipped"/kb/*.ttl >"$work/kb.nt"
expect_rc 0 kb stats --data "$shipped"
cp "$work/out" "$work/stats"
expect "$(stat_of "$work/stats" triples)" "$(wc -l <"$work/kb.nt")" "triples"
for cls in Country City InternationalOrganization OrganizationBody GovernmentBody Person; do
  expect "$(stat_of "$work/stats" "$cls")" "$(count_class "$work/kb.nt" "$cls")" "$cls"
done
expect "$(stat_of "$work/stats" entities)" "$(entity_subjects "$work/kb.nt" | wc -l)" "entities"
expect "$(stat_of "$work/stats" 'post holdings')" "$(count_class "$work/kb.nt" PostHolding)" "holdings"
expect "$(stat_of "$work/stats" memberships)" "$(count_class "$work/kb.nt" Membership)" "memberships"
expect "$(stat_of "$work/stats" 'meetings (not entities)')" "$(count_class "$work/kb.nt" Event)" "meetings"
expect "$(stat_of "$work/stats" 'with owl:sameAs')" "$(entities_with_sameas "$work/kb.nt")" \
  "with owl:sameAs"
expect "$(stat_of "$work/stats" altLabels)" \
  "$(count_for_entities "$work/kb.nt" 'skos/core#altLabel')" "altLabels"
expect "$(stat_of "$work/stats" 'labels @en')" "$(stat_of "$work/stats" entities)" "labels @en"
expect "$(stat_of "$work/stats" 'entities without @en label')" 0 "entities without @en label"
expect "$(stat_of "$work/stats" 'entities with 2+ @en labels')" 0 "several @en labels"
# what the knowledge base promises
[ "$(stat_of "$work/stats" entities)" -ge 400 ] || fail "fewer than 400 entities"
[ "$(stat_of "$work/stats" 'post holdings')" -ge 429 ] || fail "fewer than 429 post holdings"
[ "$(stat_of "$work/stats" 'meetings (not entities)')" -ge 130 ] || fail "fewer than 130 meetings"
grep -q "^knowledge base  *$shipped/kb\$" "$work/stats" || fail "stats does not name its directory"

echo "== the data directory: --data, then \$CSTO_DATA_DIR, then the built-in one"
mkdir -p "$work/small/kb" "$work/empty/kb"
cat >"$work/small/kb/a.ttl" <<'EOF'
@prefix csto: <https://w3id.org/csto-kg/ontology#> .
@prefix res: <https://w3id.org/csto-kg/resource/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix wd: <http://www.wikidata.org/entity/> .
res:Aland a csto:Country ; rdfs:label "Aland"@en , "Аланд"@ru ;
  skos:altLabel "A1"@en , "A2"@en ; owl:sameAs wd:Q1 .
res:Bcity a csto:City ; rdfs:label "Bcity"@en .
res:Cperson a csto:Person ; rdfs:label "C Person"@en , "Another C"@en .
res:h1 a csto:PostHolding ; csto:holder res:Cperson .
res:m1 a csto:Membership . res:m2 a csto:Membership .
res:e1 a csto:Event , csto:Summit ; rdfs:label "E1"@en ; skos:altLabel "E one"@en ; owl:sameAs wd:Q2 .
res:e2 a csto:Event ; rdfs:label "E2"@en .
EOF
expect_rc 0 kb stats --data "$work/small"
cat >"$work/expected" <<EOF
knowledge base               $work/small/kb
files                        1
triples                      22
entities                     3
  Country                    1
  City                       1
  InternationalOrganization  0
  OrganizationBody           0
  GovernmentBody             0
  Person                     1
with owl:sameAs              1
without owl:sameAs           2
post holdings                1
memberships                  2
meetings (not entities)      2
meetings with owl:sameAs     1
labels @en                   4
labels @ru                   1
altLabels                    2
entities without @en label   0
entities with 2+ @en labels  1
EOF
diff -u "$work/expected" "$work/out" || fail "stats output on a small knowledge base"
CSTO_DATA_DIR="$work/small" run kb stats || fail "stats with \$CSTO_DATA_DIR"
expect "$(stat_of "$work/out" entities)" 3 "entities under \$CSTO_DATA_DIR"
CSTO_DATA_DIR="$work/small" run kb stats --data "$shipped" || fail "stats --data over env"
expect "$(stat_of "$work/out" entities)" "$(stat_of "$work/stats" entities)" "--data wins"
env -u CSTO_DATA_DIR "$CSTO_KG" kb stats >"$work/out" || fail "stats with the built-in directory"
expect "$(stat_of "$work/out" entities)" "$(stat_of "$work/stats" entities)" "built-in directory"

# ---------------------------------------------------------------------------------------
echo "== import into the default user.ttl of a copied knowledge base"
mkdir -p "$work/copy/kb"
cp "$shipped"/kb/*.ttl "$work/copy/kb/"
rm -f "$work/copy/kb/user.ttl"
user="$work/copy/kb/user.ttl"
expect_rc 0 kb stats --data "$work/copy"
cp "$work/out" "$work/stats1" # the baseline: no user.ttl, whatever the source tree holds
expect_rc 0 kb import "$fixture" --data "$work/copy"
expect "$(cat "$work/out")" "imported 8 of 9 items into $user (2 already linked, 7 typed, 1 without an English label skipped, 0 post holdings): 40 new triples, 40 in all" "import summary"
rapper -q -i turtle -c "$user" 2>&1 | grep -q . && fail "user.ttl does not parse cleanly"
ntriples "$user" >"$work/user.nt"
expect "$(wc -l <"$work/user.nt")" 40 "triples in user.ttl"
R='https://w3id.org/csto-kg/resource/'
for line in \
  "<${R}Testa_Imaginova> $TYPE <${CSTO}Person> ." \
  "<${R}Testa_Imaginova> <http://www.w3.org/2004/02/skos/core#altLabel> \"T. Imaginova\"@en ." \
  "<${R}Testa_Imaginova> <${CSTO}positionHeldItem> <http://www.wikidata.org/entity/Q900000102> ." \
  "<${R}Testa_Imaginova_Q900000007> <http://www.w3.org/2002/07/owl#sameAs> <http://www.wikidata.org/entity/Q900000007> ." \
  "<${R}Republic_of_Fictionland> $TYPE <${CSTO}Country> ." \
  "<${R}Fictopolis> $TYPE <${CSTO}City> ." \
  "<${R}Organisation_of_Imaginary_States> $TYPE <${CSTO}InternationalOrganization> ." \
  "<${R}Zas_tava_Imaginary> <http://www.w3.org/2000/01/rdf-schema#label> \"Zas'tava Imaginary\"@en ." \
  "<${R}Vladimir_Putin> <http://www.w3.org/2004/02/skos/core#altLabel> \"V. V. Putin\"@en ." \
  "<${R}Sergey_Lavrov> <http://www.w3.org/2004/02/skos/core#altLabel> \"Sergei Lavrov\"@en ."; do
  grep -qxF "$line" "$work/user.nt" || fail "user.ttl lacks: $line"
done
grep -q 'Sans Anglais' "$work/user.nt" && fail "an item without an English label was imported"
grep -q '"Sergei Lavrov"@en' <(grep 'rdf-schema#label' "$work/user.nt") &&
  fail "a second English rdfs:label was given to res:Sergey_Lavrov"
grep -q 'example.org' "$work/user.nt" && fail "a non-Wikidata subject was imported"

echo "== stats sees the import: 5 new typed entities, all linked"
expect_rc 0 kb stats --data "$work/copy"
cp "$work/out" "$work/stats2"
expect "$(stat_of "$work/stats2" files)" "$(($(stat_of "$work/stats1" files) + 1))" "files"
expect "$(stat_of "$work/stats2" entities)" "$(($(stat_of "$work/stats1" entities) + 5))" "entities"
expect "$(stat_of "$work/stats2" Person)" "$(($(stat_of "$work/stats1" Person) + 2))" "Person"
expect "$(stat_of "$work/stats2" Country)" "$(($(stat_of "$work/stats1" Country) + 1))" "Country"
expect "$(stat_of "$work/stats2" 'with owl:sameAs')" \
  "$(($(stat_of "$work/stats1" 'with owl:sameAs') + 5))" "with owl:sameAs"
expect "$(stat_of "$work/stats2" 'entities with 2+ @en labels')" 0 "one English label each"

echo "== importing again changes nothing"
cp "$user" "$work/user.before"
expect_rc 0 kb import "$fixture" --data "$work/copy"
grep -q ': 0 new triples, 40 in all$' "$work/out" || fail "re-import added triples: $(cat "$work/out")"
cmp -s "$user" "$work/user.before" || fail "re-import rewrote user.ttl differently"

echo "== merge keeps what --into held; N-Triples extracts work too"
cat >"$work/mine.ttl" <<'EOF'
<https://w3id.org/csto-kg/resource/Mine> <http://www.w3.org/2000/01/rdf-schema#label> "Mine"@en .
EOF
rapper -q -i turtle -o ntriples "$fixture" >"$work/extract.nt"
expect_rc 0 kb import "$work/extract.nt" --into "$work/mine.ttl" --data "$shipped"
grep -q ': 40 new triples, 41 in all$' "$work/out" || fail "merge summary: $(cat "$work/out")"
ntriples "$work/mine.ttl" >"$work/mine.nt"
grep -qxF '<https://w3id.org/csto-kg/resource/Mine> <http://www.w3.org/2000/01/rdf-schema#label> "Mine"@en .' \
  "$work/mine.nt" || fail "merge lost the existing triple"
grep -v '/Mine>' "$work/mine.nt" | diff -q - "$work/user.nt" >/dev/null ||
  fail "N-Triples and Turtle extracts gave different results"
expect_rc 0 kb import "--into=$work/eq.ttl" "$fixture"
expect "$(ntriples "$work/eq.ttl" | wc -l)" 40 "--into=FILE form"

# ---------------------------------------------------------------------------------------
echo "== a region extract (the README's query): people, states and dated terms"
region="$CSTO_TEST_DIR/fixtures/wikidata-region-extract.ttl"
rm -rf "$work/region" && mkdir -p "$work/region/kb"
cp "$shipped"/*.ttl "$work/region/" && cp "$shipped"/kb/*.ttl "$work/region/kb/"
rm -f "$work/region/kb/user.ttl"
# The README's region query, run by rasqal on the fixture's triples plus the two states'
# membership, gives exactly the fixture: the fixture is what the documented query returns.
awk '/<!-- region query/ { f = 1; next } f && /^```sparql/ { g = 1; next } g && /^```/ { exit } g' \
  "$shipped/kb/README.md" >"$work/region.rq"
grep -q 'CONSTRUCT' "$work/region.rq" || fail "no region query in ontology/kb/README.md"
{ cat "$region"; echo 'wd:Q900000401 wdt:P463 wd:Q318693 . wd:Q900000402 wdt:P463 wd:Q318693 .'; } \
  >"$work/region-source.ttl"
roqet -q -i sparql -D "$work/region-source.ttl" -r turtle "$work/region.rq" >"$work/region-result.ttl" 2>/dev/null || true
diff <(ntriples "$work/region-result.ttl") <(ntriples "$region") >/dev/null ||
  fail "the README's region query does not give the fixture's triples"
# An article (written for this test) that names one imported person by title alone and
# another by an alias.
cat >"$work/region.txt" <<'EOF'
---
outlet: Test Wire
date: 2019-05-14
---
MINSK, May 14. The President of Imaginaria took part in the CSTO summit in Minsk on Tuesday. Prime Minister Selima Orvatova also attended the summit.
EOF
"$CSTO_KG" extract --data "$work/region" "$work/region.txt" >"$work/before.ttl" || fail "extract before the import"
grep -q 'Q9000004' "$work/before.ttl" && fail "the shipped base already knows the invented region"
expect_rc 0 kb stats --data "$work/region"
cp "$work/out" "$work/rstats1"
expect_rc 0 kb import "$region" --data "$work/region"
expect "$(cat "$work/out")" "imported 6 of 6 items into $work/region/kb/user.ttl (0 already linked, 6 typed, 0 without an English label skipped, 5 post holdings): 60 new triples, 60 in all" "region import summary"
expect_rc 0 kb stats --data "$work/region"
cp "$work/out" "$work/rstats2"
for k in entities:6 Country:2 Person:4 'post holdings:5' 'with owl:sameAs:6'; do
  expect "$(stat_of "$work/rstats2" "${k%:*}")" "$(($(stat_of "$work/rstats1" "${k%:*}") + ${k##*:}))" "region: ${k%:*}"
done
ntriples "$work/region/kb/user.ttl" >"$work/region.nt"
H="<${R}holding_Dorin_Kastel_HeadOfState_Imaginaria_2018-03-04>"
XSD_DATE='^^<http://www.w3.org/2001/XMLSchema#date>'
for line in \
  "$H <${CSTO}holder> <${R}Dorin_Kastel> ." \
  "$H <${CSTO}role> <${CSTO}HeadOfState> ." \
  "$H <${CSTO}postIn> <${R}Imaginaria> ." \
  "$H <${CSTO}startDate> \"2018-03-04\"$XSD_DATE ." \
  "$H <${CSTO}endDate> \"2020-03-04\"$XSD_DATE ." \
  "<${R}holding_Halvard_Smet_HeadOfGovernment_Nordvalia_2019-01-15> <${CSTO}role> <${CSTO}HeadOfGovernment> ."; do
  grep -qxF "$line" "$work/region.nt" || fail "region user.ttl lacks: $line"
done
grep -q "holding_Ardan_Velmorov_HeadOfState_Imaginaria_2020-03-04> <${CSTO}endDate>" "$work/region.nt" &&
  fail "a running term got an end date"
"$CSTO_KG" extract --data "$work/region" --format ntriples "$work/region.txt" >"$work/after.nt" ||
  fail "extract after the import"
SAME='<http://www.w3.org/2002/07/owl#sameAs>'
grep -qxF "<${R}Dorin_Kastel> $SAME <http://www.wikidata.org/entity/Q900000423> ." "$work/after.nt" ||
  fail "'the President of Imaginaria' in 2019 did not resolve to the imported holder"
grep -q "<${CSTO}attendee> <${R}Dorin_Kastel> \.\$" "$work/after.nt" || fail "the imported holder does not attend"
grep -qxF "<${R}Selima_Orvat> $SAME <http://www.wikidata.org/entity/Q900000422> ." "$work/after.nt" ||
  fail "the alias 'Selima Orvatova' did not resolve to the imported person"
grep -q 'Ardan_Velmorov' "$work/after.nt" && fail "the president out of office on the date was resolved"

# ---------------------------------------------------------------------------------------
echo "== errors: exit 1 for bad files, 2 for bad usage; no half-written output"
expect_rc 1 kb import "$work/none.ttl" --into "$work/x.ttl"
grep -q "none.ttl: cannot open" "$work/err" || fail "missing extract message: $(cat "$work/err")"
[ -e "$work/x.ttl" ] && fail "a failed import created its target"
printf '@prefix x: <http://x/> .\nx:a x:b x:c .\nx:a x:b .\n' >"$work/broken.ttl"
cp "$work/broken.ttl" "$work/broken.orig"
expect_rc 1 kb import "$fixture" --into "$work/broken.ttl"
grep -q "broken.ttl:3:" "$work/err" || fail "parse error should name file and line: $(cat "$work/err")"
cmp -s "$work/broken.ttl" "$work/broken.orig" || fail "a broken target was overwritten"
expect_rc 1 kb import "$work/broken.ttl" --into "$work/x.ttl"
grep -q "broken.ttl:3:" "$work/err" || fail "broken extract message: $(cat "$work/err")"
printf '<http://example.org/a> <http://example.org/b> "c" .\n' >"$work/noitems.nt"
expect_rc 1 kb import "$work/noitems.nt" --into "$work/x.ttl"
grep -q "no Wikidata item" "$work/err" || fail "extract without items: $(cat "$work/err")"
expect_rc 1 kb stats --data "$work/empty"
grep -q "no .ttl files" "$work/err" || fail "empty knowledge base: $(cat "$work/err")"
expect_rc 1 kb stats --data "$work/nowhere"
grep -q "cannot open directory" "$work/err" || fail "missing directory: $(cat "$work/err")"
expect_rc 2 kb
expect_rc 2 kb frobnicate
expect_rc 2 kb import
expect_rc 2 kb import a.ttl b.ttl
expect_rc 2 kb stats --bogus
expect_rc 2 kb stats --data
expect_rc 0 kb --help
grep -q '^usage: csto-kg kb stats' "$work/out" || fail "kb --help prints no usage"
expect_rc 0 kb import --help
grep -q 'csto-kg kb import FILE' "$work/out" || fail "kb import --help prints no usage"

# An extract with a byte that is not UTF-8 inside a literal: refused with its line and
# byte, and nothing imported (raptor would take the byte and its writer cut the label).
rm -rf "$work/bad" && cp -r "$shipped" "$work/bad"
printf '<http://www.wikidata.org/entity/Q1> <http://www.w3.org/2000/01/rdf-schema#label> "ab\xffcd"@en .\n' \
  >"$work/bad-utf8.nt"
before=$(cat "$work/bad"/kb/*.ttl | md5sum)
expect_rc 1 kb import "$work/bad-utf8.nt" --data "$work/bad"
expect "$(cat "$work/err")" "csto-kg: kb: $work/bad-utf8.nt:1: invalid UTF-8 or NUL at byte 84" \
  "invalid UTF-8 in an extract: message"
expect "$(cat "$work/bad"/kb/*.ttl | md5sum)" "$before" "invalid UTF-8 in an extract: the knowledge base is unchanged"

echo "PASS"
