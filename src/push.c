/* Graph Store HTTP Protocol client: PUT Turtle graphs (through http.c). */
#include "csto/push.h"

#include <stdlib.h>
#include <string.h>

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

csto_status csto_push_new(const csto_push_options *opt, csto_push **out, csto_error *err) {
  csto_push *p = calloc(1, sizeof *p);
  if (!p)
    return csto_error_set(err, CSTO_ERR_NOMEM, "out of memory");
  csto_status st = csto_http_new(opt, &p->http, err);
  if (st != CSTO_OK) {
    free(p);
    return st;
  }
  *out = p;
  return CSTO_OK;
}

csto_status csto_push_put(csto_push *push, const char *graph, const char *body, size_t len,
                          long *http_status, csto_error *err) {
  char *url = NULL;
  csto_status st = csto_push_graph_url(csto_http_endpoint(push->http), graph, &url, err);
  if (http_status)
    *http_status = 0;
  if (st != CSTO_OK)
    return st;
  csto_http_request req = {"PUT", url, "text/turtle; charset=utf-8", NULL, body, len};
  csto_http_response resp;
  st = csto_http_send(push->http, &req, &resp, err);
  if (http_status)
    *http_status = resp.status;
  csto_http_response_free(&resp);
  free(url);
  return st;
}

/* ---- graphs from files --------------------------------------------------------------- */

static csto_status put_stream(csto_push *push, csto_dataset *ds, librdf_stream *s,
                              const char *graph, long *http_status, csto_error *err) {
  unsigned char *text = NULL;
  size_t len = 0;
  csto_status st = s ? csto_query_serialize(ds, s, "turtle", &text, &len, err)
                     : csto_error_set(err, CSTO_ERR_RDF, "<%s>: cannot read the graph", graph);
  if (st == CSTO_OK)
    st = csto_push_put(push, graph, (const char *)text, len, http_status, err);
  if (text)
    librdf_free_memory(text);
  return st;
}

csto_status csto_push_file(csto_push *push, csto_dataset *ds, const char *path,
                           csto_push_sent_fn on_graph, void *user, csto_error *err) {
  csto_query_file *f = NULL;
  csto_status st = csto_query_file_read(ds, path, &f, err);
  for (size_t i = 0; st == CSTO_OK && i < csto_query_file_graph_count(f); i++) {
    const char *graph = csto_query_file_graph_iri(f, i);
    librdf_stream *s = csto_query_file_graph_stream(f, i);
    long status = 0;
    st = put_stream(push, ds, s, graph, &status, err);
    if (s)
      librdf_free_stream(s);
    if (st == CSTO_OK && on_graph)
      on_graph(user, path, graph, csto_query_file_graph_triples(f, i), status);
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
  librdf_storage *storage = NULL;
  librdf_model *m = distinct_triples(ds, &storage);
  librdf_stream *s = m ? librdf_model_as_stream(m) : NULL;
  csto_status st = put_stream(push, ds, s, graph, http_status, err);
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
