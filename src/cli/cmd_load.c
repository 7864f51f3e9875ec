/* csto-kg load: put articles or graph files into a persistent SQLite store. */
#define _DEFAULT_SOURCE /* mkstemps */
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/commands.h"
#include "csto/graph.h"
#include "csto/pipeline.h"
#include "csto/push.h"
#include "csto/serve.h"
#include "csto/store.h"
#include "csto/world.h"

static const char usage_text[] =
    "usage: csto-kg load --store PATH [OPTIONS] [FILE...]\n"
    "       csto-kg load --endpoint URL [OPTIONS] [FILE...]\n"
    "\n"
    "Put articles or graph files into an SQLite store, created when missing. A graph file\n"
    "(.ttl .nt .nq .trig .rdf .xml .owl, as 'csto-kg extract' writes them) is loaded as it\n"
    "is; any other file is an article (or, with --jsonl, JSON Lines of articles), extracted\n"
    "on the way. The store keeps one merged graph of the facts and descriptions, each\n"
    "triple once, and one graph per article with its provenance; loading an article again\n"
    "replaces it. Each file is one transaction: a file that fails changes nothing, and the\n"
    "other files are still loaded. While 'csto-kg serve' runs for the store, each change\n"
    "is sent to its Virtuoso too. No FILE, or '-', reads standard input: articles (JSON\n"
    "Lines with --jsonl), or a graph file with --format (through a temporary copy, whose\n"
    "file: IRI names triples of no article: give such a file by its name).\n"
    "\n"
    "  --store PATH     the store (an SQLite file)\n"
    "  --endpoint URL   a Graph Store Protocol endpoint instead (Fuseki, GraphDB, Oxigraph,\n"
    "                   Virtuoso's /sparql-graph-crud-auth): sent as 'csto-kg push' sends\n"
    "                   them (see push --help); credentials as for push\n"
    "  --timeout S      give up on a request to the endpoint after S seconds (default 300)\n"
    "  --jsonl          article files are JSON Lines, one article per line\n"
    "  --format F       standard input is a graph file in F: turtle (ttl), ntriples (nt),\n"
    "                   nquads (nq), trig, rdfxml (rdf)\n"
    "  --data DIR       ontology and knowledge base folder (for articles)\n"
    "  --base IRI       namespace for minted resources (for articles)\n"
    "  --max-bytes N    largest article accepted (default 16 MiB)\n"
    "\n"
    "One line per graph: FILE: <GRAPH>: N triples (P in its own graph; A added to and R\n"
    "removed from the merged graph), and how many undated meetings several dated ones\n"
    "match (those get no owl:sameAs link; see README, Stores).\n"
    "Exit status: 0 success, 1 a file or the store failed, 2 bad usage.\n";

typedef struct {
  const char *store, *data, *base;
  const char *stdin_suffix; /* --format: standard input is a graph file with this suffix */
  int jsonl;
  csto_reader_options reader;
  csto_push_options push;
} load_options;

/* The file suffix of a graph format's name (its short name too), or NULL. */
static const char *graph_suffix(const char *format) {
  static const char *const names[][2] = {
      {"turtle", ".ttl"}, {"ttl", ".ttl"},   {"ntriples", ".nt"}, {"nt", ".nt"},
      {"nquads", ".nq"},  {"nq", ".nq"},     {"trig", ".trig"},   {"rdfxml", ".rdf"},
      {"rdf", ".rdf"}};
  for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
    if (strcmp(format, names[i][0]) == 0)
      return names[i][1];
  return NULL;
}

