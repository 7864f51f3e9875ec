/* Graph Store HTTP Protocol client: PUT Turtle graphs (through http.c). */
#include "csto/push.h"
#include "csto/http_client.h"
#include "csto/query_rdf.h"

#include <stdlib.h>
#include <string.h>

#include "csto/layout.h"
#include "csto/normalize.h"

struct csto_push {
  csto_http *http;
};

void csto_push_options_from_env(csto_push_options *opt) { csto_http_options_from_env(opt); }

/* ---- URLs ---------------------------------------------------------------------------- */

/* An absolute IRI: scheme ":" rest, no characters IRIs forbid. */
static csto_status check_graph(const char *graph, csto_error *err) {
  if (!graph || !*graph)
    return csto_error_set(err, CSTO_ERR_USAGE, "no graph IRI");
  if (!csto_iri_has_scheme(graph, strlen(graph)) || !strchr(graph, ':')[1])
    return csto_error_set(err, CSTO_ERR_USAGE, "%s: the graph must be an absolute IRI", graph);
  for (const char *p = graph; *p; p++)
    if (csto_iri_char_forbidden((unsigned char)*p))
      return csto_error_set(err, CSTO_ERR_USAGE, "%s: bad character in the graph IRI", graph);
  return CSTO_OK;
}

csto_status csto_push_graph_url(const char *endpoint, const char *graph, char **url,
                                csto_error *err) {
  csto_status st = csto_http_check_endpoint(endpoint, err);
  if (st == CSTO_OK)
    st = check_graph(graph, err);
  if (st != CSTO_OK)
    return st;
  const char *sep = strchr(endpoint, '?') ? "&" : "?";
  char *iri = csto_http_escape(graph);
  size_t n = strlen(endpoint) + strlen("?graph=") + (iri ? strlen(iri) : 0) + 1;
  char *u = iri ? malloc(n) : NULL;
  if (u)
    snprintf(u, n, "%s%sgraph=%s", endpoint, sep, iri);
  free(iri);
  if (!u)
    return csto_error_set(err, CSTO_ERR_NOMEM, "out of memory");
  *url = u;
  return CSTO_OK;
}

/* ---- the handle ---------------------------------------------------------------------- */

void csto_push_free(csto_push *push) {
  if (!push)
    return;
  csto_http_free(push->http);
  free(push);
}

csto_status csto_push_new(csto_world *w, const csto_push_options *opt, csto_push **out,
                          csto_error *err) {
  csto_push *p = calloc(1, sizeof *p);
  if (!p)
    return csto_error_set(err, CSTO_ERR_NOMEM, "out of memory");
  csto_status st = csto_http_new(w, opt, &p->http, err);
  if (st != CSTO_OK) {
    free(p);
    return st;
  }
  *out = p;
  return CSTO_OK;
}

/* PUT (replace) or POST (add to) a graph. */
static csto_status send_graph(csto_push *push, const char *method, const char *graph,
                              const char *body, size_t len, long *http_status,
                              csto_error *err) {
  char *url = NULL;
  csto_status st = csto_push_graph_url(csto_http_endpoint(push->http), graph, &url, err);
  if (http_status)
    *http_status = 0;
  if (st != CSTO_OK)
    return st;
  csto_http_request req = {method, url, "text/turtle; charset=utf-8", NULL, body, len};
  csto_http_response resp;
  st = csto_http_send(push->http, &req, &resp, err);
  if (http_status)
    *http_status = resp.status;
  csto_http_response_free(&resp);
  free(url);
  return st;
}

csto_status csto_push_put(csto_push *push, const char *graph, const char *body, size_t len,
                          long *http_status, csto_error *err) {
  return send_graph(push, "PUT", graph, body, len, http_status, err);
}

/* ---- graphs from files --------------------------------------------------------------- */

static csto_status send_stream(csto_push *push, const char *method, csto_dataset *ds,
                               librdf_stream *s, const char *graph, long *http_status,
                               csto_error *err) {
  unsigned char *text = NULL;
  size_t len = 0;
  csto_status st = s ? csto_query_serialize(ds, s, "turtle", &text, &len, err)
                     : csto_error_set(err, CSTO_ERR_RDF, "<%s>: cannot read the graph", graph);
  if (st == CSTO_OK)
    st = send_graph(push, method, graph, (const char *)text, len, http_status, err);
  if (text)
    librdf_free_memory(text);
  return st;
}

/* A graph's triples split as a store splits them (layout.h): into its own model and the
 * model of what goes to the merged graph. */
typedef struct {
  librdf_storage *storage[2];
  librdf_model *model[2]; /* 0: its own, 1: merged */
} split_graph;

static void split_free(split_graph *g) {
  for (int i = 0; i < 2; i++) {
    if (g->model[i])
      librdf_free_model(g->model[i]);
    if (g->storage[i])
      librdf_free_storage(g->storage[i]);
  }
}

