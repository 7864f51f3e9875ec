#!/usr/bin/env bash
# Set up, build, and extract the knowledge graph of the bundled sample article.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$(nproc)" >/dev/null
mkdir -p out
build/csto-kg extract -o out/sample.ttl examples/tass-csto-dushanbe-2021.txt
cat out/sample.ttl
echo "demo: wrote out/sample.ttl" >&2
