/* Internal: the store's state, shared by store.c (open, locking, reading) and
 * store_put.c (writing the layout, keeping a copy in step). */
#ifndef CSTO_STORE_IMPL_H
#define CSTO_STORE_IMPL_H

#include <sqlite3.h>

#include "csto/query_rdf.h"
#include "csto/store.h"

/* Put a graph, replacing what the store held for it: graph_begin, then graph_add for each
 * statement (its graph field is ignored), then graph_end, inside a batch. */
csto_status csto_store_graph_begin(csto_store *store, const char *graph, csto_error *err);
csto_status csto_store_graph_add(csto_store *store, const raptor_statement *st,
                                 csto_error *err);
csto_status csto_store_graph_end(csto_store *store, csto_store_counts *counts,
                                 csto_error *err);

/* A triple as the store keys it: the subject is a uri id (> 0) or minus a blank id, the
 * object a kind (uri, blank, literal) and an id in that kind's table. */
typedef enum { CSTO_TERM_URI, CSTO_TERM_BLANK, CSTO_TERM_LITERAL } csto_term_kind;
typedef struct {
  sqlite3_int64 s, p, oid;
  int ok; /* csto_term_kind of the object */
} csto_triple_key;

typedef struct {
  csto_triple_key *items;
  size_t n, cap;
} csto_key_list;

/* The prepared statements store_put.c runs (X-macro: name, SQL). */
#define CSTO_STORE_SQL(X)                                                                   \
  X(FIND_URI, "SELECT id FROM uris WHERE uri = ?1")                                         \
  X(ADD_URI, "INSERT INTO uris (uri) VALUES (?1)")                                          \
  X(FIND_BLANK, "SELECT id FROM blanks WHERE blank = ?1")                                   \
  X(ADD_BLANK, "INSERT INTO blanks (blank) VALUES (?1)")                                    \
  X(FIND_LITERAL,                                                                           \
    "SELECT id FROM literals WHERE text = ?1 AND language IS ?2 AND datatype IS ?3")        \
  X(ADD_LITERAL, "INSERT INTO literals (text, language, datatype) VALUES (?1, ?2, ?3)")     \
  X(STAGE, "INSERT OR IGNORE INTO temp.csto_staged VALUES (?1, ?2, ?3, ?4, ?5, ?6)")        \
  X(UNSTAGE, "DELETE FROM temp.csto_staged WHERE graph = ?1")                               \
  X(DROP_CONTEXT, "DELETE FROM triples WHERE contextUri = ?1")                              \
  X(STALE, "SELECT s, p, ok, oid FROM csto_support c WHERE graph = ?1 AND NOT EXISTS "      \
           "(SELECT 1 FROM temp.csto_staged t WHERE t.graph = ?1 AND t.own = 0 AND "        \
           "t.s = c.s AND t.p = c.p AND t.ok = c.ok AND t.oid = c.oid)")                    \
  X(FRESH, "SELECT s, p, ok, oid FROM temp.csto_staged t WHERE graph = ?1 AND own = 0 "     \
           "AND NOT EXISTS (SELECT 1 FROM csto_support c WHERE c.s = t.s AND c.p = t.p "    \
           "AND c.ok = t.ok AND c.oid = t.oid AND c.graph = ?1)")                           \
  X(OWN, "SELECT s, p, ok, oid FROM temp.csto_staged WHERE graph = ?1 AND own = 1")         \
  X(COUNT_STAGED, "SELECT count(*), total(own) FROM temp.csto_staged WHERE graph = ?1")     \
  X(SUPPORTED, "SELECT 1 FROM csto_support WHERE s = ?1 AND p = ?2 AND ok = ?3 AND "        \
               "oid = ?4 LIMIT 1")                                                          \
  X(ADD_SUPPORT, "INSERT INTO csto_support VALUES (?1, ?2, ?3, ?4, ?5)")                    \
  X(DROP_SUPPORT, "DELETE FROM csto_support WHERE s = ?1 AND p = ?2 AND ok = ?3 AND "       \
                  "oid = ?4 AND graph = ?5")                                                \
  X(HOLDS_GRAPH, "SELECT (SELECT count(*) FROM csto_support WHERE graph = ?1) + "           \
                 "(SELECT count(*) FROM triples WHERE contextUri = ?1)")                    \
  X(ADD_TRIPLE, "INSERT INTO triples VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")                  \
  X(DROP_TRIPLE, "DELETE FROM triples WHERE subjectUri IS ?1 AND subjectBlank IS ?2 AND "   \
                 "predicateUri = ?3 AND objectUri IS ?4 AND objectBlank IS ?5 AND "         \
                 "objectLiteral IS ?6 AND contextUri = ?7")                                 \
  X(UNLIST_GRAPH, "DELETE FROM csto_graphs WHERE id = ?1")                                 \
  X(LIST_GRAPH, "INSERT INTO csto_graphs SELECT ?1 WHERE EXISTS "                           \
                "(SELECT 1 FROM triples WHERE contextUri = ?1)")                            \
  X(URI_TEXT, "SELECT uri FROM uris WHERE id = ?1")                                         \
  X(BLANK_TEXT, "SELECT blank FROM blanks WHERE id = ?1")                                   \
  X(LITERAL_TEXT, "SELECT l.text, l.language, u.uri FROM literals l "                       \
                  "LEFT JOIN uris u ON u.id = l.datatype WHERE l.id = ?1")

#define CSTO_STORE_SQL_ENUM(name, sql) CSTO_SQL_##name,
typedef enum { CSTO_STORE_SQL(CSTO_STORE_SQL_ENUM) CSTO_SQL_COUNT } csto_store_sql;
#undef CSTO_STORE_SQL_ENUM

/* store_source.c: rasqal's triples source over the store's connection. */
typedef struct csto_store_source csto_store_source;

struct csto_store {
  char *path;
  int lock;            /* the lock file, held shared (read) or exclusive (write) */
  csto_dataset *ds;    /* the store's queries (answered by its source: the dataset's own
                        * model stays empty), and parsing graph files */
  sqlite3 *db;         /* csto-kg's own connection (read-only in read mode) */
  csto_store_source *source;
  sqlite3_stmt *sql[CSTO_SQL_COUNT];
  int in_batch;
  int changed;          /* a batch committed: refresh the planner's statistics at close */
  sqlite3_int64 merged; /* uri id of CSTO_GRAPH_MERGED (write mode) */
  /* the graph being put */
  char *graph;
  sqlite3_int64 graph_id;
  /* the update that keeps a copy in step (journal on) */
  int journal;
  raptor_world *raptor;
  char *update;
  size_t update_len;
  int update_failed;
  char update_error[CSTO_ERROR_MESSAGE_SIZE];
};

/* store_put.c: prepare the writing statements and temporary table (write mode), and
 * free them (rolling back an open batch). */
csto_status csto_store_prepare_writing(csto_store *store, csto_error *err);
void csto_store_finish_writing(csto_store *store);

/* Make the store's dataset answer queries through the store's own connection
 * (csto_query_dataset_set_source); csto_store_source_free after the dataset is freed. */
csto_status csto_store_source_install(csto_store *store, csto_error *err);
void csto_store_source_free(csto_store_source *source);

/* Every statement of the store, with its graph, to fn (st borrowed for the call), in no
 * particular order; fn returning nonzero stops it (CSTO_ERR_STORE). */
typedef int (*csto_store_statement_fn)(void *user, const raptor_statement *st);
csto_status csto_store_each(csto_store *store, csto_store_statement_fn fn, void *user,
                            csto_error *err);

#endif