static int split(csto_dataset *ds, librdf_stream *s, const char *graph, split_graph *g) {
  librdf_world *w = csto_query_dataset_world(ds);
  for (int i = 0; i < 2; i++) {
    g->storage[i] = librdf_new_storage(w, "hashes", "csto-kg-push", "hash-type='memory'");
    g->model[i] = g->storage[i] ? librdf_new_model(w, g->storage[i], NULL) : NULL;
    if (!g->model[i])
      return 1;
  }
  for (; s && !librdf_stream_end(s); librdf_stream_next(s)) {
    librdf_statement *st = librdf_stream_get_object(s);
    librdf_node *subject = librdf_statement_get_subject(st);
    const char *iri = librdf_node_is_resource(subject)
                          ? (const char *)librdf_uri_as_string(librdf_node_get_uri(subject))
                          : NULL;
    if (librdf_model_add_statement(g->model[csto_layout_merges(graph, iri)], st))
      return 1;
  }
  return s ? 0 : 1;
}

/* PUT the graph's own triples; POST the rest to the merged graph. */
static csto_status send_in_layout(csto_push *push, csto_dataset *ds, csto_query_file *f,
                                  size_t i, csto_push_sent *sent, csto_error *err) {
  const char *graph = csto_query_file_graph_iri(f, i);
  split_graph g = {{NULL, NULL}, {NULL, NULL}};
  librdf_stream *s = csto_query_file_graph_stream(f, i);
  csto_status st = split(ds, s, graph, &g) ? csto_error_set(err, CSTO_ERR_NOMEM, "out of memory")
                                           : CSTO_OK;
  if (s)
    librdf_free_stream(s);
  sent->own = st == CSTO_OK ? librdf_model_size(g.model[0]) : 0;
  sent->merged = st == CSTO_OK ? librdf_model_size(g.model[1]) : 0;
  for (int part = 0; st == CSTO_OK && part < 2; part++) {
    if (part == 1 && sent->merged == 0)
      break;
    librdf_stream *out = librdf_model_as_stream(g.model[part]);
    st = send_stream(push, part ? "POST" : "PUT", ds, out, part ? CSTO_GRAPH_MERGED : graph,
                     part ? &sent->merged_status : &sent->status, err);
    if (out)
      librdf_free_stream(out);
  }
  split_free(&g);
  return st;
}

csto_status csto_push_file(csto_push *push, csto_dataset *ds, const char *path,
                           csto_push_sent_fn on_graph, void *user, csto_error *err) {
  csto_query_file *f = NULL;
  csto_status st = csto_query_file_read(ds, path, &f, err);
  for (size_t i = 0; st == CSTO_OK && i < csto_query_file_graph_count(f); i++) {
    csto_push_sent sent = {csto_query_file_graph_iri(f, i), 0, 0, 0, 0};
    st = send_in_layout(push, ds, f, i, &sent, err);
    if (st == CSTO_OK && on_graph)
      on_graph(user, path, &sent);
  }
  if (st != CSTO_OK && f && err) {
    char message[CSTO_ERROR_MESSAGE_SIZE];
    memcpy(message, err->message, sizeof message);
    csto_error_set(err, st, "%s: %s", path, message);
  }
  csto_query_file_free(f);
  return st;
}

/* A copy of ds's statements without contexts, so each triple is there once. */
static librdf_model *distinct_triples(csto_dataset *ds, librdf_storage **storage) {
  librdf_world *w = csto_query_dataset_world(ds);
  *storage = librdf_new_storage(w, "hashes", "csto-kg-push", "hash-type='memory'");
  librdf_model *m = *storage ? librdf_new_model(w, *storage, NULL) : NULL;
  librdf_stream *s = m ? librdf_model_as_stream(csto_query_dataset_model(ds)) : NULL;
  int rc = !s || librdf_model_add_statements(m, s);
  if (s)
    librdf_free_stream(s);
  if (rc && m) {
    librdf_free_model(m);
    m = NULL;
  }
  return m;
}

csto_status csto_push_dataset(csto_push *push, csto_dataset *ds, const char *graph,
                              long *triples, long *http_status, csto_error *err) {
  if (csto_query_dataset_has_source(ds))
    return csto_error_set(err, CSTO_ERR_USAGE, "a store's dataset cannot be pushed: serve the "
                                               "store (csto_serve_start) instead");
  librdf_storage *storage = NULL;
  librdf_model *m = distinct_triples(ds, &storage);
  librdf_stream *s = m ? librdf_model_as_stream(m) : NULL;
  csto_status st = send_stream(push, "PUT", ds, s, graph, http_status, err);
  if (triples)
    *triples = m ? librdf_model_size(m) : 0;
  if (s)
    librdf_free_stream(s);
  if (m)
    librdf_free_model(m);
  if (storage)
    librdf_free_storage(storage);
  return st;
}
