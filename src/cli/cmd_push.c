/* csto-kg push: send graphs to a triplestore (SPARQL 1.1 Graph Store HTTP Protocol). */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli/commands.h"
#include "csto/push.h"
#include "csto/query.h"
#include "csto/world.h"

static const char usage_text[] =
    "usage: csto-kg push --endpoint URL [--graph IRI] [--timeout SECONDS] FILE...\n"
    "\n"
    "Send graph files to a triplestore with the SPARQL 1.1 Graph Store HTTP Protocol, in\n"
    "the layout of a store: each article's provenance is PUT (replaced) to its article\n"
    "graph, its facts and descriptions are POSTed (added) to the merged graph\n"
    "<https://w3id.org/csto-kg/graph/merged>; other graphs are PUT whole (N-Quads graphs\n"
    "keep their names). The server cannot tell which articles state a merged triple, so\n"
    "a new version of an article leaves its old merged triples there: for exact replaces\n"
    "and deletes, load a store and serve it. --graph IRI sends all the files together as\n"
    "that one graph instead.\n"
    "For Virtuoso the URL is http://HOST:PORT/sparql-graph-crud-auth.\n"
    "\n"
    "Credentials: the environment variables CSTO_KG_USER and CSTO_KG_PASSWORD, or\n"
    "~/.netrc; any authentication scheme the server asks for (basic, digest) is used.\n"
    "\n"
    "  --endpoint URL     the Graph Store endpoint (required)\n"
    "  --graph IRI        the graph to replace with all the files\n"
    "  --timeout SECONDS  give up on a request after this long (default 300)\n"
    "\n"
    "Exit status: 0 success, 1 a file or a request failed, 2 bad usage.\n";

typedef struct {
  csto_push_options opt;
  const char *graph;
} push_args;

static int parse_args(int argc, char **argv, push_args *a) {
  static const struct option longopts[] = {
      {"endpoint", required_argument, NULL, 'e'}, {"graph", required_argument, NULL, 'g'},
      {"timeout", required_argument, NULL, 't'},  {"help", no_argument, NULL, 'h'},
      {NULL, 0, NULL, 0}};
  int c;
  unsigned long long number;
  optind = 0;
  while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
    switch (c) {
    case 'e': a->opt.endpoint = optarg; break;
    case 'g': a->graph = optarg; break;
    case 't':
      if (csto_cli_number("--timeout", optarg, 1, 86400, &number) != 0)
        return 2;
      a->opt.timeout = (long)number;
      break;
    case 'h': fputs(usage_text, stdout); return 0;
    default: fputs(usage_text, stderr); return 2;
    }
  }
  if (!a->opt.endpoint || optind >= argc) {
    csto_cli_error("push: %s",
                   a->opt.endpoint ? "no graph files given" : "--endpoint URL is required");
    return 2;
  }
  return -1;
}

static void print_sent(void *user, const char *path, const csto_push_sent *sent) {
  (void)user;
  printf("pushed %s: %ld triples to <%s> (HTTP %ld)", path, sent->own, sent->graph,
         sent->status);
  if (sent->merged_status)
    printf(", %ld to the merged graph (HTTP %ld)", sent->merged, sent->merged_status);
  putchar('\n');
}

/* Every file on its own: one PUT per graph. Returns the number of files that failed. */
static int push_each(csto_push *push, csto_dataset *ds, int argc, char **argv) {
  int failed = 0;
  for (int i = optind; i < argc; i++) {
    csto_error err = {CSTO_OK, ""};
    if (csto_push_file(push, ds, argv[i], print_sent, NULL, &err) != CSTO_OK) {
      csto_cli_error("push: %s", err.message);
      failed++;
    }
  }
  return failed;
}

/* --graph: all files merged into one graph, one PUT. */
static int push_merged(csto_push *push, csto_dataset *ds, const char *graph, int argc,
                       char **argv) {
  csto_error err = {CSTO_OK, ""};
  csto_status st = CSTO_OK;
  for (int i = optind; st == CSTO_OK && i < argc; i++)
    st = csto_query_dataset_add_file(ds, argv[i], NULL, &err);
  long triples = 0, status = 0;
  if (st == CSTO_OK)
    st = csto_push_dataset(push, ds, graph, &triples, &status, &err);
  if (st != CSTO_OK) {
    csto_cli_error("push: %s", err.message);
    return 1;
  }
  printf("pushed %d files: %ld triples to <%s> (HTTP %ld)\n", argc - optind, triples, graph,
         status);
  return 0;
}

static int check_graph(const push_args *a) {
  char *url = NULL;
  csto_error err = {CSTO_OK, ""};
  if (a->graph && csto_push_graph_url(a->opt.endpoint, a->graph, &url, &err) != CSTO_OK) {
    csto_cli_error("push: %s", err.message);
    return 2;
  }
  free(url);
  return -1;
}

int csto_cmd_push(int argc, char **argv) {
  push_args a = {{NULL, NULL, NULL, 0, 0, 0}, NULL};
  int rc = parse_args(argc, argv, &a);
  if (rc < 0)
    rc = check_graph(&a);
  if (rc >= 0)
    return rc;
  csto_push_options_from_env(&a.opt);
  csto_error err = {CSTO_OK, ""};
  csto_world *w = NULL;
  csto_push *push = NULL;
  csto_dataset *ds = NULL;
  int failed = csto_world_new(&w, &err) != CSTO_OK ||
               csto_push_new(w, &a.opt, &push, &err) != CSTO_OK ||
               csto_query_dataset_new(w, &ds, &err) != CSTO_OK;
  if (failed) {
    csto_cli_error("push: %s", err.message);
    rc = err.status == CSTO_ERR_USAGE ? 2 : 1;
  } else {
    failed = a.graph ? push_merged(push, ds, a.graph, argc, argv)
                     : push_each(push, ds, argc, argv);
    rc = failed ? 1 : 0;
  }
  csto_query_dataset_free(ds);
  csto_push_free(push);
  csto_world_free(w);
  return rc;
}
