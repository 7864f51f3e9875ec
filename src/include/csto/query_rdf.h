/* csto-kg, internal: the librdf side of query.h, for the modules of libcsto-store (store,
 * push, serve, endpoint): datasets over any storage, their librdf handles and logger,
 * graph files split into their named graphs, serializing, printing a server's answers. */
#ifndef CSTO_QUERY_RDF_H
#define CSTO_QUERY_RDF_H

#include <rasqal.h>
#include <redland.h>

#include "csto/query.h"
#include "csto/world.h"

/* ---- the world's insides (world.c) ---------------------------------------------------- */

/* The librdf world (borrowed, valid until csto_world_free). */
librdf_world *csto_world_rdf(csto_world *w);

/* What the world's logger keeps: the first error since the last reset (warnings are
 * dropped: rasqal emits spurious ones for aggregates). */
typedef struct {
  char message[CSTO_ERROR_MESSAGE_SIZE]; /* "LINE: text", or the text */
  char text[CSTO_ERROR_MESSAGE_SIZE - 32];
  int line;                              /* its line, or -1 */
  int logged;
} csto_world_log;

/* The world's log (borrowed). */
csto_world_log *csto_world_log_of(csto_world *w);

/* Blank nodes: every parse starts a label prefix unique to the file, the process and the
 * time (csto_world_next_file), so no two files, nor two loads into one store, share a
 * blank node; raptor's labels of the parse are numbered under it. */
void csto_world_next_file(csto_world *w);
const char *csto_world_blank_prefix(const csto_world *w);

/* ---- triples sources: who answers a query's patterns ----------------------------------
 *
 * The world registers one rasqal triples source factory; it hands each query to the
 * dataset the query runs over (csto_world_execute), which answers through its own source
 * (a store's, store_source.c) or else through librdf's model API (model_source.c). */

/* The bytes a source may keep in the data rasqal gives each of its calls. */
#define CSTO_SOURCE_DATA_SIZE (4 * sizeof(void *))

/* Set up rts (and data, CSTO_SOURCE_DATA_SIZE bytes) to answer query: 0, or 1 on failure.
 * user is what the source was registered with. */
typedef int (*csto_source_fn)(rasqal_query *query, void *user, void *data,
                              rasqal_triples_source *rts);

/* librdf_model_query_execute(model, q) with ds answering the query's patterns. */
librdf_query_results *csto_world_execute(csto_world *w, csto_dataset *ds, librdf_model *model,
                                         librdf_query *q);

/* Answer ds's queries through fn (with user) instead of its model (csto_store_open). */
void csto_query_dataset_set_source(csto_dataset *ds, csto_source_fn fn, void *user);

/* 1 when ds answers through a source of its own (a store's dataset: its model is empty). */
int csto_query_dataset_has_source(const csto_dataset *ds);

/* Set up the source of ds for query (the world's factory calls this). */
int csto_query_dataset_source(csto_dataset *ds, rasqal_query *query, void *data,
                              rasqal_triples_source *rts);

/* The source over a librdf model (model_source.c): triple patterns become
 * librdf_model_find_statements(_in_context) with the bound parts, the model's contexts
 * are the query's named graphs, as librdf's own source does. */
int csto_model_source(librdf_world *world, librdf_model *model, rasqal_query *query,
                      void *data, rasqal_triples_source *rts);

/* ---- datasets ------------------------------------------------------------------------- */

/* Borrowed handles, valid until csto_query_dataset_free. */
csto_world *csto_query_dataset_csto_world(csto_dataset *ds);
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
