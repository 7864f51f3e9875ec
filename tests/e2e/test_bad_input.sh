#!/usr/bin/env bash
# Bad input: every broken article makes `extract` fail cleanly - a non-zero exit that is not
# a crash, one line on stderr naming the file (and line or byte), and no output file left
# behind, not even a temporary.
source "$(dirname "$0")/lib.sh"
IN=$WORK/in
OUT=$WORK/out
mkdir -p "$IN"

# fails DESCRIPTION EXPECTED-STDERR-LINE EXTRACT-ARGS...: run `extract -o out.ttl ARGS` in an
# empty folder and check how it failed.
fails() {
  local what=$1 expected=$2 status=0 err
  shift 2
  rm -rf "$OUT" && mkdir "$OUT"
  "$CSTO_KG" extract -o "$OUT/out.ttl" "$@" >"$WORK/stdout" 2>"$WORK/stderr" || status=$?
  err=$(cat "$WORK/stderr")
  verdict "$what: exits non-zero without a crash (status $status)" \
    test "$status" -ne 0 -a "$status" -lt 128
  verdict "$what: stderr is one line" test "$(wc -l <"$WORK/stderr")" -eq 1
  verdict "$what: stderr is '$expected'" test "$err" = "$expected"
  verdict "$what: nothing on stdout" test ! -s "$WORK/stdout"
  verdict "$what: no out.ttl and no temporary left" test -z "$(ls -A "$OUT")"
  if [ "$err" != "$expected" ]; then
    echo "   got: $err"
  fi
}

# verdict DESCRIPTION COMMAND...: like lib.sh's check, for a test command.
verdict() {
  local what=$1
  shift
  checks=$((checks + 1))
  if "$@"; then echo "ok: $what"; else echo "FAIL: $what"; failures=$((failures + 1)); fi
}

f=$IN/bad-utf8.txt
printf 'The CSTO met.\nIn Dushanbe \xff on Wednesday.\n' >"$f"
fails "invalid UTF-8" "csto-kg: $f:2: invalid UTF-8 at byte 26" "$f"

f=$IN/nul.txt
printf -- '---\ndate: 2021-09-15\n---\nThe CSTO\0 met.\n' >"$f"
fails "NUL byte" "csto-kg: $f:4: NUL byte at byte 33" "$f"

f=$IN/empty.txt
: >"$f"
fails "empty file" "csto-kg: $f: empty file" "$f"

f=$IN/no-body.txt
printf -- '---\ndate: 2021-09-15\n---\n \n\n' >"$f"
fails "front matter and no body" "csto-kg: $f:4: article has no body" "$f"

f=$IN/unclosed.txt
printf -- '---\ndate: 2021-09-15\nThe CSTO met in Dushanbe.\n' >"$f"
fails "front matter never closed" "csto-kg: $f:1: front matter opened here is never closed" "$f"

f=$IN/bad-date.txt
printf -- '---\noutlet: TASS\ndate: 2021-02-29\n---\nThe CSTO met in Dushanbe.\n' >"$f"
fails "unparseable date" \
  "csto-kg: $f:3: unparseable date '2021-02-29' (expected YYYY-MM-DD)" "$f"

f=$IN/does-not-exist.txt
fails "nonexistent file" "csto-kg: $f: cannot open: No such file or directory" "$f"

fails "a directory" "csto-kg: $IN: is a directory, not an article file" "$IN"

# A good article first: the bad one after it still leaves no output at all.
good=$IN/good.txt
printf -- '---\ndate: 2021-09-15\n---\nThe CSTO met in Dushanbe.\n' >"$good"
f=$IN/bad-utf8.txt
fails "bad second file" "csto-kg: $f:2: invalid UTF-8 at byte 26" "$good" "$f"

fails "invalid UTF-8 on stdin" "csto-kg: <stdin>:1: invalid UTF-8 at byte 4" - < <(printf 'abc \xc3(\n')

# 50 MB on one line, over the 16 MiB default: refused from its size, through a pipe too.
f=$IN/huge.txt
head -c $((50 * 1024 * 1024)) /dev/zero | tr '\0' 'x' >"$f"
fails "50 MB article" \
  "csto-kg: $f: 52428800 bytes, over the limit of 16777216 bytes for one article" "$f"
fails "50 MB article on stdin" \
  "csto-kg: <stdin>: at least 16777217 bytes, over the limit of 16777216 bytes for one article" \
  - < <(cat "$f" 2>/dev/null || true)
fails "--max-bytes" "csto-kg: $good: 51 bytes, over the limit of 10 bytes for one article" \
  --max-bytes 10 "$good"
rm -f "$f"

# JSON Lines.
f=$IN/broken.jsonl
printf '{"text": "The CSTO met in Dushanbe.", "date": "2021-09-15"}\n\n{"text": oops}\n' >"$f"
fails "broken JSON line" "csto-kg: $f:3: invalid JSON: invalid token near 'oops' (column 13)" \
  --jsonl "$f"
f=$IN/no-text.jsonl
printf '{"title": "no text"}\n' >"$f"
fails "JSON line without text" "csto-kg: $f:1: missing string field \"text\"" --jsonl "$f"
f=$IN/array.jsonl
printf '["The CSTO met."]\n' >"$f"
fails "JSON line not an object" "csto-kg: $f:1: expected a JSON object" --jsonl "$f"
f=$IN/nul.jsonl
printf '{"text": "The CSTO\\u0000 met."}\n' >"$f"
fails "JSON text with \\u0000" \
  "csto-kg: $f:1: NUL character (\\u0000) at byte 8 of field \"text\"" --jsonl "$f"
f=$IN/date.jsonl
printf '{"text": "The CSTO met.", "date": "15 September 2021"}\n' >"$f"
fails "JSON line with a bad date" \
  "csto-kg: $f:1: unparseable date '15 September 2021' (expected YYYY-MM-DD)" --jsonl "$f"
f=$IN/long.jsonl
printf '{"text": "%s"}\n' "$(head -c 100 /dev/zero | tr '\0' x)" >"$f"
fails "JSON line over --max-bytes" \
  "csto-kg: $f:1: line over the limit of 50 bytes for one article" --max-bytes 50 --jsonl "$f"

# Bad overrides are refused the same way.
fails "bad --date" "csto-kg: unparseable date '2021-9-15' (expected YYYY-MM-DD)" \
  --date 2021-9-15 "$good"

# And the good article alone does go through.
rm -rf "$OUT" && mkdir "$OUT"
check "the good article extracts" "$CSTO_KG" extract -o "$OUT/out.ttl" "$good"
verdict "its output exists" test -s "$OUT/out.ttl"
finish
