#!/usr/bin/env bash
# cmake --install into a prefix: the command runs from there on the data installed with
# it, and a client builds against the library with pkg-config alone.
source "$(dirname "$0")/lib.sh"
seed=$CSTO_SOURCE_DIR/examples/tass-csto-dushanbe-2021.txt
prefix=$WORK/prefix
cmake -S "$CSTO_SOURCE_DIR" -B "$WORK/build" -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF \
  -DCMAKE_INSTALL_PREFIX="$prefix" > "$WORK/log" 2>&1
check "a build for the prefix" cmake --build "$WORK/build" -j2
check "cmake --install" cmake --install "$WORK/build"
check "the command is installed" test -x "$prefix/bin/csto-kg"
check "the library and its headers" test -f "$prefix/lib/libcsto.a" -a -f "$prefix/include/csto/graph.h"
check "the data" test -f "$prefix/share/csto-kg/lexicon.ttl" -a -d "$prefix/share/csto-kg/kb"
pc=$prefix/lib/pkgconfig
check "the pkg-config file" test -f "$pc/csto.pc"

# A man page for the command and one for each command it lists, found by man and
# rendered without a warning; the bash completion where bash-completion looks.
mandir=$prefix/share/man/man1
for cmd in "" $("$prefix/bin/csto-kg" --help | awk '/^commands:/ {on = 1; next} on && /^  [a-z]/ {print $1}'); do
  page=$mandir/csto-kg${cmd:+-$cmd}.1
  check "$(basename "$page") is installed" test -s "$page"
  check "$(basename "$page") renders without warnings" \
    bash -c "[ -z \"\$(groff -man -Tutf8 -ww -z '$page' 2>&1)\" ] && MANWIDTH=80 man -l '$page' | grep -q NAME"
done
check "man finds csto-kg-extract beside the command on the PATH" \
  bash -c "unset MANPATH; PATH='$prefix/bin':\$PATH man -w csto-kg-extract | grep -qx '$mandir/csto-kg-extract.1'"
completion=$prefix/share/bash-completion/completions/csto-kg
check "the bash completion is installed" test -s "$completion"
check "bash-completion loads it from the prefix's data directory" bash -c "
  source /usr/share/bash-completion/bash_completion
  XDG_DATA_DIRS='$prefix/share' __load_completion csto-kg && complete -p csto-kg | grep -q _csto_kg"
check "the installed completion completes the installed command" bash -c "
  PATH='$prefix/bin':\$PATH; source '$completion'
  COMP_WORDS=(csto-kg ex); COMP_CWORD=1; _csto_kg; [ \"\${COMPREPLY[*]}\" = extract ]"

unset CSTO_DATA_DIR
check "the installed command reads the installed data" \
  bash -c "'$prefix/bin/csto-kg' kb stats | grep -q '$prefix/share/csto-kg/kb'"
"$prefix/bin/csto-kg" extract -f ntriples "$seed" > "$WORK/installed.nt"
check "the installed command gives the build's graph" cmp -s "$WORK/installed.nt" <("$CSTO_KG" extract -f ntriples "$seed")

flags=$(PKG_CONFIG_PATH=$pc pkg-config --cflags --libs csto)
check "a client builds with pkg-config alone" \
  cc -std=c11 -o "$WORK/client" "$CSTO_SOURCE_DIR/tests/install/client.c" $flags
"$WORK/client" "$seed" > "$WORK/client.nt"
check "the client writes the command's graph" cmp -s "$WORK/client.nt" "$WORK/installed.nt"
finish
