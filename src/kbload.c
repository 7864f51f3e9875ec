/* Turtle files into a compact table of triples; see kbload.h. */
#include "kbload.h"

#include <dirent.h>
#include <errno.h>
#include <raptor2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "array.h"
#include "textfile.h"

csto_status csto_ttl_init(csto_ttl *t, csto_error *err) {
  *t = (csto_ttl){.last_subject = -1, .iris = csto_strmap_new(), .world = raptor_new_world()};
  if (!t->iris || !t->world)
    return csto_error_set(err, CSTO_ERR_NOMEM, "out of memory while starting raptor");
  /* Terms are interned here; raptor's own interning of URIs only costs time. */
  raptor_world_set_flag(t->world, RAPTOR_WORLD_FLAG_URI_INTERNING, 0);
  return CSTO_OK;
}

void csto_ttl_free(csto_ttl *t) {
  for (size_t i = 0; i < t->n_files; i++)
    free(t->files[i]);
  free(t->files);
  free(t->items);
  free(t->text);
  free(t->terms);
  csto_strmap_free(t->iris);
  raptor_free_world(t->world);
  *t = (csto_ttl){0};
}

const char *csto_ttl_term(const csto_ttl *t, int id) {
  return id >= 0 ? t->text + t->terms[id] : NULL;
}

int csto_ttl_iri(const csto_ttl *t, const char *iri) {
  const int *v;
  return csto_strmap_get(t->iris, iri, &v) ? v[0] : -1;
}

/* A new term of this text; -1 when out of memory. */
static int new_term(csto_ttl *t, const char *text) {
  size_t n = strlen(text) + 1;
  do
    if (csto_array_reserve((void **)&t->text, &t->cap_text, t->len + n, 1) != 0)
      return -1;
  while (t->len + n >= t->cap_text);
  if (csto_array_reserve((void **)&t->terms, &t->cap_terms, t->n_terms, sizeof *t->terms) != 0)
    return -1;
  memcpy(t->text + t->len, text, n);
  t->terms[t->n_terms] = t->len;
  t->len += n;
  return (int)t->n_terms++;
}

/* The id of an IRI (or a language tag), -2 when out of memory. */
static int iri_term(csto_ttl *t, const char *iri) {
  int id = csto_ttl_iri(t, iri);
  if (id < 0 && ((id = new_term(t, iri)) < 0 || csto_strmap_add(t->iris, iri, id) != 0))
    return -2;
  return id;
}

/* The id of a subject, predicate or IRI object (-1 for a blank node, -2 when out of
 * memory); a literal's text and language tag in *lang. */
static int term_of(csto_ttl *t, const raptor_term *term, int *lang) {
  if (term->type == RAPTOR_TERM_TYPE_URI)
    return iri_term(t, (const char *)raptor_uri_as_string(term->value.uri));
  if (term->type != RAPTOR_TERM_TYPE_LITERAL)
    return -1;
  const char *tag = (const char *)term->value.literal.language;
  if (tag && (*lang = iri_term(t, tag)) < 0)
    return -2;
  int id = new_term(t, (const char *)term->value.literal.string);
  return id < 0 ? -2 : id;
}

static int subject_of(csto_ttl *t, const raptor_term *term) {
  const char *iri = term->type == RAPTOR_TERM_TYPE_URI
                        ? (const char *)raptor_uri_as_string(term->value.uri) : NULL;
  if (iri && t->last_subject >= 0 && strcmp(csto_ttl_term(t, t->last_subject), iri) == 0)
    return t->last_subject;
  int lang, id = term_of(t, term, &lang);
  if (iri && id >= 0)
    t->last_subject = id;
  return id;
}

