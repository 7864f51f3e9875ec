/* SPARQL over graph files or a store: datasets, graph-file parsing, query execution. */
#include "csto/query_rdf.h"

#include "csto/layout.h"
#include "csto/normalize.h"
#include "query_check.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "strmap.h"

#define CSTO_NS "https://w3id.org/csto-kg/ontology#"
#define RDF_TYPE "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"

struct csto_dataset {
  csto_world *w;                     /* borrowed */
  librdf_world *world;               /* w's */
  csto_world_log *lg;                /* w's */
  librdf_storage *storage;
  librdf_model *model;
  csto_source_fn source;             /* a source of its own (a store's), or NULL */
  void *source_user;
  librdf_node *merged;               /* CSTO_GRAPH_MERGED, made on first use */
  csto_strmap *in_merged;            /* the triples already in it (N-Triples text) */
};

/* ---- the world's log and blank node labels ------------------------------------------- */

/* A new blank term with the file's prefix, or NULL when t is not a blank node. */
static raptor_term *relabel(csto_dataset *ds, raptor_term *t) {
  if (!t || t->type != RAPTOR_TERM_TYPE_BLANK)
    return NULL;
  const char *prefix = csto_world_blank_prefix(ds->w);
  const char *id = (const char *)t->value.blank.string;
  size_t n = strlen(prefix) + strlen(id) + 1;
  unsigned char *label = malloc(n);
  if (!label)
    return NULL;
  snprintf((char *)label, n, "%s%s", prefix, id);
  raptor_term *r = raptor_new_term_from_blank(librdf_world_get_raptor(ds->world), label);
  free(label);
  return r;
}

void csto_query_dataset_log_reset(csto_dataset *ds) {
  ds->lg->logged = 0;
  ds->lg->line = -1;
  ds->lg->message[0] = ds->lg->text[0] = '\0';
}

const char *csto_query_dataset_log_error(const csto_dataset *ds) {
  return ds->lg->logged ? ds->lg->message : NULL;
}

static const char *log_or(const csto_dataset *ds, const char *fallback) {
  return ds->lg->logged ? ds->lg->message : fallback;
}

/* ---- datasets ------------------------------------------------------------------------ */

csto_status csto_query_dataset_new(csto_world *w, csto_dataset **out, csto_error *err) {
  csto_dataset *ds = calloc(1, sizeof *ds);
  if (!ds)
    return csto_error_set(err, CSTO_ERR_NOMEM, "out of memory");
  ds->w = w;
  ds->world = csto_world_rdf(w);
  ds->lg = csto_world_log_of(w);
  csto_query_dataset_log_reset(ds);
  ds->storage = librdf_new_storage(ds->world, "hashes", "csto-kg",
                                   "hash-type='memory',contexts='yes'");
  if (ds->storage)
    ds->model = librdf_new_model(ds->world, ds->storage, NULL);
  if (!ds->model) {
    csto_status st = csto_error_set(err, CSTO_ERR_RDF, "cannot make a dataset: %s",
                                    log_or(ds, "librdf refused it"));
    csto_query_dataset_free(ds);
    return st;
  }
  *out = ds;
  return CSTO_OK;
}

void csto_query_dataset_free(csto_dataset *ds) {
  if (!ds)
    return;
  if (ds->model)
    librdf_free_model(ds->model);
  if (ds->storage)
    librdf_free_storage(ds->storage);
  if (ds->merged)
    librdf_free_node(ds->merged);
  csto_strmap_free(ds->in_merged);
  free(ds);
}

csto_world *csto_query_dataset_csto_world(csto_dataset *ds) { return ds->w; }
librdf_world *csto_query_dataset_world(csto_dataset *ds) { return ds->world; }
librdf_model *csto_query_dataset_model(csto_dataset *ds) { return ds->model; }

void csto_query_dataset_set_source(csto_dataset *ds, csto_source_fn fn, void *user) {
  ds->source = fn;
  ds->source_user = user;
}

int csto_query_dataset_has_source(const csto_dataset *ds) { return ds->source != NULL; }

int csto_query_dataset_source(csto_dataset *ds, rasqal_query *query, void *data,
                              rasqal_triples_source *rts) {
  return ds->source ? ds->source(query, ds->source_user, data, rts)
                    : csto_model_source(ds->world, ds->model, query, data, rts);
}

/* ---- parsing graph files ------------------------------------------------------------- */

static int has_suffix(const char *s, const char *suffix) {
  size_t n = strlen(s), m = strlen(suffix);
  if (n < m)
    return 0;
  for (size_t i = 0; i < m; i++) {
    char c = s[n - m + i];
    if (c >= 'A' && c <= 'Z')
      c = (char)(c - 'A' + 'a');
    if (c != suffix[i])
      return 0;
  }
  return 1;
}

const char *csto_query_syntax_for_path(const char *path) {
  static const struct {
    const char *suffix, *syntax;
  } table[] = {{".ttl", "turtle"}, {".turtle", "turtle"}, {".nt", "ntriples"},
               {".nq", "nquads"},  {".trig", "trig"},     {".rdf", "rdfxml"},
               {".xml", "rdfxml"}, {".owl", "rdfxml"}};
  for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
    if (has_suffix(path, table[i].suffix))
      return table[i].syntax;
  return "guess";
}

