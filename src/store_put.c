/* Writing the store: graphs put and deleted in the layout of layout.h, support counted in
 * csto_support, and the SPARQL Update that keeps a copy in step (see store.h).
 *
 * Putting a graph stages its triples (interned to ids, split into its own and merged) in
 * a temporary table, then compares with what the store holds for it: the graph's old own
 * triples (an article's provenance) are dropped and the new ones added; a merged triple
 * it no longer states loses the graph's support and leaves the merged graph with its last
 * support; a merged triple it now states gains support and enters the merged graph when
 * nobody stated it before. Every step is an indexed statement, so a graph costs what its
 * own triples cost. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "array.h"
#include "csto/graph_rdf.h"
#include "csto/layout.h"
#include "store_impl.h"

static const char *const store_sql[] = {
#define CSTO_STORE_SQL_TEXT(name, sql) sql,
    CSTO_STORE_SQL(CSTO_STORE_SQL_TEXT)
#undef CSTO_STORE_SQL_TEXT
};

static const char staged_sql[] =
    "CREATE TEMP TABLE IF NOT EXISTS csto_staged (graph INTEGER, own INTEGER, s INTEGER, "
    "p INTEGER, ok INTEGER, oid INTEGER, PRIMARY KEY (graph, own, s, p, ok, oid)) "
    "WITHOUT ROWID;";

static csto_status db_error(csto_store *store, const char *what, csto_error *err) {
  return csto_error_set(err, CSTO_ERR_STORE, "%s: %s: %s", store->path, what,
                        sqlite3_errmsg(store->db));
}

csto_status csto_store_prepare_writing(csto_store *store, csto_error *err) {
  if (sqlite3_exec(store->db, staged_sql, NULL, NULL, NULL) != SQLITE_OK)
    return db_error(store, "cannot prepare", err);
  for (int i = 0; i < CSTO_SQL_COUNT; i++)
    if (sqlite3_prepare_v2(store->db, store_sql[i], -1, &store->sql[i], NULL) != SQLITE_OK)
      return db_error(store, "cannot prepare", err);
  return CSTO_OK;
}

/* Statistics for sqlite's planner (which index serves a pattern), on a sample: without
 * them a lookup by subject can walk the predicate index instead. */
static const char analyze_sql[] = "PRAGMA analysis_limit = 1000; ANALYZE;";

void csto_store_finish_writing(csto_store *store) {
  csto_store_rollback(store);
  if (store->changed)
    sqlite3_exec(store->db, analyze_sql, NULL, NULL, NULL);
  for (int i = 0; i < CSTO_SQL_COUNT; i++)
    sqlite3_finalize(store->sql[i]);
  if (store->raptor)
    raptor_free_world(store->raptor);
  free(store->update);
  free(store->graph);
}

/* ---- running statements -------------------------------------------------------------- */

sqlite3_stmt *csto_store_stmt(csto_store *store, csto_store_sql which) {
  sqlite3_stmt *q = store->sql[which];
  sqlite3_reset(q);
  sqlite3_clear_bindings(q);
  return q;
}

/* Run q to the end: 0, or -1 on error. */
static int run(sqlite3_stmt *q) {
  int rc;
  while ((rc = sqlite3_step(q)) == SQLITE_ROW)
    ;
  sqlite3_reset(q);
  return rc == SQLITE_DONE ? 0 : -1;
}

