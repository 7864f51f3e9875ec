/* rasqal reads a librdf model (the in-memory datasets of query.c) through this triples
 * source, which does what librdf's own does, with librdf's public API only: the world's
 * factory replaces librdf's (a store answers through its own, store_source.c), and librdf
 * exports no way back to its own.
 *
 * A pattern becomes librdf_model_find_statements with its bound parts (in the context its
 * graph is bound to, if any); the default graph is the union of the contexts, each
 * statement once per context that holds it, and the model's contexts are the query's
 * named graphs. */
#include "csto/query_rdf.h"
#include "source_bind.h"

#include <stdlib.h>
#include <string.h>

typedef struct {
  librdf_world *world;
  librdf_model *model;
} model_source;

typedef struct {
  librdf_world *world;
  librdf_stream *stream;
} model_match;

/* ---- terms between rasqal and librdf --------------------------------------------------- */

/* The librdf node of a rasqal term (owned by the caller), or NULL. */
static librdf_node *to_node(librdf_world *w, rasqal_literal *l) {
  if (!l)
    return NULL;
  /* rasqal's integer subtypes are plain typed literals to librdf */
  rasqal_literal_type type = l->type == RASQAL_LITERAL_INTEGER_SUBTYPE
                                 ? RASQAL_LITERAL_STRING
                                 : rasqal_literal_get_rdf_term_type(l);
  if (type == RASQAL_LITERAL_URI)
    return librdf_new_node_from_uri(w, (librdf_uri *)l->value.uri);
  if (type == RASQAL_LITERAL_STRING)
    return librdf_new_node_from_typed_literal(w, l->string, l->language,
                                              (librdf_uri *)l->datatype);
  if (type == RASQAL_LITERAL_BLANK)
    return librdf_new_node_from_blank_identifier(w, l->string);
  return NULL;
}

static unsigned char *rasqal_copy(const unsigned char *s, size_t n) {
  unsigned char *copy = rasqal_alloc_memory(n + 1);
  if (copy) {
    memcpy(copy, s, n);
    copy[n] = '\0';
  }
  return copy;
}

/* The rasqal term of a librdf node (owned by the caller), or NULL. */
static rasqal_literal *to_literal(librdf_world *w, librdf_node *node) {
  rasqal_world *rw = librdf_world_get_rasqal(w);
  if (librdf_node_is_resource(node)) {
    raptor_uri *uri = raptor_uri_copy((raptor_uri *)librdf_node_get_uri(node));
    return uri ? rasqal_new_uri_literal(rw, uri) : NULL;
  }
  if (librdf_node_is_blank(node)) {
    const unsigned char *id = librdf_node_get_blank_identifier(node);
    unsigned char *label = id ? rasqal_copy(id, strlen((const char *)id)) : NULL;
    return label ? rasqal_new_simple_literal(rw, RASQAL_LITERAL_BLANK, label) : NULL;
  }
  size_t len = 0;
  const unsigned char *text = librdf_node_get_literal_value_as_counted_string(node, &len);
  const char *lang = librdf_node_get_literal_value_language(node);
  librdf_uri *type = librdf_node_get_literal_value_datatype_uri(node);
  unsigned char *s = text ? rasqal_copy(text, len) : NULL;
  char *language = lang ? (char *)rasqal_copy((const unsigned char *)lang, strlen(lang)) : NULL;
  raptor_uri *datatype = type ? raptor_uri_copy((raptor_uri *)type) : NULL;
  if (s && (!lang || language) && (!type || datatype))
    return rasqal_new_string_literal(rw, s, language, datatype, NULL); /* takes all three */
  rasqal_free_memory(s);
  rasqal_free_memory(language);
  if (datatype)
    raptor_free_uri(datatype);
  return NULL;
}

/* ---- matching a pattern ---------------------------------------------------------------- */

static librdf_node *part_of(librdf_statement *st, librdf_node *context, int part) {
  switch (part) {
  case 0: return librdf_statement_get_subject(st);
  case 1: return librdf_statement_get_predicate(st);
  case 2: return librdf_statement_get_object(st);
  default: return context;
  }
}

/* The statement at hand (and its graph, when asked for), read for csto_source_bind. */
typedef struct {
  librdf_world *world;
  librdf_statement *st;
  librdf_node *context;
} statement_at;

static int statement_same(void *match, int a, int b) {
  const statement_at *at = match;
  librdf_node *x = part_of(at->st, at->context, a), *y = part_of(at->st, at->context, b);
  return x && y && librdf_node_equals(x, y);
}

static rasqal_literal *statement_value(void *match, int part) {
  const statement_at *at = match;
  librdf_node *node = part_of(at->st, at->context, part);
  return node ? to_literal(at->world, node) : NULL;
}

static rasqal_triple_parts bind_match(rasqal_triples_match *rtm, void *user_data,
                                      rasqal_variable *bindings[4], rasqal_triple_parts parts) {
  (void)user_data; /* rasqal passes the match's own, rtm->user_data */
  static const csto_source_parts read = {statement_same, statement_value};
  model_match *m = rtm->user_data;
  librdf_statement *st = librdf_stream_get_object(m->stream);
  /* only when the graph is asked for, as librdf's own source: the hashes storage's
   * iterator over a partial pattern leaks a decoded node each time it is asked */
  librdf_node *context = st && bindings[3] && (parts & RASQAL_TRIPLE_ORIGIN)
                             ? librdf_stream_get_context2(m->stream)
                             : NULL;
  statement_at at = {m->world, st, context};
  return st ? csto_source_bind(bindings, parts, &read, &at) : 0;
}

