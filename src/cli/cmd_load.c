#include "cli/commands.h"

int csto_cmd_load(int argc, char **argv) {
  (void)argc;
  (void)argv;
  csto_cli_error("load: not implemented yet");
  return 1;
}
