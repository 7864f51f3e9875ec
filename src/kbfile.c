/* csto-kg: knowledge-base files as RDF; see include/csto/kbfile.h. */
/* realpath() is XSI, beyond the project-wide _POSIX_C_SOURCE. */
#define _XOPEN_SOURCE 700

#include "csto/kbfile.h"

#include "kbload.h"
#include "textfile.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <redland.h>
#include <utf8proc.h>

#include "csto/normalize.h"
#include "csto/output.h"
#include "csto/reader.h"

#define NS_RDF "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
#define NS_RDFS "http://www.w3.org/2000/01/rdf-schema#"
#define NS_OWL "http://www.w3.org/2002/07/owl#"
#define NS_SKOS "http://www.w3.org/2004/02/skos/core#"
#define NS_XSD "http://www.w3.org/2001/XMLSchema#"
#define NS_CSTO CSTO_KBFILE_NS_CSTO
#define NS_WD CSTO_KBFILE_NS_WD

#define RDF_TYPE NS_RDF "type"
#define RDFS_LABEL NS_RDFS "label"
#define SKOS_ALT NS_SKOS "altLabel"
#define OWL_SAMEAS NS_OWL "sameAs"
#define WDT_P31 CSTO_KBFILE_NS_WDT "P31"
#define WDT_P39 CSTO_KBFILE_NS_WDT "P39"
/* A state's "office held by head of state" and "office held by head of government". */
#define WDT_P1906 CSTO_KBFILE_NS_WDT "P1906"
#define WDT_P1313 CSTO_KBFILE_NS_WDT "P1313"
/* Full statements: item p:P39 statement; statement ps:P39 office, pq:P580 start, pq:P582 end. */
#define WD_PROP "http://www.wikidata.org/prop/"
#define P_P39 WD_PROP "P39"
#define PS_P39 WD_PROP "statement/P39"
#define PQ_START WD_PROP "qualifier/P580"
#define PQ_END WD_PROP "qualifier/P582"

#ifndef CSTO_DEFAULT_DATA_DIR
#define CSTO_DEFAULT_DATA_DIR "ontology"
#endif
#ifndef CSTO_INSTALLED_DATA_DIR
#define CSTO_INSTALLED_DATA_DIR "/usr/local/share/csto-kg"
#endif

/* What an imported item's csto:wikidataEvidence says: the id came from Wikidata itself. */
#define IMPORT_EVIDENCE "wikidata: imported from a Wikidata extract (csto-kg kb import)"

struct csto_kbfile {
  librdf_world *world;
  librdf_storage *storage;
  librdf_model *model;
  /* The first error librdf reported since log_reset(): librdf only reports parse errors
   * through its logger, so the logger keeps them here for the csto_error. */
  char log[CSTO_ERROR_MESSAGE_SIZE];
  int log_line;
};

static const char *const type_names[CSTO_KBFILE_TYPE_COUNT] = {
    "Country", "City", "InternationalOrganization", "OrganizationBody", "GovernmentBody",
    "Person"};

const char *csto_kbfile_type_name(csto_kbfile_type type) {
  return (unsigned)type < CSTO_KBFILE_TYPE_COUNT ? type_names[type] : "?";
}

/* ------------------------------------------------------------------------------------ */
/* World, model, logging */

static int on_log(void *data, librdf_log_message *message) {
  csto_kbfile *kb = data;
  /* Warnings (e.g. rasqal's unused-variable notes) are not failures; keep errors only. */
  if (librdf_log_message_level(message) < LIBRDF_LOG_ERROR)
    return 1;
  if (kb->log[0] == '\0') {
    const char *text = librdf_log_message_message(message);
    raptor_locator *loc = librdf_log_message_locator(message);
    kb->log_line = loc ? raptor_locator_line(loc) : -1;
    snprintf(kb->log, sizeof kb->log, "%s", text ? text : "unknown RDF error");
  }
  return 1; /* handled: librdf must not print */
}

static void log_reset(csto_kbfile *kb) {
  kb->log[0] = '\0';
  kb->log_line = -1;
}

csto_status csto_kbfile_new(csto_kbfile **out, csto_error *err) {
  *out = NULL;
  csto_kbfile *kb = calloc(1, sizeof *kb);
  if (!kb)
    return csto_error_set(err, CSTO_ERR_NOMEM, "out of memory");
  log_reset(kb);
  kb->world = librdf_new_world();
  if (kb->world) {
    librdf_world_set_logger(kb->world, kb, on_log);
    librdf_world_open(kb->world);
    /* "hashes" in memory: the "memory" storage is quadratic in the number of triples. */
    kb->storage = librdf_new_storage(kb->world, "hashes", "kb", "hash-type='memory'");
  }
  if (kb->storage)
    kb->model = librdf_new_model(kb->world, kb->storage, NULL);
  if (!kb->model) {
    csto_kbfile_free(kb);
    return csto_error_set(err, CSTO_ERR_RDF, "cannot create an in-memory RDF model (librdf)");
  }
  *out = kb;
  return CSTO_OK;
}

