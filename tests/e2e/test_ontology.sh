#!/usr/bin/env bash
# The ontology and the SHACL shapes parse; the shapes accept a hand-written article graph
# that follows docs/ARCHITECTURE.md and reject each hand-made violation for the right reason;
# the validator harness reports parse errors with exit status 2.
set -euo pipefail

src="${CSTO_SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}"
tests="${CSTO_TEST_DIR:-$src/tests}"
fixtures="$tests/fixtures"
ontology="$src/ontology/csto.ttl"
shapes="$src/ontology/shapes.ttl"
# shellcheck source=tests/e2e/shacl_check.sh
source "$tests/e2e/shacl_check.sh"

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
pass() { echo "ok: $*"; }

# --- 1. Both files are valid Turtle, without warnings.
for f in "$ontology" "$shapes"; do
  if rapper -q -i turtle -c "$f" 2>"$tmp/rapper.err" && [ ! -s "$tmp/rapper.err" ]; then
    pass "rapper parses $(basename "$f")"
  else
    fail "rapper -c $f:"; cat "$tmp/rapper.err" >&2
  fi
done

# --- 2. The ontology declares what the output contract relies on.
CSTO="https://w3id.org/csto-kg/ontology#"
rapper -q -i turtle -o ntriples "$ontology" >"$tmp/onto.nt"
has() { grep -qF -- "$1" "$tmp/onto.nt" || fail "ontology lacks: $1"; }
has "<https://w3id.org/csto-kg/ontology> <http://www.w3.org/2002/07/owl#versionIRI> <https://w3id.org/csto-kg/ontology/0.1.0> ."
has "<https://w3id.org/csto-kg/ontology> <http://www.w3.org/2002/07/owl#versionInfo> \"0.1.0\" ."
for role in HeadOfState HeadOfGovernment ForeignMinister DefenceMinister SecurityCouncilSecretary \
            Spokesperson SecretaryGeneral ExecutiveSecretary Chair; do
  has "<${CSTO}${role}> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <${CSTO}Role> ."
done
for mode in InPerson Remote UnspecifiedMode; do
  has "<${CSTO}${mode}> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <${CSTO}AttendanceMode> ."
done
for prop in chairs attends memberOf heldIn date startDate endDate attendee event mode holdsPosition \
            role postIn; do
  has "<${CSTO}${prop}> <http://www.w3.org/2000/01/rdf-schema#domain> "
done
has "<${CSTO}memberOf> <http://www.w3.org/2000/01/rdf-schema#subPropertyOf> <http://www.w3.org/ns/org#memberOf> ."
has "<${CSTO}evidence> <http://www.w3.org/2000/01/rdf-schema#subPropertyOf> <http://www.w3.org/ns/prov#wasDerivedFrom> ."
# Every term the ontology defines has an English and a Russian label.
grep -o "^<${CSTO}[A-Za-z]*>" "$tmp/onto.nt" | sort -u >"$tmp/defined"
for lang in en ru; do
  grep -F "<http://www.w3.org/2000/01/rdf-schema#label>" "$tmp/onto.nt" | grep "\"@${lang} \.$" |
    grep -o "^<${CSTO}[A-Za-z]*>" | sort -u >"$tmp/labelled.$lang"
  missing="$(comm -23 "$tmp/defined" "$tmp/labelled.$lang")"
  [ -z "$missing" ] || fail "terms without an @$lang rdfs:label: $missing"
done
# Every csto: term the shapes and the good fixture use is defined by the ontology.
for f in "$shapes" "$fixtures/contract-good.ttl"; do
  rapper -q -i turtle -o ntriples "$f" | grep -o "<${CSTO}[A-Za-z]*>" | sort -u >"$tmp/used"
  undefined="$(comm -23 "$tmp/used" "$tmp/defined")"
  [ -z "$undefined" ] || fail "$(basename "$f") uses terms the ontology does not define: $undefined"
done
pass "ontology declares the contract's terms"

# --- 3. The conforming sample validates.
if shacl_check "$fixtures/contract-good.ttl" >"$tmp/good.out" 2>&1; then
  pass "contract-good.ttl conforms"
else
  fail "contract-good.ttl does not validate:"; cat "$tmp/good.out" >&2
fi

