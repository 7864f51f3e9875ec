/* csto-kg, internal: the HTTP client of http.h (libcurl), shared by push, endpoint and
 * serve inside libcsto-store. */
#ifndef CSTO_HTTP_CLIENT_H
#define CSTO_HTTP_CLIENT_H

#include <stddef.h>

#include "csto/http.h"
#include "csto/world.h"

/* s percent-encoded (everything but unreserved characters), for a query string or an
 * application/x-www-form-urlencoded body. NULL when out of memory; owned by the caller. */
char *csto_http_escape(const char *s);

/* libcurl's global setup, done once per world, at the first call (world.c). */
csto_status csto_world_http(csto_world *w, csto_error *err);

typedef struct csto_http csto_http;

/* A client for opt->endpoint, in world w (which sets libcurl up once); opt is copied (its
 * strings too). On success *out is owned by the caller: csto_http_free. */
csto_status csto_http_new(csto_world *w, const csto_http_options *opt, csto_http **out,
                          csto_error *err);

/* Free a client. NULL is a no-op. */
void csto_http_free(csto_http *h);

/* The endpoint URL (borrowed). */
const char *csto_http_endpoint(const csto_http *h);

typedef struct {
  const char *method;       /* "PUT", "POST" or NULL for GET */
  const char *url;          /* NULL: the endpoint */
  const char *content_type; /* of body, or NULL */
  const char *accept;       /* or NULL */
  const char *body;         /* len bytes, borrowed; NULL: none */
  size_t len;
} csto_http_request;

typedef struct {
  long status;        /* 0 when there was no answer */
  char *body;         /* NUL-terminated, len bytes; owned (csto_http_response_free) */
  size_t len;
  char *content_type; /* without parameters, lower case, or NULL; owned */
  char *sql_state;    /* Virtuoso's X-SQL-State header (an incomplete answer), or NULL */
  char *sql_message;  /* its X-SQL-Message, or NULL */
} csto_http_response;

/* One exchange. A transport failure (timeout included) or a status outside 200-299 is
 * CSTO_ERR_HTTP: "URL: HTTP 500: <first line of the answer>"; the response (when not
 * NULL) is filled either way and must be freed. */
csto_status csto_http_send(csto_http *h, const csto_http_request *req,
                           csto_http_response *resp, csto_error *err);

/* Free what a response holds (not the struct). */
void csto_http_response_free(csto_http_response *resp);

#endif
