#!/usr/bin/env bash
# The bash completion (completions/csto-kg.bash) offers what the built csto-kg says:
# commands, a command's subcommands and long options, format names, files.
source "$(dirname "$0")/lib.sh"
mkdir -p "$WORK/bin" "$WORK/files"
ln -s "$CSTO_KG" "$WORK/bin/csto-kg"
PATH=$WORK/bin:$PATH
touch "$WORK/files/article.txt" "$WORK/files/other.txt"
source "$CSTO_SOURCE_DIR/completions/csto-kg.bash"

# offers "WORD..." EXPECTED: completing the last word (bash's split of "--opt=value" is
# "--opt" "=" "value") gives EXPECTED, in any order.
offers() {
  local expected=$2 got
  read -ra COMP_WORDS <<<"$1"
  [[ $1 == *' ' ]] && COMP_WORDS+=("")
  COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
  set +e # as in an interactive shell: the completion runs commands that fail
  _csto_kg
  set -e
  got=$(printf '%s\n' "${COMPREPLY[@]}" | sort | tr '\n' ' ')
  expected=$(tr ' ' '\n' <<<"$expected" | grep . | sort | tr '\n' ' ')
  checks=$((checks + 1))
  if [ "$got" = "$expected" ]; then
    echo "ok: '$1' offers $expected"
  else
    echo "FAIL: '$1' offers '$got', not '$expected'"
    failures=$((failures + 1))
  fi
}

check "the script registers csto-kg" grep -q _csto_kg <(complete -p csto-kg)
offers "csto-kg ex" "extract"
offers "csto-kg " "extract eval query load delete push serve kb help"
offers "csto-kg help q" "query"
offers "csto-kg --v" "--version"
offers "csto-kg extract --prov" "--provenance"
offers "csto-kg extract --pro" "--progress --provenance"
offers "csto-kg extract -f n" "ntriples nquads nt nq"
offers "csto-kg extract --format = r" "rdfxml rdf"
offers "csto-kg extract --format t" "turtle ttl trig"
offers "csto-kg extract --provenance c" "compact"
offers "csto-kg query --results " "table csv tsv json xml"
offers "csto-kg query --format " "turtle ntriples"
offers "csto-kg kb " "stats import"
offers "csto-kg kb import --i" "--into"
# serve's help names 'csto-kg query --endpoint URL': only the option lines count
offers "csto-kg serve --" "--store --dir --port --timeout --help"
offers "csto-kg extract $WORK/files/a" "$WORK/files/article.txt"
offers "csto-kg extract --output $WORK/files/o" "$WORK/files/other.txt"
offers "csto-kg load --store kg.sqlite $WORK/files/" "$WORK/files/article.txt $WORK/files/other.txt"

# Every long option of a command's --help, and nothing else, is offered after "--".
for cmd in $("$CSTO_KG" --help | awk '/^commands:/ {on = 1; next} on && /^  [a-z]/ {print $1}'); do
  want=$("$CSTO_KG" "$cmd" --help | grep -oE '^ {1,10}(-[A-Za-z], +)?--[a-z][a-z0-9-]*' | grep -oE -- '--[a-z0-9-]+')
  offers "csto-kg $cmd --" "$want --help"
done
finish
