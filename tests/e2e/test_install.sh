#!/usr/bin/env bash
# cmake --install into a prefix: the command runs from there on the data installed with
# it, the light csto-kg handing what it does not run to the full program in libexec; clients build against the installed shared libraries with pkg-config alone (csto,
# csto-store) and with CMake's find_package(csto); the libraries export exactly the
# functions their installed headers declare.
source "$(dirname "$0")/lib.sh"
seed=$CSTO_SOURCE_DIR/examples/tass-csto-dushanbe-2021.txt
clients=$CSTO_SOURCE_DIR/tests/install
prefix=$WORK/prefix
lib=$prefix/lib
cmake -S "$CSTO_SOURCE_DIR" -B "$WORK/build" -DCMAKE_BUILD_TYPE=Release -DBUILD_TESTING=OFF \
  -DCMAKE_INSTALL_PREFIX="$prefix" -DCMAKE_INSTALL_LIBDIR=lib > "$WORK/log" 2>&1
check "a build for the prefix" cmake --build "$WORK/build" -j2
check "cmake --install" cmake --install "$WORK/build"
check "the command is installed" test -x "$prefix/bin/csto-kg"
full=$prefix/libexec/csto-kg/csto-kg-full
check "its full program is installed in libexec" test -x "$full"
check "the shared libraries, with a SOVERSION" \
  test -f "$lib/libcsto.so.0" -a -f "$lib/libcsto-store.so.0" -a -L "$lib/libcsto.so"
check "the static libraries" test -f "$lib/libcsto.a" -a -f "$lib/libcsto-store.a"
check "the public headers" test -f "$prefix/include/csto/csto.h" -a -f "$prefix/include/csto/store.h"
check "no internal header" test ! -e "$prefix/include/csto/document.h" -a ! -e "$prefix/include/csto/kb.h"
check "the data" test -f "$prefix/share/csto-kg/lexicon.ttl" -a -d "$prefix/share/csto-kg/kb"
pc=$lib/pkgconfig
check "the pkg-config files" test -f "$pc/csto.pc" -a -f "$pc/csto-store.pc"
check "the CMake package" test -f "$lib/cmake/csto/cstoConfig.cmake" -a -f "$lib/cmake/csto/cstoConfigVersion.cmake"

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
check "the installed command links the installed libcsto" \
  bash -c "ldd '$prefix/bin/csto-kg' | grep -q 'libcsto.so.0 => $prefix/'"
check "and neither libcsto-store, raptor2, librdf nor libcurl" \
  bash -c "! ldd '$prefix/bin/csto-kg' | grep -E 'libcsto-store|raptor|rdf|curl'"
check "the full program links the installed libcsto-store" \
  bash -c "ldd '$full' | grep -q 'libcsto-store.so.0 => $prefix/'"
check "the installed command hands RDF/XML to the full program" \
  bash -c "'$prefix/bin/csto-kg' extract -f rdfxml '$seed' | grep -q '<rdf:RDF'"
mv "$full" "$full.away"
"$prefix/bin/csto-kg" kb stats > /dev/null 2> "$WORK/no-full.err" && status=0 || status=$?
mv "$full.away" "$full"
check "without its full program, kb stats fails" test "$status" -eq 1
check "saying where it looked" \
  grep -q "cannot run the full program $prefix/bin/../libexec/csto-kg/csto-kg-full: No such file" "$WORK/no-full.err"
"$prefix/bin/csto-kg" extract -f ntriples "$seed" > "$WORK/installed.nt"
check "the installed command gives the build's graph" cmp -s "$WORK/installed.nt" <("$CSTO_KG" extract -f ntriples "$seed")

# Each client runs on the shared libraries of the prefix.
export LD_LIBRARY_PATH=$lib
pkgconf() { PKG_CONFIG_PATH=$pc pkg-config "$@"; }
check "a client builds with pkg-config alone" \
  cc -std=c11 -Wall -Werror -o "$WORK/client" "$clients/client.c" $(pkgconf --cflags --libs csto)
check "the client links the shared library" \
  bash -c "readelf -d '$WORK/client' | grep NEEDED | grep -q 'libcsto.so.0'"
"$WORK/client" "$seed" > "$WORK/client.nt" || true
check "the client writes the command's graph" cmp -s "$WORK/client.nt" "$WORK/installed.nt"

# csto/csto.h alone, without any dependency's headers on the include path.
check "a client of csto/csto.h alone builds" \
  cc -std=c11 -Wall -Werror -I"$prefix/include" -o "$WORK/umbrella" "$clients/client_umbrella.c" -L"$lib" -lcsto
"$WORK/umbrella" "$seed" > "$WORK/facts.txt" || true
check "it prints the command's facts" \
  cmp -s "$WORK/facts.txt" <("$prefix/bin/csto-kg" extract --explain -o /dev/null "$seed" 2>&1)

# Every installed header compiles alone, with no dependency's headers on the include path
# (graph_rdf.h alone needs raptor2's).
for h in "$prefix"/include/csto/*.h; do
  [ "$(basename "$h")" = graph_rdf.h ] && continue
  echo "#include <csto/$(basename "$h")>" > "$WORK/header.c"
  if ! cc -std=c11 -Wall -Werror -c -I"$prefix/include" -o "$WORK/header.o" "$WORK/header.c" \
      2>> "$WORK/headers.log"; then
    echo "$(basename "$h")" >> "$WORK/bad-headers"
  fi
done
check "each installed header compiles alone" test ! -s "$WORK/bad-headers"
check "graph_rdf.h with raptor2's" bash -c "echo '#include <csto/graph_rdf.h>' |
  cc -std=c11 -Wall -Werror -fsyntax-only -I'$prefix/include' \$(pkg-config --cflags raptor2) -x c -"

check "a CMake project finds the package" \
  cmake -S "$clients/cmake" -B "$WORK/cmake" -DCMAKE_PREFIX_PATH="$prefix"
check "and builds against csto::csto" cmake --build "$WORK/cmake"
"$WORK/cmake/client_umbrella" "$seed" > "$WORK/facts-cmake.txt" || true
check "that client prints the same facts" cmp -s "$WORK/facts-cmake.txt" "$WORK/facts.txt"

check "a store client builds with pkg-config csto-store" \
  cc -std=c11 -Wall -Werror -o "$WORK/client_store" "$clients/client_store.c" \
  $(pkgconf --cflags --libs csto-store)
check "csto.pc alone does not bring libcurl or sqlite" \
  bash -c "! PKG_CONFIG_PATH='$pc' pkg-config --libs csto | grep -qE 'curl|sqlite'"
"$WORK/client_store" "$seed" "$WORK/store.db" > "$WORK/store.tsv" 2> "$WORK/store.err" || true
n=$(grep -v '^?' "$WORK/store.tsv" | tr -dc 0-9)
check "a graph and a store in one process: every triple stored" test "${n:-0}" -eq "$(sort -u "$WORK/installed.nt" | wc -l)"

# Exported: exactly the functions the installed headers declare CSTO_API.
declared=$(grep -ho 'CSTO_API [^(]*(' "$prefix"/include/csto/*.h | grep -o 'csto_[a-z0-9_]*($' | tr -d '(' | sort)
exported=$(nm -D --defined-only "$lib/libcsto.so" "$lib/libcsto-store.so" | awk 'NF == 3 {print $3}' | sort)
check "the libraries export exactly what the installed headers declare" test "$declared" = "$exported"
check "nothing is exported twice" test -z "$(uniq -d <<<"$exported")"
finish
