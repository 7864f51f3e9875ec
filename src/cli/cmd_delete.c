/* csto-kg delete: take articles out of a store. */
#include <getopt.h>
#include <stdio.h>

#include "cli/commands.h"
#include "csto/serve.h"
#include "csto/store.h"
#include "csto/world.h"

static const char usage_text[] =
    "usage: csto-kg delete --store PATH GRAPH...\n"
    "\n"
    "Delete articles (by article IRI, as 'load' prints them) or other loaded graphs from a\n"
    "store: each graph's provenance goes, and the merged graph loses every triple that no\n"
    "remaining graph states. All graphs go in one transaction: if one is not in the store,\n"
    "nothing is deleted. While 'csto-kg serve' runs for the store, its Virtuoso follows.\n"
    "\n"
    "  --store PATH   the store (an SQLite file)\n"
    "\n"
    "Exit status: 0 success, 1 a graph is not there or the store failed, 2 bad usage.\n";

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
    csto_cli_error("delete: %s", *store ? "no graphs given" : "--store PATH is required");
    return 2;
  }
  return -1;
}

static csto_status delete_all(csto_store *store, char **graphs, int n, csto_error *err) {
  csto_store_counts counts;
  csto_status st = csto_store_begin(store, err);
  for (int i = 0; st == CSTO_OK && i < n; i++) {
    st = csto_store_delete_graph(store, graphs[i], &counts, err);
    if (st == CSTO_OK)
      printf("deleted <%s>: %ld triples (%ld removed from the merged graph)\n", graphs[i],
             counts.triples, counts.removed);
  }
  if (st == CSTO_OK)
    return csto_store_commit(store, err);
  csto_store_rollback(store);
  return st;
}

int csto_cmd_delete(int argc, char **argv) {
  const char *path = NULL;
  int rc = parse_args(argc, argv, &path);
  if (rc >= 0)
    return rc;
  csto_error err = {CSTO_OK, ""};
  csto_world *w = NULL;
  csto_store *store = NULL;
  csto_status st = csto_world_new(&w, &err);
  if (st == CSTO_OK)
    st = csto_store_open(w, path, CSTO_STORE_READ, &store, &err);
  csto_store_close(store); /* a missing store is an error, not created */
  store = NULL;
  if (st == CSTO_OK)
    st = csto_store_open(w, path, CSTO_STORE_WRITE, &store, &err);
  if (st == CSTO_OK) {
    csto_store_set_journal(store, csto_serve_active(path));
    st = delete_all(store, argv + optind, argc - optind, &err);
  }
  if (st == CSTO_OK)
    st = csto_serve_mirror_store(store, path, &err);
  csto_store_close(store);
  csto_world_free(w);
  if (st != CSTO_OK) {
    csto_cli_error("delete: %s", err.message);
    return 1;
  }
  return 0;
}