void csto_kbfile_free(csto_kbfile *kb) {
  if (!kb)
    return;
  if (kb->model)
    librdf_free_model(kb->model);
  if (kb->storage)
    librdf_free_storage(kb->storage);
  if (kb->world)
    librdf_free_world(kb->world);
  free(kb);
}

size_t csto_kbfile_size(csto_kbfile *kb) {
  int n = librdf_model_size(kb->model);
  return n > 0 ? (size_t)n : 0;
}

/* ------------------------------------------------------------------------------------ */
/* Nodes */

static librdf_node *iri(csto_kbfile *kb, const char *s) {
  return librdf_new_node_from_uri_string(kb->world, (const unsigned char *)s);
}

/* The IRI of a resource node as a C string (borrowed), or NULL for other nodes. */
static const char *node_iri(librdf_node *n) {
  if (!n || !librdf_node_is_resource(n))
    return NULL;
  return (const char *)librdf_uri_as_string(librdf_node_get_uri(n));
}

static int is_wd_item(const char *s) {
  size_t len = strlen(NS_WD);
  if (!s || strncmp(s, NS_WD, len) != 0 || s[len] != 'Q' || s[len + 1] == '\0')
    return 0;
  return strspn(s + len + 1, "0123456789") == strlen(s + len + 1);
}

/* Whether the literal node has the language tag lang (ASCII case ignored). */
static int literal_in(librdf_node *n, const char *lang) {
  if (!n || !librdf_node_is_literal(n))
    return 0;
  const char *l = librdf_node_get_literal_value_language(n);
  return l && strcasecmp(l, lang) == 0;
}

static const char *literal_text(librdf_node *n) {
  return (const char *)librdf_node_get_literal_value(n);
}

/* Add <s> <p> on unless present (on is consumed; NULL means out of memory). Checking
 * first keeps the count of added triples honest whatever the storage does. */
static csto_status add_node(csto_kbfile *kb, const char *s, const char *p, librdf_node *on,
                            csto_error *err) {
  librdf_statement *st = on ? librdf_new_statement_from_nodes(kb->world, iri(kb, s), iri(kb, p), on)
                            : NULL;
  if (!st)
    return csto_error_set(err, CSTO_ERR_NOMEM, "out of memory");
  int rc = librdf_model_contains_statement(kb->model, st) ? 0
                                                           : librdf_model_add_statement(kb->model, st);
  librdf_free_statement(st);
  if (rc != 0)
    return csto_error_set(err, CSTO_ERR_RDF, "cannot add a triple about <%s>", s);
  return CSTO_OK;
}

/* Add <s> <p> <o> (o an IRI, or a literal in lang when lang is not NULL) unless present. */
static csto_status add(csto_kbfile *kb, const char *s, const char *p, const char *o,
                       const char *lang, csto_error *err) {
  librdf_node *on = lang ? librdf_new_node_from_literal(kb->world, (const unsigned char *)o,
                                                        *lang ? lang : NULL, 0)
                         : iri(kb, o);
  return add_node(kb, s, p, on, err);
}

/* Add <s> <p> "date"^^xsd:date unless present. */
static csto_status add_date(csto_kbfile *kb, const char *s, const char *p, const char *date,
                            csto_error *err) {
  librdf_uri *dt = librdf_new_uri(kb->world, (const unsigned char *)NS_XSD "date");
  librdf_node *on =
      dt ? librdf_new_node_from_typed_literal(kb->world, (const unsigned char *)date, NULL, dt) : NULL;
  if (dt)
    librdf_free_uri(dt);
  return add_node(kb, s, p, on, err);
}

int csto_kbfile_has(csto_kbfile *kb, const char *s, const char *p, const char *o,
                    const char *lang) {
  librdf_node *on = lang ? librdf_new_node_from_literal(kb->world, (const unsigned char *)o,
                                                        *lang ? lang : NULL, 0)
                         : iri(kb, o);
  librdf_statement *st = librdf_new_statement_from_nodes(kb->world, iri(kb, s), iri(kb, p), on);
  if (!st)
    return 0;
  int found = librdf_model_contains_statement(kb->model, st) != 0;
  librdf_free_statement(st);
  return found;
}

/* ------------------------------------------------------------------------------------ */
/* Loading */

