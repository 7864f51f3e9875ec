/* csto-kg: SPARQL over graph files or a store (rasqal through librdf).
 *
 * A csto_dataset is one librdf model in a csto_world (world.h), whose logger keeps the
 * first error, which the functions below turn into their csto_error; nothing is printed.
 *
 * Graph files are parsed with raptor by file name: .ttl Turtle, .nt N-Triples, .nq
 * N-Quads, .trig TriG, .rdf/.xml/.owl RDF/XML, anything else guessed from the content.
 * A quad's graph name becomes the statement's librdf context, and a file's triples form
 * one more named graph, named as a store names them: the file's article IRI (the one
 * subject typed csto:Article), else its file: URI. So SPARQL over files answers as SPARQL
 * over a store loaded with them. (Every statement has a context for speed too: the hashes storage
 * with contexts checks a context-less add by scanning all statements.) Blank node labels
 * are made unique per file, so two files never share a blank node.
 *
 * The default graph is the union of all graphs, duplicates included (a triple two files
 * state matches twice; use DISTINCT), and GRAPH ?g { } matches the graphs. rasqal 0.9.33
 * lacks property paths, EXISTS and MINUS (use OPTIONAL + !BOUND) and ignores FROM / FROM
 * NAMED; GRAPH <iri> { } on a graph that is not there gives one empty row (so ASK says
 * true): write GRAPH ?g { } FILTER(?g = <iri>) instead.
 *
 * Datasets and stores of one world may be open together and queried in any order. */
#ifndef CSTO_QUERY_H
#define CSTO_QUERY_H

#include <stddef.h>
#include <stdio.h>

#include "csto/api.h"
#include "csto/error.h"
#include "csto/world.h"

typedef struct csto_dataset csto_dataset;

/* A new empty in-memory dataset (librdf "hashes" storage, hash-type 'memory', with
 * contexts) in world w (borrowed: free the dataset first). On success *out is owned by
 * the caller: csto_query_dataset_free. */
CSTO_API csto_status csto_query_dataset_new(csto_world *w, csto_dataset **out, csto_error *err);

/* Free the dataset, its model and storage. NULL is a no-op. */
CSTO_API void csto_query_dataset_free(csto_dataset *ds);

/* The raptor parser name for a file name, by extension ("guess" when unknown).
 * Returns a static string. */
CSTO_API const char *csto_query_syntax_for_path(const char *path);

/* Parse the graph file at path into the dataset's model, quads into their contexts,
 * triples into the context of the file's article (or of its file: URI). The file is read
 * twice: once to find the article, once to load.
 * Fails (CSTO_ERR_IO, CSTO_ERR_RDF) with "path:LINE: message"; the model may then hold
 * part of the file. *triples (when not NULL) receives the number of statements read. */
CSTO_API csto_status csto_query_dataset_add_file(csto_dataset *ds, const char *path, long *triples,
                                                 csto_error *err);

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
CSTO_API csto_status csto_query_check_options(const csto_query_options *opt, csto_error *err);

/* Run one SPARQL query over the dataset and write its results to out (borrowed).
 * opt may be NULL (defaults); outcome may be NULL. A query that does not parse or run is
 * CSTO_ERR_QUERY with rasqal's message ("SPARQL: LINE: syntax error, ..."); so is one
 * using what rasqal lacks or answers wrongly (property paths, EXISTS, MINUS, VALUES,
 * COUNT(DISTINCT), GROUP_CONCAT's separator, DESCRIBE, SPARQL Update): refused with a
 * message naming it and saying what to write instead or how to run it on a server. */
CSTO_API csto_status csto_query_run(csto_dataset *ds, const char *sparql,
                                    const csto_query_options *opt,
                                    FILE *out, csto_query_outcome *outcome, csto_error *err);

CSTO_API csto_status csto_query_read_text(const char *path, char **text, csto_error *err);

#endif
