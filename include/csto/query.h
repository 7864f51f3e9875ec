/* csto-kg: SPARQL over graph files or a store (rasqal through librdf).
 *
 * A csto_dataset is one librdf world and one model. The world carries a logger that
 * drops warnings (rasqal emits spurious ones for aggregates) and keeps the first error,
 * which the functions below turn into their csto_error; nothing is printed.
 *
 * Graph files are parsed with raptor by file name: .ttl Turtle, .nt N-Triples, .nq
 * N-Quads, .trig TriG, .rdf/.xml/.owl RDF/XML, anything else guessed from the content.
 * A quad's graph name becomes the statement's librdf context, and a file's triples form
 * one more named graph, named as a store names them (see csto_query_file_read): the
 * file's article IRI, else its file: URI. So SPARQL over files answers as SPARQL over a
 * store loaded with them. (Every statement has a context for speed too: the hashes storage
 * with contexts checks a context-less add by scanning all statements.) Blank node labels
 * are made unique per file, so two files never share a blank node.
 *
 * The default graph is the union of all graphs, duplicates included (a triple two files
 * state matches twice; use DISTINCT), and GRAPH ?g { } matches the graphs. rasqal 0.9.33
 * lacks property paths, EXISTS and MINUS (use OPTIONAL + !BOUND) and ignores FROM / FROM
 * NAMED; GRAPH <iri> { } on a graph that is not there gives one empty row (so ASK says
 * true): write GRAPH ?g { } FILTER(?g = <iri>) instead.
 *
 * librdf loads storage modules (sqlite) only into the first librdf world alive in the
 * process: while another world exists, opening a store fails with "storage 'sqlite' not
 * found". Keep one world at a time (csto_query_file_read reuses the dataset's world). */
#ifndef CSTO_QUERY_H
#define CSTO_QUERY_H

#include <stddef.h>
#include <stdio.h>

#include <redland.h>

#include "csto/error.h"

typedef struct csto_dataset csto_dataset;

/* A new empty in-memory dataset (librdf "hashes" storage, hash-type 'memory', with
 * contexts). On success *out is owned by the caller: csto_query_dataset_free. */
csto_status csto_query_dataset_new(csto_dataset **out, csto_error *err);

/* A dataset over any librdf storage: librdf_new_storage(world, storage, name, options).
 * The storage's own errors are reported as CSTO_ERR_STORE naming `name`. On success *out
 * is owned by the caller. (csto_store uses this with the "sqlite" storage.) */
csto_status csto_query_dataset_open(const char *storage, const char *name, const char *options,
                                    csto_dataset **out, csto_error *err);

/* Free the dataset, its model, storage and world. NULL is a no-op. */
void csto_query_dataset_free(csto_dataset *ds);

/* Borrowed handles, valid until csto_query_dataset_free. */
librdf_world *csto_query_dataset_world(csto_dataset *ds);
librdf_model *csto_query_dataset_model(csto_dataset *ds);

/* Forget any error the logger kept; call before a librdf call whose failure you check
 * with csto_query_dataset_log_error. */
void csto_query_dataset_log_reset(csto_dataset *ds);

/* The first error logged since the last reset ("LINE: message" when the message had a
 * location), or NULL. Borrowed, valid until the next reset. */
const char *csto_query_dataset_log_error(const csto_dataset *ds);

/* The raptor parser name for a file name, by extension ("guess" when unknown).
 * Returns a static string. */
const char *csto_query_syntax_for_path(const char *path);

/* Parse the graph file at path into the dataset's model, quads into their contexts,
 * triples into the context of the file's article (or of its file: URI). The file is read
 * twice: once to find the article, once to load.
 * Fails (CSTO_ERR_IO, CSTO_ERR_RDF) with "path:LINE: message"; the model may then hold
 * part of the file. *triples (when not NULL) receives the number of statements read. */
csto_status csto_query_dataset_add_file(csto_dataset *ds, const char *path, long *triples,
                                        csto_error *err);

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

/* ---- Running SPARQL ------------------------------------------------------------------ */

typedef enum {
  CSTO_QUERY_SELECT, /* variable bindings */
  CSTO_QUERY_ASK,    /* a boolean */
  CSTO_QUERY_GRAPH   /* CONSTRUCT or DESCRIBE */
} csto_query_kind;

typedef struct {
  /* SELECT (and ASK) results: "table" (for people; the default when NULL), "csv", "tsv",
   * "json" or "xml" (SPARQL 1.1 results formats). ASK prints "true"/"false" unless
   * "json" or "xml" is asked for. */
  const char *results;
  /* CONSTRUCT/DESCRIBE: "turtle" (default when NULL) or "ntriples". */
  const char *graph_format;
} csto_query_options;

typedef struct {
  csto_query_kind kind;
  int ask; /* CSTO_QUERY_ASK: 1 true, 0 false */
} csto_query_outcome;

/* Check an options struct: an unknown results or graph format is CSTO_ERR_USAGE. */
csto_status csto_query_check_options(const csto_query_options *opt, csto_error *err);

/* Run one SPARQL query over the dataset and write its results to out (borrowed).
 * opt may be NULL (defaults); outcome may be NULL. A query that does not parse or run is
 * CSTO_ERR_QUERY with rasqal's message ("SPARQL: LINE: syntax error, ..."); so is one
 * using what rasqal lacks or answers wrongly (property paths, EXISTS, MINUS, VALUES,
 * COUNT(DISTINCT), GROUP_CONCAT's separator, DESCRIBE, SPARQL Update): refused with a
 * message naming it and saying what to write instead or how to run it on a server. */
csto_status csto_query_run(csto_dataset *ds, const char *sparql, const csto_query_options *opt,
                           FILE *out, csto_query_outcome *outcome, csto_error *err);

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
csto_status csto_query_read_text(const char *path, char **text, csto_error *err);

#endif
