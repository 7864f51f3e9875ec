/* csto-kg: SPARQL over HTTP (the SPARQL 1.1 Protocol), through the client of http.h.
 *
 * A query goes out as one POST of application/x-www-form-urlencoded "query=..." asking
 * for SPARQL Query Results XML (SELECT, ASK) or N-Triples (CONSTRUCT, DESCRIBE; the form
 * is read from the query text), and the answer is printed by query.h's printers, the code
 * the embedded engine prints with: equal answers print the same bytes on both engines.
 * An update is one POST of "update=...". Virtuoso's endpoints: http://HOST:PORT/sparql
 * (read only, no credentials) and /sparql-auth (updates; digest authentication). */
#ifndef CSTO_ENDPOINT_H
#define CSTO_ENDPOINT_H

#include <stdio.h>

#include "csto/api.h"
#include "csto/error.h"
#include "csto/http.h"
#include "csto/query.h"
#include "csto/world.h"

/* Run sparql on the endpoint opt->endpoint and print its answer to out as qopt asks
 * (qopt and outcome may be NULL). ds lends its world (any dataset, a store's too).
 * opt->timeout bounds the whole exchange. A refusal, a timeout or an answer Virtuoso
 * marks incomplete (X-SQL-State, at its MaxQueryExecutionTime) is CSTO_ERR_HTTP naming
 * the endpoint. */
CSTO_API csto_status csto_endpoint_query(const csto_http_options *opt, csto_dataset *ds,
                                         const char *sparql, const csto_query_options *qopt,
                                         FILE *out,
                                         csto_query_outcome *outcome, csto_error *err);

/* Send a SPARQL 1.1 Update (update text, UTF-8) to opt->endpoint, with opt's credentials,
 * from world w. A refusal is CSTO_ERR_HTTP: "URL: HTTP 500: <the server's first line>". */
CSTO_API csto_status csto_endpoint_update(csto_world *w, const csto_http_options *opt,
                                          const char *update, csto_error *err);

#endif
