/* csto-kg, internal: the librdf side of query.h, for the modules of libcsto-store (store,
 * push, serve, endpoint): datasets over any storage, their librdf handles and logger,
 * graph files split into their named graphs, serializing, printing a server's answers. */
#ifndef CSTO_QUERY_RDF_H
#define CSTO_QUERY_RDF_H

#include <redland.h>

#include "csto/query.h"

/* A dataset over any librdf storage: librdf_new_storage(world, storage, name, options).
 * The storage's own errors are reported as CSTO_ERR_STORE naming `name`. On success *out
 * is owned by the caller. (csto_store uses this with the "sqlite" storage.) */
csto_status csto_query_dataset_open(const char *storage, const char *name, const char *options,
                                    csto_dataset **out, csto_error *err);

/* Borrowed handles, valid until csto_query_dataset_free. */
librdf_world *csto_query_dataset_world(csto_dataset *ds);
librdf_model *csto_query_dataset_model(csto_dataset *ds);

/* Forget any error the logger kept; call before a librdf call whose failure you check
 * with csto_query_dataset_log_error. */
void csto_query_dataset_log_reset(csto_dataset *ds);

/* The first error logged since the last reset ("LINE: message" when the message had a
 * location), or NULL. Borrowed, valid until the next reset. */
const char *csto_query_dataset_log_error(const csto_dataset *ds);

/* Stream the statements of the graph file at path to fn, each with the IRI of the graph
 * it belongs to (named as csto_query_file_read names them; several articles' triples in
 * one graph refused as there), memory bounded by the parser. fn's first error stops the
 * parse and is returned as fn set it; a parse error names the file and line. */
typedef csto_status (*csto_query_statement_fn)(void *user, const raptor_statement *st,
                                               const char *graph, csto_error *err);
csto_status csto_query_file_each(csto_dataset *ds, const char *path, csto_query_statement_fn fn,
                                 void *user, csto_error *err);

/* ---- A graph file split into the named graphs it is stored or pushed as -------------
 *
 * Quads keep their graph name. Triples form one more graph named after the file's article
 * when exactly one subject among them has rdf:type csto:Article
 * (https://w3id.org/csto-kg/ontology#Article), after the file's file: URI when none has;
 * triples of several articles are refused (CSTO_ERR_INPUT): nothing tells which article
 * states which fact.
 * A blank-node graph name of a quad is not listed (its statements are not sent). */
typedef struct csto_query_file csto_query_file;

/* Parse path into a private in-memory model in ds's world (ds itself is not changed).
 * On success *out is owned by the caller: csto_query_file_free. */
csto_status csto_query_file_read(csto_dataset *ds, const char *path, csto_query_file **out,
                                 csto_error *err);

/* Free a parsed file. NULL is a no-op. */
void csto_query_file_free(csto_query_file *f);

/* Number of graphs (0 only for a file without statements) and all its statements. */
size_t csto_query_file_graph_count(const csto_query_file *f);
long csto_query_file_triples(const csto_query_file *f);

/* Graph i (< count): its IRI (borrowed, valid until csto_query_file_free) and size. */
const char *csto_query_file_graph_iri(const csto_query_file *f, size_t i);
long csto_query_file_graph_triples(const csto_query_file *f, size_t i);

/* The statements of graph i, without context. The stream is owned by the caller
 * (librdf_free_stream) and must be freed before the file. NULL on failure. */
librdf_stream *csto_query_file_graph_stream(csto_query_file *f, size_t i);

/* Serialize what is left of stream (borrowed; consumed, not freed) as syntax ("turtle" or
 * "ntriples"), with the project's prefixes (csto:, res:, rdf:, ...) and no @base. On success
 * *text (NUL-terminated) is owned by the caller: librdf_free_memory. */
csto_status csto_query_serialize(csto_dataset *ds, librdf_stream *stream, const char *syntax,
                                 unsigned char **text, size_t *len, csto_error *err);

/* Print a SPARQL Query Results XML document (len bytes; a SELECT or ASK answer, from a
 * server) as opt asks, through the very code csto_query_run prints with: equal answers
 * print the same bytes. ds gives the world (its model is not used). A document rasqal
 * cannot read is CSTO_ERR_QUERY. */
csto_status csto_query_print_results(csto_dataset *ds, const char *doc, size_t len,
                                     const csto_query_options *opt, FILE *out,
                                     csto_query_outcome *outcome, csto_error *err);

/* Print an N-Triples document (a CONSTRUCT or DESCRIBE answer) as opt->graph_format,
 * serialized as csto_query_run serializes graphs. */
csto_status csto_query_print_graph(csto_dataset *ds, const char *ntriples, size_t len,
                                   const csto_query_options *opt, FILE *out, csto_error *err);

/* Read a whole query file (UTF-8 text; "-" is standard input) into a NUL-terminated
 * string owned by the caller (free). */

#endif