# --- 4. Each bad sample fails (exit 1) with the expected constraint on the expected node.
declare -A expect=(
  [missing-label]="focus res:Sirojiddin_Muhriddin  path rdfs:label  constraint sh:MinCountConstraintComponent"
  [two-english-labels]="focus res:Sergey_Lavrov  path rdfs:label  constraint sh:MaxCountConstraintComponent"
  [russian-label]="focus res:Dushanbe  path rdfs:label  constraint sh:LanguageInConstraintComponent"
  [bad-mode]="path csto:mode  constraint sh:InConstraintComponent"
  [date-string]="focus res:event_CSTO_2021-09-15  path csto:date  constraint sh:DatatypeConstraintComponent"
  [chair-country-literal]="focus res:event_CSTO_2021-09-15  path csto:chairCountry  constraint sh:NodeKindConstraintComponent"
  [sameas-not-wikidata]="focus res:Russia  path owl:sameAs  constraint sh:PatternConstraintComponent"
  [statement-no-evidence]="focus res:statement_5a1d0c3e9b7f2468_2  path csto:evidence  constraint sh:MinCountConstraintComponent"
  [offset-integer]="path nif:beginIndex  constraint sh:DatatypeConstraintComponent"
  [event-missing-superclass]="focus res:event_CSTO_2021-09-15  path -  constraint sh:ClassConstraintComponent  value res:event_CSTO_2021-09-15  shape csto-shape:EventTypingShape"
)
seen=0
for f in "$fixtures"/contract-bad-*.ttl; do
  [ -e "$f" ] || break
  name="$(basename "$f" .ttl)"; name="${name#contract-bad-}"
  seen=$((seen + 1))
  if [ -z "${expect[$name]:-}" ]; then
    fail "contract-bad-$name.ttl has no expected result in test_ontology.sh"; continue
  fi
  rapper -q -i turtle -c "$f" 2>/dev/null || { fail "contract-bad-$name.ttl is not valid Turtle"; continue; }
  status=0
  shacl_check "$f" >"$tmp/bad.out" 2>&1 || status=$?
  if [ "$status" -ne 1 ]; then
    fail "contract-bad-$name.ttl: exit status $status, expected 1"; cat "$tmp/bad.out" >&2
  elif ! grep -qF -- "${expect[$name]}" "$tmp/bad.out"; then
    fail "contract-bad-$name.ttl: no result '${expect[$name]}'"; cat "$tmp/bad.out" >&2
  else
    pass "contract-bad-$name.ttl rejected ($(grep -c '^Violation' "$tmp/bad.out") result(s))"
  fi
done
[ "$seen" -ge 6 ] || fail "expected at least 6 contract-bad-*.ttl fixtures, found $seen"

# --- 5. The harness: NIF offsets are checked; parse errors exit 2 and name file and line.
sed 's/nif:endIndex "521"^^/nif:endIndex "520"^^/' "$fixtures/contract-good.ttl" >"$tmp/offsets.ttl"
status=0; shacl_check "$tmp/offsets.ttl" >"$tmp/offsets.out" 2>&1 || status=$?
if [ "$status" -eq 1 ] && grep -qF "constraint nif-offsets" "$tmp/offsets.out"; then
  pass "a wrong NIF offset is rejected"
else
  fail "wrong NIF offset: exit $status"; cat "$tmp/offsets.out" >&2
fi
printf '@prefix csto: <https://w3id.org/csto-kg/ontology#> .\n<http://e/a> csto:attends\n  undefined:b .\n' >"$tmp/broken.ttl"
status=0; shacl_check "$tmp/broken.ttl" >"$tmp/broken.out" 2>&1 || status=$?
if [ "$status" -eq 2 ] && grep -qF "broken.ttl:3:" "$tmp/broken.out"; then
  pass "a Turtle syntax error exits 2 with file and line"
else
  fail "syntax error: exit $status"; cat "$tmp/broken.out" >&2
fi
printf '<http://e/a> <http://e/p> <http://e/o> <http://e/g> .\n<http://e/a> <http://e/p> .\n' >"$tmp/broken.nq"
status=0; shacl_check "$tmp/broken.nq" >"$tmp/brokennq.out" 2>&1 || status=$?
if [ "$status" -eq 2 ] && grep -qF "broken.nq:2:" "$tmp/brokennq.out"; then
  pass "an N-Quads syntax error exits 2 with file and line"
else
  fail "N-Quads syntax error: exit $status"; cat "$tmp/brokennq.out" >&2
fi

if [ "$failures" -ne 0 ]; then
  echo "test_ontology: $failures failure(s)" >&2
  exit 1
fi
echo "test_ontology: all checks passed"
