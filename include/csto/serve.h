/* csto-kg: a private Virtuoso serving a store (Debian's virtuoso-opensource: virtuoso-t,
 * isql-vt), for all of SPARQL 1.1 over HTTP (endpoint.h) beside the embedded engine.
 *
 * csto_serve_start writes a Virtuoso database in DIR (default STORE.virtuoso; its earlier
 * database there is replaced, so the copy starts equal to the store), listening on
 * 127.0.0.1 only, starts virtuoso-t, waits until /sparql answers, bulk-loads the whole
 * store (dumped as N-Quads: every statement in its graph) with Virtuoso's bulk loader,
 * and writes STORE.serve ("query=URL", "update=URL", "pid=N", one a line, written through
 * a temporary and a rename) naming the query endpoint http://127.0.0.1:PORT/sparql, the
 * update endpoint /sparql-auth (digest authentication; the database's login is dba/dba,
 * reachable from this host only) and the serving process. csto_serve_stop stops Virtuoso
 * (SIGTERM, then SIGKILL after a minute) and removes STORE.serve.
 *
 * csto_serve_mirror keeps the copy in step: after a change to the store, it sends the
 * same change as a SPARQL Update to the serve running for that store, if any. */
#ifndef CSTO_SERVE_H
#define CSTO_SERVE_H

#include "csto/api.h"
#include "csto/error.h"
#include "csto/store.h"
#include "csto/world.h"

typedef struct {
  const char *store; /* the store's path (required; it must exist) */
  const char *dir;   /* Virtuoso's directory; NULL: STORE.virtuoso */
  unsigned port;     /* HTTP port on 127.0.0.1; 0: a free one */
  long timeout;      /* a query's time limit in seconds (MaxQueryExecutionTime); 0: 60 */
} csto_serve_options;

typedef struct csto_serve csto_serve;

/* Start serving opt->store, from world w (borrowed: stop the serve first). A serve
 * already running for it (STORE.serve naming a live process) is CSTO_ERR_USAGE; a
 * Virtuoso that does not start or load is CSTO_ERR_STORE naming its log. On success *out
 * is owned by the caller: csto_serve_stop. */
CSTO_API csto_status csto_serve_start(csto_world *w, const csto_serve_options *opt,
                                      csto_serve **out, csto_error *err);

/* The endpoints (borrowed) and the number of statements loaded. */
CSTO_API const char *csto_serve_query_url(const csto_serve *s);
CSTO_API const char *csto_serve_update_url(const csto_serve *s);
CSTO_API long csto_serve_statements(const csto_serve *s);

/* Whether Virtuoso still runs (it may die on its own: see its log). */
CSTO_API int csto_serve_running(csto_serve *s);

/* Stop Virtuoso, remove STORE.serve and free s. NULL is a no-op. A Virtuoso that had to
 * be killed is CSTO_ERR_STORE (s is freed either way). */
CSTO_API csto_status csto_serve_stop(csto_serve *s, csto_error *err);

/* 1 when a serve runs for the store at store_path (STORE.serve names a live process). */
CSTO_API int csto_serve_active(const char *store_path);

/* Send update (SPARQL 1.1 Update text) to the serve running for the store at store_path:
 * CSTO_OK doing nothing when there is none (no STORE.serve, or its process is gone).
 * Credentials: CSTO_KG_USER and CSTO_KG_PASSWORD when set, else the database's dba/dba.
 * A refusal is CSTO_ERR_HTTP naming the update endpoint. w: the world it is sent from. */
CSTO_API csto_status csto_serve_mirror(csto_world *w, const char *store_path,
                                       const char *update, csto_error *err);

/* After csto_store_commit on a store with its journal on (csto_store_set_journal, when
 * csto_serve_active): send what the commit changed to the serve running for it (from the
 * store's world). */
CSTO_API csto_status csto_serve_mirror_store(csto_store *store, const char *store_path,
                                             csto_error *err);

#endif
