/* csto-kg load: add article graphs to a persistent SQLite store. */
#include <getopt.h>
#include <stdio.h>

#include "cli/commands.h"
#include "csto/store.h"

static const char usage_text[] =
    "usage: csto-kg load --store PATH FILE...\n"
    "\n"
    "Load graph files (as 'csto-kg extract' writes them, any RDF syntax) into an SQLite\n"
    "store, created when missing. Each article's facts go into the named graph of its\n"
    "article IRI (N-Quads graphs keep their names); loading an article again replaces\n"
    "its facts. Each file is one transaction: a file that fails changes nothing, and the\n"
    "other files are still loaded.\n"
    "\n"
    "  --store PATH   the store (an SQLite file)\n"
    "\n"
    "Exit status: 0 success, 1 a file or the store failed, 2 bad usage.\n";

static void print_loaded(void *user, const char *path, const char *graph, long triples) {
  (void)user;
  printf("loaded %s: %ld triples into <%s>\n", path, triples, graph);
}

static int parse_args(int argc, char **argv, const char **store) {
  static const struct option longopts[] = {{"store", required_argument, NULL, 's'},
                                           {"help", no_argument, NULL, 'h'},
                                           {NULL, 0, NULL, 0}};
  int c;
  optind = 0;
  while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
    if (c == 's') {
      *store = optarg;
    } else if (c == 'h') {
      fputs(usage_text, stdout);
      return 0;
    } else {
      fputs(usage_text, stderr);
      return 2;
    }
  }
  if (!*store || optind >= argc) {
    csto_cli_error("load: %s", *store ? "no graph files given" : "--store PATH is required");
    return 2;
  }
  return -1;
}

static int load_one(csto_store *store, const char *path) {
  csto_error err = {CSTO_OK, ""};
  long triples = 0;
  if (csto_store_load_file(store, path, print_loaded, NULL, &triples, &err) != CSTO_OK) {
    csto_cli_error("load: %s", err.message);
    return 1;
  }
  if (triples == 0)
    printf("loaded %s: 0 triples\n", path);
  return 0;
}

int csto_cmd_load(int argc, char **argv) {
  const char *path = NULL;
  int rc = parse_args(argc, argv, &path);
  if (rc >= 0)
    return rc;
  csto_error err = {CSTO_OK, ""};
  csto_store *store = NULL;
  if (csto_store_open(path, CSTO_STORE_WRITE, &store, &err) != CSTO_OK) {
    csto_cli_error("load: %s", err.message);
    return 1;
  }
  int failed = 0;
  for (int i = optind; i < argc; i++)
    failed += load_one(store, argv[i]);
  csto_store_close(store);
  if (failed && argc - optind > 1)
    csto_cli_error("load: %d of %d files failed; the others are loaded", failed, argc - optind);
  return failed ? 1 : 0;
}