/* One pass of raptor over a file: either a scan for the file's article (model NULL) or
 * the load of its statements into model, triples into default_context. */
typedef struct {
  csto_dataset *ds;
  librdf_model *model;          /* NULL: scan pass */
  librdf_node *default_context; /* borrowed: the context for triples (load pass) */
  long count;
  int failed;
  librdf_node *article; /* scan pass: the csto:Article subject among triples (owned) */
  int several;          /* scan pass: more than one such subject */
  int in_layout;        /* load pass: statements go where a store puts them */
  csto_query_statement_fn fn; /* load pass: statements go to fn instead of model */
  void *user;
  csto_error *err; /* fn's error */
  int fn_failed;   /* err holds fn's own message */
} parse_state;

static const char *iri_of(const raptor_term *t) {
  return t && t->type == RAPTOR_TERM_TYPE_URI ? (const char *)raptor_uri_as_string(t->value.uri)
                                              : NULL;
}

/* 1 when triple is already in the merged graph, else 0 after noting it; -1 on error. */
static int in_merged(csto_dataset *ds, const raptor_statement *triple) {
  if (!ds->in_merged && !(ds->in_merged = csto_strmap_new()))
    return -1;
  unsigned char *s = raptor_term_to_string(triple->subject);
  unsigned char *p = raptor_term_to_string(triple->predicate);
  unsigned char *o = raptor_term_to_string(triple->object);
  size_t n = s && p && o ? strlen((char *)s) + strlen((char *)p) + strlen((char *)o) + 3 : 0;
  char *key = n ? malloc(n) : NULL;
  const int *values;
  int found = -1;
  if (key) {
    snprintf(key, n, "%s %s %s", s, p, o);
    found = csto_strmap_get(ds->in_merged, key, &values) > 0;
    if (!found && csto_strmap_add(ds->in_merged, key, 0))
      found = -1;
  }
  free(key);
  raptor_free_memory(s);
  raptor_free_memory(p);
  raptor_free_memory(o);
  return found;
}

/* Add triple as a store would (layout.h): an article's facts and descriptions once to the
 * merged graph, anything else to its own graph. */
static int add_in_layout(csto_dataset *ds, librdf_model *model, librdf_node *context,
                         raptor_statement *triple) {
  if (!csto_layout_merges(iri_of(context), iri_of(triple->subject)))
    return librdf_model_context_add_statement(model, context, triple);
  if (!ds->merged && !(ds->merged = librdf_new_node_from_uri_string(
                           ds->world, (const unsigned char *)CSTO_GRAPH_MERGED)))
    return 1;
  int seen = in_merged(ds, triple);
  return seen < 0 ? 1 : seen ? 0 : librdf_model_context_add_statement(model, ds->merged, triple);
}

/* Hand a statement to the caller's function with its graph; the first error stops. */
static int hand_on(parse_state *ps, raptor_statement *triple, librdf_node *context) {
  const char *graph = iri_of(context);
  csto_status st = graph ? ps->fn(ps->user, triple, graph, ps->err)
                         : csto_error_set(ps->err, CSTO_ERR_INPUT,
                                          "a quad in a blank-node graph cannot be stored");
  if (st != CSTO_OK)
    ps->fn_failed = 1;
  return st != CSTO_OK;
}

/* Every statement is added with a context: the hashes storage with contexts checks a
 * context-less add for duplicates by scanning everything (quadratic), a context add not. */
static int add_statement(parse_state *ps, raptor_statement *rs) {
  raptor_statement triple = *rs; /* the model copies it */
  raptor_term *s = relabel(ps->ds, rs->subject), *o = relabel(ps->ds, rs->object);
  raptor_term *g = relabel(ps->ds, rs->graph);
  triple.subject = s ? s : rs->subject;
  triple.object = o ? o : rs->object;
  triple.graph = NULL;
  librdf_node *context = rs->graph ? (g ? g : rs->graph) : ps->default_context;
  int rc = ps->fn         ? hand_on(ps, &triple, context)
           : ps->in_layout ? add_in_layout(ps->ds, ps->model, context, &triple)
                           : librdf_model_context_add_statement(ps->model, context, &triple);
  raptor_term *made[] = {s, o, g};
  for (size_t i = 0; i < 3; i++)
    if (made[i])
      raptor_free_term(made[i]);
  return rc;
}

static int is_uri(const raptor_term *t, const char *uri) {
  return t->type == RAPTOR_TERM_TYPE_URI &&
         strcmp((const char *)raptor_uri_as_string(t->value.uri), uri) == 0;
}

/* Scan pass: note the subjects of "?s rdf:type csto:Article" triples (not quads). */
static int scan_statement(parse_state *ps, raptor_statement *rs) {
  if (rs->graph || rs->subject->type != RAPTOR_TERM_TYPE_URI ||
      !is_uri(rs->predicate, RDF_TYPE) || !is_uri(rs->object, CSTO_NS "Article"))
    return 0;
  if (!ps->article)
    return !(ps->article = librdf_new_node_from_node(rs->subject));
  if (!librdf_node_equals(ps->article, rs->subject))
    ps->several = 1;
  return 0;
}

