/* The persistent store: opening, locking, the schema, reading (see store.h). Writing
 * is store_put.c. */
#define _DEFAULT_SOURCE /* flock */
#include "csto/store.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "csto/layout.h"
#include "store_impl.h"

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


/* ---- the schema ---------------------------------------------------------------------- */

/* librdf's own tables and indexes, as its sqlite storage creates them (rdf_storage_sqlite.c),
 * so that librdf reads what csto-kg writes. */
static const char librdf_schema_sql[] =
    "CREATE TABLE uris (id INTEGER PRIMARY KEY, uri TEXT);"
    "CREATE TABLE blanks (id INTEGER PRIMARY KEY, blank TEXT);"
    "CREATE TABLE literals (id INTEGER PRIMARY KEY, text TEXT, language TEXT, "
    "datatype INTEGER);"
    "CREATE TABLE triples (subjectUri INTEGER, subjectBlank INTEGER, predicateUri INTEGER, "
    "objectUri INTEGER, objectBlank INTEGER, objectLiteral INTEGER, contextUri INTEGER);"
    "CREATE INDEX spindex ON triples (subjectUri, subjectBlank, predicateUri);"
    "CREATE INDEX uriindex ON uris (uri);";

/* csto-kg's additions: which graphs state each merged triple, the graphs that hold
 * triples, and the indexes. The schema version (PRAGMA user_version) says the store has
 * the merged layout. */
#define SCHEMA_VERSION 2
#define TEXT_OF(x) #x
#define NUMBER_TEXT(x) TEXT_OF(x)
static const char csto_schema_sql[] =
    "CREATE TABLE IF NOT EXISTS csto_support (s INTEGER NOT NULL, p INTEGER NOT NULL, "
    "ok INTEGER NOT NULL, oid INTEGER NOT NULL, graph INTEGER NOT NULL, "
    "PRIMARY KEY (s, p, ok, oid, graph)) WITHOUT ROWID;"
    "CREATE INDEX IF NOT EXISTS csto_support_graph ON csto_support (graph);"
    "CREATE TABLE IF NOT EXISTS csto_graphs (id INTEGER PRIMARY KEY);"
    "CREATE INDEX IF NOT EXISTS csto_literal_text ON literals (text);"
    "CREATE INDEX IF NOT EXISTS csto_blank_label ON blanks (blank);"
    "CREATE INDEX IF NOT EXISTS csto_triple_context ON triples (contextUri, subjectUri, "
    "predicateUri);"
    "CREATE INDEX IF NOT EXISTS csto_triple_predicate ON triples (predicateUri, objectUri);"
    "CREATE INDEX IF NOT EXISTS csto_triple_object ON triples (objectUri);"
    "CREATE INDEX IF NOT EXISTS csto_triple_literal ON triples (objectLiteral);"
    "PRAGMA user_version = " NUMBER_TEXT(SCHEMA_VERSION) ";";

/* The tables every csto-kg store has, and its schema version. */
static const char check_sql[] =
    "SELECT (SELECT count(*) FROM sqlite_master WHERE type = 'table' AND "
    "name IN ('uris', 'blanks', 'literals', 'triples', 'csto_support', 'csto_graphs')), "
    "(SELECT user_version FROM pragma_user_version);";

static csto_status sqlite_error(sqlite3 *db, const char *path, const char *what,
                                csto_error *err) {
  return csto_error_set(err, CSTO_ERR_STORE, "%s: %s: %s", path, what,
                        db ? sqlite3_errmsg(db) : "out of memory");
}

/* Check that db is a csto-kg store of this version. */
static csto_status check_schema(sqlite3 *db, const char *path, csto_error *err) {
  sqlite3_stmt *q = NULL;
  if (sqlite3_prepare_v2(db, check_sql, -1, &q, NULL) != SQLITE_OK ||
      sqlite3_step(q) != SQLITE_ROW) {
    sqlite3_finalize(q);
    return sqlite_error(db, path, "not an SQLite store", err);
  }
  int tables = sqlite3_column_int(q, 0), version = sqlite3_column_int(q, 1);
  sqlite3_finalize(q);
  if (tables == 4 && version < SCHEMA_VERSION)
    return csto_error_set(err, CSTO_ERR_STORE,
                          "%s: made by an older csto-kg (one graph per article, no merged "
                          "graph): load its articles into a new store", path);
  if (tables != 6 || version != SCHEMA_VERSION)
    return csto_error_set(err, CSTO_ERR_STORE, "%s: not a csto-kg store", path);
  return CSTO_OK;
}