static void on_statement(void *user, raptor_statement *st) {
  csto_ttl *t = user;
  raptor_locator *loc = raptor_parser_get_locator(t->parser);
  csto_ttl_triple tr = {.lang = -1, .literal = st->object->type == RAPTOR_TERM_TYPE_LITERAL,
                        .file = (int)t->n_files - 1, .line = loc ? raptor_locator_line(loc) : -1};
  if (t->nomem || (tr.s = subject_of(t, st->subject)) < -1 ||
      (tr.p = term_of(t, st->predicate, &tr.lang)) < 0 ||
      (tr.o = term_of(t, st->object, &tr.lang)) < -1 ||
      csto_array_reserve((void **)&t->items, &t->cap, t->n, sizeof *t->items) != 0) {
    t->nomem = 1;
    return;
  }
  t->items[t->n++] = tr;
}

static void on_raptor_log(void *user, raptor_log_message *msg) {
  csto_ttl *t = user;
  if (msg->level < RAPTOR_LOG_LEVEL_ERROR || t->error)
    return;
  int line = msg->locator ? raptor_locator_line(msg->locator) : -1;
  size_t n = strlen(msg->text) + 32;
  if ((t->error = malloc(n)))
    snprintf(t->error, n, "%d: %s", line, msg->text);
}

/* Parse text (len bytes of path) with raptor; 0 on success. */
static int parse(csto_ttl *t, const char *path, const char *text, size_t len) {
  unsigned char *uri_text = raptor_uri_filename_to_uri_string(path);
  raptor_uri *uri = uri_text ? raptor_new_uri(t->world, uri_text) : NULL;
  t->parser = uri ? raptor_new_parser(t->world, "turtle") : NULL;
  int rc = -1;
  if (t->parser) {
    raptor_parser_set_statement_handler(t->parser, t, on_statement);
    rc = raptor_parser_parse_start(t->parser, uri) ||
         raptor_parser_parse_chunk(t->parser, (const unsigned char *)text, len, 1);
  }
  raptor_free_parser(t->parser);
  t->parser = NULL;
  raptor_free_uri(uri);
  raptor_free_memory(uri_text);
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
  raptor_world_set_log_handler(t->world, t, on_raptor_log);
  t->last_subject = -1;
  int rc = parse(t, path, text, len);
  free(text);
  csto_status st = CSTO_OK;
  if (t->nomem)
    st = csto_error_set(err, CSTO_ERR_NOMEM, "out of memory while reading %s", path);
  else if (rc != 0 || t->error)
    st = csto_error_set(err, CSTO_ERR_DATA, "%s:%s", path,
                        t->error ? t->error : " cannot be parsed as Turtle");
  free(t->error);
  t->error = NULL;
  return st;
}

static int is_ttl_name(const char *name) {
  size_t n = strlen(name);
  return name[0] != '.' && n > 4 && strcmp(name + n - 4, ".ttl") == 0;
}

int csto_ttl_compare_names(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

void csto_ttl_names_free(char **names, size_t n) {
  for (size_t i = 0; i < n; i++)
    free(names[i]);
  free(names);
}

csto_status csto_ttl_list_dir(const char *dir, char ***names, size_t *count, csto_error *err) {
  *names = NULL;
  *count = 0;
  DIR *d = opendir(dir);
  if (!d)
    return csto_error_set(err, CSTO_ERR_IO, "%s: cannot open directory: %s", dir,
                          strerror(errno));
  size_t cap = 0;
  csto_status st = CSTO_OK;
  for (struct dirent *e; st == CSTO_OK && (e = readdir(d));) {
    if (!is_ttl_name(e->d_name))
      continue;
    if (csto_array_reserve((void **)names, &cap, *count, sizeof **names) != 0 ||
        !((*names)[*count] = strdup(e->d_name)))
      st = csto_error_set(err, CSTO_ERR_NOMEM, "out of memory");
    else
      (*count)++;
  }
  closedir(d);
  if (st != CSTO_OK) {
    csto_ttl_names_free(*names, *count);
    *names = NULL;
    *count = 0;
  } else if (*count) {
    qsort(*names, *count, sizeof **names, csto_ttl_compare_names);
  }
  return st;
}