static void statement_handler(void *user_data, raptor_statement *rs) {
  parse_state *ps = user_data;
  if (ps->failed)
    return;
  if (ps->model || ps->fn ? add_statement(ps, rs) : scan_statement(ps, rs))
    ps->failed = 1;
  else
    ps->count++;
}

static csto_status parse_stream(parse_state *ps, FILE *fh, const char *path, csto_error *err) {
  csto_dataset *ds = ps->ds;
  raptor_parser *parser =
      raptor_new_parser(librdf_world_get_raptor(ds->world), csto_query_syntax_for_path(path));
  librdf_uri *base = librdf_new_uri_from_filename(ds->world, path);
  if (!parser || !base) {
    if (parser)
      raptor_free_parser(parser);
    if (base)
      librdf_free_uri(base);
    return csto_error_set(err, CSTO_ERR_RDF, "%s: cannot create a parser", path);
  }
  raptor_parser_set_statement_handler(parser, ps, statement_handler);
  csto_world_next_file(ds->w);
  csto_query_dataset_log_reset(ds);
  int rc = raptor_parser_parse_file_stream(parser, fh, path, base);
  raptor_free_parser(parser);
  librdf_free_uri(base);
  if (!rc && !ps->failed && !ds->lg->logged)
    return CSTO_OK;
  if (ds->lg->logged && ds->lg->line > 0)
    return csto_error_set(err, CSTO_ERR_RDF, "%s:%d: %s", path, ds->lg->line, ds->lg->text);
  return csto_error_set(err, CSTO_ERR_RDF, "%s: %s", path,
                        log_or(ds, ps->failed ? "cannot add a statement" : "cannot parse"));
}

static csto_status parse_file(parse_state *ps, const char *path, csto_error *err) {
  FILE *fh = fopen(path, "rb");
  if (!fh)
    return csto_error_set(err, CSTO_ERR_IO, "%s: %s", path, strerror(errno));
  csto_status st = parse_stream(ps, fh, path, err);
  fclose(fh);
  return st;
}

/* The graph for the file's triples, as a new node: its one article, else its file: URI;
 * with one_article, triples of several articles are refused (a store or a triplestore
 * must know which article states what). A first parse finds the article, so the load
 * needs no second copy of the statements. */
static csto_status triples_graph(csto_dataset *ds, const char *path, int one_article,
                                 librdf_node **out, csto_error *err) {
  parse_state scan = {ds, NULL, NULL, 0, 0, NULL, 0, 0, NULL, NULL, NULL, 0};
  csto_status st = parse_file(&scan, path, err);
  if (st == CSTO_OK && scan.several && one_article)
    st = csto_error_set(err, CSTO_ERR_INPUT,
                        "%s: the triples of several articles in one graph cannot be told "
                        "apart: write N-Quads (csto-kg extract -f nquads), which keeps each "
                        "article's graph, or give the articles themselves", path);
  if (st == CSTO_OK && scan.article && !scan.several) {
    *out = scan.article;
    return CSTO_OK;
  }
  if (scan.article)
    librdf_free_node(scan.article);
  if (st != CSTO_OK)
    return st;
  librdf_uri *file_uri = librdf_new_uri_from_filename(ds->world, path);
  *out = file_uri ? librdf_new_node_from_uri(ds->world, file_uri) : NULL;
  if (file_uri)
    librdf_free_uri(file_uri);
  return *out ? CSTO_OK : csto_error_set(err, CSTO_ERR_NOMEM, "%s: out of memory", path);
}

/* Parse path into model: quads into their graphs, triples into triples_graph; in_layout,
 * each in the graph a store would put it in. */
static csto_status parse_into(csto_dataset *ds, librdf_model *model, int in_layout,
                              const char *path, long *count, csto_error *err) {
  librdf_node *graph = NULL;
  csto_status st = triples_graph(ds, path, !in_layout, &graph, err);
  if (st != CSTO_OK)
    return st;
  parse_state load = {ds, model, graph, 0, 0, NULL, 0, in_layout, NULL, NULL, NULL, 0};
  st = parse_file(&load, path, err);
  librdf_free_node(graph);
  if (count)
    *count = load.count;
  return st;
}

csto_status csto_query_file_each(csto_dataset *ds, const char *path, csto_query_statement_fn fn,
                                 void *user, csto_error *err) {
  librdf_node *graph = NULL;
  csto_status st = triples_graph(ds, path, 1, &graph, err);
  if (st != CSTO_OK)
    return st;
  parse_state load = {ds, NULL, graph, 0, 0, NULL, 0, 0, fn, user, err, 0};
  csto_error parse_err = {CSTO_OK, ""};
  st = parse_file(&load, path, &parse_err);
  librdf_free_node(graph);
  if (st == CSTO_OK || load.fn_failed) /* fn's message stands as it is */
    return st == CSTO_OK ? CSTO_OK : err ? err->status : st;
  if (err)
    *err = parse_err;
  return st;
}

