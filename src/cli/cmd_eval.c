#include "cli/commands.h"

int csto_cmd_eval(int argc, char **argv) {
  (void)argc;
  (void)argv;
  csto_cli_error("eval: not implemented yet");
  return 1;
}
