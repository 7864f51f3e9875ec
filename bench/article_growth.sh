#!/usr/bin/env bash
# Time and peak memory of one article as it grows: the hostile shapes of
# ../shared/reliability/perf (one sentence with no punctuation, one short sentence
# repeated, thousands of distinct names) at 1x, 4x and 16x. Linear growth means each step
# takes about four times the one before. Not a test: numbers vary with the machine.
#   bench/article_growth.sh [BUILD_DIR] [BASE]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
base=${2:-1000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$work" "$base" <<'PY'
import random, sys
work, base = sys.argv[1], int(sys.argv[2])
head = b'---\ndate: 2021-09-15\n---\n'
phrase = b'the ministers of the member states discussed cooperation and security in the region with the delegations of the organization '
random.seed(1)
name = lambda: ''.join(random.choice('abcdefghijklmnopqrstuvwxyz') for _ in range(7)).capitalize()
for x in (1, 4, 16):
    n = base * x
    open(f'{work}/one-sentence-{x}x.txt', 'wb').write(head + (phrase * (n // 2 + 1))[:n * 64] + b'\n')
    open(f'{work}/met-with-{x}x.txt', 'wb').write(head + b'Putin met with Lavrov. ' * n + b'\n')
    open(f'{work}/names-{x}x.txt', 'wb').write(head + ''.join('President %s %s attended. ' % (name(), name()) for _ in range(n)).encode() + b'\n')
PY
for shape in one-sentence met-with names; do
  for x in 1 4 16; do
    in=$work/$shape-${x}x.txt
    if /usr/bin/time -f "%e %M" -o "$work/time" "$build/csto-kg" extract -f ntriples -o "$work/out.nt" "$in" 2>"$work/err"; then
      read -r secs kb <"$work/time"
      printf '%-13s %3sx  %8d bytes  %7.2f s  %6d MB\n' "$shape" "$x" "$(stat -c %s "$in")" "$secs" $((kb / 1024))
    else
      printf '%-13s %3sx  failed: %s\n' "$shape" "$x" "$(tail -n 1 "$work/err")"
    fi
  done
done
