/* csto-kg's subcommands. Each takes the arguments after its own name (argv[0] is the
 * subcommand) and returns the process exit status: 0 success, 1 failure, 2 bad usage. */
#ifndef CSTO_CLI_COMMANDS_H
#define CSTO_CLI_COMMANDS_H

#include "csto/pipeline.h"

int csto_cmd_extract(int argc, char **argv); /* cmd_extract.c */
int csto_cmd_eval(int argc, char **argv);    /* cmd_eval.c */
int csto_cmd_query(int argc, char **argv);   /* cmd_query.c */
int csto_cmd_load(int argc, char **argv);    /* cmd_load.c */
int csto_cmd_delete(int argc, char **argv);  /* cmd_delete.c */
int csto_cmd_push(int argc, char **argv);    /* cmd_push.c */
int csto_cmd_serve(int argc, char **argv);   /* cmd_serve.c */
int csto_cmd_kb(int argc, char **argv);      /* cmd_kb.c */

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