static int parse_args(int argc, char **argv, load_options *o) {
  static const struct option longopts[] = {
      {"store", required_argument, NULL, 's'}, {"jsonl", no_argument, NULL, 'j'},
      {"data", required_argument, NULL, 'D'},  {"base", required_argument, NULL, 'b'},
      {"max-bytes", required_argument, NULL, 'm'}, {"help", no_argument, NULL, 'h'},
      {"endpoint", required_argument, NULL, 'e'}, {"timeout", required_argument, NULL, 't'},
      {"format", required_argument, NULL, 'f'}, {NULL, 0, NULL, 0}};
  int c;
  unsigned long long number;
  optind = 0;
  while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
    switch (c) {
    case 's': o->store = optarg; break;
    case 'j': o->jsonl = 1; break;
    case 'D': o->data = optarg; break;
    case 'b': o->base = optarg; break;
    case 'm':
      if (csto_cli_number("--max-bytes", optarg, 1, SIZE_MAX, &number) != 0)
        return 2;
      o->reader.max_bytes = (size_t)number;
      break;
    case 'e': o->push.endpoint = optarg; break;
    case 't':
      if (csto_cli_number("--timeout", optarg, 1, 86400, &number) != 0)
        return 2;
      o->push.timeout = (long)number;
      break;
    case 'f':
      if (!(o->stdin_suffix = graph_suffix(optarg))) {
        csto_cli_error("load: unknown graph format '%s' (turtle, ntriples, nquads, trig, "
                       "rdfxml)", optarg);
        return 2;
      }
      break;
    case 'h': fputs(usage_text, stdout); return 0;
    default: fputs(usage_text, stderr); return 2;
    }
  }
  if (!o->store == !o->push.endpoint) {
    csto_cli_error("load: give --store PATH or --endpoint URL");
    return 2;
  }
  if (optind >= argc && isatty(STDIN_FILENO)) { /* no file and no pipe */
    csto_cli_error("load: no files given (give FILE, or pipe one to standard input)");
    return 2;
  }
  return -1;
}

static void print_counts(const char *path, const char *graph, const csto_store_counts *c) {
  printf("%s: <%s>: %ld triples (%ld in its own graph; %ld added to and %ld removed "
         "from the merged graph",
         path, graph, c->triples, c->own, c->added, c->removed);
  if (c->ambiguous)
    printf("; %ld undated meeting%s not linked: several dated ones match", c->ambiguous,
           c->ambiguous == 1 ? "" : "s");
  printf(")\n");
}

/* user: the name to show instead of path (standard input read through a copy). */
static void print_loaded(void *user, const char *path, const char *graph,
                         const csto_store_counts *counts) {
  print_counts(user ? (const char *)user : path, graph, counts);
}

/* ---- articles ------------------------------------------------------------------------- */

/* The extraction, made when the first article file comes. */
typedef struct {
  const load_options *o;
  csto_store *store;       /* --store */
  csto_push *push;         /* --endpoint */
  csto_dataset *push_ds;   /* the world push parses in */
  csto_kb *kb;
  csto_graph *graph;
  /* the graphs put by the current file, printed once it commits */
  char **iris;
  csto_store_counts *counts;
  size_t n;
} extraction;

static csto_status remember(extraction *x, const char *iri, const csto_store_counts *c) {
  char **iris = realloc(x->iris, (x->n + 1) * sizeof *iris);
  csto_store_counts *counts = iris ? realloc(x->counts, (x->n + 1) * sizeof *counts) : NULL;
  if (iris)
    x->iris = iris;
  if (counts)
    x->counts = counts;
  if (!iris || !counts || !(x->iris[x->n] = strdup(iri)))
    return csto_error_set(NULL, CSTO_ERR_NOMEM, "out of memory");
  x->counts[x->n++] = *c;
  return CSTO_OK;
}

/* One article: extracted, then its graph put into the store. */
static csto_status put_article(void *user, csto_article *a, csto_error *err) {
  extraction *x = user;
  csto_doc *doc = NULL;
  char *iri = csto_article_iri(x->o->base ? x->o->base : CSTO_RES_NS, a);
  csto_store_counts counts;
  csto_status st = iri ? csto_pipeline_run(x->kb, a, &doc, err)
                       : csto_error_set(err, CSTO_ERR_NOMEM, "out of memory");
  if (st == CSTO_OK)
    st = csto_graph_add_doc(x->graph, doc, err);
  if (st == CSTO_OK)
    st = csto_store_put_graph(x->store, iri, x->graph, &counts, err);
  if (st == CSTO_OK && (st = remember(x, iri, &counts)) != CSTO_OK)
    csto_error_set(err, st, "out of memory");
  csto_doc_free(doc);
  free(iri);
  return st;
}