csto_status csto_query_dataset_add_file(csto_dataset *ds, const char *path, long *triples,
                                        csto_error *err) {
  if (triples)
    *triples = 0;
  return parse_into(ds, ds->model, 1, path, triples, err);
}

/* ---- a graph file split into named graphs ------------------------------------------- */

typedef struct {
  librdf_node *context; /* owned */
  char *iri;            /* owned */
  long triples;
} file_graph;

struct csto_query_file {
  csto_dataset *ds; /* borrowed */
  librdf_storage *storage;
  librdf_model *model;
  file_graph *graphs;
  size_t count;
  long triples;
};

void csto_query_file_free(csto_query_file *f) {
  if (!f)
    return;
  for (size_t i = 0; i < f->count; i++) {
    if (f->graphs[i].context)
      librdf_free_node(f->graphs[i].context);
    free(f->graphs[i].iri);
  }
  free(f->graphs);
  if (f->model)
    librdf_free_model(f->model);
  if (f->storage)
    librdf_free_storage(f->storage);
  free(f);
}

size_t csto_query_file_graph_count(const csto_query_file *f) { return f->count; }
long csto_query_file_triples(const csto_query_file *f) { return f->triples; }
const char *csto_query_file_graph_iri(const csto_query_file *f, size_t i) {
  return f->graphs[i].iri;
}
long csto_query_file_graph_triples(const csto_query_file *f, size_t i) {
  return f->graphs[i].triples;
}

librdf_stream *csto_query_file_graph_stream(csto_query_file *f, size_t i) {
  return librdf_model_context_as_stream(f->model, f->graphs[i].context);
}

static long stream_count(librdf_stream *s) {
  long n = 0;
  if (!s)
    return -1;
  for (; !librdf_stream_end(s); librdf_stream_next(s))
    n++;
  librdf_free_stream(s);
  return n;
}

static int add_graph(csto_query_file *f, librdf_node *context) {
  if (!librdf_node_is_resource(context))
    return 0; /* a quad in a blank-node graph: rare; its triples stay in the union only */
  file_graph *g = realloc(f->graphs, (f->count + 1) * sizeof *g);
  if (!g)
    return 1;
  f->graphs = g;
  g = &f->graphs[f->count];
  g->context = librdf_new_node_from_node(context);
  g->iri = strdup((const char *)librdf_uri_as_string(librdf_node_get_uri(context)));
  g->triples = stream_count(librdf_model_context_as_stream(f->model, context));
  f->count++;
  if (!g->context || !g->iri || g->triples < 0)
    return 1;
  f->triples += g->triples;
  return 0;
}

static int list_graphs(csto_query_file *f) {
  librdf_iterator *it = librdf_model_get_contexts(f->model);
  int rc = it ? 0 : 1;
  for (; it && !rc && !librdf_iterator_end(it); librdf_iterator_next(it))
    rc = add_graph(f, librdf_iterator_get_object(it));
  if (it)
    librdf_free_iterator(it);
  return rc;
}

static csto_status file_parse(csto_query_file *f, const char *path, csto_error *err) {
  csto_status st = parse_into(f->ds, f->model, 0, path, NULL, err);
  if (st == CSTO_OK && list_graphs(f))
    st = csto_error_set(err, CSTO_ERR_RDF, "%s: cannot list the graphs: %s", path,
                        log_or(f->ds, "librdf failed"));
  return st;
}

csto_status csto_query_file_read(csto_dataset *ds, const char *path, csto_query_file **out,
                                 csto_error *err) {
  csto_query_file *f = calloc(1, sizeof *f);
  if (!f)
    return csto_error_set(err, CSTO_ERR_NOMEM, "out of memory");
  f->ds = ds;
  f->storage = librdf_new_storage(ds->world, "hashes", "csto-kg-file",
                                  "hash-type='memory',contexts='yes'");
  f->model = f->storage ? librdf_new_model(ds->world, f->storage, NULL) : NULL;
  csto_status st = f->model ? file_parse(f, path, err)
                            : csto_error_set(err, CSTO_ERR_NOMEM, "%s: cannot create a model",
                                             path);
  if (st != CSTO_OK) {
    csto_query_file_free(f);
    return st;
  }
  *out = f;
  return CSTO_OK;
}

/* ---- serializing --------------------------------------------------------------------- */

static const char *const prefixes[][2] = {
    {"csto", CSTO_NS},
    {"res", "https://w3id.org/csto-kg/resource/"},
    {"rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"},
    {"rdfs", "http://www.w3.org/2000/01/rdf-schema#"},
    {"owl", "http://www.w3.org/2002/07/owl#"},
    {"skos", "http://www.w3.org/2004/02/skos/core#"},
    {"xsd", "http://www.w3.org/2001/XMLSchema#"},
    {"schema", "http://schema.org/"},
    {"prov", "http://www.w3.org/ns/prov#"},
    {"nif", "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"},
    {"org", "http://www.w3.org/ns/org#"},
    {"wd", "http://www.wikidata.org/entity/"},
};

