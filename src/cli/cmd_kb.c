#include "cli/commands.h"

int csto_cmd_kb(int argc, char **argv) {
  (void)argc;
  (void)argv;
  csto_cli_error("kb: not implemented yet");
  return 1;
}
