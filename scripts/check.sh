#!/usr/bin/env bash
# Set up, build and run the whole test suite twice: a normal build and one under
# AddressSanitizer + UndefinedBehaviorSanitizer.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
jobs=$(nproc)
status=0
for variant in build build-asan; do
  flags=(-DCMAKE_BUILD_TYPE=RelWithDebInfo)
  [ "$variant" = build-asan ] && flags+=(-DCSTO_SANITIZE=ON)
  echo "== $variant"
  cmake -S . -B "$variant" "${flags[@]}" >/dev/null
  cmake --build "$variant" -j"$jobs" >/dev/null
  # ctest gives each test its sanitizer options (tests/CMakeLists.txt).
  ctest --test-dir "$variant" --output-on-failure -j"$jobs" || status=1
done
exit $status
