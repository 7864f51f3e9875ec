#include "cli/commands.h"

int csto_cmd_query(int argc, char **argv) {
  (void)argc;
  (void)argv;
  csto_cli_error("query: not implemented yet");
  return 1;
}
