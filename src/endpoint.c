/* SPARQL 1.1 Protocol client: queries and updates as form POSTs. */
#include "csto/endpoint.h"
#include "csto/http_client.h"
#include "csto/query_rdf.h"

#include <stdlib.h>
#include <string.h>

#include "query_check.h"

/* POST name=text (form-encoded) and keep the answer in resp. */
static csto_status post_form(csto_world *w, const csto_http_options *opt, const char *name,
                             const char *text, const char *accept, csto_http_response *resp,
                             csto_error *err) {
  memset(resp, 0, sizeof *resp);
  char *value = csto_http_escape(text);
  size_t n = strlen(name) + 1 + (value ? strlen(value) : 0) + 1;
  char *body = value ? malloc(n) : NULL;
  csto_http *h = NULL;
  csto_status st = body ? csto_http_new(w, opt, &h, err)
                        : csto_error_set(err, CSTO_ERR_NOMEM, "out of memory");
  if (st == CSTO_OK) {
    snprintf(body, n, "%s=%s", name, value);
    csto_http_request req = {"POST", NULL, "application/x-www-form-urlencoded", accept, body,
                             n - 1};
    st = csto_http_send(h, &req, resp, err);
  }
  csto_http_free(h);
  free(body);
  free(value);
  return st;
}

/* A 200 answer that is not what was asked for, or that the server cut short. */
static csto_status check_type(const char *endpoint, const csto_http_response *resp,
                              const char *const *types, csto_error *err) {
  if (resp->sql_state)
    return csto_error_set(err, CSTO_ERR_HTTP,
                          "%s: the answer is incomplete (X-SQL-State %s: %.200s); the server "
                          "stopped the query at its time limit",
                          endpoint, resp->sql_state, resp->sql_message ? resp->sql_message : "");
  for (size_t i = 0; types[i]; i++)
    if (resp->content_type && strcmp(resp->content_type, types[i]) == 0)
      return CSTO_OK;
  return csto_error_set(err, CSTO_ERR_HTTP, "%s: the answer is %s, not %s", endpoint,
                        resp->content_type ? resp->content_type : "of no type", types[0]);
}

csto_status csto_endpoint_query(const csto_http_options *opt, csto_dataset *ds,
                                const char *sparql, const csto_query_options *qopt, FILE *out,
                                csto_query_outcome *outcome, csto_error *err) {
  static const char *const results[] = {"application/sparql-results+xml", NULL};
  static const char *const graphs[] = {"application/n-triples", "text/plain", NULL};
  csto_query_outcome local = {csto_query_form(sparql), 0};
  int graph = local.kind == CSTO_QUERY_GRAPH;
  csto_http_response resp = {0, NULL, 0, NULL, NULL, NULL};
  csto_status st = csto_query_check_options(qopt, err);
  if (st == CSTO_OK)
    st = post_form(csto_query_dataset_csto_world(ds), opt, "query", sparql,
                   graph ? "application/n-triples, text/plain;q=0.5"
                         : "application/sparql-results+xml",
                   &resp, err);
  if (st == CSTO_OK)
    st = check_type(opt->endpoint, &resp, graph ? graphs : results, err);
  if (st == CSTO_OK && graph)
    st = csto_query_print_graph(ds, resp.body ? resp.body : "", resp.len, qopt, out, err);
  else if (st == CSTO_OK)
    st = csto_query_print_results(ds, resp.body ? resp.body : "", resp.len, qopt, out, &local,
                                  err);
  csto_http_response_free(&resp);
  if (outcome)
    *outcome = local;
  return st;
}

csto_status csto_endpoint_update(csto_world *w, const csto_http_options *opt,
                                 const char *update, csto_error *err) {
  csto_http_response resp;
  csto_status st = post_form(w, opt, "update", update, NULL, &resp, err);
  csto_http_response_free(&resp);
  return st;
}
