#include "cli/commands.h"

int csto_cmd_push(int argc, char **argv) {
  (void)argc;
  (void)argv;
  csto_cli_error("push: not implemented yet");
  return 1;
}
