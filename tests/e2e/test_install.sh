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
