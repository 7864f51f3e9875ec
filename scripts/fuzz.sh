#!/usr/bin/env bash
# Fuzz csto-kg with libFuzzer (clang), ASan and UBSan: every target of tests/fuzz for
# SECONDS each (default 60), starting from the committed corpus, with the lexicon's phrases
# as a dictionary. New inputs go to build-fuzz/corpus/NAME (not the committed corpus);
# crashes to build-fuzz/crashes/NAME: add each, once fixed, to tests/fuzz/corpus/NAME so
# that every test run replays it.
#   scripts/fuzz.sh [SECONDS] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(reader pipeline kb query store_query)
if ! command -v clang >/dev/null || [ ! -e "$(clang -print-file-name=libclang_rt.fuzzer-x86_64.a)" ]; then
  echo "fuzz.sh: needs clang with libFuzzer: apt-get install clang libclang-rt-14-dev" >&2
  exit 2
fi
CC=clang cmake -S . -B build-fuzz -DCSTO_FUZZ=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build-fuzz -j"$(nproc)" --target $(printf 'fuzz_%s ' "${targets[@]}") >/dev/null
# The dictionary: every lexicon phrase, as libFuzzer's "..." entries.
grep -o '"[^"\\]*"' ontology/lexicon.ttl | sort -u >build-fuzz/lexicon.dict
export CSTO_DATA_DIR=$PWD/ontology
export ASAN_OPTIONS=detect_leaks=1
export LSAN_OPTIONS=suppressions=$PWD/tests/lsan.supp
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
status=0
for t in "${targets[@]}"; do
  mkdir -p "build-fuzz/corpus/$t" "build-fuzz/crashes/$t"
  echo "== fuzz_$t, ${seconds} s"
  # raptor (on Turtle syntax errors) and rasqal leak inside (tests/lsan.supp); their
  # suppressions need full stacks, which slow fuzzing tenfold, so the kb and query targets
  # run without leak checks here (the replay tests check their corpora with them).
  leaks=1
  case $t in query | store_query | kb) leaks=0 ;; esac
  ASAN_OPTIONS=detect_leaks=$leaks build-fuzz/tests/fuzz_"$t" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=2048 -detect_leaks=$leaks \
    -dict=build-fuzz/lexicon.dict -artifact_prefix="build-fuzz/crashes/$t/" -print_final_stats=1 \
    "build-fuzz/corpus/$t" "tests/fuzz/corpus/$t" 2>"build-fuzz/$t.log" || status=1
  grep -E '^(stat::number_of_executed_units|stat::peak_rss_mb)|cov: [0-9]+' "build-fuzz/$t.log" | tail -3
  ls "build-fuzz/crashes/$t" | sed 's/^/crash: /'
done
exit $status
