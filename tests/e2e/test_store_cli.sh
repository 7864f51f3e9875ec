#!/usr/bin/env bash
# csto-kg load + delete + query --store: create, load graph files and articles, the merged
# graph (each triple once), reload without duplicates, replace a new version, delete
# exactly, a bad file changes nothing, the store is refused when it is not one, and
# librdf's own sqlite storage reads what csto-kg wrote.
set -euo pipefail
: "${CSTO_KG:?set CSTO_KG to the csto-kg binary}" "${CSTO_TEST_DIR:?set CSTO_TEST_DIR}"
: "${CSTO_SOURCE_DIR:?set CSTO_SOURCE_DIR}"
F=$CSTO_TEST_DIR/fixtures
A=$F/store-a.ttl
B=$F/store-b.ttl
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
S=$T/kg.sqlite
ART_A=https://w3id.org/csto-kg/resource/article_00000000000000a1
ART_B=https://w3id.org/csto-kg/resource/article_00000000000000b2
MERGED=https://w3id.org/csto-kg/graph/merged

fail() { echo "FAIL: $*" >&2; exit 1; }
expect_eq() { [ "$1" = "$2" ] || fail "$3: expected [$2], got [$1]"; }
count() { "$CSTO_KG" query --store "$S" --results csv 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }' | tr -d '\r' | tail -n 1; }
graphs() {
  "$CSTO_KG" query --store "$S" --results csv \
    'SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g' | tr -d '\r'
}

# a missing store is not created by a query
set +e
err=$("$CSTO_KG" query --store "$S" 'ASK {}' 2>&1); rc=$?
set -e
expect_eq "$rc" "1" "query on a missing store"
[[ $err == *"no such store"* ]] || fail "missing store message: $err"
[ -e "$S" ] && fail "query created the store"

# load: one line per graph: provenance in the article's graph, the rest merged
out=$("$CSTO_KG" load --store "$S" "$A" "$B")
expect_eq "$out" "$A: <$ART_A>: 44 triples (24 in its own graph; 20 added to and 0 removed from the merged graph)
$B: <$ART_B>: 31 triples (7 in its own graph; 17 added to and 0 removed from the merged graph)" "load output"
expect_eq "$(count)" "68" "count after first load (7 triples both state, kept once)"
# The store is librdf's sqlite storage: librdf's own reader (rdfproc) sees the same triples.
expect_eq "$(rdfproc -s sqlite -t "new='no'" "$S" size 2>/dev/null | grep -o '[0-9]*')" "68" \
  "librdf's sqlite storage reading the store"
expect_eq "$(graphs)" "g,n
$MERGED,37
$ART_A,24
$ART_B,7" "graphs after first load"

# load again (twice): same triple count, no duplicates
"$CSTO_KG" load --store "$S" "$A" "$B" > /dev/null
"$CSTO_KG" load --store "$S" "$A" > /dev/null
expect_eq "$(count)" "68" "count after reloading"
expect_eq "$(graphs)" "g,n
$MERGED,37
$ART_A,24
$ART_B,7" "graphs after reloading"

# a new version of article A replaces the old one
sed -e '/csto:chairs/d' "$A" > "$T/a-v2.ttl"
"$CSTO_KG" load --store "$S" "$T/a-v2.ttl" > /dev/null
expect_eq "$(count)" "67" "count after new version"
set +e
"$CSTO_KG" query --store "$S" 'PREFIX csto: <https://w3id.org/csto-kg/ontology#>
  PREFIX res: <https://w3id.org/csto-kg/resource/>
  ASK { res:Sirojiddin_Muhriddin csto:chairs ?e }' > /dev/null
expect_eq "$?" "1" "old fact gone"
set -e
"$CSTO_KG" load --store "$S" "$A" > /dev/null

# delete: B's provenance goes, and what only B stated; what A states too stays
out=$("$CSTO_KG" delete --store "$S" "$ART_B")
expect_eq "$out" "deleted <$ART_B>: 31 triples (17 removed from the merged graph)" "delete output"
expect_eq "$(count)" "44" "count after deleting B"
"$CSTO_KG" query --store "$S" 'PREFIX csto: <https://w3id.org/csto-kg/ontology#>
  PREFIX res: <https://w3id.org/csto-kg/resource/>
  ASK { res:Sergey_Lavrov a csto:Person }' > /dev/null || fail "a triple A states too left with B"
