/* Graph Store HTTP Protocol client: PUT Turtle graphs with libcurl. */
#include "csto/push.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include <curl/curl.h>

#include "csto/normalize.h"

enum { MAX_ANSWER = 64 * 1024, MAX_ANSWER_LINE = 300 };

struct csto_push {
  CURL *curl;
  char *endpoint, *user, *password;
  int use_netrc;
  long timeout, connect_timeout;
};

void csto_push_options_from_env(csto_push_options *opt) {
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

static csto_status check_endpoint(const char *endpoint, csto_error *err) {
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

/* An absolute IRI: scheme ":" rest, no characters IRIs forbid. */
static csto_status check_graph(const char *graph, csto_error *err) {
  if (!graph || !*graph)
    return csto_error_set(err, CSTO_ERR_USAGE, "no graph IRI");
  if (!csto_iri_has_scheme(graph, strlen(graph)) || !strchr(graph, ':')[1])
    return csto_error_set(err, CSTO_ERR_USAGE, "%s: the graph must be an absolute IRI", graph);
  for (const char *p = graph; *p; p++)
    if (csto_iri_char_forbidden((unsigned char)*p))
      return csto_error_set(err, CSTO_ERR_USAGE, "%s: bad character in the graph IRI", graph);
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

csto_status csto_push_graph_url(const char *endpoint, const char *graph, char **url,
                                csto_error *err) {
  csto_status st = check_endpoint(endpoint, err);
  if (st == CSTO_OK)
    st = check_graph(graph, err);
  if (st != CSTO_OK)
    return st;
  const char *sep = strchr(endpoint, '?') ? "&" : "?";
  size_t head = strlen(endpoint) + 1 + strlen("graph=");
  char *u = malloc(head + percent_encode(graph, NULL) + 1);
  if (!u)
    return csto_error_set(err, CSTO_ERR_NOMEM, "out of memory");
  snprintf(u, head + 1, "%s%sgraph=", endpoint, sep);
  u[head + percent_encode(graph, u + head)] = '\0';
  *url = u;
  return CSTO_OK;
}

/* ---- the handle ---------------------------------------------------------------------- */

static char *dup_or_null(const char *s, int *failed) {
  char *d = s ? strdup(s) : NULL;
  if (s && !d)
    *failed = 1;
  return d;
}

void csto_push_free(csto_push *push) {
  if (!push)
    return;
  if (push->curl) {
    curl_easy_cleanup(push->curl);
    curl_global_cleanup();
  }
  free(push->endpoint);
  free(push->user);
  free(push->password);
  free(push);
}

csto_status csto_push_new(const csto_push_options *opt, csto_push **out, csto_error *err) {
  csto_status st = check_endpoint(opt ? opt->endpoint : NULL, err);
  if (st != CSTO_OK)
    return st;
  csto_push *p = calloc(1, sizeof *p);
  if (!p)
    return csto_error_set(err, CSTO_ERR_NOMEM, "out of memory");
  int failed = 0;
  p->endpoint = dup_or_null(opt->endpoint, &failed);
  p->user = dup_or_null(opt->user, &failed);
  p->password = dup_or_null(opt->password, &failed);
  p->use_netrc = opt->use_netrc;
  p->timeout = opt->timeout > 0 ? opt->timeout : 300;
  p->connect_timeout = opt->connect_timeout > 0 ? opt->connect_timeout : 10;
  if (!failed && curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK &&
      !(p->curl = curl_easy_init()))
    curl_global_cleanup();
  if (failed || !p->curl) {
    csto_push_free(p);
    return csto_error_set(err, CSTO_ERR_NOMEM, "cannot start libcurl");
  }
  *out = p;
  return CSTO_OK;
}

/* ---- one PUT ------------------------------------------------------------------------- */

typedef struct {
  char data[MAX_ANSWER + 1];
  size_t len;
} answer;

static size_t write_answer(char *ptr, size_t size, size_t nmemb, void *user) {
  answer *a = user;
  size_t n = size * nmemb, room = MAX_ANSWER - a->len;
  memcpy(a->data + a->len, ptr, n < room ? n : room);
  a->len += n < room ? n : room;
  a->data[a->len] = '\0';
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
static void set_auth(csto_push *p) {
  int tls = starts_with_ci(p->endpoint, "https://");
  curl_easy_setopt(p->curl, CURLOPT_HTTPAUTH, tls ? (long)CURLAUTH_ANY : (long)CURLAUTH_DIGEST);
  if (p->user) {
    curl_easy_setopt(p->curl, CURLOPT_USERNAME, p->user);
    curl_easy_setopt(p->curl, CURLOPT_PASSWORD, p->password ? p->password : "");
  } else if (p->use_netrc) {
    curl_easy_setopt(p->curl, CURLOPT_NETRC, (long)CURL_NETRC_OPTIONAL);
  }
}

static void set_request(csto_push *p, const char *url, const char *body, size_t len,
                        struct curl_slist *headers, answer *a, char *errbuf) {
  curl_easy_reset(p->curl);
  curl_easy_setopt(p->curl, CURLOPT_URL, url);
  curl_easy_setopt(p->curl, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(p->curl, CURLOPT_CUSTOMREQUEST, "PUT");
  curl_easy_setopt(p->curl, CURLOPT_POSTFIELDS, body);
  curl_easy_setopt(p->curl, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)len);
  curl_easy_setopt(p->curl, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(p->curl, CURLOPT_USERAGENT, "csto-kg/" CSTO_VERSION);
  curl_easy_setopt(p->curl, CURLOPT_TIMEOUT, p->timeout);
  curl_easy_setopt(p->curl, CURLOPT_CONNECTTIMEOUT, p->connect_timeout);
  curl_easy_setopt(p->curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(p->curl, CURLOPT_WRITEFUNCTION, write_answer);
  curl_easy_setopt(p->curl, CURLOPT_WRITEDATA, a);
  curl_easy_setopt(p->curl, CURLOPT_ERRORBUFFER, errbuf);
  set_auth(p);
}

static csto_status check_answer(const char *url, CURLcode rc, long status, const answer *a,
                                const char *errbuf, csto_error *err) {
  if (rc != CURLE_OK)
    return csto_error_set(err, CSTO_ERR_HTTP, "%s: %s", url,
                          *errbuf ? errbuf : curl_easy_strerror(rc));
  if (status >= 200 && status <= 299)
    return CSTO_OK;
  char line[MAX_ANSWER_LINE];
  answer_text(a->data, line, sizeof line);
  const char *hint = status == 401 || status == 403
                         ? " (credentials: CSTO_KG_USER and CSTO_KG_PASSWORD, or ~/.netrc)"
                         : "";
  return csto_error_set(err, CSTO_ERR_HTTP, "%s: HTTP %ld%s%s%s", url, status, *line ? ": " : "",
                        line, hint);
}

csto_status csto_push_put(csto_push *push, const char *graph, const char *body, size_t len,
                          long *http_status, csto_error *err) {
  char *url = NULL;
  csto_status st = csto_push_graph_url(push->endpoint, graph, &url, err);
  if (http_status)
    *http_status = 0;
  if (st != CSTO_OK)
    return st;
  answer *a = calloc(1, sizeof *a);
  struct curl_slist *h = curl_slist_append(NULL, "Content-Type: text/turtle; charset=utf-8");
  struct curl_slist *h2 = h ? curl_slist_append(h, "Expect:") : NULL;
  char errbuf[CURL_ERROR_SIZE] = "";
  long status = 0;
  if (!a || !h2) {
    st = csto_error_set(err, CSTO_ERR_NOMEM, "out of memory");
  } else {
    set_request(push, url, body, len, h2, a, errbuf);
    CURLcode rc = curl_easy_perform(push->curl);
    curl_easy_getinfo(push->curl, CURLINFO_RESPONSE_CODE, &status);
    st = check_answer(url, rc, status, a, errbuf, err);
  }
  curl_slist_free_all(h);
  free(a);
  free(url);
  if (http_status)
    *http_status = status;
  return st;
}

/* ---- graphs from files --------------------------------------------------------------- */

static csto_status put_stream(csto_push *push, csto_dataset *ds, librdf_stream *s,
                              const char *graph, long *http_status, csto_error *err) {
  unsigned char *text = NULL;
  size_t len = 0;
  csto_status st = s ? csto_query_serialize(ds, s, "turtle", &text, &len, err)
                     : csto_error_set(err, CSTO_ERR_RDF, "<%s>: cannot read the graph", graph);
  if (st == CSTO_OK)
    st = csto_push_put(push, graph, (const char *)text, len, http_status, err);
  if (text)
    librdf_free_memory(text);
  return st;
}

csto_status csto_push_file(csto_push *push, csto_dataset *ds, const char *path,
                           csto_push_sent_fn on_graph, void *user, csto_error *err) {
  csto_query_file *f = NULL;
  csto_status st = csto_query_file_read(ds, path, &f, err);
  for (size_t i = 0; st == CSTO_OK && i < csto_query_file_graph_count(f); i++) {
    const char *graph = csto_query_file_graph_iri(f, i);
    librdf_stream *s = csto_query_file_graph_stream(f, i);
    long status = 0;
    st = put_stream(push, ds, s, graph, &status, err);
    if (s)
      librdf_free_stream(s);
    if (st == CSTO_OK && on_graph)
      on_graph(user, path, graph, csto_query_file_graph_triples(f, i), status);
  }
  if (st != CSTO_OK && f && err) {
    char message[CSTO_ERROR_MESSAGE_SIZE];
    memcpy(message, err->message, sizeof message);
    csto_error_set(err, st, "%s: %s", path, message);
  }
  csto_query_file_free(f);
  return st;
}

/* A copy of ds's statements without contexts, so each triple is there once. */
static librdf_model *distinct_triples(csto_dataset *ds, librdf_storage **storage) {
  librdf_world *w = csto_query_dataset_world(ds);
  *storage = librdf_new_storage(w, "hashes", "csto-kg-push", "hash-type='memory'");
  librdf_model *m = *storage ? librdf_new_model(w, *storage, NULL) : NULL;
  librdf_stream *s = m ? librdf_model_as_stream(csto_query_dataset_model(ds)) : NULL;
  int rc = !s || librdf_model_add_statements(m, s);
  if (s)
    librdf_free_stream(s);
  if (rc && m) {
    librdf_free_model(m);
    m = NULL;
  }
  return m;
}

csto_status csto_push_dataset(csto_push *push, csto_dataset *ds, const char *graph,
                              long *triples, long *http_status, csto_error *err) {
  librdf_storage *storage = NULL;
  librdf_model *m = distinct_triples(ds, &storage);
  librdf_stream *s = m ? librdf_model_as_stream(m) : NULL;
  csto_status st = put_stream(push, ds, s, graph, http_status, err);
  if (triples)
    *triples = m ? librdf_model_size(m) : 0;
  if (s)
    librdf_free_stream(s);
  if (m)
    librdf_free_model(m);
  if (storage)
    librdf_free_storage(storage);
  return st;
}
