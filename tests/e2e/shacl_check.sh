#!/usr/bin/env bash
# Validate csto-kg output files against ontology/shapes.ttl (SHACL Core, rdf-validate-shacl)
# and check that every NIF anchor matches its context text at its code-point offsets.
#
#   tests/e2e/shacl_check.sh FILE...        # run it
#   source tests/e2e/shacl_check.sh         # or source it, then: shacl_check FILE...
#
# FILE is Turtle (.ttl), N-Triples (.nt), N-Quads (.nq) or TriG (.trig); all files are merged
# into one graph. Exit status (or return status when sourced): 0 conforms, 1 does not
# conform, 2 parse error or usage error or a missing/empty file, 3 the validator is not
# installed. A missing validator is a failure, never a skip: run scripts/install-deps.sh
# (it runs `npm ci` in tests/shacl).
#
# Environment: CSTO_SOURCE_DIR (repo root; default: two levels above this script),
# CSTO_SHAPES (shapes file; default: $CSTO_SOURCE_DIR/ontology/shapes.ttl).

shacl_check() {
  local here src shapes harness f
  here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
  src="${CSTO_SOURCE_DIR:-$(cd "$here/../.." && pwd)}"
  shapes="${CSTO_SHAPES:-$src/ontology/shapes.ttl}"
  harness="$src/tests/shacl"

  if [ "$#" -eq 0 ]; then
    echo "shacl_check: usage: shacl_check FILE..." >&2
    return 2
  fi
  if ! command -v node >/dev/null 2>&1; then
    echo "shacl_check: FAIL: node is not installed (scripts/install-deps.sh installs nodejs)" >&2
    return 3
  fi
  if [ ! -f "$harness/node_modules/rdf-validate-shacl/package.json" ] ||
     [ ! -f "$harness/node_modules/n3/package.json" ]; then
    echo "shacl_check: FAIL: the SHACL validator is not installed in $harness/node_modules" >&2
    echo "shacl_check:       run scripts/install-deps.sh (or: cd tests/shacl && npm ci)" >&2
    return 3
  fi
  for f in "$@"; do
    if [ ! -s "$f" ]; then
      echo "shacl_check: FAIL: $f is missing or empty" >&2
      return 2
    fi
  done
  node "$harness/validate.mjs" --nif-offsets "$shapes" "$@"
}

# Executed rather than sourced: run the check on the arguments.
if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -uo pipefail
  shacl_check "$@"
  exit $?
fi
