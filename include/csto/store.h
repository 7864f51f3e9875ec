/* csto-kg: a persistent store of the knowledge graph (an SQLite file in librdf's schema).
 *
 * The store keeps the layout of layout.h: the merged graph (each fact and description
 * once) and one provenance graph per article. Beside librdf's tables, csto_support records
 * which graphs state each merged triple, so replacing or deleting an article updates the
 * merged graph exactly: a triple leaves it when the last graph stating it goes.
 *
 * Writing is csto-kg's own SQL (one connection, one transaction per file or batch, terms
 * interned as librdf interns them); reading is rasqal (csto_store_dataset) through
 * csto-kg's own triples source over that connection: librdf's sqlite storage module is not
 * used, so a store opens whatever other librdf worlds the process holds.
 * Blank nodes are made distinct per graph. Every node librdf can read, csto-kg writes.
 *
 * Processes share a store through STORE.lock beside it: a writer (CSTO_STORE_WRITE) holds
 * it from open to close and readers share it, so a second writer waits (up to a minute)
 * rather than failing on "database is locked", and two first loads cannot both create
 * the store.
 *
 * One meeting, one node to count: an article that does not give a meeting's day leaves it
 * an article-local event (layout.h). After each graph is put or deleted, the store
 * matches each such event its change may concern against the dated meetings it holds:
 * the same csto:organizer set, a day (csto:date, csto:startDate or csto:endDate) from
 * CSTO_LINK_REPORT_DAYS before to CSTO_LINK_PREVIEW_DAYS after the article's
 * schema:datePublished (a report, a preview),
 * a compatible csto:heldIn (one unknown, the same place, or one whose csto:country is the
 * other), and not a meeting the article itself describes. Exactly one match: the merged
 * graph holds "local owl:sameAs meeting", supported by CSTO_GRAPH_LINKS while the match
 * lasts (so it leaves when either article goes, unless a graph states it). Several: no
 * link (csto_store_counts.ambiguous). Two undated events are never linked to each other.
 *
 * Indexes beyond librdf's (literal text, blank labels, context, predicate-object, object)
 * keep loads linear and let rasqal's triple patterns with a bound predicate or object use
 * an index. */
#ifndef CSTO_STORE_H
#define CSTO_STORE_H

#include <stdio.h>

#include "csto/api.h"
#include "csto/error.h"
#include "csto/graph.h"
#include "csto/query.h"
#include "csto/world.h"

typedef struct csto_store csto_store;

/* The window of days around a publication date in which an undated meeting is a dated
 * one (see above): a preview comes out up to 3 days before the meeting starts, a report
 * up to a week after it ends. */
#define CSTO_LINK_PREVIEW_DAYS 3
#define CSTO_LINK_REPORT_DAYS 7

typedef enum {
  CSTO_STORE_READ,  /* the store must exist */
  CSTO_STORE_WRITE  /* create it when the file does not exist */
} csto_store_mode;

/* Open the store at path in world w (borrowed: close the store first). A path that
 * exists must be a csto-kg store (CSTO_ERR_STORE otherwise; it is never wiped). On
 * success *out is owned by the caller: csto_store_close. */
CSTO_API csto_status csto_store_open(csto_world *w, const char *path, csto_store_mode mode,
                                     csto_store **out, csto_error *err);

/* Close the store; an open batch is rolled back. NULL is a no-op. */
CSTO_API void csto_store_close(csto_store *store);

/* The dataset over the store for csto_query_run and csto_endpoint_query (borrowed, valid
 * until csto_store_close). It answers SPARQL only: csto_push_dataset refuses it. */
CSTO_API csto_dataset *csto_store_dataset(csto_store *store);

/* ---- writing (CSTO_STORE_WRITE) ------------------------------------------------------ */

/* What putting one graph did. */
typedef struct {
  long triples;    /* the graph's distinct triples, as stored */
  long own;        /* of them, in the graph itself (an article's provenance) */
  long added;      /* triples new to the merged graph */
  long removed;    /* triples that left the merged graph (no graph states them now) */
  long ambiguous;  /* undated events of this change that several meetings match: unlinked */
} csto_store_counts;

/* A batch is one transaction: csto_store_commit makes all its graphs visible at once,
 * csto_store_rollback (or an error in any step, or closing) leaves the store as it was. */
CSTO_API csto_status csto_store_begin(csto_store *store, csto_error *err);
CSTO_API csto_status csto_store_commit(csto_store *store, csto_error *err);
CSTO_API void csto_store_rollback(csto_store *store);

/* Put an article's graph (csto_graph_add_doc) as the graph named iri (its article IRI,
 * csto_article_iri), replacing what the store held for it, inside a batch; the graph is
 * emptied, as csto_graph_write empties it. counts may be NULL. */
CSTO_API csto_status csto_store_put_graph(csto_store *store, const char *iri, csto_graph *graph,
                                          csto_store_counts *counts, csto_error *err);

/* Delete a graph (an article IRI, or a file: graph), inside a batch. A graph the store
 * does not hold is CSTO_ERR_USAGE. */
CSTO_API csto_status csto_store_delete_graph(csto_store *store, const char *graph,
                                             csto_store_counts *counts, csto_error *err);

/* Called once per graph of a file, after the file's batch committed; graph is borrowed. */
typedef void (*csto_store_loaded_fn)(void *user, const char *path, const char *graph,
                                     const csto_store_counts *counts);

/* Load one graph file (any syntax csto_query_syntax_for_path knows) in a batch of its
 * own, putting each graph it holds (see csto_query_file_read). A graph named
 * CSTO_GRAPH_MERGED is refused: the store makes it. On failure the store is unchanged and
 * err names the file (and line). on_graph may be NULL. */
CSTO_API csto_status csto_store_load_file(csto_store *store, const char *path,
                                          csto_store_loaded_fn on_graph, void *user,
                                          csto_error *err);

/* ---- keeping a copy in step ---------------------------------------------------------- */

/* With journal on, each graph put or deleted appends to a SPARQL 1.1 Update that makes
 * the same change to a copy of the store in a triplestore (serve): the article graph
 * dropped and inserted again, the merged triples deleted and inserted. Terms are written
 * by raptor's N-Triples serializer. */
CSTO_API void csto_store_set_journal(csto_store *store, int on);

/* The update built since the last call (owned by the caller: free), or NULL when nothing
 * changed. A change the update cannot state (a blank node leaving the merged graph) makes
 * this CSTO_ERR_STORE. */
CSTO_API csto_status csto_store_take_update(csto_store *store, char **update, csto_error *err);

/* ---- reading ------------------------------------------------------------------------- */

/* Number of statements in the store, every graph counted. */
CSTO_API csto_status csto_store_size(csto_store *store, long *size, csto_error *err);

/* Run SPARQL over the store: csto_query_run on csto_store_dataset. */
CSTO_API csto_status csto_store_query(csto_store *store, const char *sparql,
                                      const csto_query_options *opt, FILE *out,
                                      csto_query_outcome *outcome, csto_error *err);

#endif