/* The first column of q's first row in *id: 1 found, 0 no row, -1 error. */
static int first_id(sqlite3_stmt *q, sqlite3_int64 *id) {
  int rc = sqlite3_step(q);
  if (rc == SQLITE_ROW)
    *id = sqlite3_column_int64(q, 0);
  sqlite3_reset(q);
  return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

/* Bind an id, or NULL when the column does not apply (librdf leaves those NULL). */
static void bind_id(sqlite3_stmt *q, int column, int applies, sqlite3_int64 id) {
  if (applies)
    sqlite3_bind_int64(q, column, id);
  else
    sqlite3_bind_null(q, column);
}

static void bind_key(sqlite3_stmt *q, const csto_triple_key *k) {
  sqlite3_bind_int64(q, 1, k->s);
  sqlite3_bind_int64(q, 2, k->p);
  sqlite3_bind_int(q, 3, k->ok);
  sqlite3_bind_int64(q, 4, k->oid);
}

/* A triples row: (subjectUri, subjectBlank, predicateUri, objectUri, objectBlank,
 * objectLiteral, contextUri). */
static void bind_row(sqlite3_stmt *q, const csto_triple_key *k, sqlite3_int64 context) {
  bind_id(q, 1, k->s > 0, k->s);
  bind_id(q, 2, k->s < 0, -k->s);
  sqlite3_bind_int64(q, 3, k->p);
  bind_id(q, 4, k->ok == CSTO_TERM_URI, k->oid);
  bind_id(q, 5, k->ok == CSTO_TERM_BLANK, k->oid);
  bind_id(q, 6, k->ok == CSTO_TERM_LITERAL, k->oid);
  sqlite3_bind_int64(q, 7, context);
}

/* ---- batches ------------------------------------------------------------------------- */

/* The id of a text in a table, added when new (find: text -> id; add: insert). */
static sqlite3_int64 intern(csto_store *store, csto_store_sql find, csto_store_sql add,
                            const char *text) {
  sqlite3_int64 id;
  sqlite3_stmt *q = csto_store_stmt(store, find);
  sqlite3_bind_text(q, 1, text, -1, SQLITE_STATIC);
  int found = first_id(q, &id);
  if (found)
    return found > 0 ? id : -1;
  q = csto_store_stmt(store, add);
  sqlite3_bind_text(q, 1, text, -1, SQLITE_STATIC);
  return run(q) ? -1 : sqlite3_last_insert_rowid(store->db);
}

sqlite3_int64 csto_store_uri_id(csto_store *store, const char *uri) {
  return intern(store, CSTO_SQL_FIND_URI, CSTO_SQL_ADD_URI, uri);
}

csto_status csto_store_begin(csto_store *store, csto_error *err) {
  if (!store->db || store->in_batch)
    return csto_error_set(err, CSTO_ERR_USAGE, "%s: %s", store->path,
                          store->db ? "a batch is already open" : "opened for reading");
  if (sqlite3_exec(store->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
    return db_error(store, "cannot start a transaction", err);
  store->in_batch = 1;
  store->merged = csto_store_uri_id(store, CSTO_GRAPH_MERGED);
  store->links = csto_store_uri_id(store, CSTO_GRAPH_LINKS);
  if (store->merged < 0 || store->links < 0) {
    csto_status st = db_error(store, "cannot write", err);
    csto_store_rollback(store);
    return st;
  }
  return CSTO_OK;
}

csto_status csto_store_commit(csto_store *store, csto_error *err) {
  if (!store->in_batch)
    return csto_error_set(err, CSTO_ERR_USAGE, "%s: no batch to commit", store->path);
  if (sqlite3_exec(store->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
    csto_status st = db_error(store, "cannot commit", err);
    csto_store_rollback(store);
    return st;
  }
  store->in_batch = 0;
  store->changed = 1;
  return CSTO_OK;
}

void csto_store_rollback(csto_store *store) {
  if (!store->in_batch)
    return;
  sqlite3_exec(store->db, "ROLLBACK", NULL, NULL, NULL);
  store->in_batch = 0;
  free(store->update); /* the copy must not hear of what did not happen */
  store->update = NULL;
  store->update_len = 0;
  store->update_failed = 0;
}

/* ---- staging a graph ----------------------------------------------------------------- */

static int unstage(csto_store *store);

csto_status csto_store_graph_begin(csto_store *store, const char *graph, csto_error *err) {
  if (!store->in_batch)
    return csto_error_set(err, CSTO_ERR_USAGE, "%s: put a graph inside a batch", store->path);
  if (strcmp(graph, CSTO_GRAPH_MERGED) == 0 || strcmp(graph, CSTO_GRAPH_LINKS) == 0)
    return csto_error_set(err, CSTO_ERR_USAGE,
                          "<%s> is the store's own %s: load the articles instead", graph,
                          strcmp(graph, CSTO_GRAPH_MERGED) == 0 ? "merged graph"
                                                                : "support of its links");
  free(store->graph);
  store->graph = strdup(graph);
  if (!store->graph)
    return csto_error_set(err, CSTO_ERR_NOMEM, "out of memory");
  store->graph_id = csto_store_uri_id(store, graph);
  return store->graph_id < 0 || unstage(store) ? db_error(store, "cannot write", err) : CSTO_OK;
}

/* Forget what is staged for the current graph. */
static int unstage(csto_store *store) {
  sqlite3_stmt *q = csto_store_stmt(store, CSTO_SQL_UNSTAGE);
  sqlite3_bind_int64(q, 1, store->graph_id);
  return run(q);
}

/* A blank node's label, made distinct per graph (raptor numbers them per parse). */
static sqlite3_int64 blank_id(csto_store *store, const char *label) {
  size_t n = strlen(label) + 32;
  char *text = malloc(n);
  if (!text)
    return -1;
  snprintf(text, n, "g%lld_%s", (long long)store->graph_id, label);
  sqlite3_int64 id = intern(store, CSTO_SQL_FIND_BLANK, CSTO_SQL_ADD_BLANK, text);
  free(text);
  return id;
}

static sqlite3_int64 literal_id(csto_store *store, const raptor_term *t) {
  const raptor_term_literal_value *lit = &t->value.literal;
  sqlite3_int64 datatype = 0, id;
  if (lit->datatype &&
      (datatype = csto_store_uri_id(store, (const char *)raptor_uri_as_string(lit->datatype))) < 0)
    return -1;
  for (csto_store_sql which = CSTO_SQL_FIND_LITERAL;; which = CSTO_SQL_ADD_LITERAL) {
    sqlite3_stmt *q = csto_store_stmt(store, which);
    sqlite3_bind_text(q, 1, (const char *)lit->string, (int)lit->string_len, SQLITE_STATIC);
    if (lit->language)
      sqlite3_bind_text(q, 2, (const char *)lit->language, (int)lit->language_len,
                        SQLITE_STATIC);
    bind_id(q, 3, lit->datatype != NULL, datatype);
    if (which == CSTO_SQL_ADD_LITERAL)
      return run(q) ? -1 : sqlite3_last_insert_rowid(store->db);
    int found = first_id(q, &id);
    if (found)
      return found > 0 ? id : -1;
  }
}

/* A term's id and kind. */
static sqlite3_int64 term_id(csto_store *store, const raptor_term *t, int *kind) {
  switch (t->type) {
  case RAPTOR_TERM_TYPE_URI:
    *kind = CSTO_TERM_URI;
    return csto_store_uri_id(store, (const char *)raptor_uri_as_string(t->value.uri));
  case RAPTOR_TERM_TYPE_BLANK:
    *kind = CSTO_TERM_BLANK;
    return blank_id(store, (const char *)t->value.blank.string);
  case RAPTOR_TERM_TYPE_LITERAL:
    *kind = CSTO_TERM_LITERAL;
    return literal_id(store, t);
  default:
    return -1;
  }
}

csto_status csto_store_graph_add(csto_store *store, const raptor_statement *st,
                                 csto_error *err) {
  csto_triple_key k;
  int subject_kind, predicate_kind;
  sqlite3_int64 s = term_id(store, st->subject, &subject_kind);
  k.p = term_id(store, st->predicate, &predicate_kind);
  k.oid = term_id(store, st->object, &k.ok);
  if (s < 0 || k.p < 0 || k.oid < 0 || subject_kind == CSTO_TERM_LITERAL ||
      predicate_kind != CSTO_TERM_URI)
    return db_error(store, "cannot store a statement", err);
  k.s = subject_kind == CSTO_TERM_URI ? s : -s;
  const char *subject = subject_kind == CSTO_TERM_URI
                            ? (const char *)raptor_uri_as_string(st->subject->value.uri)
                            : NULL;
  sqlite3_stmt *q = csto_store_stmt(store, CSTO_SQL_STAGE);
  sqlite3_bind_int64(q, 1, store->graph_id);
  sqlite3_bind_int(q, 2, !csto_layout_merges(store->graph, subject));
  sqlite3_bind_int64(q, 3, k.s);
  sqlite3_bind_int64(q, 4, k.p);
  sqlite3_bind_int(q, 5, k.ok);
  sqlite3_bind_int64(q, 6, k.oid);
  return run(q) ? db_error(store, "cannot stage a statement", err) : CSTO_OK;
}

/* ---- applying a staged graph --------------------------------------------------------- */

/* The keys q selects (columns s, p, ok, oid), gathered before the tables change. */
static int select_keys(sqlite3_stmt *q, csto_key_list *out) {
  int rc;
  while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
    if (csto_array_reserve((void **)&out->items, &out->cap, out->n, sizeof *out->items)) {
      sqlite3_reset(q);
      return -1;
    }
    out->items[out->n++] = (csto_triple_key){sqlite3_column_int64(q, 0),
                                             sqlite3_column_int64(q, 1),
                                             sqlite3_column_int64(q, 3),
                                             sqlite3_column_int(q, 2)};
  }
  sqlite3_reset(q);
  return rc == SQLITE_DONE ? 0 : -1;
}

static int supported(csto_store *store, const csto_triple_key *k) {
  sqlite3_int64 one;
  sqlite3_stmt *q = csto_store_stmt(store, CSTO_SQL_SUPPORTED);
  bind_key(q, k);
  return first_id(q, &one);
}

static int change_support(csto_store *store, csto_store_sql which, const csto_triple_key *k,
                          sqlite3_int64 graph) {
  sqlite3_stmt *q = csto_store_stmt(store, which);
  bind_key(q, k);
  sqlite3_bind_int64(q, 5, graph);
  return run(q);
}

static int change_triple(csto_store *store, csto_store_sql which, const csto_triple_key *k,
                         sqlite3_int64 context) {
  sqlite3_stmt *q = csto_store_stmt(store, which);
  bind_row(q, k, context);
  return run(q);
}

/* graph no longer states these: drop its support; the last support takes the triple out
 * of the merged graph. Those are listed in gone. */
static int withdraw(csto_store *store, sqlite3_int64 graph, const csto_key_list *stale,
                    csto_key_list *gone) {
  for (size_t i = 0; i < stale->n; i++) {
    const csto_triple_key *k = &stale->items[i];
    int still;
    if (change_support(store, CSTO_SQL_DROP_SUPPORT, k, graph) ||
        (still = supported(store, k)) < 0)
      return -1;
    if (still)
      continue;
    if (change_triple(store, CSTO_SQL_DROP_TRIPLE, k, store->merged) ||
        csto_array_reserve((void **)&gone->items, &gone->cap, gone->n, sizeof *gone->items))
      return -1;
    gone->items[gone->n++] = *k;
  }
  return 0;
}

/* graph now states these: add its support; a triple nobody stated enters the merged
 * graph. Those are listed in arrived. */
static int assert_fresh(csto_store *store, sqlite3_int64 graph, const csto_key_list *fresh,
                        csto_key_list *arrived) {
  for (size_t i = 0; i < fresh->n; i++) {
    const csto_triple_key *k = &fresh->items[i];
    int known = supported(store, k);
    if (known < 0 || change_support(store, CSTO_SQL_ADD_SUPPORT, k, graph))
      return -1;
    if (known)
      continue;
    if (change_triple(store, CSTO_SQL_ADD_TRIPLE, k, store->merged) ||
        csto_array_reserve((void **)&arrived->items, &arrived->cap, arrived->n,
                           sizeof *arrived->items))
      return -1;
    arrived->items[arrived->n++] = *k;
  }
  return 0;
}

static int replace_own(csto_store *store, const csto_key_list *own) {
  sqlite3_stmt *q = csto_store_stmt(store, CSTO_SQL_DROP_CONTEXT);
  sqlite3_bind_int64(q, 1, store->graph_id);
  if (run(q))
    return -1;
  for (size_t i = 0; i < own->n; i++)
    if (change_triple(store, CSTO_SQL_ADD_TRIPLE, &own->items[i], store->graph_id))
      return -1;
  return 0;
}

typedef struct {
  csto_key_list stale, fresh, own, gone, arrived;
  csto_key_list unlink, link; /* derived owl:sameAs links (store_link.c) */
} graph_change;

static void graph_change_free(graph_change *c) {
  csto_key_list *lists[] = {&c->stale, &c->fresh, &c->own, &c->gone, &c->arrived,
                            &c->unlink, &c->link};
  for (size_t i = 0; i < sizeof lists / sizeof lists[0]; i++)
    free(lists[i]->items);
}

static int gather(csto_store *store, graph_change *c) {
  sqlite3_stmt *stale = csto_store_stmt(store, CSTO_SQL_STALE);
  sqlite3_stmt *fresh = csto_store_stmt(store, CSTO_SQL_FRESH);
  sqlite3_bind_int64(stale, 1, store->graph_id);
  sqlite3_bind_int64(fresh, 1, store->graph_id);
  sqlite3_stmt *own = csto_store_stmt(store, CSTO_SQL_OWN);
  sqlite3_bind_int64(own, 1, store->graph_id);
  return select_keys(stale, &c->stale) || select_keys(fresh, &c->fresh) ||
         select_keys(own, &c->own);
}

/* csto_graphs lists the graph and the merged graph exactly when they hold triples. */
static int relist(csto_store *store, sqlite3_int64 graph) {
  sqlite3_stmt *q = csto_store_stmt(store, CSTO_SQL_UNLIST_GRAPH);
  sqlite3_bind_int64(q, 1, graph);
  if (run(q))
    return -1;
  q = csto_store_stmt(store, CSTO_SQL_LIST_GRAPH);
  sqlite3_bind_int64(q, 1, graph);
  return run(q);
}

static int count_staged(csto_store *store, csto_store_counts *counts) {
  sqlite3_stmt *q = csto_store_stmt(store, CSTO_SQL_COUNT_STAGED);
  sqlite3_bind_int64(q, 1, store->graph_id);
  if (sqlite3_step(q) != SQLITE_ROW) {
    sqlite3_reset(q);
    return -1;
  }
  counts->triples = sqlite3_column_int64(q, 0);
  counts->own = (long)sqlite3_column_double(q, 1);
  sqlite3_reset(q);
  return 0;
}

static void journal_graph(csto_store *store, const graph_change *c);

csto_status csto_store_graph_end(csto_store *store, csto_store_counts *counts,
                                 csto_error *err) {
  csto_store_counts n = {0, 0, 0, 0, 0};
  graph_change c;
  memset(&c, 0, sizeof c);
  sqlite3_int64 g = store->graph_id;
  int failed = count_staged(store, &n) || gather(store, &c) || replace_own(store, &c.own) ||
               withdraw(store, g, &c.stale, &c.gone) ||
               assert_fresh(store, g, &c.fresh, &c.arrived) ||
               csto_store_relink(store, &c.stale, &c.fresh, &c.unlink, &c.link, &n.ambiguous) ||
               withdraw(store, store->links, &c.unlink, &c.gone) ||
               assert_fresh(store, store->links, &c.link, &c.arrived) || unstage(store) ||
               relist(store, g) || relist(store, store->merged);
  if (!failed && store->journal)
    journal_graph(store, &c);
  n.added = (long)c.arrived.n;
  n.removed = (long)c.gone.n;
  graph_change_free(&c);
  if (failed)
    return db_error(store, "cannot store the graph", err);
  if (counts)
    *counts = n;
  return CSTO_OK;
}

static csto_status put_statement(void *user, const raptor_statement *st, csto_error *err) {
  return csto_store_graph_add(user, st, err);
}

csto_status csto_store_put_graph(csto_store *store, const char *iri, csto_graph *graph,
                                 csto_store_counts *counts, csto_error *err) {
  csto_status st = csto_store_graph_begin(store, iri, err);
  if (st == CSTO_OK)
    st = csto_graph_drain(graph, put_statement, store, err);
  return st == CSTO_OK ? csto_store_graph_end(store, counts, err) : st;
}

csto_status csto_store_delete_graph(csto_store *store, const char *graph,
                                    csto_store_counts *counts, csto_error *err) {
  csto_status st = csto_store_graph_begin(store, graph, err);
  if (st != CSTO_OK)
    return st;
  sqlite3_int64 held = 0;
  sqlite3_stmt *q = csto_store_stmt(store, CSTO_SQL_HOLDS_GRAPH);
  sqlite3_bind_int64(q, 1, store->graph_id);
  if (first_id(q, &held) < 0)
    return db_error(store, "cannot read", err);
  if (held == 0)
    return csto_error_set(err, CSTO_ERR_USAGE, "%s: holds no graph <%s>", store->path, graph);
  st = csto_store_graph_end(store, counts, err);
  if (st == CSTO_OK && counts)
    counts->triples = (long)held; /* what the graph held, not what it holds now (none) */
  return st;
}

/* ---- loading a graph file ------------------------------------------------------------ */

/* A file streams into the staging table, each statement under its graph; then each graph
 * is applied. So a file of any size holds in memory only the names of its graphs. */
typedef struct {
  csto_store *store;
  char **graphs; /* in the order they first came */
  sqlite3_int64 *ids;
  size_t n, cap;
} file_graphs;

static void file_graphs_free(file_graphs *f) {
  for (size_t i = 0; i < f->n; i++)
    free(f->graphs[i]);
  free(f->graphs);
  free(f->ids);
}

/* Make graph the current one (the last one usually is already), noting it when new. */
static csto_status switch_graph(file_graphs *f, const char *graph, csto_error *err) {
  csto_store *store = f->store;
  if (store->graph && strcmp(store->graph, graph) == 0)
    return CSTO_OK;
  for (size_t i = 0; i < f->n; i++)
    if (strcmp(f->graphs[i], graph) == 0) { /* an earlier graph again: rare, so a scan */
      free(store->graph);
      store->graph = strdup(graph);
      store->graph_id = f->ids[i];
      return store->graph ? CSTO_OK : csto_error_set(err, CSTO_ERR_NOMEM, "out of memory");
    }
  csto_status st = csto_store_graph_begin(store, graph, err);
  size_t cap = f->cap;
  if (st == CSTO_OK &&
      (csto_array_reserve((void **)&f->graphs, &cap, f->n, sizeof *f->graphs) ||
       csto_array_reserve((void **)&f->ids, &f->cap, f->n, sizeof *f->ids) ||
       !(f->graphs[f->n] = strdup(graph))))
    st = csto_error_set(err, CSTO_ERR_NOMEM, "out of memory");
  if (st == CSTO_OK)
    f->ids[f->n++] = store->graph_id;
  return st;
}

static csto_status stage_statement(void *user, const raptor_statement *st, const char *graph,
                                   csto_error *err) {
  file_graphs *f = user;
  csto_status status = switch_graph(f, graph, err);
  return status == CSTO_OK ? csto_store_graph_add(f->store, st, err) : status;
}

/* Apply every staged graph of the file; counts[i] for graph i. */
static csto_status apply_graphs(file_graphs *f, csto_store_counts *counts, csto_error *err) {
  csto_status st = CSTO_OK;
  for (size_t i = 0; st == CSTO_OK && i < f->n; i++) {
    free(f->store->graph);
    f->store->graph = strdup(f->graphs[i]);
    f->store->graph_id = f->ids[i];
    st = f->store->graph ? csto_store_graph_end(f->store, &counts[i], err)
                         : csto_error_set(err, CSTO_ERR_NOMEM, "out of memory");
  }
  return st;
}

static csto_status put_file(file_graphs *f, const char *path, csto_store_counts **counts,
                            csto_error *err) {
  csto_store *store = f->store;
  csto_status st = csto_store_begin(store, err);
  if (st == CSTO_OK)
    st = csto_query_file_each(store->ds, path, stage_statement, f, err);
  if (st == CSTO_OK && !(*counts = calloc(f->n + 1, sizeof **counts)))
    st = csto_error_set(err, CSTO_ERR_NOMEM, "out of memory");
  if (st == CSTO_OK)
    st = apply_graphs(f, *counts, err);
  if (st == CSTO_OK)
    return csto_store_commit(store, err);
  csto_store_rollback(store);
  if (err && strncmp(err->message, path, strlen(path)) != 0) {
    char why[CSTO_ERROR_MESSAGE_SIZE]; /* the store's words, after the file's name */
    snprintf(why, sizeof why, "%s", err->message);
    csto_error_set(err, st, "%s: %s", path, why);
  }
  return st;
}

csto_status csto_store_load_file(csto_store *store, const char *path,
                                 csto_store_loaded_fn on_graph, void *user, csto_error *err) {
  file_graphs f = {store, NULL, NULL, 0, 0};
  free(store->graph); /* no current graph: the file's first statement names one */
  store->graph = NULL;
  csto_store_counts *counts = NULL;
  csto_status st = put_file(&f, path, &counts, err);
  for (size_t i = 0; st == CSTO_OK && on_graph && i < f.n; i++)
    on_graph(user, path, f.graphs[i], &counts[i]);
  free(counts);
  file_graphs_free(&f);
  return st;
}

/* ---- the update for a copy ----------------------------------------------------------- */

void csto_store_set_journal(csto_store *store, int on) { store->journal = on; }

csto_status csto_store_take_update(csto_store *store, char **update, csto_error *err) {
  *update = NULL;
  if (store->update_failed) {
    store->update_failed = 0;
    free(store->update);
    store->update = NULL;
    store->update_len = 0;
    return csto_error_set(err, CSTO_ERR_STORE, "%s", store->update_error);
  }
  static const char last_separator[] = " ;\n";
  size_t n = sizeof last_separator - 1;
  if (store->update_len >= n &&
      strcmp(store->update + store->update_len - n, last_separator) == 0)
    strcpy(store->update + store->update_len - n, "\n"); /* nothing follows the last one */
  *update = store->update;
  store->update = NULL;
  store->update_len = 0;
  return CSTO_OK;
}

static void journal_fail(csto_store *store, const char *why) {
  if (!store->update_failed)
    snprintf(store->update_error, sizeof store->update_error, "%s: cannot keep the copy in "
             "step: %s", store->path, why);
  store->update_failed = 1;
}

static void append(csto_store *store, const char *text, size_t len) {
  char *grown = realloc(store->update, store->update_len + len + 1);
  if (!grown) {
    journal_fail(store, "out of memory");
    return;
  }
  memcpy(grown + store->update_len, text, len);
  store->update_len += len;
  grown[store->update_len] = '\0';
  store->update = grown;
}

static void append_text(csto_store *store, const char *text) {
  append(store, text, strlen(text));
}

/* The text of row id in q's table (first column), or NULL. Owned by the caller. */
static char *column_text(csto_store *store, csto_store_sql which, sqlite3_int64 id) {
  sqlite3_stmt *q = csto_store_stmt(store, which);
  sqlite3_bind_int64(q, 1, id);
  char *text = NULL;
  if (sqlite3_step(q) == SQLITE_ROW && sqlite3_column_text(q, 0))
    text = strdup((const char *)sqlite3_column_text(q, 0));
  sqlite3_reset(q);
  return text;
}

static raptor_term *uri_term(csto_store *store, sqlite3_int64 id) {
  char *uri = column_text(store, CSTO_SQL_URI_TEXT, id);
  raptor_term *t = uri ? raptor_new_term_from_uri_string(store->raptor,
                                                         (const unsigned char *)uri)
                       : NULL;
  free(uri);
  return t;
}

static raptor_term *literal_term(csto_store *store, sqlite3_int64 id) {
  sqlite3_stmt *q = csto_store_stmt(store, CSTO_SQL_LITERAL_TEXT);
  sqlite3_bind_int64(q, 1, id);
  raptor_term *t = NULL;
  if (sqlite3_step(q) == SQLITE_ROW) {
    const unsigned char *text = sqlite3_column_text(q, 0), *lang = sqlite3_column_text(q, 1);
    const unsigned char *type = sqlite3_column_text(q, 2);
    raptor_uri *datatype = type ? raptor_new_uri(store->raptor, type) : NULL;
    t = raptor_new_term_from_counted_literal(
        store->raptor, text ? text : (const unsigned char *)"",
        (size_t)sqlite3_column_bytes(q, 0), datatype, lang,
        lang ? (unsigned char)sqlite3_column_bytes(q, 1) : 0);
    if (datatype)
      raptor_free_uri(datatype);
  }
  sqlite3_reset(q);
  return t;
}

/* The N-Triples of keys (raptor's serializer), or NULL after journal_fail. */
static char *ntriples(csto_store *store, const csto_key_list *keys) {
  void *text = NULL;
  size_t len = 0;
  raptor_iostream *io = raptor_new_iostream_to_string(store->raptor, &text, &len, malloc);
  raptor_serializer *ser = raptor_new_serializer(store->raptor, "ntriples");
  int failed = !io || !ser || raptor_serializer_start_to_iostream(ser, NULL, io);
  for (size_t i = 0; !failed && i < keys->n; i++) {
    const csto_triple_key *k = &keys->items[i];
    raptor_statement st;
    raptor_statement_init(&st, store->raptor);
    st.subject = k->s > 0 ? uri_term(store, k->s) : NULL;
    st.predicate = uri_term(store, k->p);
    st.object = k->ok == CSTO_TERM_URI ? uri_term(store, k->oid)
                : k->ok == CSTO_TERM_LITERAL ? literal_term(store, k->oid) : NULL;
    failed = !st.subject || !st.predicate || !st.object ||
             raptor_serializer_serialize_statement(ser, &st);
    raptor_statement_clear(&st);
  }
  if (ser && !failed)
    raptor_serializer_serialize_end(ser);
  if (ser)
    raptor_free_serializer(ser);
  if (io)
    raptor_free_iostream(io); /* fills text */
  if (failed) {
    free(text);
    journal_fail(store, "a blank node cannot be named in an update");
    return NULL;
  }
  return text;
}

/* "<iri>" as N-Triples writes it. */
static char *iri_text(csto_store *store, const char *iri) {
  raptor_term *t = raptor_new_term_from_uri_string(store->raptor, (const unsigned char *)iri);
  char *text = t ? (char *)raptor_term_to_string(t) : NULL;
  if (t)
    raptor_free_term(t);
  return text;
}

/* "OPERATION { GRAPH <g> { triples } } ;" when there are triples. */
static void append_data(csto_store *store, const char *operation, const char *graph,
                        const csto_key_list *keys) {
  char *body = keys->n ? ntriples(store, keys) : NULL;
  if (!body)
    return;
  append_text(store, operation);
  append_text(store, " { GRAPH ");
  append_text(store, graph);
  append_text(store, " {\n");
  append_text(store, body);
  append_text(store, "} } ;\n");
  free(body);
}

static void journal_graph(csto_store *store, const graph_change *c) {
  if (!store->raptor && !(store->raptor = raptor_new_world())) {
    journal_fail(store, "out of memory");
    return;
  }
  char *graph = iri_text(store, store->graph), *merged = iri_text(store, CSTO_GRAPH_MERGED);
  if (graph && merged) {
    append_text(store, "DROP SILENT GRAPH ");
    append_text(store, graph);
    append_text(store, " ;\n");
    append_data(store, "INSERT DATA", graph, &c->own);
    append_data(store, "DELETE DATA", merged, &c->gone);
    append_data(store, "INSERT DATA", merged, &c->arrived);
  } else {
    journal_fail(store, "out of memory");
  }
  raptor_free_memory(graph);
  raptor_free_memory(merged);
}