static void forget(extraction *x) {
  for (size_t i = 0; i < x->n; i++)
    free(x->iris[i]);
  x->n = 0;
}

/* After a failed article: empty the graph, so the next article does not inherit its
 * statements. */
static void drop_partial(extraction *x) {
  if (x->graph)
    csto_graph_clear(x->graph);
}

static csto_status start_extraction(extraction *x, csto_error *err) {
  if (x->graph)
    return CSTO_OK;
  csto_status st = csto_cli_load_kb(x->o->data, &x->kb, err);
  return st == CSTO_OK ? csto_graph_new(x->o->base, &x->graph, err) : st;
}

/* user: the name to show instead of path (an article sent through a temporary file). */
static void print_sent(void *user, const char *path, const csto_push_sent *sent) {
  printf("%s: <%s>: %ld triples PUT to its own graph, %ld POSTed to the merged graph\n",
         user ? (const char *)user : path, sent->graph, sent->own, sent->merged);
}

/* --endpoint: an article goes out through a temporary N-Quads file, which push reads as
 * it reads any graph file (the extraction and push each keep their own librdf world). */
static csto_status push_article(void *user, csto_article *a, csto_error *err) {
  extraction *x = user;
  char tmp[] = "/tmp/csto-kg-load-XXXXXX.nq";
  int fd = mkstemps(tmp, 3);
  FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
  if (!f) {
    if (fd >= 0)
      close(fd);
    return csto_error_set(err, CSTO_ERR_IO, "%s: cannot make a temporary file", a->source);
  }
  csto_doc *doc = NULL;
  csto_status st = csto_pipeline_run(x->kb, a, &doc, err);
  if (st == CSTO_OK)
    st = csto_graph_add_doc(x->graph, doc, err);
  if (st == CSTO_OK)
    st = csto_graph_write(x->graph, "nquads", f, err);
  if (fclose(f) != 0 && st == CSTO_OK)
    st = csto_error_set(err, CSTO_ERR_IO, "%s: cannot write a temporary file", a->source);
  if (st == CSTO_OK)
    st = csto_push_file(x->push, x->push_ds, tmp, print_sent, a->source, err);
  unlink(tmp);
  csto_doc_free(doc);
  return st;
}

static csto_status push_articles(extraction *x, const char *path, csto_error *err) {
  csto_status st = start_extraction(x, err);
  if (st == CSTO_OK &&
      (st = csto_read_articles(path, &x->o->reader, x->o->jsonl, push_article, x, err)) !=
          CSTO_OK)
    drop_partial(x);
  return st;
}

static csto_status load_articles(extraction *x, const char *path, csto_error *err) {
  csto_status st = start_extraction(x, err);
  if (st == CSTO_OK)
    st = csto_store_begin(x->store, err);
  if (st != CSTO_OK)
    return st;
  st = csto_read_articles(path, &x->o->reader, x->o->jsonl, put_article, x, err);
  if (st == CSTO_OK) {
    st = csto_store_commit(x->store, err);
  } else {
    csto_store_rollback(x->store);
    drop_partial(x);
  }
  for (size_t i = 0; st == CSTO_OK && i < x->n; i++)
    print_counts(strcmp(path, "-") == 0 ? "<stdin>" : path, x->iris[i], &x->counts[i]);
  forget(x);
  return st;
}

/* ---- the command ---------------------------------------------------------------------- */

static int is_graph_file(const char *path) {
  return strcmp(csto_query_syntax_for_path(path), "guess") != 0;
}

/* name: what messages call the file (NULL: path). */
static csto_status load_one_file(extraction *x, const char *path, const char *name,
                                 csto_error *err) {
  if (x->push)
    return is_graph_file(path)
               ? csto_push_file(x->push, x->push_ds, path, print_sent, (void *)name, err)
               : push_articles(x, path, err);
  csto_status st = is_graph_file(path)
                       ? csto_store_load_file(x->store, path, print_loaded, (void *)name, err)
                       : load_articles(x, path, err);
  return st == CSTO_OK ? csto_serve_mirror_store(x->store, x->o->store, err) : st;
}

