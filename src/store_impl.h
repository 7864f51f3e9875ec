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

#define CSTO_TEXT_OF(x) #x
#define CSTO_NUMBER_TEXT(x) CSTO_TEXT_OF(x)

/* The dated meetings the article-local event ?2 of article ?3 may be (store.h): a day (?6
 * csto:date, ?7 csto:startDate, ?8 csto:endDate) around the article's publication (?5
 * schema:datePublished, in the article's own graph), the same organizers (?4), not
 * described by the article itself, and a compatible place (?9 csto:heldIn): one unknown,
 * the same, or one in the other (?10 csto:country, in any graph: the knowledge base's,
 * when loaded). ?1 is the merged graph. Two rows say "more than one". CROSS JOIN fixes
 * the order: from the days in the window, so a match costs what a few days hold (from an
 * organizer, sqlite would walk every meeting of a body); "+" keeps the organizer
 * comparison off the predicate-object index for the same reason. */
#define CSTO_MEETINGS_SQL                                                                   \
  "WITH local(n, published) AS (SELECT count(*), (SELECT l.text FROM triples t JOIN "       \
  "literals l ON l.id = t.objectLiteral WHERE t.contextUri = ?3 AND t.subjectUri = ?3 AND " \
  "t.predicateUri = ?5) FROM triples WHERE contextUri = ?1 AND subjectUri = ?2 AND "        \
  "predicateUri = ?4) "                                                                     \
  "SELECT DISTINCT d.subjectUri FROM local CROSS JOIN literals l CROSS JOIN triples d "      \
  "WHERE local.n > 0 AND l.text BETWEEN date(local.published, '-"                           \
  CSTO_NUMBER_TEXT(CSTO_LINK_REPORT_DAYS) " days') AND date(local.published, '+"            \
  CSTO_NUMBER_TEXT(CSTO_LINK_PREVIEW_DAYS) " days') AND d.objectLiteral = l.id AND "        \
  "d.predicateUri IN (?6, ?7, ?8) AND d.contextUri = ?1 AND d.subjectUri <> ?2 AND "        \
  "(SELECT count(*) FROM triples WHERE contextUri = ?1 AND subjectUri = d.subjectUri AND "  \
  "predicateUri = ?4) = local.n AND NOT EXISTS (SELECT 1 FROM triples a WHERE "             \
  "a.contextUri = ?1 AND a.subjectUri = ?2 AND a.predicateUri = ?4 AND NOT EXISTS "         \
  "(SELECT 1 FROM triples b WHERE b.contextUri = ?1 AND b.subjectUri = d.subjectUri AND "   \
  "b.predicateUri = ?4 AND +b.objectUri = a.objectUri)) AND NOT EXISTS (SELECT 1 FROM "     \
  "csto_support WHERE s = d.subjectUri AND graph = ?3) AND (NOT EXISTS (SELECT 1 FROM "     \
  "triples WHERE contextUri = ?1 AND subjectUri = ?2 AND predicateUri = ?9) OR NOT EXISTS " \
  "(SELECT 1 FROM triples WHERE contextUri = ?1 AND subjectUri = d.subjectUri AND "         \
  "predicateUri = ?9) OR EXISTS (SELECT 1 FROM triples x JOIN triples y ON y.contextUri = " \
  "?1 AND y.subjectUri = d.subjectUri AND y.predicateUri = ?9 WHERE x.contextUri = ?1 AND " \
  "x.subjectUri = ?2 AND x.predicateUri = ?9 AND (x.objectUri = y.objectUri OR EXISTS "     \
  "(SELECT 1 FROM triples k WHERE k.predicateUri = ?10 AND ((k.subjectUri = x.objectUri "   \
  "AND k.objectUri = y.objectUri) OR (k.subjectUri = y.objectUri AND k.objectUri = "        \
  "x.objectUri)))))) LIMIT 2"

/* The events organized by ?2 (csto:organizer ?1, a uri: ?4) in articles published (?3
 * schema:datePublished) in the window of a meeting from day ?5 to day ?6: from the
 * publication dates, so a change costs what the articles of a few days hold. (A join
 * makes sqlite build a Bloom filter over csto_support on every run; without INDEXED BY,
 * its statistics pick a skip-scan of every subject.) */
#define CSTO_NEARBY_SQL                                                                     \
  "SELECT DISTINCT s FROM csto_support INDEXED BY csto_support_graph WHERE graph IN "       \
  "(SELECT a.subjectUri FROM literals "                                                     \
  "l CROSS JOIN triples a WHERE l.text BETWEEN date(?5, '-"                                 \
  CSTO_NUMBER_TEXT(CSTO_LINK_PREVIEW_DAYS) " days') AND date(?6, '+"                        \
  CSTO_NUMBER_TEXT(CSTO_LINK_REPORT_DAYS) " days') AND a.objectLiteral = l.id AND "         \
  "a.predicateUri = ?3 AND a.contextUri = a.subjectUri) AND p = ?1 AND ok = ?4 AND "        \
  "oid = ?2"

/* The prepared statements store_put.c and store_link.c run (X-macro: name, SQL). */
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
  X(GRAPH_SUBJECTS, "SELECT DISTINCT s FROM csto_support WHERE graph = ?1 AND p = ?2")      \
  X(OBJECTS, "SELECT objectUri FROM triples WHERE contextUri = ?1 AND subjectUri = ?2 AND " \
             "predicateUri = ?3 AND objectUri IS NOT NULL")                                 \
  X(DAYS, "SELECT min(l.text), max(l.text) FROM triples t JOIN literals l ON l.id = "        \
          "t.objectLiteral WHERE t.contextUri = ?1 AND t.subjectUri = ?2 AND "              \
          "t.predicateUri IN (?3, ?4, ?5)")                                                 \
  X(NEARBY, CSTO_NEARBY_SQL)                                                                \
  X(LINKED, "SELECT oid FROM csto_support WHERE s = ?1 AND p = ?2 AND ok = ?3 AND "         \
            "graph = ?4")                                                                   \
  X(MEETINGS, CSTO_MEETINGS_SQL)                                                            \
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
  sqlite3_int64 links;  /* uri id of CSTO_GRAPH_LINKS (write mode) */
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

/* store_put.c: statement which, reset and unbound; a uri's id, interned when new (-1 on
 * error). */
sqlite3_stmt *csto_store_stmt(csto_store *store, csto_store_sql which);
sqlite3_int64 csto_store_uri_id(csto_store *store, const char *uri);

/* store_link.c: after a graph's change (the merged triples it stopped and started
 * stating), the owl:sameAs links (supported by CSTO_GRAPH_LINKS) the article-local events
 * it may concern should lose (unlink) and gain (link); *ambiguous counts those events
 * that several meetings match. 0, or -1 on error. */
int csto_store_relink(csto_store *store, const csto_key_list *stale, const csto_key_list *fresh,
                      csto_key_list *unlink, csto_key_list *link, long *ambiguous);

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
