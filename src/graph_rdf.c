/* csto-kg, libcsto-store: a graph's triples as raptor2 statements, and raptor2's formats
 * (RDF/XML, RDF/JSON, dot), which build their document in memory; see csto/graph_rdf.h. */
#include "csto/graph_rdf.h"

#include <stdlib.h>
#include <string.h>

#include "vocab.h"

/* alias: the short name users also type; raptor: raptor's name for the format. */
static const struct {
  const char *name, *alias, *raptor;
} formats[] = {{"rdfxml", "rdf", "rdfxml-abbrev"}, {"json", NULL, "json"}, {"dot", NULL, "dot"}};

#define PREFIX_ENTRY(prefix, ns) {prefix, ns},
static const struct {
  const char *prefix, *ns;
} prefixes[] = {CSTO_VOCAB_PREFIXES(PREFIX_ENTRY)};

static const char *raptor_name(const char *format) {
  for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++)
    if (strcmp(formats[i].name, format) == 0 ||
        (formats[i].alias && strcmp(formats[i].alias, format) == 0))
      return formats[i].raptor;
  return NULL;
}

int csto_graph_rdf_format_known(const char *format) { return raptor_name(format) != NULL; }

const char *csto_graph_rdf_format_names(void) { return "rdfxml (rdf), json, dot"; }

/* ---- a raptor world for one write or drain, keeping the first error it reports ----------- */

typedef struct {
  raptor_world *world;
  char *error;
} session;

static void on_log(void *user, raptor_log_message *msg) {
  session *s = user;
  if (msg->level >= RAPTOR_LOG_LEVEL_ERROR && !s->error)
    s->error = strdup(msg->text ? msg->text : "raptor failed");
}

static csto_status session_open(session *s, csto_error *err) {
  s->error = NULL;
  if ((s->world = raptor_new_world())) {
    raptor_world_set_log_handler(s->world, s, on_log);
    if (raptor_world_open(s->world) == 0)
      return CSTO_OK;
    raptor_free_world(s->world);
  }
  return csto_error_set(err, CSTO_ERR_RDF, "cannot start raptor");
}

/* st, with raptor's error when it gave one (it says more than the status). */
static csto_status session_close(session *s, csto_status st, csto_error *err) {
  if (st != CSTO_OK && s->error && err)
    csto_error_set(err, st, "%s: %s", err->message, s->error);
  free(s->error);
  raptor_free_world(s->world);
  return st;
}

/* ---- statements ---------------------------------------------------------------------------- */

typedef struct {
  raptor_world *world;
  raptor_term **terms; /* by term id, made on first use */
  csto_statement_fn fn;
  void *user;
} converter;

static raptor_term *raptor_term_of(raptor_world *world, const csto_graph_term *term) {
  if (!term->literal)
    return raptor_new_term_from_counted_uri_string(world, (const unsigned char *)term->text,
                                                   term->len);
  raptor_uri *dt = term->datatype ? raptor_new_uri(world, (const unsigned char *)term->datatype)
                                  : NULL;
  raptor_term *r = raptor_new_term_from_counted_literal(
      world, (const unsigned char *)term->text, term->len, dt, (const unsigned char *)term->lang,
      term->lang ? (unsigned char)strlen(term->lang) : 0);
  if (dt)
    raptor_free_uri(dt);
  return r;
}

static raptor_term *cached(converter *c, const csto_graph_term *term) {
  if (term && !c->terms[term->id])
    c->terms[term->id] = raptor_term_of(c->world, term);
  return term ? c->terms[term->id] : NULL;
}

static csto_status convert(void *user, const csto_graph_term *s, const csto_graph_term *p,
                           const csto_graph_term *o, const csto_graph_term *g, csto_error *err) {
  converter *c = user;
  raptor_statement st;
  raptor_statement_init(&st, c->world);
  st.subject = cached(c, s);
  st.predicate = cached(c, p);
  st.object = cached(c, o);
  st.graph = cached(c, g);
  if (!st.subject || !st.predicate || !st.object || (g && !st.graph))
    return csto_error_set(err, CSTO_ERR_NOMEM, "out of memory");
  return c->fn(c->user, &st, err);
}

/* Each triple of graph to fn as a statement made in world. */
static csto_status each_statement(csto_graph *graph, raptor_world *world, csto_statement_fn fn,
                                  void *user, csto_error *err) {
  size_t n_terms = csto_graph_term_count(graph);
  converter c = {world, calloc(n_terms + 1, sizeof *c.terms), fn, user};
  csto_status st = c.terms ? csto_graph_each_triple(graph, convert, &c, err)
                           : csto_error_set(err, CSTO_ERR_NOMEM, "out of memory");
  for (size_t i = 0; c.terms && i <= n_terms; i++)
    if (c.terms[i])
      raptor_free_term(c.terms[i]);
  free(c.terms);
  return st;
}

csto_status csto_graph_drain(csto_graph *graph, csto_statement_fn fn, void *user,
                             csto_error *err) {
  session s;
  csto_status st = session_open(&s, err);
  if (st == CSTO_OK)
    st = session_close(&s, each_statement(graph, s.world, fn, user, err), err);
  csto_graph_clear(graph);
  return st;
}

/* ---- serializers --------------------------------------------------------------------------- */

static csto_status serialize_statement(void *user, const raptor_statement *st, csto_error *err) {
  if (raptor_serializer_serialize_statement(user, (raptor_statement *)st) != 0)
    return csto_error_set(err, CSTO_ERR_RDF, "the serializer refused a statement");
  return CSTO_OK;
}

static void set_prefix(raptor_world *world, raptor_serializer *ser, const char *prefix,
                       const char *ns) {
  raptor_uri *uri = raptor_new_uri(world, (const unsigned char *)ns);
  if (uri)
    raptor_serializer_set_namespace(ser, uri, (const unsigned char *)prefix);
  if (uri)
    raptor_free_uri(uri);
}

static csto_status serialize(csto_graph *graph, const char *name, raptor_world *world,
                             FILE *out, csto_error *err) {
  raptor_serializer *ser = raptor_new_serializer(world, name);
  if (!ser)
    return csto_error_set(err, CSTO_ERR_RDF, "no %s serializer", name);
  for (size_t i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++)
    set_prefix(world, ser, prefixes[i].prefix, prefixes[i].ns);
  const char *base = csto_graph_base(graph); /* "base" unless it is res:, declared above */
  if (strcmp(base, CSTO_RES_NS) != 0)
    set_prefix(world, ser, "base", base);
  csto_status st = raptor_serializer_start_to_file_handle(ser, NULL, out) == 0
                       ? each_statement(graph, world, serialize_statement, ser, err)
                       : csto_error_set(err, CSTO_ERR_RDF, "cannot start the %s serializer", name);
  if (raptor_serializer_serialize_end(ser) != 0 && st == CSTO_OK)
    st = csto_error_set(err, CSTO_ERR_RDF, "the %s serializer failed", name);
  raptor_free_serializer(ser);
  return st;
}

csto_status csto_graph_rdf_write(csto_graph *graph, const char *format, FILE *out,
                                 csto_error *err) {
  const char *name = raptor_name(format);
  session s;
  csto_status st = name ? session_open(&s, err)
                        : csto_error_set(err, CSTO_ERR_USAGE, "unknown format '%s'", format);
  if (st == CSTO_OK) {
    st = serialize(graph, name, s.world, out, err);
    if (st == CSTO_OK && ferror(out))
      st = csto_error_set(err, CSTO_ERR_IO, "cannot write %s", format);
    st = session_close(&s, st, err);
  }
  csto_graph_clear(graph);
  return st;
}
