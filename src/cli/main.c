/* csto-kg: the command line, a thin layer over the library. */
#define _POSIX_C_SOURCE 200809L /* sigaction */
#include <ctype.h>
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "cli/commands.h"
#include "csto/output.h"

char **csto_cli_argv;

void csto_cli_error(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  fputs("csto-kg: ", stderr);
  vfprintf(stderr, fmt, ap);
  fputc('\n', stderr);
  va_end(ap);
}

csto_status csto_cli_load_kb(const char *data, csto_kb **kb, csto_error *err) {
  char *cache = csto_kb_default_cache_dir();
  csto_status st = csto_kb_load_cached(data ? data : csto_kb_default_dir(), cache, kb, err);
  free(cache);
  return st;
}

int csto_cli_number(const char *option, const char *text, unsigned long long min,
                    unsigned long long max, unsigned long long *out) {
  char *end;
  errno = 0;
  unsigned long long v = strtoull(text, &end, 10);
  if (!isdigit((unsigned char)text[0]) || *end || errno || v < min || v > max) {
    csto_cli_error("%s: '%s' is not a whole number from %llu to %llu", option, text, min, max);
    return -1;
  }
  *out = v;
  return 0;
}

static void usage(FILE *to) {
  fprintf(to, "usage: csto-kg COMMAND [OPTIONS] [ARGS]\n\ncommands:\n");
  for (size_t i = 0; i < csto_cli_n_commands; i++)
    fprintf(to, "  %-8s %s\n", csto_cli_commands[i].name, csto_cli_commands[i].summary);
  fprintf(to, "\n'csto-kg help COMMAND' (or 'csto-kg COMMAND --help') describes one command;\n"
              "'csto-kg -V' prints the version.\n");
}

/* Stopped by a signal: no temporary output is left behind, then the signal does what it
 * would have done. */
static void on_stop(int sig) {
  csto_output_remove_temporaries();
  signal(sig, SIG_DFL);
  raise(sig);
}

static void clean_up_when_stopped(void) {
  static const int signals[] = {SIGTERM, SIGINT, SIGHUP};
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_stop;
  sigemptyset(&sa.sa_mask);
  for (size_t i = 0; i < sizeof signals / sizeof signals[0]; i++)
    sigaction(signals[i], &sa, NULL);
}

/* The arguments as given, for the light program's hand-over (cli/program.c). */
static int keep_arguments(int argc, char **argv) {
  csto_cli_argv = malloc((size_t)(argc + 1) * sizeof *argv);
  if (!csto_cli_argv) {
    csto_cli_error("out of memory");
    return -1;
  }
  memcpy(csto_cli_argv, argv, (size_t)(argc + 1) * sizeof *argv);
  return 0;
}

int main(int argc, char **argv) {
  clean_up_when_stopped();
  if (keep_arguments(argc, argv) != 0)
    return 1;
  if (argc < 2) {
    usage(stderr);
    return 2;
  }
  if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
    usage(stdout);
    return 0;
  }
  if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0) {
    printf("csto-kg %s\n", CSTO_VERSION);
    return 0;
  }
  /* "help CMD" is "CMD --help" */
  int help = strcmp(argv[1], "help") == 0;
  const char *name = help ? (argc > 2 ? argv[2] : NULL) : argv[1];
  if (!name) {
    usage(stdout);
    return 0;
  }
  char *help_argv[] = {(char *)name, "--help", NULL};
  for (size_t i = 0; i < csto_cli_n_commands; i++)
    if (strcmp(name, csto_cli_commands[i].name) == 0)
      return help ? csto_cli_commands[i].run(2, help_argv)
                  : csto_cli_commands[i].run(argc - 1, argv + 1);
  csto_cli_error("unknown command '%s'", name);
  usage(stderr);
  return 2;
}
