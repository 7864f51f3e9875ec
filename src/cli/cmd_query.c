/* csto-kg query: SPARQL over graph files or a store. */
#define _POSIX_C_SOURCE 200809L /* sigaction */
#include <getopt.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/commands.h"
#include "csto/endpoint.h"
#include "csto/output.h"
#include "csto/query.h"
#include "csto/store.h"
#include "csto/world.h"

static const char usage_text[] =
    "usage: csto-kg query [OPTIONS] 'SPARQL' FILE...\n"
    "       csto-kg query [OPTIONS] --store PATH 'SPARQL'\n"
    "       csto-kg query [OPTIONS] --endpoint URL 'SPARQL'\n"
    "       csto-kg query [OPTIONS] --file QUERY.rq (FILE... | --store PATH | --endpoint URL)\n"
    "\n"
    "Run one SPARQL query (rasqal: SPARQL 1.1 without property paths, EXISTS or MINUS)\n"
    "over graph files (.ttl .nt .nq .trig .rdf) or over a store written by 'csto-kg load';\n"
    "or all of SPARQL 1.1 on a server (the SPARQL 1.1 Protocol), such as the one\n"
    "'csto-kg serve' starts, printed exactly as the embedded engine prints.\n"
    "N-Quads graphs stay named graphs; a file's triples form the named graph of its\n"
    "article (else of its file: URI), as in a store. The default graph is the union of all\n"
    "graphs, so a fact two articles state matches twice: use SELECT DISTINCT. rasqal\n"
    "answers GRAPH <IRI> { ... } for an absent graph with one empty row; write\n"
    "GRAPH ?g { ... } FILTER(?g = <IRI>) when the graph may be absent.\n"
    "\n"
    "  --results FMT  SELECT results: table (default), csv, tsv, json, xml\n"
    "  --format FMT   CONSTRUCT/DESCRIBE results: turtle (default), ntriples\n"
    "  --file Q.rq    read the query from a file instead of the command line ('-':\n"
    "                 standard input)\n"
    "  --store PATH   query an SQLite store instead of files\n"
    "  --endpoint URL  query a SPARQL endpoint (credentials, when it asks:\n"
    "                  CSTO_KG_USER and CSTO_KG_PASSWORD, or ~/.netrc)\n"
    "  -o FILE        write the results to FILE instead of standard output\n"
    "  --timeout S    give up after S seconds (default 300): a SERVICE or an endpoint\n"
    "                 that never answers\n"
    "\n"
    "ASK prints true or false and exits 0 for true, 1 for false.\n"
    "Exit status: 0 success, 1 failure (or ASK false), 2 bad usage.\n";

typedef struct {
  csto_query_options opt;
  unsigned long long timeout;
  const char *store, *endpoint, *query_file, *output;
  char **files;
  int nfiles;
  const char *sparql;
} query_args;

static int parse_options(int argc, char **argv, query_args *a) {
  static const struct option longopts[] = {
      {"results", required_argument, NULL, 'r'}, {"format", required_argument, NULL, 'f'},
      {"file", required_argument, NULL, 'q'},    {"store", required_argument, NULL, 's'},
      {"output", required_argument, NULL, 'o'},  {"help", no_argument, NULL, 'h'},
      {"timeout", required_argument, NULL, 't'}, {"endpoint", required_argument, NULL, 'e'},
      {NULL, 0, NULL, 0}};
  int c;
  optind = 0;
  while ((c = getopt_long(argc, argv, "o:h", longopts, NULL)) != -1) {
    switch (c) {
    case 'r': a->opt.results = optarg; break;
    case 'f': a->opt.graph_format = optarg; break;
    case 'q': a->query_file = optarg; break;
    case 's': a->store = optarg; break;
    case 'e': a->endpoint = optarg; break;
    case 'o': a->output = optarg; break;
    case 't':
      if (csto_cli_number("--timeout", optarg, 1, 86400, &a->timeout) != 0)
        return 2;
      break;
    case 'h': fputs(usage_text, stdout); return 0;
    default: fputs(usage_text, stderr); return 2;
    }
  }
  return -1;
}