static const char *syntax_for(const char *path) {
  size_t n = strlen(path);
  return n >= 3 && strcmp(path + n - 3, ".nt") == 0 ? "ntriples" : "turtle";
}

/* "file://" + absolute path: the base against which relative IRIs in the file resolve. */
static char *base_uri_for(const char *path) {
  char *abs = realpath(path, NULL);
  const char *p = abs ? abs : path;
  size_t n = strlen("file://") + strlen(p) + 1;
  char *uri = malloc(n);
  if (uri)
    snprintf(uri, n, "file://%s", p);
  free(abs);
  return uri;
}

static csto_status parse_error(csto_kbfile *kb, const char *path, csto_error *err) {
  if (kb->log[0] == '\0')
    return csto_error_set(err, CSTO_ERR_DATA, "%s: cannot parse as %s", path, syntax_for(path));
  if (kb->log_line > 0)
    return csto_error_set(err, CSTO_ERR_DATA, "%s:%d: %s", path, kb->log_line, kb->log);
  return csto_error_set(err, CSTO_ERR_DATA, "%s: %s", path, kb->log);
}

csto_status csto_kbfile_load(csto_kbfile *kb, const char *path, csto_error *err) {
  char *text = NULL;
  size_t len = 0;
  csto_status read = csto_read_utf8_file(path, &text, &len, err);
  if (read != CSTO_OK)
    return read;
  char *base_str = base_uri_for(path);
  librdf_uri *base = base_str ? librdf_new_uri(kb->world, (const unsigned char *)base_str) : NULL;
  librdf_parser *parser = librdf_new_parser(kb->world, syntax_for(path), NULL, NULL);
  csto_status st = CSTO_OK;
  if (!base || !parser) {
    st = csto_error_set(err, CSTO_ERR_RDF, "%s: cannot create a %s parser", path,
                        syntax_for(path));
  } else {
    log_reset(kb);
    int rc = librdf_parser_parse_counted_string_into_model(parser, (const unsigned char *)text, len,
                                                           base, kb->model);
    if (rc != 0 || kb->log[0] != '\0')
      st = parse_error(kb, path, err);
  }
  if (parser)
    librdf_free_parser(parser);
  if (base)
    librdf_free_uri(base);
  free(base_str);
  free(text);
  return st;
}

csto_status csto_kbfile_load_dir(csto_kbfile *kb, const char *dir, size_t *files,
                                 csto_error *err) {
  char **names;
  size_t n;
  if (files)
    *files = 0;
  csto_status st = csto_ttl_list_dir(dir, &names, &n, err);
  for (size_t i = 0; st == CSTO_OK && i < n; i++) {
    size_t len = strlen(dir) + strlen(names[i]) + 2;
    char *path = malloc(len);
    if (!path) {
      st = csto_error_set(err, CSTO_ERR_NOMEM, "out of memory");
      break;
    }
    snprintf(path, len, "%s/%s", dir, names[i]);
    st = csto_kbfile_load(kb, path, err);
    free(path);
    if (st == CSTO_OK && files)
      (*files)++;
  }
  csto_ttl_names_free(names, n);
  return st;
}

/* ------------------------------------------------------------------------------------ */
/* Statistics */

static int has_type(csto_kbfile *kb, librdf_node *subject, const char *cls) {
  librdf_statement *st = librdf_new_statement_from_nodes(
      kb->world, librdf_new_node_from_node(subject), iri(kb, RDF_TYPE), iri(kb, cls));
  int found = st && librdf_model_contains_statement(kb->model, st);
  if (st)
    librdf_free_statement(st);
  return found;
}

/* Whether subject already counted as an entity under a class before index t. */
static int counted_before(csto_kbfile *kb, librdf_node *subject, int t) {
  char cls[128];
  for (int i = 0; i < t; i++) {
    snprintf(cls, sizeof cls, "%s%s", NS_CSTO, type_names[i]);
    if (has_type(kb, subject, cls))
      return 1;
  }
  return 0;
}

static void count_labels(csto_kbfile *kb, librdf_node *subject, csto_kbfile_stats *out) {
  librdf_node *label = iri(kb, RDFS_LABEL), *alt = iri(kb, SKOS_ALT);
  size_t en = 0;
  librdf_iterator *it = librdf_model_get_targets(kb->model, subject, label);
  for (; it && !librdf_iterator_end(it); librdf_iterator_next(it)) {
    librdf_node *o = librdf_iterator_get_object(it);
    if (literal_in(o, "en"))
      en++;
    else if (literal_in(o, "ru"))
      out->labels_ru++;
  }
  if (it)
    librdf_free_iterator(it);
  out->labels_en += en;
  out->entities_without_en_label += en == 0;
  out->entities_with_several_en_labels += en > 1;
  it = librdf_model_get_targets(kb->model, subject, alt);
  for (; it && !librdf_iterator_end(it); librdf_iterator_next(it))
    out->alt_labels++;
  if (it)
    librdf_free_iterator(it);
  librdf_free_node(label);
  librdf_free_node(alt);
}