static librdf_serializer *new_serializer(csto_dataset *ds, const char *syntax) {
  librdf_serializer *ser = librdf_new_serializer(ds->world, syntax, NULL, NULL);
  if (!ser || strcmp(syntax, "turtle") != 0)
    return ser;
  for (size_t i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++) {
    librdf_uri *uri = librdf_new_uri(ds->world, (const unsigned char *)prefixes[i][1]);
    if (uri) {
      librdf_serializer_set_namespace(ser, uri, prefixes[i][0]);
      librdf_free_uri(uri);
    }
  }
  return ser;
}

csto_status csto_query_serialize(csto_dataset *ds, librdf_stream *stream, const char *syntax,
                                 unsigned char **text, size_t *len, csto_error *err) {
  csto_query_dataset_log_reset(ds);
  librdf_serializer *ser = new_serializer(ds, syntax);
  if (!ser)
    return csto_error_set(err, CSTO_ERR_RDF, "no %s serializer", syntax);
  size_t n = 0;
  unsigned char *s = librdf_serializer_serialize_stream_to_counted_string(ser, NULL, stream, &n);
  librdf_free_serializer(ser);
  if (!s)
    return csto_error_set(err, CSTO_ERR_RDF, "cannot write %s: %s", syntax,
                          log_or(ds, "serializer failed"));
  *text = s;
  if (len)
    *len = n;
  return CSTO_OK;
}

/* ---- running SPARQL ------------------------------------------------------------------ */

static int one_of(const char *s, const char *const *names) {
  for (; *names; names++)
    if (strcmp(s, *names) == 0)
      return 1;
  return 0;
}

csto_status csto_query_check_options(const csto_query_options *opt, csto_error *err) {
  static const char *const results[] = {"table", "csv", "tsv", "json", "xml", NULL};
  static const char *const graphs[] = {"turtle", "ntriples", NULL};
  if (opt && opt->results && !one_of(opt->results, results))
    return csto_error_set(err, CSTO_ERR_USAGE,
                          "unknown results format '%s' (table, csv, tsv, json, xml)",
                          opt->results);
  if (opt && opt->graph_format && !one_of(opt->graph_format, graphs))
    return csto_error_set(err, CSTO_ERR_USAGE, "unknown graph format '%s' (turtle, ntriples)",
                          opt->graph_format);
  return CSTO_OK;
}

/* ---- printing answers: one path for both engines ---------------------------------------
 * Every SELECT or ASK answer is printed from a rasqal_query_results read from a SPARQL
 * Query Results XML document: the embedded engine's answer is written as one and read
 * back, a server's (endpoint.h) is read as it comes. Graphs are serialized from a stream
 * either way. So equal answers print byte for byte the same on both engines. */

static csto_status write_bindings(csto_dataset *ds, rasqal_query_results *r, const char *format,
                                  FILE *out, csto_error *err) {
  raptor_iostream *io = raptor_new_iostream_to_file_handle(librdf_world_get_raptor(ds->world), out);
  int rc = !io || rasqal_query_results_write(io, r, format, NULL, NULL, NULL);
  if (io)
    raptor_free_iostream(io);
  if (rc)
    return csto_error_set(err, CSTO_ERR_QUERY, "SPARQL: cannot write %s results: %s", format,
                          log_or(ds, "formatter failed"));
  return CSTO_OK;
}

/* ---- the table for people -------------------------------------------------------------
 * rasqal 0.9.33's own "table" formatter loses the header and prints debug forms such as
 * uri<...>, so the table is written here: Turtle terms with the project's prefixes. */

typedef struct {
  char **cells; /* rows * cols, row-major, NULL when unbound */
  size_t cols, rows, cap;
  size_t *widths; /* in code points */
} table;

static void table_free(table *t) {
  for (size_t i = 0; i < t->rows * t->cols; i++)
    free(t->cells[i]);
  free(t->cells);
  free(t->widths);
}

static size_t display_width(const char *s) {
  size_t n = 0;
  for (; s && *s; s++)
    n += ((unsigned char)*s & 0xC0) != 0x80;
  return n;
}

static raptor_namespace_stack *table_namespaces(csto_dataset *ds) {
  raptor_namespace_stack *ns = raptor_new_namespaces(librdf_world_get_raptor(ds->world), 0);
  for (size_t i = 0; ns && i < sizeof prefixes / sizeof prefixes[0]; i++)
    raptor_namespaces_start_namespace_full(ns, (const unsigned char *)prefixes[i][0],
                                           (const unsigned char *)prefixes[i][1], 0);
  return ns;
}

/* The RDF term a value stands for (owned by the caller), or NULL. */
static raptor_term *literal_term(raptor_world *w, const rasqal_literal *l) {
  if (l->type == RASQAL_LITERAL_URI)
    return raptor_new_term_from_uri(w, l->value.uri);
  if (l->type == RASQAL_LITERAL_BLANK)
    return raptor_new_term_from_blank(w, l->string);
  const unsigned char *lang = (const unsigned char *)l->language;
  return raptor_new_term_from_counted_literal(w, l->string, l->string_len, l->datatype, lang,
                                              lang ? (unsigned char)strlen(l->language) : 0);
}

