#!/usr/bin/env bash
# --keep-going: a bad record or file is skipped with one message naming it, every good
# article is kept, and the status says something was skipped.
source "$(dirname "$0")/lib.sh"
seed=$CSTO_SOURCE_DIR/examples/tass-csto-dushanbe-2021.txt
python3 - "$seed" "$CSTO_SOURCE_DIR/tests/articles/05-rferl-csto-moscow-2009.txt" > "$WORK/feed.jsonl" <<'PY'
import json, sys
texts = [open(p, encoding="utf-8").read().split("\n---\n", 1)[1] for p in sys.argv[1:]]
sys.stdout.write(json.dumps({"id": "a-1", "text": texts[0], "url": "https://example.org/1"}) + "\n")
sys.stdout.write('{"id": "broken", "text": "no end\n')
sys.stdout.write(json.dumps({"id": 7, "title": "no text"}) + "\n")
sys.stdout.write(json.dumps({"id": "bad-date", "text": texts[1], "date": "2021-02-30"}) + "\n")
sys.stdout.buffer.write(b'{"id": "latin", "text": "caf\xe9"}\n')
sys.stdout.write(json.dumps({"id": "a-2", "text": texts[1], "url": "https://example.org/2"}) + "\n")
PY
status=0
"$CSTO_KG" extract --jsonl --keep-going -f nquads -o "$WORK/kept.nq" "$WORK/feed.jsonl" 2> "$WORK/err" || status=$?
check "the status is 1 when records were skipped" test "$status" -eq 1
check "every good article is kept (two graphs)" \
  test "$(awk '{print $(NF-1)}' "$WORK/kept.nq" | sort -u | wc -l)" -eq 2
check "the output parses" rapper -q -i nquads -c "$WORK/kept.nq"
check "one message per bad record" test "$(grep -c 'extract: skipped: ' "$WORK/err")" -eq 4
check "bad JSON is named by file and line" grep -q "feed.jsonl:2: invalid JSON" "$WORK/err"
check "a record with an id is named by it" grep -q 'feed.jsonl:3 (id 7): missing string field "text"' "$WORK/err"
check "a bad date names its record" grep -q "feed.jsonl:4 (id bad-date): " "$WORK/err"
check "invalid UTF-8 names its line" grep -q "feed.jsonl:5: invalid UTF-8" "$WORK/err"
check "the run ends with the count" grep -q "extract: 4 records skipped" "$WORK/err"

"$CSTO_KG" extract --jsonl --keep-going -f rdfxml -o "$WORK/kept.rdf" "$WORK/feed.jsonl" 2>/dev/null || true
check "a one-document format (RDF/XML) keeps every good article too" \
  test "$(rapper -q -i rdfxml -o ntriples "$WORK/kept.rdf" | grep -c 'csto-kg/ontology#Article>')" -eq 2

status=0
"$CSTO_KG" extract --jsonl -f nquads -o "$WORK/stopped.nq" "$WORK/feed.jsonl" 2>/dev/null || status=$?
check "without --keep-going the first bad record stops the run" test "$status" -eq 1
check "and leaves no output" test ! -e "$WORK/stopped.nq"

printf 'caf\xe9\n' > "$WORK/latin.txt"
status=0
"$CSTO_KG" extract -k -f ntriples -o "$WORK/files.nt" "$seed" "$WORK/latin.txt" "$seed" 2> "$WORK/err2" || status=$?
check "article files: a bad one is skipped" test "$status" -eq 1
check "article files: the good ones are kept" \
  cmp -s <("$CSTO_KG" extract -f ntriples "$seed" "$seed") "$WORK/files.nt"
check "article files: the bad one is named" grep -q "latin.txt" "$WORK/err2"

status=0
"$CSTO_KG" extract -k -f ntriples -o "$WORK/ok.nt" "$seed" 2>/dev/null || status=$?
check "nothing skipped: status 0" test "$status" -eq 0
finish