static void count_entity(csto_kbfile *kb, librdf_node *subject, csto_kbfile_stats *out) {
  librdf_node *same = iri(kb, OWL_SAMEAS);
  if (librdf_model_has_arc_out(kb->model, subject, same))
    out->with_sameas++;
  else
    out->without_sameas++;
  librdf_free_node(same);
  count_labels(kb, subject, out);
}

/* Visit every subject typed cls (visit may be NULL); returns how many there are. */
static size_t each_of_type(csto_kbfile *kb, const char *cls,
                           void (*visit)(csto_kbfile *, librdf_node *, void *), void *data) {
  librdf_node *type = iri(kb, RDF_TYPE), *c = iri(kb, cls);
  size_t n = 0;
  librdf_iterator *it = librdf_model_get_sources(kb->model, type, c);
  for (; it && !librdf_iterator_end(it); librdf_iterator_next(it)) {
    if (visit)
      visit(kb, librdf_iterator_get_object(it), data);
    n++;
  }
  if (it)
    librdf_free_iterator(it);
  librdf_free_node(type);
  librdf_free_node(c);
  return n;
}

struct stats_visit {
  csto_kbfile_stats *out;
  int type;
};

static void visit_entity(csto_kbfile *kb, librdf_node *subject, void *data) {
  struct stats_visit *v = data;
  if (counted_before(kb, subject, v->type))
    return;
  v->out->entities++;
  count_entity(kb, subject, v->out);
}

/* A session counts apart from the entities, with its own owl:sameAs count. */
static void visit_meeting(csto_kbfile *kb, librdf_node *subject, void *data) {
  csto_kbfile_stats *out = data;
  librdf_node *same = iri(kb, OWL_SAMEAS);
  out->meetings_with_sameas += librdf_model_has_arc_out(kb->model, subject, same) != 0;
  librdf_free_node(same);
}

csto_status csto_kbfile_stats_get(csto_kbfile *kb, csto_kbfile_stats *out, csto_error *err) {
  (void)err; /* nothing here can fail once the model exists */
  memset(out, 0, sizeof *out);
  out->triples = csto_kbfile_size(kb);
  char cls[128];
  for (int t = 0; t < CSTO_KBFILE_TYPE_COUNT; t++) {
    struct stats_visit v = {out, t};
    snprintf(cls, sizeof cls, "%s%s", NS_CSTO, type_names[t]);
    out->by_type[t] = each_of_type(kb, cls, visit_entity, &v);
  }
  out->post_holdings = each_of_type(kb, NS_CSTO "PostHolding", NULL, NULL);
  out->memberships = each_of_type(kb, NS_CSTO "Membership", NULL, NULL);
  out->meetings = each_of_type(kb, NS_CSTO "Event", visit_meeting, out);
  return CSTO_OK;
}

/* ------------------------------------------------------------------------------------ */
/* Import */

struct strvec {
  char **v;
  size_t n, cap;
};

static int strvec_push(struct strvec *sv, const char *s) {
  if (sv->n == sv->cap) {
    size_t cap = sv->cap ? 2 * sv->cap : 64;
    char **grown = realloc(sv->v, cap * sizeof *grown);
    if (!grown)
      return -1;
    sv->v = grown;
    sv->cap = cap;
  }
  if (!(sv->v[sv->n] = strdup(s)))
    return -1;
  sv->n++;
  return 0;
}

static void strvec_free(struct strvec *sv) {
  csto_ttl_names_free(sv->v, sv->n);
  sv->v = NULL;
  sv->n = sv->cap = 0;
}

/* The distinct wd:Q... subjects of the extract, sorted: a stable order makes the choice
 * between two items with the same label (see unique_iri) repeatable. */
static csto_status collect_items(csto_kbfile *extract, struct strvec *items, csto_error *err) {
  librdf_stream *s = librdf_model_as_stream(extract->model);
  if (!s)
    return csto_error_set(err, CSTO_ERR_RDF, "cannot read the extract's triples");
  csto_status st = CSTO_OK;
  for (; !librdf_stream_end(s); librdf_stream_next(s)) {
    const char *subj = node_iri(librdf_statement_get_subject(librdf_stream_get_object(s)));
    if (is_wd_item(subj) && strvec_push(items, subj) != 0) {
      st = csto_error_set(err, CSTO_ERR_NOMEM, "out of memory");
      break;
    }
  }
  librdf_free_stream(s);
  if (st != CSTO_OK || items->n == 0)
    return st;
  qsort(items->v, items->n, sizeof *items->v, csto_ttl_compare_names);
  size_t w = 1;
  for (size_t r = 1; r < items->n; r++) {
    if (strcmp(items->v[r], items->v[w - 1]) == 0)
      free(items->v[r]);
    else
      items->v[w++] = items->v[r];
  }
  items->n = w;
  return CSTO_OK;
}

