#!/usr/bin/env bash
# Extraction speed and memory: the test articles repeated N times as JSON Lines, run as
# one stream. Prints MB/s and peak memory for two corpus sizes: memory must not grow
# with the corpus (articles are processed one at a time). Not a test: numbers vary.
#   bench/extract_throughput.sh [BUILD_DIR] [N]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
n=${2:-200}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$work" "$n" tests/articles/*.txt <<'PY'
import json, sys
work, n, paths = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
bodies = []
for p in paths:
    text = open(p, encoding="utf-8").read()
    head, body = text.split("\n---\n", 1) if text.startswith("---\n") else ("", text)
    date = [l.split(": ", 1)[1] for l in head.splitlines() if l.startswith("date: ")]
    bodies.append({"text": body, "date": date[0] if date else None})
for size, name in ((n, "small"), (n * 10, "large")):
    with open(f"{work}/{name}.jsonl", "w") as f:
        for i in range(size):
            a = dict(bodies[i % len(bodies)], url=f"https://example.org/{i}")
            f.write(json.dumps(a) + "\n")
PY
for name in small large; do
  in=$work/$name.jsonl
  bytes=$(stat -c %s "$in")
  /usr/bin/time -f "%e %M" -o "$work/time" "$build/csto-kg" extract --jsonl -f ntriples -o "$work/out.nt" "$in"
  read -r secs kb < "$work/time"
  python3 -c "import sys; b,s,k,l=int(sys.argv[1]),float(sys.argv[2]),int(sys.argv[3]),sys.argv[4]; print(f'{l}: {b/1e6:.1f} MB of articles in {s:.2f} s = {b/1e6/max(s,0.01):.2f} MB/s, {sum(1 for _ in open(sys.argv[5]))} triples, peak RSS {k/1024:.0f} MB')" "$bytes" "$secs" "$kb" "$name" "$work/out.nt"
done
