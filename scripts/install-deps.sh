#!/usr/bin/env bash
# Install what csto-kg needs on Debian 12, skipping what is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(build-essential cmake pkg-config
  librdf0-dev libraptor2-dev librasqal3-dev librdf-storage-sqlite
  libserd-dev libutf8proc-dev libjansson-dev libcurl4-gnutls-dev libsqlite3-dev zlib1g-dev libcmocka-dev
  raptor2-utils rasqal-utils redland-utils sqlite3 curl graphviz
  virtuoso-opensource
  help2man groff-base man-db bash-completion)  # man pages from --help; their tests
# Node.js (for the SHACL validator and jsonld.js) and Python (for a test's arithmetic) may come from
# elsewhere than Debian's packages; only what is not on the PATH is installed.
command -v node >/dev/null && command -v npm >/dev/null || packages+=(nodejs npm)
command -v python3 >/dev/null || packages+=(python3)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "install-deps: installing ${missing[*]}"
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# The npm tools the tests use, each pinned by its package-lock.json: the SHACL validator
# (tests/shacl) and jsonld.js (tests/jsonld).
for harness in tests/shacl tests/jsonld; do
  if [ -f "$harness/package.json" ] && [ ! -d "$harness/node_modules" ]; then
    (cd "$harness" && npm ci --no-audit --no-fund --silent)
  fi
done