/* Visit each node that get (librdf_model_get_targets or _sources) finds for the two given
 * nodes in kb; stops early when visit returns nonzero. */
static void each_node(csto_kbfile *kb, const char *a, const char *b,
                      librdf_iterator *(*get)(librdf_model *, librdf_node *, librdf_node *),
                      int (*visit)(librdf_node *, void *), void *data) {
  librdf_node *an = iri(kb, a), *bn = iri(kb, b);
  librdf_iterator *it = get(kb->model, an, bn);
  for (; it && !librdf_iterator_end(it); librdf_iterator_next(it))
    if (visit(librdf_iterator_get_object(it), data))
      break;
  if (it)
    librdf_free_iterator(it);
  librdf_free_node(an);
  librdf_free_node(bn);
}

/* Visit each target node of <s> <p> in kb. */
static void each_target(csto_kbfile *kb, const char *s, const char *p,
                        int (*visit)(librdf_node *, void *), void *data) {
  each_node(kb, s, p, librdf_model_get_targets, visit, data);
}

/* Keeps a copy of the smallest English literal seen, so that an item with two English
 * labels gets the same one on every run. (The iterator's nodes die with the iterator.) */
struct english_pick {
  char *best;
  int nomem;
};

static int pick_english(librdf_node *o, void *data) {
  struct english_pick *p = data;
  if (!literal_in(o, "en") || (p->best && strcmp(literal_text(o), p->best) >= 0))
    return 0;
  char *copy = strdup(literal_text(o));
  if (!copy) {
    p->nomem = 1;
    return 1;
  }
  free(p->best);
  p->best = copy;
  return 0;
}

/* The item's English label (caller frees): *label is NULL when it has none. */
static csto_status english_label(csto_kbfile *extract, const char *item, char **label,
                                 csto_error *err) {
  struct english_pick p = {NULL, 0};
  each_target(extract, item, RDFS_LABEL, pick_english, &p);
  *label = p.best;
  if (p.nomem) {
    free(p.best);
    *label = NULL;
    return csto_error_set(err, CSTO_ERR_NOMEM, "out of memory");
  }
  return CSTO_OK;
}

/* The subject that kb links to item with owl:sameAs, as a new string; NULL when none. */
static char *linked_iri(csto_kbfile *kb, const char *item) {
  if (!kb)
    return NULL;
  librdf_node *p = iri(kb, OWL_SAMEAS), *o = iri(kb, item);
  librdf_node *s = librdf_model_get_source(kb->model, p, o);
  char *out = node_iri(s) ? strdup(node_iri(s)) : NULL;
  if (s)
    librdf_free_node(s);
  librdf_free_node(p);
  librdf_free_node(o);
  return out;
}

struct other_check {
  const char *value; /* the label or item we compare against */
  int found;
};

static int differs_en(librdf_node *o, void *data) {
  struct other_check *c = data;
  if (literal_in(o, "en") && strcmp(literal_text(o), c->value) != 0)
    c->found = 1;
  return c->found;
}

static int differs_wd(librdf_node *o, void *data) {
  struct other_check *c = data;
  const char *v = node_iri(o);
  if (is_wd_item(v) && strcmp(v, c->value) != 0)
    c->found = 1;
  return c->found;
}

/* Whether kb gives s an English label other than label. */
static int other_label(csto_kbfile *kb, const char *s, const char *label) {
  struct other_check c = {label, 0};
  if (kb)
    each_target(kb, s, RDFS_LABEL, differs_en, &c);
  return c.found;
}

/* Whether kb already links s to a Wikidata item other than item. */
static int other_item(csto_kbfile *kb, const char *s, const char *item) {
  struct other_check c = {item, 0};
  if (kb)
    each_target(kb, s, OWL_SAMEAS, differs_wd, &c);
  return c.found;
}

struct import_ctx {
  csto_kbfile *target, *extract, *known;
  csto_kbfile_import_report *report;
  csto_error *err;
};

static int valid_utf8(const char *s) {
  utf8proc_ssize_t len = (utf8proc_ssize_t)strlen(s);
  for (utf8proc_ssize_t i = 0; i < len;) {
    utf8proc_int32_t c;
    utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i, len - i, &c);
    if (k <= 0)
      return 0;
    i += k;
  }
  return 1;
}

