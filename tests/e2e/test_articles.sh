#!/usr/bin/env bash
# Articles written for these tests (tests/articles, with gold facts): every output parses
# back, conforms to the SHACL shapes with exact NIF offsets, and the pooled scores from
# `csto-kg eval` stay at or above what the extractor reached when this test was written.
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/shacl_check.sh"
MIN_F1=0.92
MIN_MODE=0.95

outputs=()
for article in "$CSTO_SOURCE_DIR"/tests/articles/*.txt; do
  name=$(basename "$article" .txt)
  out=$WORK/$name.ttl
  "$CSTO_KG" extract -o "$out" "$article"
  check "$name parses back" rapper -q -i turtle -c "$out"
  "$CSTO_KG" eval --json "$out" "${article%.txt}.gold.tsv" > "$WORK/$name.json"
  outputs+=("$out")
done
check "all outputs conform to ontology/shapes.ttl" shacl_check "${outputs[@]}"

pooled=$(python3 - "$WORK"/*.json <<'PY'
import json, sys
c = s = f = g = 0; modes = []
for path in sys.argv[1:]:
    r = json.load(open(path))
    for rel in ("chairs", "attends", "memberOf", "heldIn", "date", "position"):
        c += r[rel]["correct"]; s += r[rel]["system"]; f += r[rel]["tp"]; g += r[rel]["gold"]
    if r["mode_accuracy"] is not None:
        modes.append(r["mode_accuracy"])
p, rc = c / s, f / g
print(f"{2 * p * rc / (p + rc):.3f} {sum(modes) / len(modes):.3f}")
PY
)
read -r f1 mode <<<"$pooled"
echo "pooled micro F1 $f1, mode accuracy $mode over ${#outputs[@]} articles"
check "pooled micro F1 $f1 >= $MIN_F1" python3 -c "import sys; sys.exit(not $f1 >= $MIN_F1)"
check "mode accuracy $mode >= $MIN_MODE" python3 -c "import sys; sys.exit(not $mode >= $MIN_MODE)"
finish