/* Standard input to a temporary file named with suffix: a graph file is read twice (once
 * to find its article, once to load), which a pipe cannot be. */
static csto_status copy_stdin(char *tmp, size_t suffix_len, csto_error *err) {
  int fd = mkstemps(tmp, (int)suffix_len);
  FILE *f = fd >= 0 ? fdopen(fd, "wb") : NULL;
  if (!f) {
    if (fd >= 0)
      close(fd);
    return csto_error_set(err, CSTO_ERR_IO, "<stdin>: cannot make a temporary file");
  }
  char buf[65536];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, stdin)) > 0 && fwrite(buf, 1, n, f) == n)
    ;
  int failed = ferror(stdin) || ferror(f);
  if (fclose(f) != 0 || failed) {
    unlink(tmp);
    return csto_error_set(err, CSTO_ERR_IO, "<stdin>: cannot copy to a temporary file");
  }
  return CSTO_OK;
}

/* A graph file on standard input: loaded from its copy, messages naming "<stdin>". */
static csto_status load_stdin_graph(extraction *x, csto_error *err) {
  char tmp[64];
  const char *suffix = x->o->stdin_suffix;
  snprintf(tmp, sizeof tmp, "/tmp/csto-kg-load-XXXXXX%s", suffix);
  csto_status st = copy_stdin(tmp, strlen(suffix), err);
  if (st != CSTO_OK)
    return st;
  st = load_one_file(x, tmp, "<stdin>", err);
  unlink(tmp);
  size_t n = strlen(tmp);
  if (st != CSTO_OK && err && strncmp(err->message, tmp, n) == 0) { /* the copy's name: */
    memmove(err->message + 7, err->message + n, strlen(err->message + n) + 1);
    memcpy(err->message, "<stdin>", 7);
  }
  return st;
}

static int load_one(extraction *x, const char *path) {
  csto_error err = {CSTO_OK, ""};
  csto_status st = strcmp(path, "-") == 0 && x->o->stdin_suffix
                       ? load_stdin_graph(x, &err)
                       : load_one_file(x, path, NULL, &err);
  if (st != CSTO_OK) {
    csto_cli_error("load: %s", err.message);
    return 1;
  }
  return 0;
}

static csto_status open_push(csto_world *w, extraction *x, load_options *o, csto_error *err) {
  csto_push_options_from_env(&o->push);
  csto_status st = csto_push_new(w, &o->push, &x->push, err);
  return st == CSTO_OK ? csto_query_dataset_new(w, &x->push_ds, err) : st;
}

static void close_all(csto_world *w, extraction *x) {
  csto_store_close(x->store);
  csto_push_free(x->push);
  csto_query_dataset_free(x->push_ds);
  csto_world_free(w);
}

int csto_cmd_load(int argc, char **argv) {
  load_options o = {NULL, NULL, NULL, NULL, 0, {0}, {NULL, NULL, NULL, 0, 0, 0}};
  int rc = parse_args(argc, argv, &o);
  if (rc >= 0)
    return rc;
  csto_error err = {CSTO_OK, ""};
  extraction x = {&o, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0};
  csto_world *w = NULL;
  csto_status st = csto_world_new(&w, &err);
  if (st == CSTO_OK)
    st = o.store ? csto_store_open(w, o.store, CSTO_STORE_WRITE, &x.store, &err)
                 : open_push(w, &x, &o, &err);
  if (st != CSTO_OK) {
    csto_cli_error("load: %s", err.message);
    close_all(w, &x);
    return err.status == CSTO_ERR_USAGE ? 2 : 1;
  }
  if (x.store)
    csto_store_set_journal(x.store, csto_serve_active(o.store));
  int failed = optind < argc ? 0 : load_one(&x, "-");
  for (int i = optind; i < argc; i++)
    failed += load_one(&x, argv[i]);
  close_all(w, &x);
  csto_graph_free(x.graph);
  csto_kb_free(x.kb);
  free(x.iris);
  free(x.counts);
  if (failed && argc - optind > 1)
    csto_cli_error("load: %d of %d files failed; the others are loaded", failed, argc - optind);
  return failed ? 1 : 0;
}