/* res:<slug>, or res:<slug>_Q<n> when that IRI already stands for another Wikidata item
 * (two people with one name must not merge). The slug is csto_slug's, so an imported
 * entity gets the IRI the extractor would mint for the same name. */
static csto_status unique_iri(struct import_ctx *c, const char *item, const char *label,
                              char **out) {
  *out = NULL;
  if (!valid_utf8(label))
    return csto_error_set(c->err, CSTO_ERR_INPUT, "<%s>: label is not valid UTF-8", item);
  char *slug = csto_slug(label, strlen(label));
  if (!slug)
    return csto_error_set(c->err, CSTO_ERR_NOMEM, "out of memory");
  const char *qid = item + strlen(NS_WD);
  size_t n = strlen(CSTO_KBFILE_NS_RES) + strlen(slug) + strlen(qid) + 2;
  *out = malloc(n);
  if (!*out) {
    free(slug);
    return csto_error_set(c->err, CSTO_ERR_NOMEM, "out of memory");
  }
  snprintf(*out, n, "%s%s", CSTO_KBFILE_NS_RES, slug);
  if (other_item(c->known, *out, item) || other_item(c->target, *out, item))
    snprintf(*out, n, "%s%s_%s", CSTO_KBFILE_NS_RES, slug, qid);
  free(slug);
  return CSTO_OK;
}

static const struct {
  const char *qid;
  const char *cls;
} class_map[] = {
    {"Q5", "Person"},     {"Q6256", "Country"}, {"Q3624078", "Country"},
    {"Q515", "City"},     {"Q5119", "City"},    {"Q484652", "InternationalOrganization"},
};

static const char *class_for(const char *wd_class) {
  if (!is_wd_item(wd_class))
    return NULL;
  const char *qid = wd_class + strlen(NS_WD);
  for (size_t i = 0; i < sizeof class_map / sizeof class_map[0]; i++)
    if (strcmp(class_map[i].qid, qid) == 0)
      return class_map[i].cls;
  return NULL;
}

/* What one item contributes besides its label, gathered while iterating the extract. */
struct item_out {
  struct import_ctx *c;
  const char *subject; /* our IRI */
  const char *label;   /* the chosen English label */
  int typed;
  csto_status st;
};

static int add_alt(librdf_node *o, void *data) {
  struct item_out *io = data;
  if (literal_in(o, "en") && strcmp(literal_text(o), io->label) != 0)
    io->st = add(io->c->target, io->subject, SKOS_ALT, literal_text(o), "en", io->c->err);
  return io->st != CSTO_OK;
}

static int add_type(librdf_node *o, void *data) {
  struct item_out *io = data;
  const char *cls = class_for(node_iri(o));
  if (!cls)
    return 0;
  char full[128];
  snprintf(full, sizeof full, "%s%s", NS_CSTO, cls);
  io->st = add(io->c->target, io->subject, RDF_TYPE, full, NULL, io->c->err);
  io->typed = 1;
  return io->st != CSTO_OK;
}

static int add_position(librdf_node *o, void *data) {
  struct item_out *io = data;
  const char *pos = node_iri(o);
  if (is_wd_item(pos))
    io->st = add(io->c->target, io->subject, NS_CSTO "positionHeldItem", pos, NULL, io->c->err);
  return io->st != CSTO_OK;
}

static csto_status write_item(struct import_ctx *c, const char *item, const char *subject,
                              const char *label) {
  csto_kbfile *t = c->target;
  /* A second English rdfs:label would break "exactly one label"; keep it as an alias. */
  int as_alt = other_label(c->known, subject, label) || other_label(t, subject, label);
  csto_status st = add(t, subject, as_alt ? SKOS_ALT : RDFS_LABEL, label, "en", c->err);
  if (st == CSTO_OK)
    st = add(t, subject, OWL_SAMEAS, item, NULL, c->err);
  if (st == CSTO_OK)
    st = add(t, subject, NS_CSTO "wikidataEvidence", IMPORT_EVIDENCE, "", c->err);
  struct item_out io = {c, subject, label, 0, st};
  if (io.st == CSTO_OK)
    each_target(c->extract, item, SKOS_ALT, add_alt, &io);
  if (io.st == CSTO_OK)
    each_target(c->extract, item, WDT_P31, add_type, &io);
  if (io.st == CSTO_OK)
    each_target(c->extract, item, WDT_P39, add_position, &io);
  c->report->typed += io.typed;
  return io.st;
}

