/* Turtle files into a compact table of triples; see kbload.h. */
#include "kbload.h"

#include <serd/serd.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "array.h"
#include "textfile.h"

csto_status csto_ttl_init(csto_ttl *t, csto_error *err) {
  *t = (csto_ttl){.last_subject = -1, .iris = csto_strmap_new()};
  if (!t->iris)
    return csto_error_set(err, CSTO_ERR_NOMEM, "out of memory");
  return CSTO_OK;
}

static int borrowed(const csto_ttl *t, const void *p) {
  uintptr_t at = (uintptr_t)p, map = (uintptr_t)t->map;
  return t->map && at >= map && at < map + t->map_size;
}

static void free_owned(const csto_ttl *t, void *p) {
  if (!borrowed(t, p))
    free(p);
}

void csto_ttl_free(csto_ttl *t) {
  for (size_t i = 0; i < t->n_files; i++)
    free(t->files[i]);
  free(t->files);
  free_owned(t, t->items);
  free_owned(t, t->text);
  free_owned(t, t->terms);
  free(t->iri);
  free_owned(t, t->phrases);
  free_owned(t, t->phrase_text);
  free_owned(t, t->phrase_ends);
  free_owned(t, (void *)t->iri_order);
  csto_strmap_free(t->iris);
  if (t->map)
    munmap(t->map, t->map_size);
  *t = (csto_ttl){0};
}

const char *csto_ttl_term(const csto_ttl *t, int id) {
  return id >= 0 ? t->text + t->terms[id] : NULL;
}

/* A snapshot's sorted IRIs, searched: it holds no map, which would cost its start more than
 * the few lookups the loader makes. */
static int find_in_order(const csto_ttl *t, const char *iri) {
  size_t lo = 0, hi = t->n_iris;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    int c = strcmp(csto_ttl_term(t, t->iri_order[mid]), iri);
    if (c == 0)
      return t->iri_order[mid];
    if (c < 0)
      lo = mid + 1;
    else
      hi = mid;
  }
  return -1;
}

int csto_ttl_iri(const csto_ttl *t, const char *iri) {
  const int *v;
  if (t->iri_order)
    return find_in_order(t, iri);
  return csto_strmap_get(t->iris, iri, &v) ? v[0] : -1;
}

/* Room for need bytes in *buf (cap of them now); -1 when out of memory. */
static int room(char **buf, size_t *cap, size_t need) {
  while (*cap < need)
    if (csto_array_reserve((void **)buf, cap, *cap, 1) != 0)
      return -1;
  return 0;
}

int csto_ttl_phrase_get(const csto_ttl *t, int id, const char **phrase, const uint32_t **ends,
                        size_t *n) {
  const csto_ttl_phrase *p = t->phrases ? &t->phrases[id] : NULL;
  if (!p || p->n < 0)
    return -1;
  *phrase = t->phrase_text + p->text;
  *ends = t->phrase_ends + p->ends;
  *n = (size_t)p->n;
  return 0;
}

/* The phrase table, every term's marked not derived. */
static int phrases_start(csto_ttl *t) {
  if (!(t->phrases = malloc((t->n_terms ? t->n_terms : 1) * sizeof *t->phrases)))
    return -1;
  for (size_t i = 0; i < t->n_terms; i++)
    t->phrases[i] = (csto_ttl_phrase){0, 0, -1};
  return 0;
}

/* *p's size bytes, copied out of the snapshot's mapping (to grow them); 0, or -1. */
static int own(const csto_ttl *t, void **p, size_t size) {
  if (!borrowed(t, *p))
    return 0;
  void *copy = malloc(size ? size : 1);
  if (!copy)
    return -1;
  memcpy(copy, *p, size);
  *p = copy;
  return 0;
}

/* The phrases, the table's own to add to. */
static int own_phrases(csto_ttl *t) {
  if (!t->phrases)
    return phrases_start(t);
  if (own(t, (void **)&t->phrases, t->n_terms * sizeof *t->phrases) != 0 ||
      own(t, (void **)&t->phrase_text, t->phrase_len) != 0 ||
      own(t, (void **)&t->phrase_ends, t->n_ends * sizeof *t->phrase_ends) != 0)
    return -1;
  t->cap_phrase_text = t->phrase_len, t->cap_ends = t->n_ends;
  return 0;
}

