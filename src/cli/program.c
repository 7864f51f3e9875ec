/* csto-kg: what the two programs differ in (see cli/commands.h), built once for each: the
 * full program as it is, the light one with CSTO_CLI_LIGHT. Git's model: one command
 * line, some commands run by the program itself, the others by a program it executes. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "cli/commands.h"

#ifdef CSTO_CLI_LIGHT
static int hand_over(int argc, char **argv);
#define FULL_ONLY(run) hand_over
#else
#include "csto/graph_rdf.h"
#define FULL_ONLY(run) run
#endif

const csto_cli_command csto_cli_commands[] = {
    {"extract", csto_cmd_extract, "read articles, write their knowledge graph"},
    {"eval", FULL_ONLY(csto_cmd_eval), "score a graph against a gold file"},
    {"query", FULL_ONLY(csto_cmd_query), "run SPARQL over graph files or a store"},
    {"load", FULL_ONLY(csto_cmd_load), "put articles or graph files into a persistent store"},
    {"delete", FULL_ONLY(csto_cmd_delete), "take articles out of a store"},
    {"push", FULL_ONLY(csto_cmd_push), "send graphs to a triplestore (Graph Store Protocol)"},
    {"serve", FULL_ONLY(csto_cmd_serve), "serve a store with Virtuoso for all of SPARQL 1.1"},
    {"kb", FULL_ONLY(csto_cmd_kb), "inspect or extend the knowledge base"},
};
const size_t csto_cli_n_commands = sizeof csto_cli_commands / sizeof csto_cli_commands[0];

#ifdef CSTO_CLI_LIGHT

/* Run the full program with the arguments main was given (the command's own are the same,
 * or reordered by getopt); return only when it cannot. It is beside this one in the build
 * tree, else where cmake --install puts it (CSTO_FULL_FROM_BINDIR: the libexec folder,
 * relative to the bin folder). */
static int hand_over(int argc, char **argv) {
  (void)argc, (void)argv;
  char self[PATH_MAX], beside[PATH_MAX + 64], installed[PATH_MAX + 128];
  ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
  if (n < 0) {
    csto_cli_error("cannot find this program (/proc/self/exe): %s", strerror(errno));
    return 1;
  }
  self[n] = '\0';
  *strrchr(self, '/') = '\0'; /* a link's target is an absolute path */
  snprintf(beside, sizeof beside, "%s/%s", self, CSTO_FULL_PROGRAM);
  snprintf(installed, sizeof installed, "%s/%s/%s", self, CSTO_FULL_FROM_BINDIR,
           CSTO_FULL_PROGRAM);
  const char *full = access(beside, X_OK) == 0 ? beside : installed;
  execv(full, csto_cli_argv);
  csto_cli_error("cannot run the full program %s: %s", full, strerror(errno));
  return 1;
}

int csto_cli_format_known(const char *format) { return csto_graph_format_known(format); }

int csto_cli_format_elsewhere(const char *format) {
  (void)format; /* the full program writes it, or says it is unknown */
  return hand_over(0, NULL);
}

csto_status csto_cli_graph_finish(csto_graph *graph, const char *format, FILE *out,
                                  csto_error *err) {
  return csto_graph_finish(graph, format, out, err);
}

#else

int csto_cli_format_known(const char *format) {
  return csto_graph_format_known(format) || csto_graph_rdf_format_known(format);
}

int csto_cli_format_elsewhere(const char *format) {
  csto_cli_error("extract: unknown format '%s' (formats: %s, %s)", format,
                 csto_graph_format_names(), csto_graph_rdf_format_names());
  return 2;
}

csto_status csto_cli_graph_finish(csto_graph *graph, const char *format, FILE *out,
                                  csto_error *err) {
  return csto_graph_rdf_format_known(format) ? csto_graph_rdf_write(graph, format, out, err)
                                             : csto_graph_finish(graph, format, out, err);
}

#endif
