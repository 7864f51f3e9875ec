#!/usr/bin/env bash
# A JSON Lines record's id names its article (percent-encoded under the base); an article
# without one is named by the 128-bit hash of its URL (or body). The names of its text,
# statements and extraction follow; a repeated id is refused; load reads standard input.
source "$(dirname "$0")/lib.sh"
RES=https://w3id.org/csto-kg/resource/
text='The CSTO foreign ministers met in Dushanbe on 15 September 2021. Sergey Lavrov attended the meeting.'
feed=$WORK/feed.jsonl
{
  printf '{"id": "TASS 2021/09#3", "date": "2021-09-16", "text": "%s"}\n' "$text"
  printf '{"id": 17, "date": "2021-09-16", "text": "%s"}\n' "$text"
  printf '{"id": "\\u041c\\u043e\\u0441\\u043a\\u0432\\u0430_1", "text": "%s"}\n' "$text"
  printf '{"url": "https://news.example/a/1", "date": "2021-09-16", "text": "%s"}\n' "$text"
} > "$feed"
"$CSTO_KG" extract --jsonl -f nquads -o "$WORK/feed.nq" "$feed"
graphs=$(grep -o '<[^>]*> \.$' "$WORK/feed.nq" | sort -u)
has_graph() { grep -qxF "<$RES$1> ." <<<"$graphs"; }
check "a plain id, percent-encoded" has_graph 'article_TASS%202021%2F09%233'
check "an integer id" has_graph 'article_17'
check "non-ASCII letters stay, '_' is encoded" has_graph $'article_\u041c\u043e\u0441\u043a\u0432\u0430%5F1'
check "no id: 32 hex digits" grep -qE "^<${RES}article_[0-9a-f]{32}> \.\$" <<<"$graphs"
check "four graphs, no more" test "$(wc -l <<<"$graphs")" -eq 4
check "statements follow the id" grep -qF "<${RES}statement_TASS%202021%2F09%233_1>" "$WORK/feed.nq"
check "text follows the id" grep -qF "<${RES}article_17_char_0_" "$WORK/feed.nq"
check "extraction follows the id" grep -qF "<${RES}extraction_17>" "$WORK/feed.nq"
check "N-Quads parse back" rapper -q -i nquads -c "$WORK/feed.nq"
"$CSTO_KG" extract --jsonl -o "$WORK/feed.ttl" "$feed"
check "Turtle parses back" rapper -q -i turtle -c "$WORK/feed.ttl"
ask "$WORK/feed.ttl" "the article node is the id's IRI" \
  "<${RES}article_TASS%202021%2F09%233> a csto:Article"
ask "$WORK/feed.ttl" "a statement cites the id's article" \
  "?s prov:wasDerivedFrom <${RES}article_17> ; csto:evidence ?e . ?e nif:referenceContext ?c ."

# the same URL names the same article, from a file as from JSON Lines
printf -- '---\nurl: https://news.example/a/1\ndate: 2021-09-16\n---\n%s\n' "$text" > "$WORK/a.txt"
hash_iri=$(grep -oE "${RES}article_[0-9a-f]{32}" <<<"$graphs" | head -n 1)
check "a file with the URL gets the same IRI" grep -qF "<$hash_iri>" <("$CSTO_KG" extract -f nt "$WORK/a.txt")

# a repeated id: refused, naming file and line; --keep-going skips that record
dup=$WORK/dup.jsonl
{ head -n 2 "$feed"; sed -n 2p "$feed"; } > "$dup"
set +e
err=$("$CSTO_KG" extract --jsonl -o "$WORK/dup.ttl" "$dup" 2>&1); rc=$?
kept=$("$CSTO_KG" extract --jsonl -k -f nquads "$dup" 2>/dev/null | grep -o '<[^>]*> \.$' | sort -u | wc -l)
set -e
check "a repeated id fails the run" test "$rc" -eq 1
check "the message names file, line and id" grep -qF "$dup:3 (id 17): duplicate id (line 2 gave it first)" <<<"$err"
check "--keep-going keeps the first two" test "$kept" -eq 2

# load reads standard input: articles, JSON Lines, a graph file with --format
S=$WORK/kg.sqlite
out=$("$CSTO_KG" load --store "$S" --jsonl < "$feed")
check "load --jsonl from a pipe: four graphs" test "$(grep -c '^<stdin>: <' <<<"$out")" -eq 4
check "... each named by its id" grep -qF "<stdin>: <${RES}article_17>: " <<<"$out"
out=$("$CSTO_KG" load --store "$S" --format nquads - < "$WORK/feed.nq")
check "the same graphs again from --format nquads: nothing added" \
  test "$(grep -c ' 0 added to and 0 removed' <<<"$out")" -eq 4
out=$("$CSTO_KG" load --store "$S" - < "$WORK/a.txt")
check "an article file from standard input replaces its own graph" \
  grep -qF "<stdin>: <$hash_iri>: " <<<"$out"
check "delete by the id's IRI" "$CSTO_KG" delete --store "$S" "${RES}article_TASS%202021%2F09%233"
set +e
err=$(echo '<a> <b' | "$CSTO_KG" load --store "$S" --format nt 2>&1); rc=$?
"$CSTO_KG" load --store "$S" --format n3 - < /dev/null 2>/dev/null; rc2=$?
set -e
check "a bad graph on standard input: status 1" test "$rc" -eq 1
check "... named <stdin> with its line" grep -qF "load: <stdin>:1: " <<<"$err"
check "an unknown --format: status 2" test "$rc2" -eq 2
finish