int csto_ttl_phrase_set(csto_ttl *t, int id, const char *phrase, const uint32_t *ends, size_t n) {
  size_t len = strlen(phrase) + 1;
  if (own_phrases(t) != 0 || t->phrase_len + len > UINT32_MAX ||
      t->n_ends + n > UINT32_MAX || n > INT32_MAX ||
      room(&t->phrase_text, &t->cap_phrase_text, t->phrase_len + len) != 0)
    return -1;
  while (t->cap_ends < t->n_ends + n)
    if (csto_array_reserve((void **)&t->phrase_ends, &t->cap_ends, t->cap_ends,
                           sizeof *t->phrase_ends) != 0)
      return -1;
  memcpy(t->phrase_text + t->phrase_len, phrase, len);
  if (n)
    memcpy(t->phrase_ends + t->n_ends, ends, n * sizeof *ends);
  t->phrases[id] = (csto_ttl_phrase){(uint32_t)t->phrase_len, (uint32_t)t->n_ends, (int32_t)n};
  t->phrase_len += len;
  t->n_ends += n;
  return 0;
}

/* A new term of len bytes of text; -1 when out of memory. */
static int new_term(csto_ttl *t, const char *text, size_t len) {
  if (room(&t->text, &t->cap_text, t->len + len + 1) != 0 ||
      csto_array_reserve((void **)&t->terms, &t->cap_terms, t->n_terms, sizeof *t->terms) != 0)
    return -1;
  memcpy(t->text + t->len, text, len);
  t->text[t->len + len] = '\0';
  t->terms[t->n_terms] = t->len;
  t->len += len + 1;
  return (int)t->n_terms++;
}

/* The id of an IRI (or a language tag), -2 when out of memory. */
static int iri_term(csto_ttl *t, const char *iri) {
  int id = csto_ttl_iri(t, iri);
  if (id < 0 && ((id = new_term(t, iri, strlen(iri))) < 0 || csto_strmap_add(t->iris, iri, id) != 0))
    return -2;
  return id;
}

/* The scratch IRI, NUL-terminated: a prefix's namespace and the local name after it. */
static const char *joined(csto_ttl *t, const SerdChunk *a, const SerdChunk *b) {
  if (room(&t->iri, &t->cap_iri, a->len + b->len + 1) != 0)
    return NULL;
  memcpy(t->iri, a->buf, a->len);
  memcpy(t->iri + a->len, b->buf, b->len);
  t->iri[a->len + b->len] = '\0';
  return t->iri;
}

/* The first error of the file, at the line being read; NULL for the caller to return. */
static const char *fail(csto_ttl *t, const char *fmt, const char *what) {
  size_t n = strlen(fmt) + strlen(what) + 16;
  if (!t->error && (t->error = malloc(n))) {
    int at = snprintf(t->error, n, "%u: ", t->line);
    snprintf(t->error + at, n - (size_t)at, fmt, what);
  }
  return NULL;
}

/* The full text of an IRI node: a prefixed name expanded, a relative IRI resolved against
 * the file's; NULL when it cannot be (the message in t->error) or out of memory. */
static const char *iri_text(csto_ttl *t, const SerdNode *node) {
  SerdChunk ns, local;
  if (node->type == SERD_CURIE) {
    if (serd_env_expand(t->env, node, &ns, &local) == SERD_SUCCESS)
      return joined(t, &ns, &local);
    return fail(t, "undefined prefix in %s", (const char *)node->buf);
  }
  if (serd_uri_string_has_scheme(node->buf))
    return (const char *)node->buf;
  SerdURI base;
  serd_env_get_base_uri(t->env, &base);
  SerdNode abs = serd_node_new_uri_from_node(node, &base, NULL);
  SerdChunk all = {abs.buf, abs.n_bytes}, none = {(const uint8_t *)"", 0};
  const char *text = abs.buf ? joined(t, &all, &none) : NULL;
  serd_node_free(&abs);
  return text;
}

/* The id of a subject, predicate or IRI object (-1 for a blank node, -2 on failure); a
 * literal's language tag in *lang. */
static int term_of(csto_ttl *t, const SerdNode *node, const SerdNode *lang_node, int *lang) {
  if (node->type == SERD_LITERAL) {
    if (lang_node && lang_node->buf && (*lang = iri_term(t, (const char *)lang_node->buf)) < 0)
      return -2;
    int id = new_term(t, (const char *)node->buf, node->n_bytes);
    return id < 0 ? -2 : id;
  }
  if (node->type == SERD_BLANK)
    return -1;
  const char *iri = iri_text(t, node);
  return iri ? iri_term(t, iri) : -2;
}

/* Turtle repeats a subject over consecutive triples: the last one is kept at hand. */
static int subject_of(csto_ttl *t, const SerdNode *node) {
  if (node->type == SERD_URI && t->last_subject >= 0 &&
      strcmp(csto_ttl_term(t, t->last_subject), (const char *)node->buf) == 0)
    return t->last_subject;
  int lang, id = term_of(t, node, NULL, &lang);
  if (node->type == SERD_URI && id >= 0)
    t->last_subject = id;
  return id;
}

static SerdStatus on_base(void *user, const SerdNode *uri) {
  return serd_env_set_base_uri(((csto_ttl *)user)->env, uri);
}

