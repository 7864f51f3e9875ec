/* The persistent store: librdf's sqlite storage, one context per article graph. */
#include "csto/store.h"

#define _DEFAULT_SOURCE /* flock */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

struct csto_store {
  csto_dataset *ds;
  int lock; /* the open lock file, holding a shared (read) or exclusive (write) lock */
};

/* ---- one writer at a time ------------------------------------------------------------ */

/* Processes share a store through a lock file beside it (STORE.lock, made by the first
 * writer and never removed, so that two processes always lock the same file): a writer
 * holds it exclusively from open to close, readers share it. Whoever finds it taken waits, up to CSTO_STORE_WAIT_SECONDS,
 * instead of failing on sqlite's "database is locked"; creating a new store happens under
 * the lock, so two first loads cannot both create it. */
enum { CSTO_STORE_WAIT_SECONDS = 60, WAIT_STEP_MS = 50 };

static csto_status lock_store(const char *path, csto_store_mode mode, int *fd,
                              csto_error *err) {
  char *lock_path = malloc(strlen(path) + sizeof ".lock");
  if (!lock_path)
    return csto_error_set(err, CSTO_ERR_NOMEM, "out of memory");
  sprintf(lock_path, "%s.lock", path);
  /* A reader creates nothing: no lock file means no writer yet (or a copied store). */
  *fd = mode == CSTO_STORE_WRITE ? open(lock_path, O_RDWR | O_CREAT | O_CLOEXEC, 0666)
                                 : open(lock_path, O_RDONLY | O_CLOEXEC);
  free(lock_path);
  if (*fd < 0 && mode == CSTO_STORE_READ)
    return CSTO_OK;
  if (*fd < 0)
    return csto_error_set(err, CSTO_ERR_STORE, "%s.lock: %s", path, strerror(errno));
  int how = (mode == CSTO_STORE_WRITE ? LOCK_EX : LOCK_SH) | LOCK_NB;
  const struct timespec step = {0, WAIT_STEP_MS * 1000000L};
  for (long waited = 0; flock(*fd, how) != 0; waited += WAIT_STEP_MS) {
    if (errno != EWOULDBLOCK || waited >= CSTO_STORE_WAIT_SECONDS * 1000L) {
      csto_status st = csto_error_set(err, CSTO_ERR_STORE,
                                      "%s: busy: another process held it for %d s",
                                      path, CSTO_STORE_WAIT_SECONDS);
      close(*fd);
      *fd = -1;
      return st;
    }
    nanosleep(&step, NULL);
  }
  return CSTO_OK;
}

static void unlock_store(int fd) {
  if (fd >= 0)
    close(fd); /* closing releases the lock */
}

/* The indexes librdf's schema lacks; see store.h. */
static const char index_sql[] =
    "CREATE INDEX IF NOT EXISTS csto_literal_text ON literals (text);"
    "CREATE INDEX IF NOT EXISTS csto_triple_context "
    "ON triples (contextUri, subjectUri, predicateUri);";

/* The tables every librdf sqlite store has. */
static const char schema_sql[] =
    "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND "
    "name IN ('uris', 'blanks', 'literals', 'triples');";

static csto_status sqlite_error(sqlite3 *db, const char *path, const char *what,
                                csto_error *err) {
  csto_status st = csto_error_set(err, CSTO_ERR_STORE, "%s: %s: %s", path, what,
                                  db ? sqlite3_errmsg(db) : "out of memory");
  sqlite3_close(db);
  return st;
}

static int count_callback(void *user, int columns, char **values, char **names) {
  (void)names;
  if (columns > 0 && values[0])
    *(int *)user = atoi(values[0]);
  return 0;
}

/* Check that path holds librdf's tables; with `index`, also add the missing indexes. */
static csto_status check_schema(const char *path, int index, csto_error *err) {
  sqlite3 *db = NULL;
  int flags = index ? SQLITE_OPEN_READWRITE : SQLITE_OPEN_READONLY;
  if (sqlite3_open_v2(path, &db, flags, NULL) != SQLITE_OK)
    return sqlite_error(db, path, "cannot open", err);
  int tables = 0;
  if (sqlite3_exec(db, schema_sql, count_callback, &tables, NULL) != SQLITE_OK)
    return sqlite_error(db, path, "not an SQLite store", err);
  if (tables != 4) {
    sqlite3_close(db);
    return csto_error_set(err, CSTO_ERR_STORE, "%s: not a csto-kg store (no librdf tables)",
                          path);
  }
  if (index && sqlite3_exec(db, index_sql, NULL, NULL, NULL) != SQLITE_OK)
    return sqlite_error(db, path, "cannot create the indexes", err);
  sqlite3_close(db);
  return CSTO_OK;
}

/* Create librdf's schema at path (which must not exist: new='yes' wipes a file). */
static csto_status create_store(const char *path, csto_error *err) {
  csto_dataset *ds = NULL;
  csto_status st = csto_query_dataset_open("sqlite", path, "new='yes'", &ds, err);
  csto_query_dataset_free(ds);
  return st;
}