/* A cell's text: the term in Turtle, control characters shown as spaces; NULL if unbound. */
static char *cell_text(raptor_world *w, const rasqal_literal *v, raptor_namespace_stack *ns,
                       int *failed) {
  if (!v)
    return NULL;
  raptor_term *term = literal_term(w, v);
  unsigned char *t = term ? raptor_term_to_turtle_string(term, ns, NULL) : NULL;
  char *copy = t ? strdup((const char *)t) : NULL;
  raptor_free_memory(t);
  if (term)
    raptor_free_term(term);
  if (!copy)
    *failed = 1;
  for (char *p = copy; p && *p; p++)
    if ((unsigned char)*p < 0x20)
      *p = ' ';
  return copy;
}

static int table_add_row(table *t, raptor_world *w, rasqal_query_results *r,
                         raptor_namespace_stack *ns) {
  if (t->rows == t->cap) {
    size_t cap = t->cap ? t->cap * 2 : 16;
    char **cells = realloc(t->cells, cap * (t->cols ? t->cols : 1) * sizeof *cells);
    if (!cells)
      return 1;
    t->cells = cells;
    t->cap = cap;
  }
  int failed = 0;
  char **row = t->cells + t->rows * t->cols;
  for (size_t i = 0; i < t->cols; i++) {
    row[i] = cell_text(w, rasqal_query_results_get_binding_value(r, (int)i), ns, &failed);
    size_t width = display_width(row[i]);
    if (width > t->widths[i])
      t->widths[i] = width;
  }
  t->rows++;
  return failed;
}

static void put_padded(FILE *out, const char *s, size_t width, int last) {
  fputs(s ? s : "", out);
  if (!last)
    for (size_t w = display_width(s); w < width; w++)
      fputc(' ', out);
}

static void table_print(const table *t, char **names, FILE *out) {
  for (size_t i = 0; i < t->cols; i++) {
    fputs(i ? " | " : "", out);
    put_padded(out, names[i], t->widths[i], i + 1 == t->cols);
  }
  fputc('\n', out);
  for (size_t i = 0; i < t->cols; i++) {
    fputs(i ? "-+-" : "", out);
    for (size_t w = 0; w < t->widths[i]; w++)
      fputc('-', out);
  }
  fputc('\n', out);
  for (size_t r = 0; r < t->rows; r++) {
    for (size_t i = 0; i < t->cols; i++) {
      fputs(i ? " | " : "", out);
      put_padded(out, t->cells[r * t->cols + i], t->widths[i], i + 1 == t->cols);
    }
    fputc('\n', out);
  }
  fprintf(out, "(%zu row%s)\n", t->rows, t->rows == 1 ? "" : "s");
}

/* The variable names as "?name". */
static char **binding_names(rasqal_query_results *r, size_t n) {
  char **names = calloc(n ? n : 1, sizeof *names);
  for (size_t i = 0; names && i < n; i++) {
    const char *name = (const char *)rasqal_query_results_get_binding_name(r, (int)i);
    size_t len = name ? strlen(name) : 0;
    if ((names[i] = malloc(len + 2)))
      snprintf(names[i], len + 2, "?%s", name ? name : "");
  }
  return names;
}

static int table_fill(table *t, raptor_world *w, rasqal_query_results *r,
                      raptor_namespace_stack *ns) {
  int failed = 0;
  for (; !failed && !rasqal_query_results_finished(r); rasqal_query_results_next(r))
    failed = table_add_row(t, w, r, ns);
  return failed;
}

static csto_status write_table(csto_dataset *ds, rasqal_query_results *r, FILE *out,
                               csto_error *err) {
  table t = {NULL, 0, 0, 0, NULL};
  int n = rasqal_query_results_get_bindings_count(r);
  t.cols = n > 0 ? (size_t)n : 0;
  t.widths = calloc(t.cols ? t.cols : 1, sizeof *t.widths);
  raptor_namespace_stack *ns = table_namespaces(ds);
  char **names = binding_names(r, t.cols);
  int failed = !t.widths || !ns || !names ||
               table_fill(&t, librdf_world_get_raptor(ds->world), r, ns);
  for (size_t i = 0; !failed && i < t.cols; i++)
    if (display_width(names[i]) > t.widths[i])
      t.widths[i] = display_width(names[i]);
  if (!failed && t.rows > 0)
    table_print(&t, names, out);
  else if (!failed)
    fputs("(0 rows)\n", out);
  for (size_t i = 0; names && i < t.cols; i++)
    free(names[i]);
  free(names);
  if (ns)
    raptor_free_namespaces(ns);
  table_free(&t);
  if (failed)
    return csto_error_set(err, CSTO_ERR_QUERY, "SPARQL: cannot write the table: %s",
                          log_or(ds, "out of memory"));
  return CSTO_OK;
}

static csto_status write_answer(csto_dataset *ds, rasqal_query_results *r,
                                const csto_query_options *opt, FILE *out,
                                csto_query_outcome *oc, csto_error *err) {
  const char *results = opt && opt->results ? opt->results : "table";
  int json_or_xml = strcmp(results, "json") == 0 || strcmp(results, "xml") == 0;
  if (!rasqal_query_results_is_boolean(r)) {
    oc->kind = CSTO_QUERY_SELECT;
    return strcmp(results, "table") == 0 ? write_table(ds, r, out, err)
                                         : write_bindings(ds, r, results, out, err);
  }
  oc->kind = CSTO_QUERY_ASK;
  int b = rasqal_query_results_get_boolean(r);
  if (b < 0)
    return csto_error_set(err, CSTO_ERR_QUERY, "SPARQL: ASK failed: %s", log_or(ds, "no result"));
  oc->ask = b > 0;
  if (json_or_xml)
    return write_bindings(ds, r, results, out, err);
  fputs(b > 0 ? "true\n" : "false\n", out);
  return CSTO_OK;
}

