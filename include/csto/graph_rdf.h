/* csto-kg, libcsto-store: a graph in raptor2's formats (RDF/XML, RDF/JSON, dot) and as
 * raptor2 statements, for a program that puts them somewhere itself (a store:
 * csto_store_put_graph). libcsto writes the other formats (csto/graph.h) and links no
 * raptor2. The one public header that needs raptor2's headers; csto/csto.h and
 * csto/store.h do not include it. */
#ifndef CSTO_GRAPH_RDF_H
#define CSTO_GRAPH_RDF_H

#include <stdio.h>

#include <raptor2.h>

#include "csto/api.h"
#include "csto/graph.h"

/* raptor2's formats: rdfxml (rdf), json (RDF/JSON), dot. None streams (see
 * csto_graph_format_streams): a run adds every article, then writes once. */
CSTO_API int csto_graph_rdf_format_known(const char *format);

/* Those names, as one string for messages (static). */
CSTO_API const char *csto_graph_rdf_format_names(void);

/* Write the graph to out in one of raptor2's formats, one document, with the project's
 * prefixes (and "base" for a base other than the res: namespace); then empty the graph. */
CSTO_API csto_status csto_graph_rdf_write(csto_graph *graph, const char *format, FILE *out,
                                          csto_error *err);

/* Hand each statement of the graph to fn (the statement is borrowed for the call), then
 * empty the graph, as csto_graph_write does; the first error fn returns stops it. */
typedef csto_status (*csto_statement_fn)(void *user, const raptor_statement *st,
                                         csto_error *err);
CSTO_API csto_status csto_graph_drain(csto_graph *graph, csto_statement_fn fn, void *user,
                                      csto_error *err);

#endif