static csto_status import_item(struct import_ctx *c, const char *item) {
  char *label;
  csto_status st = english_label(c->extract, item, &label, c->err);
  if (st != CSTO_OK)
    return st;
  if (!label) {
    c->report->skipped++;
    return CSTO_OK;
  }
  char *subject = linked_iri(c->known, item);
  if (!subject && c->known != c->target)
    subject = linked_iri(c->target, item);
  if (subject)
    c->report->reused++;
  else
    st = unique_iri(c, item, label, &subject);
  if (st == CSTO_OK)
    st = write_item(c, item, subject, label);
  if (st == CSTO_OK)
    c->report->imported++;
  free(subject);
  free(label);
  return st;
}

/* Visit each subject node of <?> <p> <o> in kb. */
static void each_source(csto_kbfile *kb, const char *p, const char *o,
                        int (*visit)(librdf_node *, void *), void *data) {
  each_node(kb, p, o, librdf_model_get_sources, visit, data);
}

/* Our IRI for an item, once the items are imported: the subject target or known links to
 * it (caller frees); NULL when neither does. */
static char *subject_of(struct import_ctx *c, const char *item) {
  char *s = linked_iri(c->target, item);
  return s ? s : linked_iri(c->known, item);
}

/* What follows the last '/' or '#' of an IRI: "Sadyr_Japarov" of res:Sadyr_Japarov. */
static const char *local_name(const char *iri) {
  const char *slash = strrchr(iri, '/'), *hash = strrchr(iri, '#');
  const char *last = slash > hash ? slash : hash;
  return last ? last + 1 : iri;
}

/* One P39 statement of a holder, as it is read from the extract. */
struct p39 {
  struct import_ctx *c;
  const char *holder; /* our IRI */
  char *office;       /* the position item */
  char *state;        /* our IRI of the state whose office it is */
  char start[11], end[11];
  csto_status st;
};

static int first_office(librdf_node *o, void *data) {
  struct p39 *h = data;
  const char *v = node_iri(o);
  if (!is_wd_item(v))
    return 0;
  if (!(h->office = strdup(v)))
    h->st = csto_error_set(h->c->err, CSTO_ERR_NOMEM, "out of memory");
  return 1;
}

static int known_state(librdf_node *o, void *data) {
  struct p39 *h = data;
  const char *item = node_iri(o);
  if (is_wd_item(item))
    h->state = subject_of(h->c, item);
  return h->state != NULL;
}

/* The day of a Wikidata time ("2019-03-01T00:00:00Z" -> "2019-03-01") into day. */
static int pick_day(librdf_node *o, void *data) {
  char *day = data;
  const char *v = librdf_node_is_literal(o) ? literal_text(o) : NULL;
  csto_date parsed;
  if (!v || strlen(v) < 10)
    return 0;
  memcpy(day, v, 10);
  day[10] = '\0';
  if (csto_date_parse(day, &parsed, NULL) == CSTO_OK)
    return 1;
  day[0] = '\0';
  return 0;
}

static csto_status write_holding(struct p39 *h, const char *role) {
  csto_kbfile *t = h->c->target;
  csto_error *err = h->c->err;
  size_t n = strlen(CSTO_KBFILE_NS_RES) + strlen(local_name(h->holder)) + strlen(role) +
             strlen(local_name(h->state)) + sizeof "holding____" + 10;
  char *holding = malloc(n), role_iri[128];
  if (!holding)
    return csto_error_set(err, CSTO_ERR_NOMEM, "out of memory");
  /* the start day, not its year as in the generated base: a new node, never a clash */
  snprintf(holding, n, "%sholding_%s_%s_%s_%s", CSTO_KBFILE_NS_RES, local_name(h->holder), role,
           local_name(h->state), h->start);
  snprintf(role_iri, sizeof role_iri, "%s%s", NS_CSTO, role);
  csto_status st = add(t, holding, RDF_TYPE, NS_CSTO "PostHolding", NULL, err);
  if (st == CSTO_OK)
    st = add(t, holding, NS_CSTO "holder", h->holder, NULL, err);
  if (st == CSTO_OK)
    st = add(t, holding, NS_CSTO "role", role_iri, NULL, err);
  if (st == CSTO_OK)
    st = add(t, holding, NS_CSTO "postIn", h->state, NULL, err);
  if (st == CSTO_OK)
    st = add_date(t, holding, NS_CSTO "startDate", h->start, err);
  if (st == CSTO_OK && h->end[0])
    st = add_date(t, holding, NS_CSTO "endDate", h->end, err);
  if (st == CSTO_OK)
    h->c->report->holdings++;
  free(holding);
  return st;
}

