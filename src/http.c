/* The HTTP client for triplestores: endpoint checks, authentication, one exchange. */
#include "csto/http_client.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include <curl/curl.h>

#include "csto/normalize.h"

enum { MAX_ANSWER_LINE = 300 };

struct csto_http {
  CURL *curl;
  char *endpoint, *user, *password;
  int use_netrc;
  long timeout, connect_timeout;
};

void csto_http_options_from_env(csto_http_options *opt) {
  const char *user = getenv("CSTO_KG_USER");
  const char *password = getenv("CSTO_KG_PASSWORD");
  if (user && *user)
    opt->user = user;
  if (password)
    opt->password = password;
  opt->use_netrc = 1;
}

/* ---- URLs ---------------------------------------------------------------------------- */

static int starts_with_ci(const char *s, const char *prefix) {
  for (; *prefix; s++, prefix++)
    if (tolower((unsigned char)*s) != *prefix)
      return 0;
  return 1;
}

/* "user:password@" in the endpoint's authority, which messages would show. */
static int has_userinfo(const char *endpoint) {
  const char *host = strstr(endpoint, "://") + 3;
  size_t authority = strcspn(host, "/?#");
  return memchr(host, '@', authority) != NULL;
}

csto_status csto_http_check_endpoint(const char *endpoint, csto_error *err) {
  if (!endpoint || !*endpoint)
    return csto_error_set(err, CSTO_ERR_USAGE, "no endpoint URL");
  if (!starts_with_ci(endpoint, "http://") && !starts_with_ci(endpoint, "https://"))
    return csto_error_set(err, CSTO_ERR_USAGE, "%.*s: the endpoint must be an http(s) URL",
                          (int)strcspn(endpoint, "@"), endpoint);
  if (has_userinfo(endpoint))
    return csto_error_set(err, CSTO_ERR_USAGE,
                          "credentials in the endpoint URL would show in messages and logs: "
                          "give them in CSTO_KG_USER and CSTO_KG_PASSWORD, or in ~/.netrc");
  for (const char *p = endpoint; *p; p++)
    if (*p == '#' || csto_iri_char_forbidden((unsigned char)*p))
      return csto_error_set(err, CSTO_ERR_USAGE, "%s: bad character in the endpoint URL",
                            endpoint);
  return CSTO_OK;
}

static size_t percent_encode(const char *s, char *out) {
  static const char hex[] = "0123456789ABCDEF";
  size_t n = 0;
  for (; *s; s++) {
    unsigned char c = (unsigned char)*s;
    if (isalnum(c) || strchr("-._~", c)) {
      if (out)
        out[n] = (char)c;
      n++;
      continue;
    }
    if (out) {
      out[n] = '%';
      out[n + 1] = hex[c >> 4];
      out[n + 2] = hex[c & 15];
    }
    n += 3;
  }
  return n;
}

char *csto_http_escape(const char *s) {
  size_t n = percent_encode(s, NULL);
  char *out = malloc(n + 1);
  if (out)
    out[percent_encode(s, out)] = '\0';
  return out;
}

/* ---- the handle ---------------------------------------------------------------------- */

static char *dup_or_null(const char *s, int *failed) {
  char *d = s ? strdup(s) : NULL;
  if (s && !d)
    *failed = 1;
  return d;
}

void csto_http_free(csto_http *h) {
  if (!h)
    return;
  if (h->curl)
    curl_easy_cleanup(h->curl);
  free(h->endpoint);
  free(h->user);
  free(h->password);
  free(h);
}

