/* csto-kg: status codes and error reports shared by every module.
 *
 * The library never prints. A function that can fail returns a csto_status and, when
 * given a non-NULL csto_error, fills it with a one-line message that already names the
 * file and the line or byte where the problem is ("article.txt:3: ..."). The CLI prints
 * that message as it is. */
#ifndef CSTO_ERROR_H
#define CSTO_ERROR_H

#include "csto/api.h"

typedef enum {
  CSTO_OK = 0,
  CSTO_ERR_USAGE,   /* a caller passed arguments that make no sense */
  CSTO_ERR_IO,      /* a file could not be opened, read or written */
  CSTO_ERR_INPUT,   /* the input is not what it must be (bad UTF-8, NUL, empty, ...) */
  CSTO_ERR_DATA,    /* the ontology or knowledge base files are broken */
  CSTO_ERR_RDF,     /* raptor or librdf refused something */
  CSTO_ERR_QUERY,   /* a SPARQL query failed to parse or run */
  CSTO_ERR_STORE,   /* a persistent store could not be opened or changed */
  CSTO_ERR_HTTP,    /* a triplestore endpoint refused or did not answer */
  CSTO_ERR_NOMEM
} csto_status;

enum { CSTO_ERROR_MESSAGE_SIZE = 512 };

typedef struct {
  csto_status status;
  char message[CSTO_ERROR_MESSAGE_SIZE];
} csto_error;

/* Fill err (when not NULL) and return st, so that callers can write
 * `return csto_error_set(err, CSTO_ERR_IO, "%s: %s", path, strerror(errno));`. */
CSTO_API csto_status csto_error_set(csto_error *err, csto_status st, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* A short, static description of a status. */
CSTO_API const char *csto_strerror(csto_status st);

#endif
