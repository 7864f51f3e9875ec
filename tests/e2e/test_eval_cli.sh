# End-to-end: `csto-kg eval` on the fixture graphs, as a user runs it. The expected
# figures were checked against the reference scorer (shared/tools/score.py), which prints
# the same text and JSON.
set -uo pipefail
: "${CSTO_KG:?run through ctest}" "${CSTO_TEST_DIR:?run through ctest}"
FIX=$CSTO_TEST_DIR/fixtures/eval
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
checks=0
failures=0

ok() { checks=$((checks + 1)); echo "ok: $1"; }
bad() { checks=$((checks + 1)); failures=$((failures + 1)); echo "FAIL: $1"; }

# run ARGS...: the exit status in $rc, standard output and error in $WORK/out, $WORK/err.
run() {
  "$CSTO_KG" eval "$@" >"$WORK/out" 2>"$WORK/err"
  rc=$?
}

# expect_rc WHAT WANT
expect_rc() {
  if [ "$rc" -eq "$2" ]; then ok "$1 (exit $rc)"; else bad "$1: exit $rc, wanted $2"; cat "$WORK/err"; fi
}

# expect_line WHAT LINE: standard output holds exactly this line.
expect_line() {
  if grep -qxF -- "$2" "$WORK/out"; then ok "$1"; else bad "$1: no line '$2' in:"; cat "$WORK/out"; fi
}

# expect_err WHAT TEXT: standard error contains TEXT.
expect_err() {
  if grep -qF -- "$2" "$WORK/err"; then ok "$1"; else bad "$1: stderr lacks '$2':"; cat "$WORK/err"; fi
}

# json_value PATH: the value at a dotted PATH (micro.f1) of the JSON on standard output, as
# compact JSON; python3 reads it, so the test needs no jq.
json_value() {
  python3 -c 'import json, sys
v = json.load(open(sys.argv[1]))
for k in sys.argv[2].split("."):
    v = v[k]
print(json.dumps(v))' "$WORK/out" "$1"
}

# expect_json WHAT PATH VALUE
expect_json() {
  local got
  got=$(json_value "$2" 2>&1)
  if [ "$got" = "$3" ]; then ok "$1"; else bad "$1: $2 is '$got', wanted '$3'"; fi
}

# --- text reports
run "$FIX/perfect.ttl" "$FIX/summit.gold.tsv"
expect_rc "perfect graph scores" 0
expect_line "perfect: micro line" "micro P=1.000 R=1.000 F1=1.000"
expect_line "perfect: memberOf line" "memberOf  P=1.000 R=1.000 F1=1.000  (system 2, gold 2)"
expect_line "perfect: mode and events" "mode accuracy 1.0  events {'gold': 1, 'system': 1, 'aligned': 1}"
if [ "$(wc -l <"$WORK/out")" -eq 8 ]; then ok "perfect: eight lines"; else bad "perfect: $(wc -l <"$WORK/out") lines"; fi

run "$FIX/missing.ttl" "$FIX/summit.gold.tsv"
expect_line "missing fact lowers recall" "micro P=1.000 R=0.857 F1=0.923"

run "$FIX/extra.ttl" "$FIX/summit.gold.tsv"
expect_line "extra facts lower precision" "micro P=0.778 R=1.000 F1=0.875"

run "$FIX/two-events.ttl" "$FIX/two-events.gold.tsv"
expect_line "events aligned" "micro P=0.889 R=1.000 F1=0.941"
expect_line "events: dates" "date      P=0.750 R=1.000 F1=0.857  (system 4, gold 3)"
expect_line "events: counts" "mode accuracy 1.0  events {'gold': 3, 'system': 4, 'aligned': 3}"

run "$FIX/positions.ttl" "$FIX/positions.gold.tsv"
expect_line "positions: no mode figure" "mode accuracy None  events {'gold': 0, 'system': 0, 'aligned': 0}"

# --- JSON (options may come anywhere)
run --json "$FIX/heldin.ttl" "$FIX/summit.gold.tsv"
expect_rc "--json" 0
expect_json "json: heldIn precision" heldIn.p 0.667
expect_json "json: heldIn correct" heldIn.correct 2
expect_json "json: micro P" micro.p 0.75
expect_json "json: micro R" micro.r 0.286
expect_json "json: micro F1" micro.f1 0.414
expect_json "json: no mode accuracy" mode_accuracy null
expect_json "json: events aligned" events.aligned 1

run "$FIX/modes.ttl" "$FIX/modes.gold.tsv" --json
expect_json "json: mode accuracy" mode_accuracy 0.6
expect_json "json: attends system" attends.system 5
expect_json "json: attends tp" attends.tp 5

# --- failures: exit 1 with the file (and line) named; exit 2 on bad usage
run "$FIX/no-such-graph.ttl" "$FIX/summit.gold.tsv"
expect_rc "missing graph file" 1
expect_err "missing graph file is named" "no-such-graph.ttl: No such file or directory"

run "$FIX/perfect.ttl" "$WORK/no-such.gold.tsv"
expect_rc "missing gold file" 1

run "$FIX/perfect.ttl" "$FIX/bad-kind.gold.tsv"
expect_rc "gold row of unknown kind" 1
expect_err "unknown kind: file and line" "bad-kind.gold.tsv:4: unknown gold row kind 'attended'"

run "$FIX/perfect.ttl" "$FIX/short-row.gold.tsv"
expect_rc "gold row with too few columns" 1
expect_err "short row: file and line" "short-row.gold.tsv:3: 'position' row needs 4"

run "$FIX/broken.ttl" "$FIX/summit.gold.tsv"
expect_rc "unparseable graph" 1
expect_err "unparseable graph: file and line" "broken.ttl:4: "
if [ -s "$WORK/out" ]; then bad "no report on failure"; else ok "no report on failure"; fi

run "$FIX/perfect.ttl"
expect_rc "one argument" 2
run --frobnicate "$FIX/perfect.ttl" "$FIX/summit.gold.tsv"
expect_rc "unknown option" 2
run --help
expect_rc "--help" 0
expect_line "--help prints usage" "usage: csto-kg eval [--json] GRAPH GOLD"

echo "checks: $((checks - failures)) passed, $failures failed"
[ "$failures" -eq 0 ]