csto_status csto_http_new(csto_world *w, const csto_http_options *opt, csto_http **out,
                          csto_error *err) {
  csto_status st = csto_http_check_endpoint(opt ? opt->endpoint : NULL, err);
  if (st == CSTO_OK)
    st = csto_world_http(w, err);
  if (st != CSTO_OK)
    return st;
  csto_http *h = calloc(1, sizeof *h);
  if (!h)
    return csto_error_set(err, CSTO_ERR_NOMEM, "out of memory");
  int failed = 0;
  h->endpoint = dup_or_null(opt->endpoint, &failed);
  h->user = dup_or_null(opt->user, &failed);
  h->password = dup_or_null(opt->password, &failed);
  h->use_netrc = opt->use_netrc;
  h->timeout = opt->timeout > 0 ? opt->timeout : 300;
  h->connect_timeout = opt->connect_timeout > 0 ? opt->connect_timeout : 10;
  if (h->connect_timeout > h->timeout)
    h->connect_timeout = h->timeout;
  if (!failed)
    h->curl = curl_easy_init();
  if (failed || !h->curl) {
    csto_http_free(h);
    return csto_error_set(err, CSTO_ERR_NOMEM, "cannot start libcurl");
  }
  *out = h;
  return CSTO_OK;
}

const char *csto_http_endpoint(const csto_http *h) { return h->endpoint; }

void csto_http_response_free(csto_http_response *resp) {
  if (!resp)
    return;
  free(resp->body);
  free(resp->content_type);
  free(resp->sql_state);
  free(resp->sql_message);
  memset(resp, 0, sizeof *resp);
}

/* ---- one exchange -------------------------------------------------------------------- */

/* The answer grows as it comes; out of memory stops the transfer (a write error). */
static size_t write_answer(char *ptr, size_t size, size_t nmemb, void *user) {
  csto_http_response *r = user;
  size_t n = size * nmemb;
  char *bigger = realloc(r->body, r->len + n + 1);
  if (!bigger)
    return 0;
  memcpy(bigger + r->len, ptr, n);
  r->body = bigger;
  r->len += n;
  r->body[r->len] = '\0';
  return n;
}

/* What an error answer says, into out: its first line; for markup (Virtuoso answers in
 * HTML) the text without tags, white space collapsed. */
static void answer_text(const char *body, char *out, size_t size) {
  while (isspace((unsigned char)*body))
    body++;
  int markup = *body == '<', in_tag = 0, space = 0;
  size_t n = 0;
  for (const char *p = body; *p && n + 1 < size; p++) {
    if (markup && (*p == '<' || (in_tag && *p == '>'))) {
      in_tag = *p == '<';
      space = 1;
      continue;
    }
    if (in_tag)
      continue;
    if (!markup && (*p == '\n' || *p == '\r'))
      break;
    if (isspace((unsigned char)*p) || iscntrl((unsigned char)*p)) { /* no escape reaches a terminal */
      space = 1;
      continue;
    }
    if (space && n > 0)
      out[n++] = ' ';
    space = 0;
    if (n + 1 < size)
      out[n++] = *p;
  }
  out[n] = '\0';
}

/* Over plain http only schemes that do not send the password (digest); any over https. */
static void set_auth(csto_http *h) {
  int tls = starts_with_ci(h->endpoint, "https://");
  curl_easy_setopt(h->curl, CURLOPT_HTTPAUTH, tls ? (long)CURLAUTH_ANY : (long)CURLAUTH_DIGEST);
  if (h->user) {
    curl_easy_setopt(h->curl, CURLOPT_USERNAME, h->user);
    curl_easy_setopt(h->curl, CURLOPT_PASSWORD, h->password ? h->password : "");
  } else if (h->use_netrc) {
    curl_easy_setopt(h->curl, CURLOPT_NETRC, (long)CURL_NETRC_OPTIONAL);
  }
}

