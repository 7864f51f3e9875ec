/* csto-kg: a persistent store of article graphs (librdf's sqlite storage).
 *
 * Each article's facts live in their own context (named graph), the article IRI (see
 * csto_query_file_read for how a file's graphs are named). Loading a file replaces the
 * graphs it holds: the old facts of those graphs are removed and the new ones added in one
 * sqlite transaction, so reloading an article never duplicates it and a file that fails
 * leaves the store as it was.
 *
 * Querying the default graph of the store gives the union of all contexts, duplicates
 * included: a triple stated by two articles (res:Ararat_Mirzoyan a csto:Person) is stored
 * once per article and matches twice; use SELECT DISTINCT, or GRAPH ?g { } per article.
 *
 * Processes share a store through STORE.lock beside it: a writer (CSTO_STORE_WRITE) holds
 * it from open to close and readers share it, so a second writer waits (up to a minute)
 * rather than failing on "database is locked", and two first loads cannot both create
 * the store.
 *
 * A new store gets, besides librdf's schema, an index on literals(text) (without it
 * librdf's literal lookups make a 100k-triple load quadratic) and one on
 * triples(contextUri) (replacing a graph deletes by context). */
#ifndef CSTO_STORE_H
#define CSTO_STORE_H

#include <stdio.h>

#include "csto/error.h"
#include "csto/query.h"

typedef struct csto_store csto_store;

typedef enum {
  CSTO_STORE_READ,  /* the store must exist */
  CSTO_STORE_WRITE  /* create it when the file does not exist */
} csto_store_mode;

/* Open the store at path. A path that exists must be a librdf sqlite store
 * (CSTO_ERR_STORE otherwise; it is never wiped). On success *out is owned by the caller:
 * csto_store_close. */
csto_status csto_store_open(const char *path, csto_store_mode mode, csto_store **out,
                            csto_error *err);

/* Close the store. NULL is a no-op. */
void csto_store_close(csto_store *store);

/* The dataset over the store (borrowed, valid until csto_store_close), for csto_query_run
 * and librdf calls. */
csto_dataset *csto_store_dataset(csto_store *store);

/* Called once per graph loaded, after the file's transaction committed. graph is
 * borrowed for the call. */
typedef void (*csto_store_loaded_fn)(void *user, const char *path, const char *graph,
                                     long triples);

/* Load one graph file (any syntax csto_query_syntax_for_path knows), replacing the
 * graphs it holds, in one transaction. On failure the store is unchanged and err names
 * the file (and line). on_graph may be NULL. *triples (when not NULL) receives the number
 * of statements the file held. */
csto_status csto_store_load_file(csto_store *store, const char *path,
                                 csto_store_loaded_fn on_graph, void *user, long *triples,
                                 csto_error *err);

/* Number of statements in the store, all contexts counted. */
csto_status csto_store_size(csto_store *store, long *size, csto_error *err);

/* Run SPARQL over the store: csto_query_run on csto_store_dataset. */
csto_status csto_store_query(csto_store *store, const char *sparql,
                             const csto_query_options *opt, FILE *out,
                             csto_query_outcome *outcome, csto_error *err);

#endif
