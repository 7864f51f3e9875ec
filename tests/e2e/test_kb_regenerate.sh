#!/usr/bin/env bash
# The knowledge base is rebuilt from the repository alone: scripts/kb/build_kb.py, run on
# the committed tables (scripts/kb/tables/), writes exactly the committed ontology/kb/
# (user.ttl, which is the user's, aside). A table edited without regenerating, or a
# generated file edited by hand, fails here. The generator's slug() must also follow
# tests/fixtures/slugs.tsv, as csto_slug does (unit.test_normalize).
set -euo pipefail
: "${CSTO_SOURCE_DIR:?run through ctest}"

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
python3 "$CSTO_SOURCE_DIR/scripts/kb/build_kb.py" --out "$out" >/dev/null

shipped="$CSTO_SOURCE_DIR/ontology/kb"
status=0
python3 - "$CSTO_SOURCE_DIR" <<'PY' || status=1
import csv, sys
sys.path.insert(0, sys.argv[1] + "/scripts/kb")
from build_kb import slug
with open(sys.argv[1] + "/tests/fixtures/slugs.tsv", encoding="utf-8", newline="") as f:
    rows = list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))
bad = [(r["name"], slug(r["name"]), r["slug"]) for r in rows if slug(r["name"]) != r["slug"]]
for name, got, want in bad:
    print(f"FAIL: build_kb.slug({name!r}) = {got!r}, slugs.tsv says {want!r}")
sys.exit(1 if bad or len(rows) < 10 else 0)
PY
for f in "$shipped"/*; do
  name=$(basename "$f")
  [ "$name" = user.ttl ] && continue
  if [ ! -e "$out/$name" ]; then
    echo "FAIL: ontology/kb/$name is not generated (stale file?)"
    status=1
  elif ! cmp -s "$f" "$out/$name"; then
    echo "FAIL: ontology/kb/$name differs from what build_kb.py writes:"
    diff -u "$f" "$out/$name" | head -20
    status=1
  fi
done
for f in "$out"/*; do
  [ -e "$shipped/$(basename "$f")" ] || { echo "FAIL: $(basename "$f") is generated but not committed"; status=1; }
done

# terms.tsv's acting column: one csto:acting per "yes" row, on that row's holding only
# (Putin's acting presidency, not the elected term that follows it); any other value refused.
tables="$CSTO_SOURCE_DIR/scripts/kb/tables"
yes=$(awk -F'\t' 'NR > 1 && $11 == "yes"' "$tables/terms.tsv" | wc -l)
written=$(grep -c 'csto:acting "true"^^xsd:boolean' "$out/people.ttl" || true)
[ "$yes" -gt 0 ] && [ "$yes" = "$written" ] ||
  { echo "FAIL: $yes acting rows in terms.tsv, $written csto:acting in people.ttl"; status=1; }
for h in 1999:true 2000:; do
  got=$(awk -v h="res:holding_Vladimir_Putin_HeadOfState_Russia_${h%%:*} " \
    'index($0, h) == 1 { on = 1 } on && /csto:acting/ { print "true" } on && /^$/ { exit }' "$out/people.ttl")
  [ "$got" = "${h#*:}" ] || { echo "FAIL: Putin's ${h%%:*} holding: csto:acting '$got'"; status=1; }
done
bad=$(mktemp -d)
cp "$tables"/*.tsv "$bad/"
awk -F'\t' -v OFS='\t' 'NR == 2 { $11 = "no" } 1' "$tables/terms.tsv" > "$bad/terms.tsv"
if python3 "$CSTO_SOURCE_DIR/scripts/kb/build_kb.py" --tables "$bad" --out "$bad/out" 2>/dev/null; then
  echo "FAIL: an acting value other than yes or empty is accepted"; status=1
fi
rm -rf "$bad"
[ "$status" = 0 ] && echo "PASS: ontology/kb/ is what the tables generate"
exit "$status"
