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

# Numbers are whole numbers in range, never silently a default.
for bad in abc 1e9 0 -1; do
  fails "--max-bytes $bad" \
    "csto-kg: --max-bytes: '$bad' is not a whole number from 1 to 18446744073709551615" \
    --max-bytes "$bad" "$good"
done
for bad in abc 0 -1; do
  verdict "push --timeout $bad: refused with a message" test "$("$CSTO_KG" push \
    --endpoint http://127.0.0.1:9/ --timeout "$bad" "$good" 2>&1; echo "status $?")" = \
    "csto-kg: --timeout: '$bad' is not a whole number from 1 to 86400
status 2"
done

# URLs and bases that would make relative or unparseable IRIs.
f=$IN/relative-url.txt
printf -- '---\nurl: x y\n---\nz\n' >"$f"
fails "a URL without a scheme" \
  "csto-kg: $f:2: URL 'x y' is not absolute: it needs a scheme, such as https:" "$f"
f=$IN/relative-url.jsonl
printf '{"text": "The CSTO met.", "url": "example.org/a"}\n' >"$f"
fails "a JSON URL without a scheme" \
  "csto-kg: $f:1: URL 'example.org/a' is not absolute: it needs a scheme, such as https:" --jsonl "$f"
fails "--url without a scheme" \
  "csto-kg: URL 'a b' is not absolute: it needs a scheme, such as https:" --url 'a b' "$good"
fails "an empty --base" \
  "csto-kg: base IRI '' is not absolute: it needs a scheme, such as https:" --base '' "$good"
fails "a relative --base" \
  "csto-kg: base IRI 'kg/' is not absolute: it needs a scheme, such as https:" --base 'kg/' "$good"
fails "a --base with a space" \
  "csto-kg: base IRI 'http://ex.org/a b/' holds a character an IRI cannot (byte 16)" \
  --base 'http://ex.org/a b/' "$good"
fails "a --base with '>'" \
  "csto-kg: base IRI 'http://ex.org/>' holds a character an IRI cannot (byte 15)" \
  --base 'http://ex.org/>' "$good"

# Text RDF cannot carry as it is (noncharacters, a lone CR, controls XML forbids) is
# normalized, one code point for one, and every format parses back to the same triples.
printf -- '---\ndate: 2021-09-15\ntitle: a\rb\n---\nThe CSTO \xef\xbf\xbe met\rin Minsk \x01 today.\xef\xbf\xbf\n' \
  >"$IN/unwritable.txt"
rapper_syntax() { case $1 in turtle) echo turtle ;; ntriples) echo ntriples ;; rdfxml) echo rdfxml ;; json) echo json ;; esac; }
for format in ntriples turtle rdfxml json; do
  "$CSTO_KG" extract -f "$format" -o "$WORK/unwritable.$format" "$IN/unwritable.txt"
  rapper -q -i "$(rapper_syntax $format)" -o ntriples "$WORK/unwritable.$format" http://x/ \
    >"$WORK/unwritable.$format.nt" 2>"$WORK/rapper.err" || true
  verdict "unwritable text: $format parses back without error" test ! -s "$WORK/rapper.err"
  verdict "unwritable text: $format keeps every triple" \
    test "$(wc -l <"$WORK/unwritable.$format.nt")" -eq "$(wc -l <"$WORK/unwritable.ntriples.nt")"
done
verdict "unwritable text: noncharacters and controls become U+FFFD, a lone CR a LF" \
  grep -qF '"The CSTO \uFFFD met\nin Minsk \uFFFD today.\uFFFD\n"' "$WORK/unwritable.ntriples.nt"
verdict "unwritable text: the offsets still count the text's code points" \
  grep -qF 'char_0_34>' "$WORK/unwritable.ntriples.nt"

# A date past 9999-12-31 is no date, not year 0000.
printf -- '---\ndate: 9999-12-31\n---\nThe CSTO summit will be held tomorrow.\n' >"$IN/y10k.txt"
"$CSTO_KG" extract -f ntriples -o "$WORK/y10k.nt" "$IN/y10k.txt"
verdict "year 10000: no event date" test -z "$(grep -e 'ontology#date>' -e 'ontology#startDate>' "$WORK/y10k.nt")"

# Outputs that are not regular files: a device and a FIFO are written in place (never
# replaced), a symbolic link's file is replaced, a directory is refused; a stopped run
# leaves no temporary.
check "-o /dev/null" "$CSTO_KG" extract -o /dev/null "$good"
verdict "-o /dev/null: still a character device" test -c /dev/null
mkfifo "$WORK/fifo"
(wc -c <"$WORK/fifo" >"$WORK/fifo.count") &
reader=$!
check "-o FIFO" "$CSTO_KG" extract -o "$WORK/fifo" "$good"
wait $reader
verdict "-o FIFO: still a FIFO, and the graph went through it" \
  test -p "$WORK/fifo" -a "$(cat "$WORK/fifo.count")" -gt 100
echo old >"$WORK/real.ttl"
ln -s real.ttl "$WORK/link.ttl"
check "-o a symbolic link" "$CSTO_KG" extract -o "$WORK/link.ttl" "$good"
verdict "-o a symbolic link: still a link, its file replaced" \
  test -L "$WORK/link.ttl" -a "$(wc -c <"$WORK/real.ttl")" -gt 100
mkdir "$WORK/dir.ttl"
verdict "-o a directory: refused with a message" test "$("$CSTO_KG" extract -o "$WORK/dir.ttl" "$good" 2>&1)" = \
  "csto-kg: $WORK/dir.ttl: cannot write output: it is a directory"
mkdir -p "$WORK/stop"
for i in $(seq 1 3000); do printf '{"text": "Lavrov took part in the CSTO meeting in Minsk.", "url": "https://e.org/%d"}\n' "$i"; done >"$WORK/many.jsonl"
"$CSTO_KG" extract --jsonl -o "$WORK/stop/out.ttl" "$WORK/many.jsonl" &
job=$!
sleep 0.3
kill -TERM $job 2>/dev/null || true
wait $job || true
verdict "SIGTERM: no temporary left" test -z "$(ls -A "$WORK/stop" | grep tmp || true)"

# A file converted to UTF-8 twice starts with two byte order marks: its front matter is
# still front matter.
printf '\xef\xbb\xbf\xef\xbb\xbf---\ndate: 2021-09-15\nurl: https://e.org/a\n---\nThe CSTO met.\n' >"$IN/boms.txt"
"$CSTO_KG" extract -f ntriples -o "$WORK/boms.nt" "$IN/boms.txt"
verdict "two byte order marks: the front matter's URL is read" grep -qF '<https://e.org/a>' "$WORK/boms.nt"

# And the good article alone does go through.
rm -rf "$OUT" && mkdir "$OUT"
check "the good article extracts" "$CSTO_KG" extract -o "$OUT/out.ttl" "$good"
verdict "its output exists" test -s "$OUT/out.ttl"
finish