/* The offices whose holders the extract can date, and the role each is. */
static const struct {
  const char *office_of; /* state -> office */
  const char *role;
} office_roles[] = {{WDT_P1906, "HeadOfState"}, {WDT_P1313, "HeadOfGovernment"}};

/* A p:P39 statement of a holder: a csto:PostHolding when its office is a state's head of
 * state or government office (wdt:P1906/P1313 in the extract), the state is imported or
 * known, and it has a start day; anything else is left out. data: the holder's struct p39,
 * whose st gets the outcome. */
static int statement_holding(librdf_node *o, void *data) {
  struct p39 *of = data;
  struct p39 h = {.c = of->c, .holder = of->holder, .st = CSTO_OK};
  const char *statement = node_iri(o);
  if (statement)
    each_target(h.c->extract, statement, PS_P39, first_office, &h);
  for (size_t i = 0; h.office && !h.state && i < sizeof office_roles / sizeof office_roles[0]; i++) {
    each_source(h.c->extract, office_roles[i].office_of, h.office, known_state, &h);
    if (!h.state)
      continue;
    each_target(h.c->extract, statement, PQ_START, pick_day, h.start);
    each_target(h.c->extract, statement, PQ_END, pick_day, h.end);
    if (h.start[0])
      h.st = write_holding(&h, office_roles[i].role);
  }
  free(h.office);
  free(h.state);
  of->st = h.st;
  return h.st != CSTO_OK;
}

/* The dated posts of one imported item, from its full P39 statements. */
static csto_status import_holdings(struct import_ctx *c, const char *item) {
  char *holder = subject_of(c, item);
  if (!holder)
    return CSTO_OK; /* not imported: no English label */
  struct p39 h = {.c = c, .holder = holder, .st = CSTO_OK};
  each_target(c->extract, item, P_P39, statement_holding, &h);
  free(holder);
  return h.st;
}

csto_status csto_kbfile_import_wikidata(csto_kbfile *target, csto_kbfile *extract,
                                        csto_kbfile *known, csto_kbfile_import_report *report,
                                        csto_error *err) {
  csto_kbfile_import_report local;
  if (!report)
    report = &local;
  memset(report, 0, sizeof *report);
  struct strvec items = {0};
  csto_status st = collect_items(extract, &items, err);
  size_t before = csto_kbfile_size(target);
  struct import_ctx c = {target, extract, known, report, err};
  report->items = items.n;
  for (size_t i = 0; st == CSTO_OK && i < items.n; i++)
    st = import_item(&c, items.v[i]);
  /* after every item has its IRI, so that a holding finds its state whatever the order */
  for (size_t i = 0; st == CSTO_OK && i < items.n; i++)
    st = import_holdings(&c, items.v[i]);
  report->added = csto_kbfile_size(target) - before;
  strvec_free(&items);
  return st;
}

/* ------------------------------------------------------------------------------------ */
/* Writing */

static const char *const prefixes[][2] = {
    {"csto", NS_CSTO},  {"res", CSTO_KBFILE_NS_RES}, {"wd", NS_WD}, {"owl", NS_OWL},
    {"rdfs", NS_RDFS},  {"skos", NS_SKOS},           {"xsd", NS_XSD},
};

static csto_status serialize(csto_kbfile *kb, FILE *to, const char *path, csto_error *err) {
  librdf_serializer *ser = librdf_new_serializer(kb->world, "turtle", NULL, NULL);
  if (!ser)
    return csto_error_set(err, CSTO_ERR_RDF, "cannot create a Turtle serializer");
  for (size_t i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++) {
    librdf_uri *ns = librdf_new_uri(kb->world, (const unsigned char *)prefixes[i][1]);
    if (ns) {
      librdf_serializer_set_namespace(ser, ns, prefixes[i][0]);
      librdf_free_uri(ns);
    }
  }
  log_reset(kb);
  /* No base URI: with one, raptor writes @base and relative IRIs. */
  int rc = librdf_serializer_serialize_model_to_file_handle(ser, to, NULL, kb->model);
  librdf_free_serializer(ser);
  if (rc != 0)
    return csto_error_set(err, CSTO_ERR_RDF, "%s: cannot write Turtle%s%s", path,
                          kb->log[0] ? ": " : "", kb->log);
  return CSTO_OK;
}

csto_status csto_kbfile_write(csto_kbfile *kb, const char *path, csto_error *err) {
  csto_output *out;
  csto_status st = csto_output_open(path, &out, err);
  if (st != CSTO_OK)
    return st;
  st = serialize(kb, csto_output_stream(out), path ? path : "-", err);
  if (st != CSTO_OK) {
    csto_output_abort(out);
    return st;
  }
  return csto_output_commit(out, err);
}
