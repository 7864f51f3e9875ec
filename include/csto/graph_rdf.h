/* csto-kg: a graph's statements as raptor2 statements, for a program that puts them
 * somewhere itself (a store: csto_store_put_graph). The one public header that needs
 * raptor2's headers; csto/csto.h does not include it. */
#ifndef CSTO_GRAPH_RDF_H
#define CSTO_GRAPH_RDF_H

#include <raptor2.h>

#include "csto/api.h"
#include "csto/graph.h"

/* Hand each statement of the graph to fn (the statement is borrowed for the call), then
 * empty the graph, as csto_graph_write does; the first error fn returns stops it. */
typedef csto_status (*csto_statement_fn)(void *user, const raptor_statement *st,
                                         csto_error *err);
CSTO_API csto_status csto_graph_drain(csto_graph *graph, csto_statement_fn fn, void *user,
                                      csto_error *err);

#endif
