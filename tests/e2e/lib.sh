# Shared helpers for the end-to-end tests: run the real binary, assert with SPARQL ASK.
# Sourced by tests/e2e/test_*.sh; CSTO_KG is the binary, CSTO_SOURCE_DIR the repository.
set -euo pipefail
: "${CSTO_KG:?run through ctest}" "${CSTO_SOURCE_DIR:?run through ctest}"
PREFIXES='PREFIX csto: <https://w3id.org/csto-kg/ontology#>
PREFIX res: <https://w3id.org/csto-kg/resource/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX wd: <http://www.wikidata.org/entity/>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>'
failures=0
checks=0
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# expect ANSWER GRAPH DESCRIPTION QUERY-BODY: the ASK query (rasqal's roqet) answers ANSWER.
expect() {
  local answer=$1 graph=$2 what=$3 body=$4 out
  checks=$((checks + 1))
  out=$(roqet -i sparql -D "$graph" -e "$PREFIXES
ASK { $body }" 2>&1 || true)
  if grep -q "boolean result: $answer" <<<"$out"; then
    echo "ok: $what"
  else
    echo "FAIL: $what"
    failures=$((failures + 1))
  fi
}
ask() { expect true "$@"; }
ask_not() { expect false "$@"; }

# check DESCRIPTION COMMAND...: the command must succeed.
check() {
  local what=$1
  shift
  checks=$((checks + 1))
  if "$@" >/dev/null 2>&1; then echo "ok: $what"; else echo "FAIL: $what"; failures=$((failures + 1)); fi
}

finish() {
  echo "checks: $((checks - failures)) passed, $failures failed"
  [ "$failures" -eq 0 ]
}

# cookbook_queries DIR: each "<!-- cookbook: NAME -->" query of README.md to DIR/NAME.rq
# (NAME.embedded.rq for a question's embedded form).
cookbook_queries() {
  awk -v dir="$1" '
    /^<!-- cookbook: / { name = $3; next }
    name && /^```sparql/ { file = dir "/" name ".rq"; next }
    file && /^```/ { close(file); file = ""; name = ""; next }
    file { print > file }' "$CSTO_SOURCE_DIR/README.md"
}
