/* csto-kg: the HTTP client every triplestore call goes through (libcurl).
 *
 * One place checks endpoint URLs (http or https only, no credentials in the URL, no
 * characters an IRI forbids), chooses authentication (over plain http only digest, so a
 * password never crosses the network in clear; any scheme over https) and turns a failed
 * exchange into a message naming the URL, the HTTP status and the first line of what the
 * server said. Credentials come from the options (csto_http_options_from_env reads
 * CSTO_KG_USER and CSTO_KG_PASSWORD) or from ~/.netrc; never from the command line.
 * Used by push (Graph Store Protocol), the SPARQL Protocol client (endpoint.h) and serve;
 * the client itself is internal to libcsto-store (src/include/csto/http_client.h). */
#ifndef CSTO_HTTP_H
#define CSTO_HTTP_H

#include <stddef.h>

#include "csto/api.h"
#include "csto/error.h"

typedef struct {
  const char *endpoint; /* http:// or https:// URL (required) */
  const char *user;     /* NULL: no user name (then ~/.netrc may give one) */
  const char *password; /* NULL: empty */
  int use_netrc;        /* consult ~/.netrc when no user is given */
  long timeout;         /* seconds for a whole exchange, answer included; 0: 300 */
  long connect_timeout; /* seconds to connect; 0: 10 (never more than timeout) */
} csto_http_options;

/* Fill user and password from CSTO_KG_USER and CSTO_KG_PASSWORD (borrowed pointers into
 * the environment; unset variables leave the fields as they are); turn use_netrc on. */
CSTO_API void csto_http_options_from_env(csto_http_options *opt);

/* An http(s) URL without a fragment, credentials or bad characters (CSTO_ERR_USAGE). */
CSTO_API csto_status csto_http_check_endpoint(const char *endpoint, csto_error *err);

#endif
