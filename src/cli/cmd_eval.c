/* csto-kg eval: score a graph against a gold file, printing what score.py prints. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli/commands.h"
#include "csto/eval.h"

static const char usage[] =
    "usage: csto-kg eval [--json] GRAPH GOLD\n"
    "  GRAPH   a graph file (Turtle, N-Triples, N-Quads, RDF/XML; syntax guessed)\n"
    "  GOLD    a gold TSV (shared/spec/gold-format.md)\n"
    "  --json  print one JSON object instead of the text report\n"
    "Prints P/R/F1 per relation, mode accuracy and micro figures; exit 0 when scored,\n"
    "1 when a file cannot be read or parsed, 2 on bad usage.\n";

/* Fills *json and returns the index of GRAPH in argv, or -1 (exit 2) / -2 (exit 0). */
static int parse(int argc, char **argv, int *json) {
  static const struct option longs[] = {
      {"json", no_argument, 0, 'j'}, {"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
  int c;
  optind = 1;
  while ((c = getopt_long(argc, argv, "h", longs, NULL)) != -1) {
    switch (c) {
    case 'j': *json = 1; break;
    case 'h': fputs(usage, stdout); return -2;
    default: fputs(usage, stderr); return -1;
    }
  }
  if (argc - optind != 2) {
    csto_cli_error("eval: expected GRAPH and GOLD, got %d argument%s", argc - optind,
                   argc - optind == 1 ? "" : "s");
    fputs(usage, stderr);
    return -1;
  }
  return optind;
}

int csto_cmd_eval(int argc, char **argv) {
  int json = 0;
  int first = parse(argc, argv, &json);
  if (first < 0)
    return first == -2 ? 0 : 2;
  csto_eval_report *report = NULL;
  csto_error err = {0};
  if (csto_eval_score(argv[first], argv[first + 1], &report, &err) != CSTO_OK) {
    csto_cli_error("eval: %s", err.message);
    return 1;
  }
  char *text = json ? csto_eval_report_json(report) : csto_eval_report_text(report);
  csto_eval_report_free(report);
  if (!text) {
    csto_cli_error("eval: out of memory");
    return 1;
  }
  int failed = fputs(text, stdout) == EOF || (json && putchar('\n') == EOF) || fflush(stdout);
  free(text);
  if (failed) {
    csto_cli_error("eval: could not write the report");
    return 1;
  }
  return 0;
}
