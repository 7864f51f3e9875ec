# bash completion for csto-kg (installed as bash-completion/completions/csto-kg).
# All it offers is asked of the csto-kg being completed, so it cannot drift from the
# program: the commands from 'csto-kg --help'; a command's subcommands (kb) and long
# options from 'csto-kg CMD --help'; the values of an option that takes one of a fixed
# set (a format) from the list the command gives for an unknown value; files otherwise.

# The commands: the "  NAME  SUMMARY" lines under "commands:".
_csto_kg_commands() {
  "$1" --help 2>/dev/null |
    awk '/^commands:/ {on = 1; next} on && /^  [a-z]/ {print $1} on && /^$/ {exit}'
}

# A command's long options: the one that starts each option line ("  -o, --output FILE
# ..."); an option named later in a line may be another command's.
_csto_kg_options() {
  "$1" "$2" --help 2>/dev/null | sed -nE 's/^ {1,10}(-[A-Za-z], +)?(--[a-z][a-z0-9-]*).*/\2/p'
  echo --help
}

# A command's subcommands: the word after "csto-kg CMD" on its usage lines (kb stats).
_csto_kg_subcommands() {
  "$1" "$2" --help 2>/dev/null | sed -nE "s/^(usage:)? +csto-kg $2 ([a-z][a-z-]*).*/\\2/p"
}

# The values of OPTION: given an empty one, the command stops before reading anything and
# lists them, "... '' (formats: turtle (ttl), ntriples (nt), ...)" or "(full, compact or
# none)". The arguments after it satisfy a command that wants a query and a file.
_csto_kg_choices() {
  "$1" "$2" "$3" '' 'ASK {}' /dev/null </dev/null 2>&1 >/dev/null |
    sed -nE "s/.*'' \\((.*)\\)\$/\\1/p" | tr -s ' ,()' '\n' | grep -vE '(:|^or)$'
}

_csto_kg_files() {
  compopt -o filenames 2>/dev/null
  mapfile -t COMPREPLY < <(compgen -f -- "$1")
}

_csto_kg() {
  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD - 1]}
  local prog=${COMP_WORDS[0]/#\~/$HOME} cmd=${COMP_WORDS[1]} words=
  # "--format=n": bash makes "=" a word of its own (COMP_WORDBREAKS)
  if [[ $cur == = ]]; then
    cur=
  elif [[ $prev == = && $COMP_CWORD -gt 2 ]]; then
    prev=${COMP_WORDS[COMP_CWORD - 2]}
  fi
  COMPREPLY=()
  if ((COMP_CWORD == 1)); then
    [[ $cur == -* ]] && words="--help --version" || words="$(_csto_kg_commands "$prog") help"
  elif [[ $cmd == help ]]; then
    ((COMP_CWORD == 2)) && words=$(_csto_kg_commands "$prog")
  elif [[ $cur == -* ]]; then
    words=$(_csto_kg_options "$prog" "$cmd")
  else
    case $prev in
    -f | --format | --results | --provenance) words=$(_csto_kg_choices "$prog" "$cmd" "$prev") ;;
    *) ((COMP_CWORD == 2)) && words=$(_csto_kg_subcommands "$prog" "$cmd") ;;
    esac
    [[ -z $words ]] && _csto_kg_files "$cur" && return
  fi
  mapfile -t COMPREPLY < <(compgen -W "$words" -- "$cur")
}
complete -F _csto_kg csto-kg