/* Create the schema in the empty database db, in one transaction. */
static csto_status create_schema(sqlite3 *db, const char *path, csto_error *err) {
  if (sqlite3_exec(db, "BEGIN", NULL, NULL, NULL) != SQLITE_OK ||
      sqlite3_exec(db, librdf_schema_sql, NULL, NULL, NULL) != SQLITE_OK ||
      sqlite3_exec(db, csto_schema_sql, NULL, NULL, NULL) != SQLITE_OK ||
      sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
    csto_status st = sqlite_error(db, path, "cannot create the store", err);
    sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
    return st;
  }
  return CSTO_OK;
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

/* Wait for a busy database instead of failing; read pages through a memory map and keep
 * more of them (rasqal looks a pattern up once per row of the patterns before it). */
static void tune(sqlite3 *db) {
  sqlite3_busy_timeout(db, CSTO_STORE_WAIT_SECONDS * 1000);
  sqlite3_exec(db, "PRAGMA mmap_size = 1073741824; PRAGMA cache_size = -65536;", NULL, NULL,
               NULL);
}

/* Open csto-kg's own connection (write mode), creating the store when it is not there. */
static csto_status open_db(csto_store *store, csto_error *err) {
  int exists = has_data(store->path, err);
  if (exists < 0)
    return CSTO_ERR_STORE;
  int flags = SQLITE_OPEN_READWRITE | (exists ? 0 : SQLITE_OPEN_CREATE);
  if (sqlite3_open_v2(store->path, &store->db, flags, NULL) != SQLITE_OK)
    return sqlite_error(store->db, store->path, "cannot open", err);
  tune(store->db);
  csto_status st = exists ? CSTO_OK : create_schema(store->db, store->path, err);
  if (st == CSTO_OK)
    st = check_schema(store->db, store->path, err);
  return st;
}

/* Read mode: the store must exist and be one. */
static csto_status open_readonly(csto_store *store, csto_error *err) {
  int exists = has_data(store->path, err);
  if (exists < 0)
    return CSTO_ERR_STORE;
  if (!exists)
    return csto_error_set(err, CSTO_ERR_STORE, "%s: no such store", store->path);
  if (sqlite3_open_v2(store->path, &store->db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    return sqlite_error(store->db, store->path, "cannot open", err);
  tune(store->db);
  return check_schema(store->db, store->path, err);
}

/* ---- opening and closing ------------------------------------------------------------- */

csto_status csto_store_open(csto_world *w, const char *path, csto_store_mode mode,
                            csto_store **out, csto_error *err) {
  if (!path || !*path)
    return csto_error_set(err, CSTO_ERR_USAGE, "no store path");
  csto_store *store = calloc(1, sizeof *store);
  if (!store || !(store->path = strdup(path))) {
    free(store);
    return csto_error_set(err, CSTO_ERR_NOMEM, "out of memory");
  }
  store->lock = -1;
  csto_status st = lock_store(path, mode, &store->lock, err);
  if (st == CSTO_OK)
    st = mode == CSTO_STORE_WRITE ? open_db(store, err) : open_readonly(store, err);
  /* The store's queries run over a dataset whose model stays empty: its source reads
   * the store (store_source.c), so librdf's sqlite storage is not needed. Writing parses
   * graph files in the dataset's world. */
  if (st == CSTO_OK)
    st = csto_query_dataset_new(w, &store->ds, err);
  if (st == CSTO_OK)
    st = csto_store_source_install(store, err);
  if (st == CSTO_OK && mode == CSTO_STORE_WRITE)
    st = csto_store_prepare_writing(store, err);
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
  if (store->sql[0])
    csto_store_finish_writing(store);
  csto_query_dataset_free(store->ds);
  csto_store_source_free(store->source);
  sqlite3_close(store->db);
  unlock_store(store->lock);
  free(store->path);
  free(store);
}

csto_dataset *csto_store_dataset(csto_store *store) { return store->ds; }

/* ---- reading ------------------------------------------------------------------------- */

csto_status csto_store_size(csto_store *store, long *size, csto_error *err) {
  sqlite3_stmt *q = NULL;
  int rc = sqlite3_prepare_v2(store->db, "SELECT count(*) FROM triples", -1, &q, NULL);
  if (rc == SQLITE_OK && (rc = sqlite3_step(q)) == SQLITE_ROW)
    *size = (long)sqlite3_column_int64(q, 0);
  sqlite3_finalize(q);
  if (rc != SQLITE_ROW)
    return sqlite_error(store->db, store->path, "cannot count the store", err);
  return CSTO_OK;
}

csto_status csto_store_query(csto_store *store, const char *sparql,
                             const csto_query_options *opt, FILE *out,
                             csto_query_outcome *outcome, csto_error *err) {
  return csto_query_run(store->ds, sparql, opt, out, outcome, err);
}