/* Whether the len bytes at s hold word. */
static int holds(const char *s, size_t len, const char *word) {
  size_t n = strlen(word);
  for (size_t i = 0; i + n <= len; i++)
    if (memcmp(s + i, word, n) == 0)
      return 1;
  return 0;
}

/* A SPARQL Query Results XML document read into rasqal, or NULL (logged). rasqal reads
 * any XML without complaint, so a document without the results namespace is refused. */
static rasqal_query_results *read_answer(csto_dataset *ds, const char *doc, size_t len) {
  if (!holds(doc, len, "http://www.w3.org/2005/sparql-results#"))
    return NULL;
  rasqal_world *rw = librdf_world_get_rasqal(ds->world);
  raptor_world *w = librdf_world_get_raptor(ds->world);
  /* in XML results, markup "<boolean" is the ASK answer's element ("<" in values is &lt;) */
  int ask = holds(doc, len, "<boolean");
  rasqal_query_results *r = rasqal_new_query_results2(
      rw, NULL, ask ? RASQAL_QUERY_RESULTS_BOOLEAN : RASQAL_QUERY_RESULTS_BINDINGS);
  raptor_iostream *io = raptor_new_iostream_from_string(w, (void *)doc, len);
  rasqal_query_results_formatter *f = rasqal_new_query_results_formatter(rw, "xml", NULL, NULL);
  raptor_uri *base = raptor_new_uri(w, (const unsigned char *)"urn:csto-kg:results");
  int rc = !r || !io || !f || !base || rasqal_query_results_formatter_read(rw, io, f, r, base);
  if (base)
    raptor_free_uri(base);
  if (f)
    rasqal_free_query_results_formatter(f);
  if (io)
    raptor_free_iostream(io);
  if (rc && r) {
    rasqal_free_query_results(r);
    r = NULL;
  }
  return r;
}

/* Print an answer; what the log holds (the query's own errors) is kept. */
static csto_status print_answer(csto_dataset *ds, const char *doc, size_t len,
                                const csto_query_options *opt, FILE *out,
                                csto_query_outcome *outcome, csto_error *err) {
  csto_query_outcome local = {CSTO_QUERY_SELECT, 0};
  rasqal_query_results *r = read_answer(ds, doc, len);
  csto_status st = r ? write_answer(ds, r, opt, out, &local, err)
                     : csto_error_set(err, CSTO_ERR_QUERY,
                                      "SPARQL: cannot read the results (SPARQL XML): %s",
                                      log_or(ds, "not a results document"));
  if (r)
    rasqal_free_query_results(r);
  if (outcome)
    *outcome = local;
  return st;
}

csto_status csto_query_print_results(csto_dataset *ds, const char *doc, size_t len,
                                     const csto_query_options *opt, FILE *out,
                                     csto_query_outcome *outcome, csto_error *err) {
  csto_query_dataset_log_reset(ds);
  return print_answer(ds, doc, len, opt, out, outcome, err);
}

static csto_status write_graph(csto_dataset *ds, librdf_stream *s, const char *syntax,
                               FILE *out, csto_error *err) {
  librdf_serializer *ser = new_serializer(ds, syntax);
  int rc = ser ? librdf_serializer_serialize_stream_to_file_handle(ser, out, NULL, s) : 1;
  if (ser)
    librdf_free_serializer(ser);
  if (rc)
    return csto_error_set(err, CSTO_ERR_QUERY, "SPARQL: cannot write %s: %s", syntax,
                          log_or(ds, "serializer failed"));
  return CSTO_OK;
}

csto_status csto_query_print_graph(csto_dataset *ds, const char *ntriples, size_t len,
                                   const csto_query_options *opt, FILE *out, csto_error *err) {
  csto_query_dataset_log_reset(ds);
  librdf_parser *p = librdf_new_parser(ds->world, "ntriples", NULL, NULL);
  librdf_uri *base = librdf_new_uri(ds->world, (const unsigned char *)"urn:csto-kg:results");
  librdf_stream *s = p && base ? librdf_parser_parse_counted_string_as_stream(
                                     p, (const unsigned char *)ntriples, len, base)
                               : NULL;
  csto_status st = s ? write_graph(ds, s, opt && opt->graph_format ? opt->graph_format : "turtle",
                                   out, err)
                     : csto_error_set(err, CSTO_ERR_QUERY, "SPARQL: cannot read the graph "
                                      "(N-Triples): %s", log_or(ds, "parser failed"));
  if (st == CSTO_OK && ds->lg->logged)
    st = csto_error_set(err, CSTO_ERR_QUERY, "SPARQL: cannot read the graph (N-Triples): %s",
                        ds->lg->message);
  if (s)
    librdf_free_stream(s);
  if (base)
    librdf_free_uri(base);
  if (p)
    librdf_free_parser(p);
  return st;
}