/* Positional arguments: the query (unless --file) and the graph files. */
static int parse_args(int argc, char **argv, query_args *a) {
  int rc = parse_options(argc, argv, a);
  if (rc >= 0)
    return rc;
  int i = optind;
  if (!a->query_file) {
    if (i >= argc) {
      csto_cli_error("query: no SPARQL query given");
      return 2;
    }
    a->sparql = argv[i++];
  }
  a->files = argv + i;
  a->nfiles = argc - i;
  if ((a->store != NULL) + (a->endpoint != NULL) + (a->nfiles > 0) > 1) {
    csto_cli_error("query: give one of --store, --endpoint or graph files");
    return 2;
  }
  if (!a->store && !a->endpoint && a->nfiles == 0) {
    csto_cli_error("query: no graph files given (or use --store PATH or --endpoint URL)");
    return 2;
  }
  return -1;
}

static csto_status open_files(csto_world *w, const query_args *a, csto_dataset **ds,
                              csto_error *err) {
  csto_status st = csto_query_dataset_new(w, ds, err);
  for (int i = 0; st == CSTO_OK && i < a->nfiles; i++)
    st = csto_query_dataset_add_file(*ds, a->files[i], NULL, err);
  return st;
}

static csto_status run_to(const query_args *a, csto_dataset *ds, csto_query_outcome *oc,
                          csto_error *err) {
  csto_output *out = NULL;
  csto_status st = csto_output_open(a->output, &out, err);
  if (st != CSTO_OK)
    return st;
  if (a->endpoint) {
    csto_http_options http = {a->endpoint, NULL, NULL, 0, (long)a->timeout, 0};
    csto_http_options_from_env(&http);
    st = csto_endpoint_query(&http, ds, a->sparql, &a->opt, csto_output_stream(out), oc, err);
  } else {
    st = csto_query_run(ds, a->sparql, &a->opt, csto_output_stream(out), oc, err);
  }
  if (st != CSTO_OK) {
    csto_output_abort(out);
    return st;
  }
  return csto_output_commit(out, err);
}

static csto_status run(const query_args *a, csto_query_outcome *oc, csto_error *err) {
  csto_world *w = NULL;
  csto_store *store = NULL;
  csto_dataset *files = NULL;
  csto_status st = csto_world_new(&w, err);
  if (st == CSTO_OK)
    st = a->store ? csto_store_open(w, a->store, CSTO_STORE_READ, &store, err)
                  : open_files(w, a, &files, err); /* none for an endpoint */
  if (st == CSTO_OK)
    st = run_to(a, store ? csto_store_dataset(store) : files, oc, err);
  csto_store_close(store);
  csto_query_dataset_free(files);
  csto_world_free(w);
  return st;
}

/* rasqal offers no way to stop a query (a SERVICE whose server never answers waits
 * forever), so the process gives up by itself: no temporary left, a message, status 1. */
static void on_timeout(int sig) {
  static const char msg[] = "csto-kg: query: no answer within --timeout seconds\n";
  (void)sig;
  csto_output_remove_temporaries();
  if (write(STDERR_FILENO, msg, sizeof msg - 1) < 0)
    _exit(1);
  _exit(1);
}

static void give_up_after(unsigned long long seconds) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_timeout;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGALRM, &sa, NULL);
  alarm((unsigned)seconds);
}

int csto_cmd_query(int argc, char **argv) {
  query_args a = {.opt = {NULL, NULL}, .timeout = 300};
  int rc = parse_args(argc, argv, &a);
  if (rc >= 0)
    return rc;
  csto_error err = {CSTO_OK, ""};
  char *text = NULL;
  if (csto_query_check_options(&a.opt, &err) != CSTO_OK) {
    csto_cli_error("query: %s", err.message);
    return 2;
  }
  if (a.query_file && csto_query_read_text(a.query_file, &text, &err) != CSTO_OK) {
    csto_cli_error("query: %s", err.message);
    return 1;
  }
  if (text)
    a.sparql = text;
  csto_query_outcome oc = {CSTO_QUERY_SELECT, 0};
  if (!a.endpoint) /* libcurl bounds an endpoint's exchange itself */
    give_up_after(a.timeout);
  csto_status st = run(&a, &oc, &err);
  alarm(0);
  free(text);
  if (st != CSTO_OK) {
    csto_cli_error("query: %s", err.message);
    return st == CSTO_ERR_USAGE ? 2 : 1;
  }
  return oc.kind == CSTO_QUERY_ASK && !oc.ask ? 1 : 0;
}
