#!/usr/bin/env bash
# The man pages the build makes from --help (cmake/manpages.sh): one per command, each
# naming every long option its --help names, rendered by groff without a warning; and the
# help they come from names only options the commands accept.
source "$(dirname "$0")/lib.sh"
: "${CSTO_BUILD_DIR:?run through ctest}"
if grep -q '^CSTO_MAN:BOOL=OFF' "$CSTO_BUILD_DIR/CMakeCache.txt" 2>/dev/null; then
  echo "skipped: built with -DCSTO_MAN=OFF"
  exit 77
fi
man=$CSTO_BUILD_DIR/man
commands=$("$CSTO_KG" --help | awk '/^commands:/ {on = 1; next} on && /^  [a-z]/ {print $1}')

# The long options that start the option lines of "csto-kg ARGS... --help".
options() {
  "$CSTO_KG" "$@" --help | { grep -oE '^ {1,10}(-[A-Za-z], +)?--[a-z][a-z0-9-]*' || true; } |
    grep -oE -- '--[a-z0-9-]+' || true
}

# renders PAGE: groff formats it with no warning at all (-ww), and so does man.
renders() {
  [ -z "$(groff -man -Tutf8 -ww -z "$1" 2>&1)" ] &&
    { ! command -v man >/dev/null || [ -n "$(MANWIDTH=80 man -l "$1" 2>/dev/null)" ]; }
}

check "csto-kg.1 is made" test -s "$man/csto-kg.1"
check "csto-kg.1 renders without warnings" renders "$man/csto-kg.1"
check "csto-kg.1 has its NAME line" grep -q '^csto-kg \\- ' "$man/csto-kg.1"
for cmd in $commands; do
  page=$man/csto-kg-$cmd.1
  summary=$("$CSTO_KG" --help | sed -nE "s/^  $cmd +//p")
  check "csto-kg.1 lists $cmd" grep -qx "$cmd" "$man/csto-kg.1"
  check "csto-kg.1 points to csto-kg-$cmd(1)" grep -q "^\.BR csto-kg-$cmd (1)" "$man/csto-kg.1"
  check "csto-kg-$cmd.1 is made" test -s "$page"
  check "csto-kg-$cmd.1 renders without warnings" renders "$page"
  check "csto-kg-$cmd.1 is named with the summary of csto-kg --help" \
    grep -qxF "csto-kg-$cmd \\- $summary" "$page"
  check "csto-kg-$cmd.1 has the synopsis of its usage line" grep -qxF '.SH SYNOPSIS' "$page"
  # .HP: help2man found no description beside an option (one space where two belong)
  check "csto-kg-$cmd.1 gives every option its description" bash -c "! grep -q '^\.HP' '$page'"
  opts=$(options "$cmd")
  [ "$cmd" = kb ] && opts=$(options kb import)
  check "csto-kg $cmd --help names long options" test -n "$opts"
  for opt in $opts; do
    check "csto-kg-$cmd.1 names $opt" grep -qF "\\fB${opt//-/\\-}\\fR" "$page"
    # "--opt=x --help": an option the parser knows takes x or refuses it, then --help
    # stops the command before it does anything.
    args=("$cmd")
    [ "$cmd" = kb ] && args+=(import)
    check "csto-kg $cmd accepts the $opt its help names" \
      bash -c "! '$CSTO_KG' ${args[*]} $opt=x --help 2>&1 >/dev/null | grep -qE 'unrecognized option|unknown option'"
  done
done

# Only those pages: cmake --install installs every page there is.
for page in "$man"/*.1; do
  name=$(basename "$page" .1)
  cmd=${name#csto-kg-}
  check "$name.1 is csto-kg's or a command's" \
    bash -c "[ '$name' = csto-kg ] || grep -qx -- '$cmd' <<<'$commands'"
done

# docs/man/PAGE.h2m: a page that is made, and only options its command has.
for include in "$CSTO_SOURCE_DIR"/docs/man/*.h2m; do
  name=$(basename "$include" .h2m)
  check "$name.h2m belongs to a page that is made" test -s "$man/$name.1"
  cmd=${name#csto-kg}
  cmd=${cmd#-}
  known=$(options ${cmd:+"$cmd"})
  [ "$cmd" = kb ] && known=$(options kb import)
  for opt in $(grep -oE '\\-\\-[a-z][a-z0-9\\-]*' "$include" | sed 's/\\-/-/g' | sort -u); do
    check "$name.h2m names $opt, an option of csto-kg $cmd" grep -qx -- "$opt" <<<"$known"$'\n--help'
  done
done
finish
