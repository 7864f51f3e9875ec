#!/usr/bin/env bash
# extract -j N: the same bytes as -j 1 (output, --trace and --explain, --keep-going's
# messages and status, the first error), in input order; and the progress line, which
# only a terminal (or --progress) gets.
source "$(dirname "$0")/lib.sh"
articles=("$CSTO_SOURCE_DIR"/tests/articles/*.txt)
python3 - "${articles[@]}" > "$WORK/feed.jsonl" <<'PY'
import json, sys
for i, p in enumerate(sys.argv[1:]):
    head, body = open(p, encoding="utf-8").read().split("\n---\n", 1)
    meta = dict(l.split(": ", 1) for l in head.splitlines()[1:] if ": " in l)
    print(json.dumps({"id": i, "text": body, "date": meta.get("date"), "title": meta.get("title"),
                      "url": f"https://example.org/{i}"}))
PY

# same WHAT ARGS...: extract ARGS with -j 2 and -j 4 writes what -j 1 writes, stdout and stderr.
same() {
  local what=$1 j status
  shift
  status=0
  "$CSTO_KG" extract -j 1 "$@" > "$WORK/j1.out" 2> "$WORK/j1.err" || status=$?
  for j in 2 4; do
    local s=0
    "$CSTO_KG" extract -j $j "$@" > "$WORK/j$j.out" 2> "$WORK/j$j.err" || s=$?
    check "$what: -j $j writes the bytes -j 1 writes" cmp "$WORK/j1.out" "$WORK/j$j.out"
    check "$what: -j $j says on stderr what -j 1 says" cmp "$WORK/j1.err" "$WORK/j$j.err"
    check "$what: -j $j ends with -j 1's status ($status)" test "$s" -eq "$status"
  done
}
for f in turtle nquads; do
  same "article files, $f" -f $f "${articles[@]}"
  same "JSON Lines, $f" --jsonl -f $f "$WORK/feed.jsonl"
done
check "the output is not empty" test "$(grep -c . "$WORK/j1.out")" -gt 1000
same "--trace and --explain, in input order" --trace --explain -f nt --jsonl "$WORK/feed.jsonl"
check "the trace names every article" test "$(grep -c . "$WORK/j1.err")" -gt 100

# A bad record in the middle: skipped with its message in its place, or the first error.
python3 - "$WORK/feed.jsonl" > "$WORK/bad.jsonl" <<'PY'
import sys
lines = open(sys.argv[1], encoding="utf-8").read().splitlines(keepends=True)
mid = len(lines) // 2
sys.stdout.write("".join(lines[:mid]) + '{"id": "broken", "text": 1}\n' + "".join(lines[mid:]))
PY
same "--keep-going, a bad record in the middle" -k --trace --jsonl -f nq "$WORK/bad.jsonl"
check "--keep-going: status 1" test "$(
  "$CSTO_KG" extract -j 2 -k --jsonl -f nq "$WORK/bad.jsonl" > /dev/null 2>&1
  echo $?
)" -eq 1
check "--keep-going: the skip is said once (its place: the stderr -j 1 writes)" \
  test "$(grep -c 'skipped: .*(id broken)' "$WORK/j2.err")" -eq 1
check "--keep-going: every good article kept" \
  test "$(awk '{print $(NF-1)}' "$WORK/j2.out" | sort -u | wc -l)" -eq ${#articles[@]}
same "without --keep-going, the first error" --jsonl -f nq "$WORK/bad.jsonl"
check "that error names the bad record" grep -q "bad.jsonl:$((${#articles[@]} / 2 + 1)) (id broken)" "$WORK/j2.err"
status=0
"$CSTO_KG" extract -j 2 --jsonl -f nq -o "$WORK/stopped.nq" "$WORK/bad.jsonl" 2> /dev/null || status=$?
check "and leaves no output file" test "$status" -eq 1 -a ! -e "$WORK/stopped.nq"

# One-document formats run on one thread, with a note.
"$CSTO_KG" extract -j 2 -f rdfxml "${articles[@]:0:3}" > "$WORK/j2.rdf" 2> "$WORK/j2.rdf.err"
check "rdfxml under -j 2: the -j 1 document" \
  cmp -s "$WORK/j2.rdf" <("$CSTO_KG" extract -f rdfxml "${articles[@]:0:3}")
check "rdfxml under -j 2: a note says one thread" grep -q "one thread" "$WORK/j2.rdf.err"
status=0
"$CSTO_KG" extract -j 0 "${articles[0]}" > /dev/null 2>&1 || status=$?
check "-j 0 is a usage error" test "$status" -eq 2

# The progress line: forced, it appears; not a terminal, nothing extra.
"$CSTO_KG" extract -j 2 --progress -f nt --jsonl -o "$WORK/p.nt" "$WORK/feed.jsonl" 2> "$WORK/p.err"
check "--progress draws a line on stderr" grep -qE $'\r''extract: [0-9]+ articles?, [0-9.]+ MB, [0-9.]+ MB/s' "$WORK/p.err"
check "it knows the input's size: time left" grep -q ' left' "$WORK/p.err"
check "and clears it at the end" test "$(tail -c 1 "$WORK/p.err")" = $'\r'
"$CSTO_KG" extract -j 2 -f nt --jsonl -o "$WORK/q.nt" "$WORK/feed.jsonl" 2> "$WORK/q.err"
check "stderr not a terminal: no progress line" test ! -s "$WORK/q.err"
if command -v script > /dev/null; then
  script -qec "'$CSTO_KG' extract -f nt --jsonl -o '$WORK/t.nt' '$WORK/feed.jsonl'" /dev/null > "$WORK/tty.out"
  check "a terminal gets it without asking" grep -q 'MB/s' "$WORK/tty.out"
  script -qec "'$CSTO_KG' extract --no-progress -f nt --jsonl -o '$WORK/t.nt' '$WORK/feed.jsonl'" /dev/null > "$WORK/tty.out"
  check "--no-progress: not even a terminal" test ! -s "$WORK/tty.out"
fi
finish