set +e
err=$("$CSTO_KG" delete --store "$S" "$ART_B" https://example.org/none 2>&1); rc=$?
set -e
expect_eq "$rc" "1" "deleting what is not there"
[[ $err == *"holds no graph <$ART_B>"* ]] || fail "delete message: $err"
set +e
"$CSTO_KG" delete --store "$T/none.sqlite" "$ART_B" 2>/dev/null; rc=$?
set -e
expect_eq "$rc" "1" "delete on a missing store"
[ -e "$T/none.sqlite" ] && fail "delete created a store"
"$CSTO_KG" load --store "$S" "$B" > /dev/null

# articles are extracted on the way: the same graphs as extracting, then loading the file
ART=$CSTO_SOURCE_DIR/examples/tass-csto-dushanbe-2021.txt
"$CSTO_KG" extract -f nquads -o "$T/seed.nq" "$ART"
"$CSTO_KG" load --store "$T/via-file.sqlite" "$T/seed.nq" > /dev/null
"$CSTO_KG" load --store "$T/direct.sqlite" "$ART" > "$T/direct.out"
grep -q "^$ART: <https://w3id.org/csto-kg/resource/article_[0-9a-f]*>: [0-9]* triples" "$T/direct.out" ||
  fail "article load output: $(cat "$T/direct.out")"
dump() {
  "$CSTO_KG" query --store "$1" --results tsv \
    'SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g ?s ?p ?o'
}
[ "$(dump "$T/direct.sqlite")" = "$(dump "$T/via-file.sqlite")" ] || fail "article load differs from file load"
# N-Quads holding several articles: split by article, each its own graph
"$CSTO_KG" extract -f nquads -o "$T/two.nq" "$ART" "$CSTO_TEST_DIR/articles/01-tass-csto-yerevan-2022.txt"
expect_eq "$("$CSTO_KG" load --store "$T/two.sqlite" "$T/two.nq" | grep -c ': <https://w3id.org/csto-kg/resource/article_')" \
  "2" "two articles in one N-Quads file"
"$CSTO_KG" load --store "$T/apart.sqlite" "$ART" "$CSTO_TEST_DIR/articles/01-tass-csto-yerevan-2022.txt" > /dev/null
[ "$(dump "$T/two.sqlite")" = "$(dump "$T/apart.sqlite")" ] || fail "N-Quads of two articles differs from the articles loaded apart"
# Turtle holding several articles cannot be split by article: refused, store unchanged
"$CSTO_KG" extract -f turtle -o "$T/two.ttl" "$ART" "$CSTO_TEST_DIR/articles/01-tass-csto-yerevan-2022.txt"
set +e
err=$("$CSTO_KG" load --store "$T/direct.sqlite" "$T/two.ttl" 2>&1 >/dev/null); rc=$?
set -e
expect_eq "$rc" "1" "several articles in one Turtle graph"
[[ $err == *"several articles in one graph"*"-f nquads"* ]] || fail "several articles message: $err"
[ "$(dump "$T/direct.sqlite")" = "$(dump "$T/via-file.sqlite")" ] || fail "a refused file changed the store"
# JSON Lines: each article its own graph
printf '{"url": "https://example.org/1", "date": "2021-09-15", "text": "%s"}\n{"url": "https://example.org/2", "date": "2021-09-16", "text": "%s"}\n' \
  "Sergey Lavrov met with Sirojiddin Muhriddin in Dushanbe." \
  "Sergey Lavrov met with Sirojiddin Muhriddin in Dushanbe." > "$T/two.jsonl"
expect_eq "$("$CSTO_KG" load --store "$T/jsonl.sqlite" --jsonl "$T/two.jsonl" | wc -l)" "2" "two JSON Lines articles"
# a broken line: the file's articles are not stored (one transaction), the message names
# the line, and the next file is loaded as if nothing had happened
{ head -n 1 "$T/two.jsonl"; printf '{"url": "https://example.org/3", "text": \n'; } > "$T/broken.jsonl"
set +e
err=$("$CSTO_KG" load --store "$T/broken.sqlite" --jsonl "$T/broken.jsonl" "$T/two.jsonl" 2>&1 >/dev/null); rc=$?
set -e
expect_eq "$rc" "1" "broken JSON line"
[[ $err == *"broken.jsonl:2:"* ]] || fail "broken JSON line message: $err"
[ "$(dump "$T/broken.sqlite")" = "$(dump "$T/jsonl.sqlite")" ] || fail "the broken file left something, or the next file differs"


# ASK exit codes over the store
"$CSTO_KG" query --store "$S" 'PREFIX csto: <https://w3id.org/csto-kg/ontology#>
  PREFIX res: <https://w3id.org/csto-kg/resource/>
  ASK { res:Vladimir_Putin csto:attends ?e }' > /dev/null || fail "ASK true over store"

# a bad file: non-zero, names the file and line, store unchanged (byte for byte)
cp "$A" "$T/bad.ttl"
printf 'res:broken csto:attends "unterminated .\n' >> "$T/bad.ttl"
sum_before=$(sqlite3 "$S" 'SELECT count(*), total(subjectUri), total(objectLiteral) FROM triples')
set +e
err=$("$CSTO_KG" load --store "$S" "$T/bad.ttl" 2>&1 >/dev/null); rc=$?
set -e
expect_eq "$rc" "1" "bad file exit"
[[ $err == "csto-kg: load: $T/bad.ttl:"[0-9]*": "* ]] || fail "bad file message: $err"
expect_eq "$(count)" "68" "count after bad file"
expect_eq "$(sqlite3 "$S" 'SELECT count(*), total(subjectUri), total(objectLiteral) FROM triples')" \
  "$sum_before" "rows after bad file"

# good files around a bad one are still loaded; exit status says something failed
rm -f "$T/two.sqlite"
set +e
out=$("$CSTO_KG" load --store "$T/two.sqlite" "$A" "$T/bad.ttl" "$B" 2>/dev/null); rc=$?
set -e
expect_eq "$rc" "1" "mixed exit"
expect_eq "$(echo "$out" | wc -l)" "2" "mixed: two files loaded"

# not a store: refused, and not wiped
echo "precious" > "$T/notes.txt"
set +e
"$CSTO_KG" load --store "$T/notes.txt" "$A" 2>/dev/null; rc=$?
set -e
expect_eq "$rc" "1" "not a store"
expect_eq "$(cat "$T/notes.txt")" "precious" "not a store is left alone"

# usage errors
set +e
"$CSTO_KG" load "$A" 2>/dev/null; expect_eq "$?" "2" "load without --store"
err=$("$CSTO_KG" load --store "$S" 2>&1 < /dev/null); expect_eq "$?" "1" "load without files reads standard input"
[[ $err == *"<stdin>: empty file"* ]] || fail "load of an empty standard input: $err"
"$CSTO_KG" delete "$ART_A" 2>/dev/null; expect_eq "$?" "2" "delete without --store"
"$CSTO_KG" query --store "$S" 'ASK {}' "$A" 2>/dev/null; expect_eq "$?" "2" "--store and files"
set -e
# Two loads at once into a store that does not exist yet: the second waits for the first
# (no "database is locked", no store created twice), and both articles are there.
S2=$T/concurrent.sqlite
"$CSTO_KG" load --store "$S2" "$A" >"$T/first.out" 2>&1 &
first=$!
"$CSTO_KG" load --store "$S2" "$B" >"$T/second.out" 2>&1 &
second=$!
wait $first || fail "first concurrent load: $(cat "$T/first.out")"
wait $second || fail "second concurrent load: $(cat "$T/second.out")"
S=$S2
expect_eq "$(graphs)" "g,n
$MERGED,37
$ART_A,24
$ART_B,7" "graphs after two concurrent loads"
[ -e "$T/missing.sqlite.lock" ] && fail "a query made a lock file"
echo "ok: store CLI"