/* rasqal writes an unbound variable as <binding name="x"><unbound/></binding>, which
 * is not SPARQL XML and which its own reader rejects (printing "UNKNOWN element"): the
 * standard leaves the binding out, so it is cut out here, in place. */
static size_t drop_unbound(char *xml, size_t len) {
  static const char unbound[] = "<unbound/></binding>";
  char *out = xml, *in = xml, *end = xml + len, *hit;
  while ((hit = strstr(in, unbound)) != NULL) {
    char *start = hit;
    while (start > in && strncmp(start, "<binding ", 9) != 0)
      start--;
    memmove(out, in, (size_t)(start - in));
    out += start - in;
    in = hit + sizeof unbound - 1;
  }
  memmove(out, in, (size_t)(end - in));
  out += end - in;
  *out = '\0';
  return (size_t)(out - xml);
}

/* The embedded engine's answer, printed through the same path as a server's. */
static csto_status write_results(csto_dataset *ds, librdf_query_results *r,
                                 const csto_query_options *opt, FILE *out,
                                 csto_query_outcome *oc, csto_error *err) {
  if (librdf_query_results_is_graph(r)) {
    oc->kind = CSTO_QUERY_GRAPH;
    librdf_stream *s = librdf_query_results_as_stream(r);
    csto_status st = s ? write_graph(ds, s, opt && opt->graph_format ? opt->graph_format : "turtle",
                                     out, err)
                       : csto_error_set(err, CSTO_ERR_QUERY, "SPARQL: no graph result: %s",
                                        log_or(ds, "librdf failed"));
    if (s)
      librdf_free_stream(s);
    return st;
  }
  librdf_query_results_get_bindings_count(r); /* rasqal needs this before the formatter */
  size_t len = 0;
  unsigned char *xml = librdf_query_results_to_counted_string2(r, "xml", NULL, NULL, NULL, &len);
  if (!xml)
    return csto_error_set(err, CSTO_ERR_QUERY, "SPARQL: cannot write the results: %s",
                          log_or(ds, "formatter failed"));
  len = drop_unbound((char *)xml, len);
  csto_status st = print_answer(ds, (const char *)xml, len, opt, out, oc, err);
  librdf_free_memory(xml);
  return st;
}

static csto_status query_error(const csto_dataset *ds, csto_error *err) {
  if (ds->lg->logged && ds->lg->line > 0)
    return csto_error_set(err, CSTO_ERR_QUERY, "SPARQL line %d: %s", ds->lg->line,
                          ds->lg->text);
  return csto_error_set(err, CSTO_ERR_QUERY, "SPARQL: %s", log_or(ds, "the query failed"));
}

csto_status csto_query_run(csto_dataset *ds, const char *sparql, const csto_query_options *opt,
                           FILE *out, csto_query_outcome *outcome, csto_error *err) {
  csto_query_outcome local = {CSTO_QUERY_SELECT, 0};
  csto_status st = csto_query_check_options(opt, err);
  if (st == CSTO_OK)
    st = csto_query_refuse(sparql, err);
  if (st != CSTO_OK)
    return st;
  csto_query_dataset_log_reset(ds);
  librdf_query *q =
      librdf_new_query(ds->world, "sparql", NULL, (const unsigned char *)sparql, NULL);
  librdf_query_results *r = q ? csto_world_execute(ds->w, ds, ds->model, q) : NULL;
  if (!r)
    st = query_error(ds, err);
  else
    st = write_results(ds, r, opt, out, &local, err);
  if (st == CSTO_OK && ds->lg->logged)
    st = query_error(ds, err);
  if (r)
    librdf_free_query_results(r);
  if (q)
    librdf_free_query(q);
  if (outcome)
    *outcome = local;
  return st;
}

csto_status csto_query_read_text(const char *path, char **text, csto_error *err) {
  int from_stdin = strcmp(path, "-") == 0;
  FILE *fh = from_stdin ? stdin : fopen(path, "rb");
  if (from_stdin)
    path = "<stdin>";
  if (!fh)
    return csto_error_set(err, CSTO_ERR_IO, "%s: %s", path, strerror(errno));
  size_t cap = 4096, n = 0;
  char *buf = malloc(cap);
  while (buf) {
    n += fread(buf + n, 1, cap - 1 - n, fh);
    if (n < cap - 1)
      break;
    char *bigger = realloc(buf, cap *= 2);
    if (!bigger)
      free(buf);
    buf = bigger;
  }
  int failed = ferror(fh);
  if (!from_stdin)
    fclose(fh);
  if (!buf)
    return csto_error_set(err, CSTO_ERR_NOMEM, "%s: out of memory", path);
  if (failed || memchr(buf, '\0', n)) {
    free(buf);
    return csto_error_set(err, CSTO_ERR_INPUT, "%s: %s", path,
                          failed ? "read error" : "NUL byte in query text");
  }
  buf[n] = '\0';
  *text = buf;
  return CSTO_OK;
}