static void next_match(rasqal_triples_match *rtm, void *user_data) {
  (void)user_data;
  librdf_stream_next(((model_match *)rtm->user_data)->stream);
}

static int is_end(rasqal_triples_match *rtm, void *user_data) {
  (void)user_data;
  return librdf_stream_end(((model_match *)rtm->user_data)->stream);
}

static void finish_match(rasqal_triples_match *rtm, void *user_data) {
  (void)user_data;
  model_match *m = rtm->user_data;
  if (!m)
    return;
  if (m->stream)
    librdf_free_stream(m->stream);
  free(m);
  rtm->user_data = NULL;
}

/* A pattern's part as a node: a constant, or a variable's value; NULL for a free variable
 * (*var set) or an absent graph. */
static librdf_node *bound_node(librdf_world *w, rasqal_literal *l, rasqal_variable **var) {
  *var = l ? rasqal_literal_as_variable(l) : NULL;
  return to_node(w, *var ? (*var)->value : l);
}

/* The statements matching t: find_statements with the bound parts, in t's graph when it
 * is bound. */
static librdf_stream *find(model_source *src, rasqal_triple_meta *meta, rasqal_triple *t) {
  rasqal_literal *parts[4] = {t->subject, t->predicate, t->object, t->origin};
  librdf_node *nodes[4];
  for (int part = 0; part < 4; part++)
    nodes[part] = bound_node(src->world, parts[part], &meta->bindings[part]);
  /* the statement takes the three nodes */
  librdf_statement *pattern =
      librdf_new_statement_from_nodes(src->world, nodes[0], nodes[1], nodes[2]);
  librdf_stream *s = !pattern ? NULL
                     : nodes[3] ? librdf_model_find_statements_in_context(src->model, pattern,
                                                                         nodes[3])
                                : librdf_model_find_statements(src->model, pattern);
  if (pattern)
    librdf_free_statement(pattern);
  if (nodes[3])
    librdf_free_node(nodes[3]);
  return s;
}

static int init_match(rasqal_triples_match *rtm, rasqal_triples_source *rts, void *data,
                      rasqal_triple_meta *meta, rasqal_triple *t) {
  (void)rts;
  model_match *m = calloc(1, sizeof *m);
  if (!m)
    return 1;
  rtm->user_data = m;
  rtm->bind_match = bind_match;
  rtm->next_match = next_match;
  rtm->is_end = is_end;
  rtm->finish = finish_match;
  m->world = ((model_source *)data)->world;
  m->stream = find(data, meta, t);
  return m->stream ? 0 : 1;
}

/* Whether the model holds t, whose parts are all bound (rasqal asks only then). */
static int triple_present(rasqal_triples_source *rts, void *data, rasqal_triple *t) {
  (void)rts;
  model_source *src = data;
  librdf_node *s = to_node(src->world, t->subject), *p = to_node(src->world, t->predicate);
  librdf_node *o = to_node(src->world, t->object);
  librdf_statement *st = librdf_new_statement_from_nodes(src->world, s, p, o);
  /* nonzero when present, but 1 also for a statement that cannot be (a literal subject) */
  int present = st && librdf_statement_is_complete(st) &&
                librdf_model_contains_statement(src->model, st) != 0;
  if (st)
    librdf_free_statement(st);
  return present;
}

static void free_source(void *data) { (void)data; }

/* ---- the source ------------------------------------------------------------------------ */

/* Name every context of the model as a named graph of the query (for GRAPH ?g), dropping
 * the query's own FROM graphs, so a query loads nothing from the web. */
static int add_graphs(model_source *src, rasqal_query *query) {
  raptor_sequence *seq = rasqal_query_get_data_graph_sequence(query);
  while (seq && raptor_sequence_size(seq) > 0)
    rasqal_free_data_graph(raptor_sequence_pop(seq));
  if (!librdf_model_supports_contexts(src->model))
    return 0;
  librdf_iterator *it = librdf_model_get_contexts(src->model);
  int rc = it ? 0 : 1;
  rasqal_world *rw = librdf_world_get_rasqal(src->world);
  for (; !rc && !librdf_iterator_end(it); librdf_iterator_next(it)) {
    librdf_node *node = librdf_iterator_get_object(it);
    raptor_uri *uri = librdf_node_is_resource(node)
                          ? raptor_uri_copy((raptor_uri *)librdf_node_get_uri(node))
                          : NULL;
    if (!uri)
      continue; /* a blank-node graph: GRAPH ?g does not name it */
    rasqal_data_graph *dg =
        rasqal_new_data_graph_from_uri(rw, uri, uri, RASQAL_DATA_GRAPH_NAMED, NULL, NULL, NULL);
    raptor_free_uri(uri);
    rc = !dg || rasqal_query_add_data_graph(query, dg);
  }
  if (it)
    librdf_free_iterator(it);
  return rc;
}

int csto_model_source(librdf_world *world, librdf_model *model, rasqal_query *query,
                      void *data, rasqal_triples_source *rts) {
  _Static_assert(sizeof(model_source) <= CSTO_SOURCE_DATA_SIZE, "model_source too big");
  model_source *src = data;
  src->world = world;
  src->model = model;
  rts->version = 1;
  rts->init_triples_match = init_match;
  rts->triple_present = triple_present;
  rts->free_triples_source = free_source;
  return add_graphs(src, query);
}
