/* csto-kg: the one world of libcsto-store: its librdf world (with raptor and rasqal) and
 * libcurl, made once per process (per thread of work) and handed to everything of
 * libcsto-store that parses, queries or talks HTTP: datasets (query.h), stores (store.h),
 * pushes (push.h), endpoints (endpoint.h), serves (serve.h).
 *
 * The world keeps the first error librdf, raptor or rasqal report (the functions taking
 * it turn that into their csto_error; nothing is printed) and answers each SPARQL query
 * over the dataset it was asked of: a store through the store's own triples source, any
 * other dataset through librdf's model API. libcurl's global state is set up at the
 * world's first HTTP exchange and torn down when the world is freed.
 *
 * A world is not thread-safe: use one per thread. Everything made with a world must be
 * freed before it. The knowledge-base files of libcsto (kbfile.h) have a librdf world of
 * their own, which does not disturb this one: a process may hold both, in either order. */
#ifndef CSTO_WORLD_H
#define CSTO_WORLD_H

#include "csto/api.h"
#include "csto/error.h"

typedef struct csto_world csto_world;

/* A new world. On success *out is owned by the caller: csto_world_free. */
CSTO_API csto_status csto_world_new(csto_world **out, csto_error *err);

/* Free the world (and libcurl's global state, when it was set up). NULL is a no-op. */
CSTO_API void csto_world_free(csto_world *w);

#endif
