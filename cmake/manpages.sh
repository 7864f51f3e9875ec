#!/usr/bin/env bash
# The man pages, made by help2man from the built command's own help, so that a page
# cannot say other than --help: csto-kg(1) from 'csto-kg --help', and csto-kg-CMD(1) from
# 'csto-kg CMD --help' for each command 'csto-kg --help' lists, with its summary there.
# docs/man/PAGE.h2m, when there, adds sections help cannot hold (help2man --include).
#
#   manpages.sh CSTO_KG OUTDIR INCLUDEDIR     writes OUTDIR/csto-kg.1, OUTDIR/csto-kg-CMD.1
set -euo pipefail

# help2man runs "PROGRAM OPTION" and reads GNU's layout: "Usage:", then "  or:" lines.
# It runs this script as PROGRAM, with CSTO_MAN_HELP_OF set: csto-kg's help in that layout.
if [ -n "${CSTO_MAN_HELP_OF:-}" ]; then
  "$CSTO_MAN_HELP_OF" "$@" | sed -e 's/^usage:/Usage:/' -e 's/^       csto-kg /  or:  csto-kg /'
  exit
fi

[ $# -eq 3 ] || { echo "usage: $0 CSTO_KG OUTDIR INCLUDEDIR" >&2; exit 2; }
csto_kg=$1 out=$2 includes=$3
version=$("$csto_kg" -V)
version=${version#csto-kg }
# "  NAME  SUMMARY" lines under "commands:"
commands=$("$csto_kg" --help | awk '/^commands:/ {on = 1; next} on && /^  [a-z]/ {print} on && /^$/ {exit}')
[ -n "$commands" ] || { echo "$0: $csto_kg --help lists no commands" >&2; exit 1; }

mkdir -p "$out"
rm -f "$out"/*.1
self=$(printf %q "$(cd "$(dirname "$0")" && pwd)/$(basename "$0")")

# page PAGE HELP-OPTION VERSION-STRING [HELP2MAN-OPTION...]: OUT/PAGE.1, with
# INCLUDEDIR/PAGE.h2m and OUT/PAGE.see-also when there.
page() {
  local name=$1 help=$2 version_string=$3
  shift 3
  local extra=()
  [ -f "$includes/$name.h2m" ] && extra+=(--include="$includes/$name.h2m")
  CSTO_MAN_HELP_OF=$csto_kg help2man --no-info \
    --help-option="$help" --version-string="$version_string" \
    --include="$out/$name.see-also" "${extra[@]}" "$@" --output="$out/$name.1" "$self"
  rm -f "$out/$name.see-also"
}

# SEE ALSO: the main page names each command's, and each command's the main one.
awk '{ printf "%s.BR csto-kg-%s (1)", (NR > 1 ? ",\n" : "[SEE ALSO]\n"), $1 } END { print "" }' \
  <<<"$commands" > "$out/csto-kg.see-also"
page csto-kg --help "csto-kg $version"
while read -r cmd summary; do
  printf '[SEE ALSO]\n.BR csto-kg (1)\n' > "$out/csto-kg-$cmd.see-also"
  page "csto-kg-$cmd" "$cmd --help" "csto-kg-$cmd (csto-kg) $version" --name="$summary"
done <<<"$commands"
