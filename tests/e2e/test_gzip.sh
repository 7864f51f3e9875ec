#!/usr/bin/env bash
# gzip-compressed input (article files and JSON Lines, by content, whatever the name)
# reads as the plain file does; a truncated stream is bad input that names its file.
source "$(dirname "$0")/lib.sh"
seed=$CSTO_SOURCE_DIR/examples/tass-csto-dushanbe-2021.txt
gzip -c "$seed" > "$WORK/seed.txt.gz"
check "a compressed article gives the plain one's graph" \
  cmp -s <("$CSTO_KG" extract -f nt "$seed") <("$CSTO_KG" extract -f nt "$WORK/seed.txt.gz")
check "from standard input too" \
  cmp -s <("$CSTO_KG" extract -f nt "$seed") <("$CSTO_KG" extract -f nt < "$WORK/seed.txt.gz")
python3 - "$CSTO_SOURCE_DIR"/tests/articles/0[1-6]*.txt > "$WORK/feed.jsonl" <<'PY'
import json, sys
for i, p in enumerate(sys.argv[1:]):
    print(json.dumps({"id": i, "text": open(p, encoding="utf-8").read().split("\n---\n", 1)[1], "url": f"https://example.org/{i}"}))
PY
gzip -c "$WORK/feed.jsonl" > "$WORK/feed.jsonl.gz"
check "compressed JSON Lines give the plain file's graph" \
  cmp -s <("$CSTO_KG" extract --jsonl -f nq "$WORK/feed.jsonl") <("$CSTO_KG" extract --jsonl -f nq "$WORK/feed.jsonl.gz")
size=$(stat -c %s "$WORK/feed.jsonl.gz")
head -c $((size * 2 / 3)) "$WORK/feed.jsonl.gz" > "$WORK/cut.gz"
status=0
"$CSTO_KG" extract --jsonl -f nq -o "$WORK/cut.nq" "$WORK/cut.gz" 2> "$WORK/err" || status=$?
check "a truncated stream fails" test "$status" -eq 1
check "naming the file, the line and why" grep -qE "cut.gz:[0-9]+: read failed: unexpected end of file" "$WORK/err"
check "and leaves no output" test ! -e "$WORK/cut.nq"
status=0
"$CSTO_KG" extract --jsonl -k -f nq -o "$WORK/kept.nq" "$WORK/cut.gz" 2> "$WORK/err" || status=$?
check "--keep-going keeps the records before the cut" test "$(awk '{print $(NF-1)}' "$WORK/kept.nq" | sort -u | wc -l)" -ge 1
check "--keep-going reports the cut once" test "$(grep -c 'skipped: ' "$WORK/err")" -eq 1
finish