static SerdStatus on_prefix(void *user, const SerdNode *name, const SerdNode *uri) {
  return serd_env_set_prefix(((csto_ttl *)user)->env, name, uri);
}

static SerdStatus on_statement(void *user, SerdStatementFlags flags, const SerdNode *graph,
                               const SerdNode *s, const SerdNode *p, const SerdNode *o,
                               const SerdNode *datatype, const SerdNode *lang) {
  (void)flags, (void)graph, (void)datatype;
  csto_ttl *t = user;
  csto_ttl_triple tr = {.lang = -1, .literal = o->type == SERD_LITERAL,
                        .file = (int)t->n_files - 1, .line = t->line};
  if ((tr.s = subject_of(t, s)) < -1 || (tr.p = term_of(t, p, NULL, &tr.lang)) < 0 ||
      (tr.o = term_of(t, o, lang, &tr.lang)) < -1 ||
      csto_array_reserve((void **)&t->items, &t->cap, t->n, sizeof *t->items) != 0) {
    t->failed = 1;
    return SERD_FAILURE;
  }
  t->items[t->n++] = tr;
  return SERD_SUCCESS;
}

static SerdStatus on_error(void *user, const SerdError *e) {
  csto_ttl *t = user;
  if (!t->error) {
    char what[256];
    va_list args;
    va_copy(args, *e->args);
    vsnprintf(what, sizeof what, e->fmt, args);
    va_end(args);
    what[strcspn(what, "\n")] = '\0';
    t->line = e->line;
    fail(t, "%s", what);
  }
  return SERD_SUCCESS;
}

/* serd reads through this one byte at a time, so that a statement knows its line: the last
 * byte handed out is the one serd peeks at, not yet read, so its newline does not count. */
static size_t read_byte(void *buf, size_t size, size_t nmemb, void *stream) {
  (void)size, (void)nmemb;
  csto_ttl *t = stream;
  if (t->at > 0 && t->source[t->at - 1] == '\n')
    t->line++;
  if (t->at >= t->source_len)
    return 0;
  *(char *)buf = t->source[t->at++];
  return 1;
}

static int read_error(void *stream) {
  (void)stream;
  return 0;
}

/* Parse text (len bytes of path) with serd; 0 on success. */
static int parse(csto_ttl *t, const char *path, const char *text, size_t len) {
  SerdNode base = serd_node_new_file_uri((const uint8_t *)path, NULL, NULL, true);
  t->env = serd_env_new(&base);
  SerdReader *reader = t->env ? serd_reader_new(SERD_TURTLE, t, NULL, on_base, on_prefix,
                                                on_statement, NULL) : NULL;
  int rc = -1;
  if (reader) {
    serd_reader_set_strict(reader, true);
    serd_reader_set_error_sink(reader, on_error, t);
    t->source = text, t->source_len = len, t->at = 0, t->line = 1;
    rc = serd_reader_read_source(reader, read_byte, read_error, t, base.buf, 1) != SERD_SUCCESS;
  }
  serd_reader_free(reader);
  serd_env_free(t->env);
  t->env = NULL;
  serd_node_free(&base);
  return rc;
}

csto_status csto_ttl_read(csto_ttl *t, const char *path, csto_error *err) {
  char *copy = strdup(path);
  if (!copy ||
      csto_array_reserve((void **)&t->files, &t->cap_files, t->n_files, sizeof copy) != 0) {
    free(copy);
    return csto_error_set(err, CSTO_ERR_NOMEM, "out of memory");
  }
  t->files[t->n_files++] = copy;
  char *text = NULL;
  size_t len = 0;
  csto_status read = csto_read_utf8_file(path, &text, &len, err);
  if (read != CSTO_OK)
    return read;
  t->last_subject = -1;
  int rc = parse(t, path, text, len);
  free(text);
  csto_status st = CSTO_OK;
  if (t->error)
    st = csto_error_set(err, CSTO_ERR_DATA, "%s:%s", path, t->error);
  else if (t->failed)
    st = csto_error_set(err, CSTO_ERR_NOMEM, "out of memory while reading %s", path);
  else if (rc != 0)
    st = csto_error_set(err, CSTO_ERR_DATA, "%s: cannot be parsed as Turtle", path);
  free(t->error);
  t->error = NULL;
  return st;
}

csto_status csto_ttl_read_all(csto_ttl *t, char *const *paths, size_t n, const char *snapshot,
                              int *cached, csto_error *err) {
  *cached = snapshot && csto_ttl_snapshot_load(t, snapshot, paths, n) == 0;
  if (*cached)
    return CSTO_OK;
  csto_ttl_free(t); /* what a stale snapshot may have left */
  csto_status st = csto_ttl_init(t, err);
  for (size_t i = 0; st == CSTO_OK && i < n; i++)
    st = csto_ttl_read(t, paths[i], err);
  return st;
}