static void set_request(csto_http *h, const csto_http_request *req, struct curl_slist *headers,
                        csto_http_response *r, char *errbuf) {
  curl_easy_reset(h->curl);
  curl_easy_setopt(h->curl, CURLOPT_URL, req->url ? req->url : h->endpoint);
  curl_easy_setopt(h->curl, CURLOPT_PROTOCOLS_STR, "http,https");
  if (req->method)
    curl_easy_setopt(h->curl, CURLOPT_CUSTOMREQUEST, req->method);
  if (req->body) {
    curl_easy_setopt(h->curl, CURLOPT_POSTFIELDS, req->body);
    curl_easy_setopt(h->curl, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)req->len);
  }
  curl_easy_setopt(h->curl, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(h->curl, CURLOPT_USERAGENT, "csto-kg/" CSTO_VERSION);
  curl_easy_setopt(h->curl, CURLOPT_TIMEOUT, h->timeout);
  curl_easy_setopt(h->curl, CURLOPT_CONNECTTIMEOUT, h->connect_timeout);
  curl_easy_setopt(h->curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(h->curl, CURLOPT_WRITEFUNCTION, write_answer);
  curl_easy_setopt(h->curl, CURLOPT_WRITEDATA, r);
  curl_easy_setopt(h->curl, CURLOPT_ERRORBUFFER, errbuf);
  set_auth(h);
}

static struct curl_slist *header(struct curl_slist *list, const char *name, const char *value,
                                 int *failed) {
  char line[256];
  if (*failed || !value)
    return list;
  snprintf(line, sizeof line, "%s:%s%s", name, *value ? " " : "", value); /* "Name:" drops it */
  struct curl_slist *more = curl_slist_append(list, line);
  *failed = !more;
  return more ? more : list;
}

static char *header_value(CURL *curl, const char *name) {
  struct curl_header *h = NULL;
  if (curl_easy_header(curl, name, 0, CURLH_HEADER, -1, &h) != CURLHE_OK || !h)
    return NULL;
  return strdup(h->value);
}

static void read_headers(CURL *curl, csto_http_response *r) {
  char *type = NULL;
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &r->status);
  if (curl_easy_getinfo(curl, CURLINFO_CONTENT_TYPE, &type) == CURLE_OK && type &&
      (r->content_type = strndup(type, strcspn(type, "; "))))
    for (char *p = r->content_type; *p; p++)
      *p = (char)tolower((unsigned char)*p);
  r->sql_state = header_value(curl, "X-SQL-State");
  r->sql_message = header_value(curl, "X-SQL-Message");
}

static csto_status check_answer(const char *url, CURLcode rc, const csto_http_response *r,
                                const char *errbuf, csto_error *err) {
  if (rc != CURLE_OK)
    return csto_error_set(err, CSTO_ERR_HTTP, "%s: %s", url,
                          *errbuf ? errbuf : curl_easy_strerror(rc));
  if (r->status >= 200 && r->status <= 299)
    return CSTO_OK;
  char line[MAX_ANSWER_LINE];
  answer_text(r->body ? r->body : "", line, sizeof line);
  const char *hint = r->status == 401 || r->status == 403
                         ? " (credentials: CSTO_KG_USER and CSTO_KG_PASSWORD, or ~/.netrc)"
                         : "";
  return csto_error_set(err, CSTO_ERR_HTTP, "%s: HTTP %ld%s%s%s", url, r->status,
                        *line ? ": " : "", line, hint);
}

csto_status csto_http_send(csto_http *h, const csto_http_request *req,
                           csto_http_response *resp, csto_error *err) {
  csto_http_response local;
  csto_http_response *r = resp ? resp : &local;
  memset(r, 0, sizeof *r);
  int failed = 0;
  struct curl_slist *headers = header(NULL, "Content-Type", req->content_type, &failed);
  headers = header(headers, "Accept", req->accept, &failed);
  headers = header(headers, "Expect", "", &failed); /* no 100-continue round trip */
  char errbuf[CURL_ERROR_SIZE] = "";
  csto_status st;
  if (failed) {
    st = csto_error_set(err, CSTO_ERR_NOMEM, "out of memory");
  } else {
    set_request(h, req, headers, r, errbuf);
    CURLcode rc = curl_easy_perform(h->curl);
    read_headers(h->curl, r);
    st = check_answer(req->url ? req->url : h->endpoint, rc, r, errbuf, err);
  }
  curl_slist_free_all(headers);
  if (!resp)
    csto_http_response_free(&local);
  return st;
}