/* 1: the file exists and is not empty, 0: it does not (or is empty), -1: error. */
static int has_data(const char *path, csto_error *err) {
  struct stat sb;
  if (stat(path, &sb) == 0)
    return sb.st_size > 0;
  if (errno == ENOENT)
    return 0;
  csto_error_set(err, CSTO_ERR_STORE, "%s: %s", path, strerror(errno));
  return -1;
}

static csto_status prepare(const char *path, csto_store_mode mode, csto_error *err) {
  int exists = has_data(path, err);
  if (exists < 0)
    return CSTO_ERR_STORE;
  if (!exists && mode == CSTO_STORE_READ)
    return csto_error_set(err, CSTO_ERR_STORE, "%s: no such store", path);
  if (!exists) {
    csto_status st = create_store(path, err);
    if (st != CSTO_OK)
      return st;
  }
  return check_schema(path, mode == CSTO_STORE_WRITE, err);
}

csto_status csto_store_open(const char *path, csto_store_mode mode, csto_store **out,
                            csto_error *err) {
  if (!path || !*path)
    return csto_error_set(err, CSTO_ERR_USAGE, "no store path");
  csto_store *store = calloc(1, sizeof *store);
  if (!store)
    return csto_error_set(err, CSTO_ERR_NOMEM, "out of memory");
  store->lock = -1;
  csto_status st = lock_store(path, mode, &store->lock, err);
  if (st == CSTO_OK)
    st = prepare(path, mode, err);
  if (st == CSTO_OK)
    st = csto_query_dataset_open("sqlite", path, NULL, &store->ds, err);
  if (st != CSTO_OK) {
    csto_store_close(store);
    return st;
  }
  *out = store;
  return CSTO_OK;
}

void csto_store_close(csto_store *store) {
  if (!store)
    return;
  csto_query_dataset_free(store->ds);
  unlock_store(store->lock);
  free(store);
}

csto_dataset *csto_store_dataset(csto_store *store) { return store->ds; }

/* ---- loading ------------------------------------------------------------------------- */

static const char *store_log(csto_store *store) {
  const char *msg = csto_query_dataset_log_error(store->ds);
  return msg ? msg : "librdf failed";
}

/* Replace graph i of f: remove its context from the store, add the file's statements. */
static int replace_graph(csto_store *store, csto_query_file *f, size_t i) {
  librdf_world *w = csto_query_dataset_world(store->ds);
  librdf_model *m = csto_query_dataset_model(store->ds);
  librdf_node *ctx = librdf_new_node_from_uri_string(
      w, (const unsigned char *)csto_query_file_graph_iri(f, i));
  librdf_stream *s = csto_query_file_graph_stream(f, i);
  int rc = !ctx || !s || librdf_model_context_remove_statements(m, ctx) ||
           librdf_model_context_add_statements(m, ctx, s);
  if (s)
    librdf_free_stream(s);
  if (ctx)
    librdf_free_node(ctx);
  return rc;
}

static csto_status replace_graphs(csto_store *store, csto_query_file *f, const char *path,
                                  csto_error *err) {
  librdf_model *m = csto_query_dataset_model(store->ds);
  csto_query_dataset_log_reset(store->ds);
  if (librdf_model_transaction_start(m))
    return csto_error_set(err, CSTO_ERR_STORE, "%s: cannot start a transaction: %s", path,
                          store_log(store));
  for (size_t i = 0; i < csto_query_file_graph_count(f); i++) {
    if (replace_graph(store, f, i)) {
      csto_status st = csto_error_set(err, CSTO_ERR_STORE, "%s: cannot store graph <%s>: %s",
                                      path, csto_query_file_graph_iri(f, i), store_log(store));
      librdf_model_transaction_rollback(m);
      return st;
    }
  }
  if (librdf_model_transaction_commit(m)) {
    csto_status st = csto_error_set(err, CSTO_ERR_STORE, "%s: cannot commit: %s", path,
                                    store_log(store));
    librdf_model_transaction_rollback(m);
    return st;
  }
  return CSTO_OK;
}

csto_status csto_store_load_file(csto_store *store, const char *path,
                                 csto_store_loaded_fn on_graph, void *user, long *triples,
                                 csto_error *err) {
  csto_query_file *f = NULL;
  csto_status st = csto_query_file_read(store->ds, path, &f, err);
  if (st == CSTO_OK)
    st = replace_graphs(store, f, path, err);
  if (st == CSTO_OK && triples)
    *triples = csto_query_file_triples(f);
  for (size_t i = 0; st == CSTO_OK && on_graph && i < csto_query_file_graph_count(f); i++)
    on_graph(user, path, csto_query_file_graph_iri(f, i), csto_query_file_graph_triples(f, i));
  csto_query_file_free(f);
  return st;
}

csto_status csto_store_size(csto_store *store, long *size, csto_error *err) {
  csto_query_dataset_log_reset(store->ds);
  int n = librdf_model_size(csto_query_dataset_model(store->ds));
  if (n < 0)
    return csto_error_set(err, CSTO_ERR_STORE, "cannot count the store: %s", store_log(store));
  *size = n;
  return CSTO_OK;
}

csto_status csto_store_query(csto_store *store, const char *sparql,
                             const csto_query_options *opt, FILE *out,
                             csto_query_outcome *outcome, csto_error *err) {
  return csto_query_run(store->ds, sparql, opt, out, outcome, err);
}
