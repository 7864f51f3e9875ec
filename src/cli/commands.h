/* csto-kg's subcommands. Each takes the arguments after its own name (argv[0] is the
 * subcommand) and returns the process exit status: 0 success, 1 failure, 2 bad usage. */
#ifndef CSTO_CLI_COMMANDS_H
#define CSTO_CLI_COMMANDS_H

#include <stddef.h>
#include <stdio.h>

#include "csto/graph.h"
#include "csto/pipeline.h"

int csto_cmd_extract(int argc, char **argv); /* cmd_extract.c */
int csto_cmd_eval(int argc, char **argv);    /* cmd_eval.c */
int csto_cmd_query(int argc, char **argv);   /* cmd_query.c */
int csto_cmd_load(int argc, char **argv);    /* cmd_load.c */
int csto_cmd_delete(int argc, char **argv);  /* cmd_delete.c */
int csto_cmd_push(int argc, char **argv);    /* cmd_push.c */
int csto_cmd_serve(int argc, char **argv);   /* cmd_serve.c */
int csto_cmd_kb(int argc, char **argv);      /* cmd_kb.c */

/* ---- program.c: what the two programs built from these sources differ in ----------------
 * The full program (csto-kg-full, both libraries) runs every command in every format. The
 * light one (csto-kg, libcsto alone, so that it starts without loading raptor2, librdf and
 * what they load) runs extract in libcsto's formats itself and hands anything else to the
 * full one, with the arguments main was given. */

/* The commands in the order csto-kg --help lists them. In the light program, run for a
 * command it does not run hands it over (and returns only when it cannot: 1, after saying
 * where it looked for the full program). */
typedef struct {
  const char *name;
  int (*run)(int argc, char **argv);
  const char *summary;
} csto_cli_command;
extern const csto_cli_command csto_cli_commands[];
extern const size_t csto_cli_n_commands;

/* The arguments main was given, as given (getopt reorders a command's), for the hand-over;
 * main sets them. */
extern char **csto_cli_argv;

/* extract's formats: whether this program writes format; for one it does not, what
 * happens (the light program hands over; the full one says the format is unknown, 2); and the end of the run's output in format (csto_graph_finish, or the whole
 * graph in one of raptor's formats, which do not stream). */
int csto_cli_format_known(const char *format);
int csto_cli_format_elsewhere(const char *format);
csto_status csto_cli_graph_finish(csto_graph *graph, const char *format, FILE *out,
                                  csto_error *err);

/* The whole of text as a decimal number in [min, max] (no sign, no suffix, no exponent):
 * 0 and *out set, or -1 after reporting "OPTION: ..." . */
int csto_cli_number(const char *option, const char *text, unsigned long long min,
                    unsigned long long max, unsigned long long *out);

/* The knowledge base of data (NULL: the default folder), with the snapshot cache of
 * csto_kb_default_cache_dir. */
csto_status csto_cli_load_kb(const char *data, csto_kb **kb, csto_error *err);

/* Print "csto-kg: MESSAGE" on standard error; the one place the CLI reports errors. */
void csto_cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
