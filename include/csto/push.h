/* csto-kg: send graphs to a triplestore with the SPARQL 1.1 Graph Store HTTP Protocol.
 *
 * Each graph goes out as one HTTP PUT (replace the graph) or POST (add to the graph) of
 * its Turtle serialization
 * (Content-Type: text/turtle) to ENDPOINT?graph=<percent-encoded graph IRI>, through the
 * HTTP client of http.h (endpoint checks, authentication, credentials). Virtuoso's
 * endpoint is http://HOST:PORT/sparql-graph-crud-auth and needs digest authentication. */
#ifndef CSTO_PUSH_H
#define CSTO_PUSH_H

#include <stddef.h>

#include "csto/api.h"
#include "csto/error.h"
#include "csto/http.h"
#include "csto/query.h"
#include "csto/world.h"

/* The Graph Store endpoint and its credentials. */
typedef csto_http_options csto_push_options;

/* csto_http_options_from_env. */
CSTO_API void csto_push_options_from_env(csto_push_options *opt);

/* The URL a graph is PUT to: endpoint + ('?' or '&') + "graph=" + the IRI percent-encoded
 * (everything but unreserved characters). The endpoint must be an http(s) URL without a
 * fragment or credentials (they would show in messages: CSTO_KG_USER and
 * CSTO_KG_PASSWORD or ~/.netrc hold them) and the graph an absolute IRI without spaces,
 * quotes, <> or control characters (CSTO_ERR_USAGE otherwise). Over plain http only
 * digest authentication answers a challenge, so a password never goes out in clear. On success *url is owned by the caller (free). */
CSTO_API csto_status csto_push_graph_url(const char *endpoint, const char *graph, char **url,
                                         csto_error *err);

typedef struct csto_push csto_push;

/* A connection to one endpoint, in world w (borrowed: free the handle first); opt is
 * copied (its strings too). On success *out is owned by the caller: csto_push_free. */
CSTO_API csto_status csto_push_new(csto_world *w, const csto_push_options *opt, csto_push **out,
                                   csto_error *err);

/* Free a push handle. NULL is a no-op. */
CSTO_API void csto_push_free(csto_push *push);

/* PUT body (Turtle, len bytes, borrowed) as graph `graph`. A transport failure or a
 * status outside 200-299 is CSTO_ERR_HTTP: "URL: HTTP 500: <first line of the answer>".
 * *http_status (when not NULL) receives the status, 0 when there was no answer. */
CSTO_API csto_status csto_push_put(csto_push *push, const char *graph, const char *body, size_t len,
                                   long *http_status, csto_error *err);

/* What was sent for one graph of a file. */
typedef struct {
  const char *graph; /* borrowed */
  long own, merged;  /* triples PUT to the graph, POSTed to the merged graph */
  long status, merged_status; /* HTTP statuses (merged_status 0: nothing to POST) */
} csto_push_sent;

/* Called after each graph the server accepted; strings borrowed for the call. */
typedef void (*csto_push_sent_fn)(void *user, const char *path, const csto_push_sent *sent);

/* Parse the graph file at path (in ds's world; ds is not changed) and send each of its
 * graphs, named as csto_query_file_read names them, in the layout of a store (layout.h):
 * an article's provenance is PUT to its graph (replacing it), its facts and descriptions
 * are POSTed to CSTO_GRAPH_MERGED (added: the server keeps each triple once); any other
 * graph is PUT whole. A server cannot count which articles state a merged triple, so
 * replacing or deleting an article there keeps its old merged triples: for exact deletes,
 * use a store and serve it. A file that does not parse sends nothing. Graphs already sent
 * stay when a later one fails. */
CSTO_API csto_status csto_push_file(csto_push *push, csto_dataset *ds, const char *path,
                                    csto_push_sent_fn on_graph, void *user, csto_error *err);

/* PUT every statement of ds (csto_query_dataset_new, csto_query_dataset_add_file) as the
 * one graph `graph`; a store's dataset is CSTO_ERR_USAGE (serve the store instead).
 * *triples and *http_status may be NULL. */
CSTO_API csto_status csto_push_dataset(csto_push *push, csto_dataset *ds, const char *graph,
                                       long *triples, long *http_status, csto_error *err);

#endif
