/* Loading the knowledge base and lexicon from Turtle, and the gazetteer that maps normalized
 * phrases to what they can mean.
 *
 * serd streams each file's triples, in file order, into one list; everything is built from
 * that list, so the order of a phrase's meanings follows the files and never a hash table's
 * order (which changes with the size of the data). The lexicon is checked as it is read. */
#define _XOPEN_SOURCE 700 /* realpath */
#include "csto/kb.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "csto/calendar.h"
#include "csto/kbfile.h"
#include "csto/normalize.h"
#include "csto/segmenter.h"
#include "array.h"
#include "kbload.h"
#include "strmap.h"

#define RDF_TYPE "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
#define RDFS_LABEL "http://www.w3.org/2000/01/rdf-schema#label"
#define SKOS_ALT "http://www.w3.org/2004/02/skos/core#altLabel"
#define OWL_SAME "http://www.w3.org/2002/07/owl#sameAs"

struct csto_kb {
  csto_kb_entity **entities;
  size_t n_entities, cap_entities;
  csto_kb_holding *holdings;
  size_t n_holdings, cap_holdings;
  const csto_kb_holding **by_post; /* those with a holder, by post, role, then file order */
  size_t n_by_post;
  csto_kb_session *sessions;
  size_t n_sessions, cap_sessions;
  const csto_kb_session **by_place; /* the sessions by body, city, then start */
  csto_lex_entry *entries; /* one array: a gazetteer has thousands */
  size_t n_entries, cap_entries;
  csto_strmap *phrases;    /* normalized phrase -> entry indexes, in the order read; every
                            proper prefix of a phrase marked */
  csto_strmap *surnames;   /* normalized surname -> person entity index */
  size_t max_tokens;
};

/* The ontology's individuals and the lexicon's categories, from their declarations. */
#define ROLE_NAME_(id, name, title) name,
#define ROLE_TITLE_(id, name, title) title,
#define CLASS_NAME_(id, name, lexicon) name,
#define CLASS_LEXICON_(id, name, lexicon) lexicon,
#define MODE_NAME_(id, name) name,
#define CUE_NAME_(id, name) name,
static const char *const role_names[CSTO_ROLE_COUNT] = {NULL, CSTO_ROLES(ROLE_NAME_)};
static const char *const role_titles[CSTO_ROLE_COUNT] = {NULL, CSTO_ROLES(ROLE_TITLE_)};
static const char *const class_names[CSTO_EVENT_CLASS_COUNT] = {CSTO_EVENT_CLASSES(CLASS_NAME_)};
static const char *const class_lexicon[CSTO_EVENT_CLASS_COUNT] = {
    CSTO_EVENT_CLASSES(CLASS_LEXICON_)};
static const char *const mode_names[] = {NULL, CSTO_MODES(MODE_NAME_)};
static const char *const cue_names[CSTO_CUE_COUNT] = {NULL, CSTO_CUES(CUE_NAME_)};
enum { N_MODE_NAMES = sizeof mode_names / sizeof mode_names[0] };

const char *csto_role_name(csto_role role) {
  return role > CSTO_ROLE_NONE && role < CSTO_ROLE_COUNT ? role_names[role] : "Role";
}
const char *csto_role_title(csto_role role) {
  return role > CSTO_ROLE_NONE && role < CSTO_ROLE_COUNT ? role_titles[role] : "Post";
}
const char *csto_event_class_name(csto_event_class cls) {
  return cls < CSTO_EVENT_CLASS_COUNT ? class_names[cls] : "Event";
}
int csto_role_is_national(csto_role role) { return role <= CSTO_ROLE_SECURITY_COUNCIL_SECRETARY; }

static int index_of(const char *const *names, int n, const char *local) {
  for (int i = 0; i < n; i++)
    if (names[i] && strcmp(names[i], local) == 0)
      return i;
  return -1;
}

static const char *local_after(const char *iri, const char *ns) {
  size_t n = strlen(ns);
  return strncmp(iri, ns, n) == 0 ? iri + n : NULL;
}

/* Derive term id's phrase (csto_normalize'd tokens joined by one space; "" when it has none)
 * and where each token ends, and keep them in the table. 0, or -1 when out of memory. */
static int derive_phrase(csto_ttl *t, int id) {
  const char *text = csto_ttl_term(t, id);
  csto_token *toks;
  size_t n;
  if (csto_tokenize(text, strlen(text), &toks, &n, NULL) != CSTO_OK)
    return -1;
  char *phrase = csto_tokens_phrase(toks, 0, n);
  uint32_t *ends = malloc((n ? n : 1) * sizeof *ends);
  size_t at = 0;
  for (size_t k = 0; ends && k < n; k++) {
    at += (k ? 1 : 0) + strlen(toks[k].norm); /* the space before it, then the token */
    ends[k] = (uint32_t)at;
  }
  int rc = phrase && ends ? csto_ttl_phrase_set(t, id, phrase, ends, n) : -1;
  free(ends);
  free(phrase);
  csto_tokens_free(toks, n);
  return rc;
}

/* The normalized phrase of term id, its token count in *n and where each token ends in
 * *ends: derived once, then kept in the table and its snapshot. Valid until the next phrase
 * is derived; NULL when out of memory. */
static const char *phrase_of(csto_ttl *t, int id, size_t *n, const uint32_t **ends) {
  const char *phrase;
  if (csto_ttl_phrase_get(t, id, &phrase, ends, n) == 0 ||
      (derive_phrase(t, id) == 0 && csto_ttl_phrase_get(t, id, &phrase, ends, n) == 0))
    return phrase;
  return NULL;
}

/* Every proper prefix of a phrase of n tokens (ends: where each ends), for longest match. */
static int add_prefixes(csto_kb *kb, const char *phrase, const uint32_t *ends, size_t n) {
  for (size_t k = 1; k < n; k++)
    if (csto_strmap_mark_n(kb->phrases, phrase, ends[k - 1]) != 0)
      return -1;
  return 0;
}

/* Add a meaning to a normalized phrase of n tokens, after its earlier ones; a meaning it
 * already has (an alias equal to the label) is kept once. */
static int add_meaning(csto_kb *kb, const char *phrase, size_t n, csto_lex_kind kind, int value,
                       const csto_kb_entity *entity) {
  const int *v;
  size_t known = csto_strmap_get(kb->phrases, phrase, &v);
  for (size_t i = 0; i < known; i++) {
    const csto_lex_entry *e = &kb->entries[v[i]];
    if (e->kind == kind && e->value == value && e->entity == entity)
      return 0;
  }
  if (csto_array_reserve((void **)&kb->entries, &kb->cap_entries, kb->n_entries,
                         sizeof *kb->entries) != 0)
    return -1;
  kb->entries[kb->n_entries] = (csto_lex_entry){kind, value, entity};
  if (n > kb->max_tokens)
    kb->max_tokens = n;
  return csto_strmap_add(kb->phrases, phrase, (int)kb->n_entries++);
}

/* A meaning of the phrase of literal term id. */
static int add_entry(csto_kb *kb, csto_ttl *t, int id, csto_lex_kind kind, int value,
                     const csto_kb_entity *entity) {
  size_t n;
  const uint32_t *ends;
  const char *phrase = phrase_of(t, id, &n, &ends);
  if (!phrase || add_prefixes(kb, phrase, ends, n) != 0)
    return -1;
  return n == 0 ? 0 : add_meaning(kb, phrase, n, kind, value, entity);
}

static const char *object_iri(const csto_ttl *ttl, const csto_ttl_triple *t) {
  return t->literal ? NULL : csto_ttl_term(ttl, t->o);
}

static const char *object_text(const csto_ttl *ttl, const csto_ttl_triple *t) {
  return t->literal ? csto_ttl_term(ttl, t->o) : NULL;
}

/* ---- reading the Turtle files (kbload.h): the lexicon, then dir/kb/ *.ttl in name order -- */

/* The files to read: data_dir/lexicon.ttl, then data_dir/kb/NAME.ttl in name order; free
 * with csto_ttl_names_free. */
static csto_status kb_paths(const char *dir, char ***paths, size_t *n, csto_error *err) {
  char path[4096];
  snprintf(path, sizeof path, "%s/kb", dir);
  char **names;
  size_t count;
  csto_status st = csto_ttl_list_dir(path, &names, &count, err);
  if (st != CSTO_OK)
    return st;
  *n = 0;
  if (!(*paths = calloc(count + 1, sizeof **paths)))
    st = csto_error_set(err, CSTO_ERR_NOMEM, "out of memory");
  for (size_t i = 0; st == CSTO_OK && i <= count; i++) {
    if (i == 0)
      snprintf(path, sizeof path, "%s/lexicon.ttl", dir);
    else
      snprintf(path, sizeof path, "%s/kb/%s", dir, names[i - 1]);
    if (!((*paths)[i] = strdup(path)))
      st = csto_error_set(err, CSTO_ERR_NOMEM, "out of memory");
    else
      (*n)++;
  }
  csto_ttl_names_free(names, count);
  return st;
}

/* The snapshot of data_dir's table in cache_dir: one file per data folder, named by a hash
 * of its absolute path; NULL when there is no cache (or no memory: it is only a cache). */
static char *snapshot_path(const char *cache_dir, const char *data_dir) {
  if (!cache_dir || !*cache_dir)
    return NULL;
  char *abs = realpath(data_dir, NULL);
  uint64_t h = 1469598103934665603ULL; /* FNV-1a */
  for (const char *c = abs ? abs : data_dir; *c; c++)
    h = (h ^ (unsigned char)*c) * 1099511628211ULL;
  free(abs);
  size_t n = strlen(cache_dir) + 48;
  char *path = malloc(n);
  if (path)
    snprintf(path, n, "%s/kb-%016llx.snapshot", cache_dir, (unsigned long long)h);
  return path;
}

/* ---- the lexicon, checked as it is read: each subject is a meaning, each lex:phrase one of
 * its phrases. A phrase has two meanings only when lex:Ambiguous lists it too, or when one is
 * a lex:Trait (a property of words, such as "never starts a name", not what they say). ---- */

#define LEX_AMBIGUOUS CSTO_LEX_NS "Ambiguous"

typedef struct {
  const csto_ttl_triple *first; /* where it first appears */
  const char *type;             /* the lex: local name of its rdf:type, or NULL */
  int trait;                    /* a lex:Trait: its phrases may mean other things too */
  const csto_ttl_triple *value; /* its lex:value, or NULL */
  csto_lex_kind kind;           /* its meaning, once known */
  int meaning;
} lex_subject;

typedef struct {
  csto_kb *kb;
  csto_ttl *ttl;                /* non-const: phrases are derived into it */
  const csto_ttl_triple *items; /* the lexicon's triples, in file order */
  size_t n;
  lex_subject *subjects;
  size_t n_subjects, cap_subjects;
  csto_strmap *index;  /* subject IRI -> subjects index */
  csto_strmap *seen;   /* normalized phrase -> items index of each listing */
  csto_strmap *marked; /* normalized phrase lex:Ambiguous lists -> items index */
  csto_error *err;
} lexicon;

static const char *subject_iri(const lexicon *lx, const csto_ttl_triple *t) {
  return csto_ttl_term(lx->ttl, t->s);
}

/* An IRI as the lexicon writes it: lex:X, csto:X or <iri>. */
static const char *short_iri(const char *iri, char *buf, size_t size) {
  const char *local;
  if (!iri)
    snprintf(buf, size, "a literal or blank node");
  else if ((local = local_after(iri, CSTO_LEX_NS)))
    snprintf(buf, size, "lex:%s", local);
  else if ((local = local_after(iri, CSTO_NS)))
    snprintf(buf, size, "csto:%s", local);
  else
    snprintf(buf, size, "<%s>", iri);
  return buf;
}

/* An error at line of t's file. */
static csto_status lex_error(lexicon *lx, const csto_ttl_triple *t, int line, const char *fmt,
                             ...) __attribute__((format(printf, 4, 5)));

static csto_status lex_error(lexicon *lx, const csto_ttl_triple *t, int line, const char *fmt,
                             ...) {
  char what[400];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(what, sizeof what, fmt, ap);
  va_end(ap);
  return csto_error_set(lx->err, CSTO_ERR_DATA, "%s:%d: %s", lx->ttl->files[t->file], line,
                        what);
}

static const char *phrase_text(const lexicon *lx, const csto_ttl_triple *t) {
  return object_text(lx->ttl, t);
}

/* The line of the phrase of items[i]. serd gives the line it was reading when the phrase ended;
 * the phrase's own line is the one from there that quotes it, after as many quotes of it
 * on that line as the statement listed before. */
static int phrase_line(const lexicon *lx, size_t i) {
  const csto_ttl_triple *t = &lx->items[i];
  const char *text = phrase_text(lx, t);
  int skip = 0, no = 0, found = 0;
  for (size_t k = 0; k < i; k++)
    skip += lx->items[k].line == t->line && lx->items[k].file == t->file &&
            phrase_text(lx, &lx->items[k]) && strcmp(phrase_text(lx, &lx->items[k]), text) == 0;
  FILE *f = fopen(lx->ttl->files[t->file], "r");
  size_t size = strlen(text) + 3, cap = 0;
  char *quoted = malloc(size), *line = NULL;
  if (quoted)
    snprintf(quoted, size, "\"%s\"", text);
  while (f && quoted && !found && getline(&line, &cap, f) > 0 && ++no)
    for (const char *q = line; no >= t->line && !found && (q = strstr(q, quoted)); q++)
      found = skip-- == 0 ? no : 0;
  free(line);
  free(quoted);
  if (f)
    fclose(f);
  return found ? found : t->line;
}

static lex_subject *subject_of(lexicon *lx, const csto_ttl_triple *t) {
  const int *v;
  if (csto_strmap_get(lx->index, subject_iri(lx, t), &v))
    return &lx->subjects[v[0]];
  if (csto_array_reserve((void **)&lx->subjects, &lx->cap_subjects, lx->n_subjects,
                         sizeof *lx->subjects) != 0 ||
      csto_strmap_add(lx->index, subject_iri(lx, t), (int)lx->n_subjects) != 0)
    return NULL;
  lx->subjects[lx->n_subjects] = (lex_subject){.first = t};
  return &lx->subjects[lx->n_subjects++];
}

static int is_integer(const char *text) {
  char *end;
  errno = 0;
  long v = strtol(text, &end, 10);
  return *text && !*end && errno == 0 && v >= -100000 && v <= 100000;
}

/* One triple's predicate and object: what it says of its subject. */
static csto_status read_statement(lexicon *lx, const csto_ttl_triple *t) {
  static const char *const types[] = {"Cue", "Month", "Weekday", "RelativeDay", "Trait"};
  const char *p = csto_ttl_term(lx->ttl, t->p), *o = object_iri(lx->ttl, t), *text;
  char b1[256], b2[256];
  lex_subject *s = subject_iri(lx, t) ? subject_of(lx, t) : NULL;
  if (!subject_iri(lx, t))
    return lex_error(lx, t, t->line, "a lexicon entry must be named (lex:X or csto:X)");
  if (!s)
    return csto_error_set(lx->err, CSTO_ERR_NOMEM, "out of memory");
  if (strcmp(p, CSTO_LEX_NS "phrase") == 0)
    return object_text(lx->ttl, t) ? CSTO_OK
           : lex_error(lx, t, t->line, "lex:phrase of %s is not a string",
                       short_iri(subject_iri(lx, t), b1, sizeof b1));
  if (strcmp(p, CSTO_LEX_NS "value") == 0) {
    if (!(text = object_text(lx->ttl, t)) || !is_integer(text))
      return lex_error(lx, t, t->line, "lex:value of %s is not an integer",
                       short_iri(subject_iri(lx, t), b1, sizeof b1));
    s->value = t;
    return CSTO_OK;
  }
  if (strcmp(p, RDF_TYPE) != 0)
    return lex_error(lx, t, t->line, "unknown lexicon property %s",
                     short_iri(p, b1, sizeof b1));
  const char *local = o ? local_after(o, CSTO_LEX_NS) : NULL;
  int i = local ? index_of(types, sizeof types / sizeof types[0], local) : -1;
  if (i < 0)
    return lex_error(lx, t, t->line, "unknown lexicon class %s (of %s)",
                     short_iri(o, b1, sizeof b1), short_iri(subject_iri(lx, t), b2, sizeof b2));
  if (strcmp(types[i], "Trait") == 0)
    s->trait = 1;
  else
    s->type = types[i];
  return CSTO_OK;
}

/* What a subject's phrases mean, from its IRI, type and value. */
static csto_status resolve_subject(lexicon *lx, lex_subject *s) {
  const char *iri = subject_iri(lx, s->first), *local;
  int i;
  char b[256];
  if ((i = index_of(class_lexicon, CSTO_EVENT_CLASS_COUNT, iri)) >= 0)
    return s->kind = CSTO_LEX_EVENT_NOUN, s->meaning = i, CSTO_OK;
  if ((local = local_after(iri, CSTO_NS)) && (i = index_of(role_names, CSTO_ROLE_COUNT, local)) > 0)
    return s->kind = CSTO_LEX_ROLE, s->meaning = i, CSTO_OK;
  if (local && (i = index_of(mode_names, N_MODE_NAMES, local)) > 0)
    return s->kind = CSTO_LEX_MODE, s->meaning = i, CSTO_OK;
  local = local_after(iri, CSTO_LEX_NS);
  if (local && s->type && strcmp(s->type, "Cue") != 0) {
    static const struct { const char *type; csto_lex_kind kind; int min, max; } dates[] = {
        {"Month", CSTO_LEX_MONTH, 1, 12},
        {"Weekday", CSTO_LEX_WEEKDAY, 0, 6},
        {"RelativeDay", CSTO_LEX_RELATIVE_DAY, -100000, 100000}};
    for (size_t k = 0; k < sizeof dates / sizeof dates[0]; k++) {
      if (strcmp(s->type, dates[k].type) != 0)
        continue;
      int v = s->value ? atoi(object_text(lx->ttl, s->value)) : 0;
      if (!s->value || v < dates[k].min || v > dates[k].max)
        return lex_error(lx, s->first, s->first->line,
                         "lex:%s needs a lex:value from %d to %d", local, dates[k].min,
                         dates[k].max);
      return s->kind = dates[k].kind, s->meaning = v, CSTO_OK;
    }
  }
  if (local && (i = index_of(cue_names, CSTO_CUE_COUNT, local)) > 0)
    return s->kind = CSTO_LEX_CUE, s->meaning = i, CSTO_OK;
  if (local && s->type)
    return lex_error(lx, s->first, s->first->line, "unknown cue lex:%s", local);
  return lex_error(lx, s->first, s->first->line, "unknown lexicon class %s",
                   short_iri(iri, b, sizeof b));
}

static int is_marker(const lexicon *lx, const csto_ttl_triple *t) {
  return strcmp(subject_iri(lx, t), LEX_AMBIGUOUS) == 0;
}

/* A phrase listed under lex:Ambiguous, before any other phrase is read. */
static csto_status read_mark(lexicon *lx, size_t i, const char *phrase, const char *text) {
  const int *v;
  const csto_ttl_triple *t = &lx->items[i];
  if (csto_strmap_get(lx->marked, phrase, &v))
    return lex_error(lx, t, phrase_line(lx, i), "\"%s\" is listed twice under lex:Ambiguous",
                     text);
  return csto_strmap_add(lx->marked, phrase, (int)i) == 0
             ? CSTO_OK : csto_error_set(lx->err, CSTO_ERR_NOMEM, "out of memory");
}

/* A phrase of a meaning: a new meaning of a phrase listed before needs lex:Ambiguous, unless
 * one of the two is a trait. */
static csto_status read_meaning(lexicon *lx, size_t i, const char *phrase, size_t n,
                                const char *text) {
  const int *v;
  const csto_ttl_triple *t = &lx->items[i];
  const lex_subject *s = subject_of(lx, t);
  size_t k = csto_strmap_get(lx->seen, phrase, &v);
  char b1[256], b2[256];
  for (size_t j = 0; j < k; j++) {
    const csto_ttl_triple *earlier = &lx->items[v[j]];
    const int *marked;
    if (earlier->s == t->s) /* interned: one IRI, one id */
      return lex_error(lx, t, phrase_line(lx, i), "\"%s\" is listed twice under %s", text,
                       short_iri(subject_iri(lx, t), b1, sizeof b1));
    if (!s->trait && !subject_of(lx, earlier)->trait &&
        !csto_strmap_get(lx->marked, phrase, &marked))
      return lex_error(lx, t, phrase_line(lx, i),
                       "\"%s\" is listed under %s (line %d) and %s: list it under lex:Ambiguous "
                       "if it means both, else drop one",
                       text, short_iri(subject_iri(lx, earlier), b1, sizeof b1),
                       phrase_line(lx, (size_t)v[j]), short_iri(subject_iri(lx, t), b2, sizeof b2));
  }
  if (add_meaning(lx->kb, phrase, n, s->kind, s->meaning, NULL) != 0 ||
      csto_strmap_add(lx->seen, phrase, (int)i) != 0)
    return csto_error_set(lx->err, CSTO_ERR_NOMEM, "out of memory");
  return CSTO_OK;
}

/* Each lex:phrase triple, the marks (pass 0) before the meanings (pass 1); then every mark
 * must name a phrase that does have two meanings (pass 2). */
static csto_status read_phrases(lexicon *lx, int pass) {
  csto_status st = CSTO_OK;
  for (size_t i = 0; st == CSTO_OK && i < lx->n; i++) {
    const csto_ttl_triple *t = &lx->items[i];
    const char *text = object_text(lx->ttl, t);
    const int *v;
    size_t n;
    const uint32_t *ends;
    int marks = pass != 1; /* passes 0 and 2 read the marks */
    if (strcmp(csto_ttl_term(lx->ttl, t->p), CSTO_LEX_NS "phrase") != 0 ||
        is_marker(lx, t) != marks)
      continue;
    const char *phrase = phrase_of(lx->ttl, t->o, &n, &ends);
    if (!phrase || (pass == 1 && add_prefixes(lx->kb, phrase, ends, n) != 0))
      st = csto_error_set(lx->err, CSTO_ERR_NOMEM, "out of memory");
    else if (n == 0)
      st = lex_error(lx, t, phrase_line(lx, i), "phrase \"%s\" has no words", text);
    else if (pass == 0)
      st = read_mark(lx, i, phrase, text);
    else if (pass == 1)
      st = read_meaning(lx, i, phrase, n, text);
    else if (csto_strmap_get(lx->seen, phrase, &v) < 2)
      st = lex_error(lx, t, phrase_line(lx, i),
                     "lex:Ambiguous lists \"%s\", which has one meaning", text);
  }
  return st;
}

static csto_status read_lexicon(csto_kb *kb, csto_ttl *ttl, size_t n, csto_error *err) {
  lexicon lx = {kb, ttl, ttl->items, n, NULL, 0, 0, csto_strmap_new(), csto_strmap_new(),
                csto_strmap_new(), err};
  csto_status st = lx.index && lx.seen && lx.marked
                       ? CSTO_OK : csto_error_set(err, CSTO_ERR_NOMEM, "out of memory");
  for (size_t i = 0; st == CSTO_OK && i < n; i++)
    st = read_statement(&lx, &lx.items[i]);
  for (size_t i = 0; st == CSTO_OK && i < lx.n_subjects; i++)
    if (!is_marker(&lx, lx.subjects[i].first))
      st = resolve_subject(&lx, &lx.subjects[i]);
  for (int pass = 0; st == CSTO_OK && pass < 3; pass++)
    st = read_phrases(&lx, pass);
  free(lx.subjects);
  csto_strmap_free(lx.index);
  csto_strmap_free(lx.seen);
  csto_strmap_free(lx.marked);
  return st;
}

/* ---- from the knowledge base's triples to entities and holdings ------------------------ */

/* What the knowledge base's IRIs name so far, by term id. */
typedef struct {
  csto_kb *kb;
  csto_ttl *ttl;              /* non-const: phrases are derived into it */
  csto_kb_entity **entity_at; /* term -> its entity, or NULL */
  size_t *holding_at;         /* term -> 1 + its index in kb->holdings, or 0 */
  size_t *session_at;         /* term -> 1 + its index in kb->sessions, or 0 */
  int failed;                 /* out of memory */
} builder;

typedef void (*triple_fn)(builder *b, const csto_ttl_triple *t, int arg);

typedef struct {
  const char *predicate;
  triple_fn fn;
  int arg;
} handler;

enum { MAX_HANDLERS = 16 };

/* One pass over the triples from `from` on, in file order, each about a named subject
 * handed to the handlers of its predicate. Most triples have none: a mark per predicate
 * passes them over without trying each handler. */
static void dispatch(builder *b, size_t from, const handler *handlers, size_t n_handlers) {
  int ids[MAX_HANDLERS];
  unsigned char *handled = calloc(b->ttl->n_terms + 1, 1);
  if (!handled) {
    b->failed = 1;
    return;
  }
  for (size_t i = 0; i < n_handlers; i++)
    if ((ids[i] = csto_ttl_iri(b->ttl, handlers[i].predicate)) >= 0) /* -1: no file uses it */
      handled[ids[i]] = 1;
  for (size_t k = from; k < b->ttl->n; k++) {
    const csto_ttl_triple *t = &b->ttl->items[k];
    for (size_t i = 0; t->s >= 0 && handled[t->p] && i < n_handlers; i++)
      if (t->p == ids[i])
        handlers[i].fn(b, t, handlers[i].arg);
  }
  free(handled);
}

/* The entity term id names, or NULL (also for -1, a blank node or literal object). */
static csto_kb_entity *entity(const builder *b, int id) {
  return id >= 0 ? b->entity_at[id] : NULL;
}

static csto_kb_entity *object_entity(const builder *b, const csto_ttl_triple *t) {
  return t->literal ? NULL : entity(b, t->o);
}

/* The local name of an object IRI in the csto: namespace, or NULL. */
static const char *object_local(const builder *b, const csto_ttl_triple *t) {
  const char *iri = object_iri(b->ttl, t);
  return iri ? local_after(iri, CSTO_NS) : NULL;
}

static const struct {
  const char *cls;
  csto_entity_type type;
} entity_classes[] = {
    {CSTO_NS "Person", CSTO_ENTITY_PERSON},
    {CSTO_NS "Country", CSTO_ENTITY_COUNTRY},
    {CSTO_NS "City", CSTO_ENTITY_CITY},
    {CSTO_NS "Venue", CSTO_ENTITY_VENUE},
    {CSTO_NS "InternationalOrganization", CSTO_ENTITY_ORGANIZATION},
    {CSTO_NS "OrganizationBody", CSTO_ENTITY_BODY},
    {CSTO_NS "GovernmentBody", CSTO_ENTITY_GOVBODY},
};

static void on_type(builder *b, const csto_ttl_triple *t, int arg) {
  (void)arg;
  csto_kb *kb = b->kb;
  const char *cls = object_iri(b->ttl, t), *s = csto_ttl_term(b->ttl, t->s);
  for (size_t i = 0; cls && i < sizeof entity_classes / sizeof entity_classes[0]; i++) {
    if (strcmp(cls, entity_classes[i].cls) != 0 || entity(b, t->s))
      continue;
    csto_kb_entity *e = calloc(1, sizeof *e);
    if (!e || !(e->iri = strdup(s)) ||
        csto_array_reserve((void **)&kb->entities, &kb->cap_entities, kb->n_entities, sizeof e) != 0) {
      if (e)
        free(e->iri);
      free(e);
      b->failed = 1;
      return;
    }
    const char *local = local_after(e->iri, CSTO_RES_NS);
    e->local = local ? local : e->iri;
    e->type = entity_classes[i].type;
    kb->entities[kb->n_entities++] = b->entity_at[t->s] = e;
  }
}

static void on_label(builder *b, const csto_ttl_triple *t, int arg) {
  (void)arg;
  csto_kb_entity *e = entity(b, t->s);
  const char *text = object_text(b->ttl, t), *lang = csto_ttl_term(b->ttl, t->lang);
  if (!e || !text)
    return;
  if (lang && strcmp(lang, "en") == 0 && !e->label && !(e->label = strdup(text)))
    b->failed = 1;
  if (add_entry(b->kb, b->ttl, t->o, CSTO_LEX_ENTITY, 0, e) != 0)
    b->failed = 1;
}

static void on_demonym(builder *b, const csto_ttl_triple *t, int arg) {
  (void)arg;
  csto_kb_entity *e = entity(b, t->s);
  const char *text = object_text(b->ttl, t);
  if (e && text && add_entry(b->kb, b->ttl, t->o, CSTO_LEX_DEMONYM, 0, e) != 0)
    b->failed = 1;
}

static void on_same_as(builder *b, const csto_ttl_triple *t, int arg) {
  (void)arg;
  csto_kb_entity *e = entity(b, t->s);
  const char *iri = object_iri(b->ttl, t);
  if (e && iri && !e->wikidata && local_after(iri, CSTO_WD_NS) && !(e->wikidata = strdup(iri)))
    b->failed = 1;
}

enum link { LINK_COUNTRY, LINK_CAPITAL, LINK_PART_OF };

static void on_link(builder *b, const csto_ttl_triple *t, int which) {
  csto_kb_entity *e = entity(b, t->s);
  const csto_kb_entity *target = object_entity(b, t);
  if (!e || !target)
    return;
  if (which == LINK_COUNTRY)
    e->country = target;
  else if (which == LINK_CAPITAL)
    e->capital = target;
  else
    e->part_of = target;
}

static void on_meeting_class(builder *b, const csto_ttl_triple *t, int arg) {
  (void)arg;
  csto_kb_entity *e = entity(b, t->s);
  const char *local = object_local(b, t);
  int cls = local ? index_of(class_names, CSTO_EVENT_PLURAL, local) : -1;
  if (e && cls > 0)
    e->meeting_class = (csto_event_class)cls;
}

static void on_gender(builder *b, const csto_ttl_triple *t, int arg) {
  (void)arg;
  csto_kb_entity *e = entity(b, t->s);
  const char *local = object_local(b, t);
  if (e && local)
    e->gender = strcmp(local, "Female") == 0 ? CSTO_GENDER_FEMALE
                : strcmp(local, "Male") == 0 ? CSTO_GENDER_MALE : CSTO_GENDER_UNKNOWN;
}

/* csto:headRole (arg 0) or csto:memberRole (arg 1). */
static void on_role_of_body(builder *b, const csto_ttl_triple *t, int arg) {
  csto_kb_entity *e = entity(b, t->s);
  const char *local = object_local(b, t);
  int r = local ? index_of(role_names, CSTO_ROLE_COUNT, local) : -1;
  if (e && r > 0)
    *(arg ? &e->member_role : &e->head_role) = (csto_role)r;
}

static void on_government_leads(builder *b, const csto_ttl_triple *t, int arg) {
  (void)arg;
  csto_kb_entity *e = entity(b, t->s);
  const char *text = object_text(b->ttl, t);
  csto_date d;
  if (e && text && csto_date_parse(text, &d, NULL) == CSTO_OK)
    e->government_leads = d;
}

/* Post holdings: each holding node's fields, gathered. */
static csto_kb_holding *holding(builder *b, int s) {
  csto_kb *kb = b->kb;
  if (b->holding_at[s])
    return &kb->holdings[b->holding_at[s] - 1];
  if (csto_array_reserve((void **)&kb->holdings, &kb->cap_holdings, kb->n_holdings,
                         sizeof *kb->holdings)) {
    b->failed = 1;
    return NULL;
  }
  kb->holdings[kb->n_holdings] = (csto_kb_holding){0};
  b->holding_at[s] = ++kb->n_holdings;
  return &kb->holdings[kb->n_holdings - 1];
}

static void on_holder(builder *b, const csto_ttl_triple *t, int arg) {
  (void)arg;
  csto_kb_holding *h = object_iri(b->ttl, t) ? holding(b, t->s) : NULL;
  if (h)
    h->holder = object_entity(b, t);
}
static void on_role(builder *b, const csto_ttl_triple *t, int arg) {
  (void)arg;
  const char *local = object_local(b, t);
  int r = local ? index_of(role_names, CSTO_ROLE_COUNT, local) : -1;
  csto_kb_holding *h = r > 0 ? holding(b, t->s) : NULL;
  if (h)
    h->role = (csto_role)r;
}
static void on_post_in(builder *b, const csto_ttl_triple *t, int arg) {
  (void)arg;
  csto_kb_holding *h = object_iri(b->ttl, t) ? holding(b, t->s) : NULL;
  if (h)
    h->post_in = object_entity(b, t);
}
/* A start (end 0) or end date; only of nodes already known as holdings. */
static void on_holding_date(builder *b, const csto_ttl_triple *t, int end) {
  const char *text = object_text(b->ttl, t);
  size_t at = b->holding_at[t->s];
  csto_date d;
  if (text && at && csto_date_parse(text, &d, NULL) == CSTO_OK)
    *(end ? &b->kb->holdings[at - 1].end : &b->kb->holdings[at - 1].start) = d;
}

/* Sessions: a csto:Event's body, city and first day, gathered. */
static void on_session_type(builder *b, const csto_ttl_triple *t, int arg) {
  (void)arg;
  csto_kb *kb = b->kb;
  const char *cls = object_iri(b->ttl, t), *s = csto_ttl_term(b->ttl, t->s);
  if (!cls || strcmp(cls, CSTO_NS "Event") != 0 || b->session_at[t->s])
    return;
  char *iri = strdup(s);
  if (!iri || csto_array_reserve((void **)&kb->sessions, &kb->cap_sessions, kb->n_sessions,
                                 sizeof *kb->sessions) != 0) {
    free(iri);
    b->failed = 1;
    return;
  }
  const char *local = local_after(iri, CSTO_RES_NS);
  kb->sessions[kb->n_sessions] = (csto_kb_session){.iri = iri, .local = local ? local : iri};
  b->session_at[t->s] = ++kb->n_sessions;
}

static csto_kb_session *session(const builder *b, int s) {
  return b->session_at[s] ? &b->kb->sessions[b->session_at[s] - 1] : NULL;
}

enum session_field { SESSION_LABEL, SESSION_ORGANIZER, SESSION_CITY, SESSION_DAY };

static void on_session_field(builder *b, const csto_ttl_triple *t, int which) {
  csto_kb_session *x = session(b, t->s);
  const csto_kb_entity *o = object_entity(b, t);
  const char *text = object_text(b->ttl, t), *lang = csto_ttl_term(b->ttl, t->lang);
  csto_date d;
  if (!x)
    return;
  if (which == SESSION_LABEL && text && lang && strcmp(lang, "en") == 0 && !x->label)
    b->failed |= !(x->label = strdup(text));
  else if (which == SESSION_ORGANIZER && o && o->type == CSTO_ENTITY_BODY)
    x->body = o;
  else if (which == SESSION_CITY && o && o->type == CSTO_ENTITY_CITY)
    x->city = o;
  else if (which == SESSION_DAY && text && csto_date_parse(text, &d, NULL) == CSTO_OK)
    x->start = d;
}

static int index_surnames(csto_kb *kb) {
  for (size_t i = 0; i < kb->n_entities; i++) {
    const csto_kb_entity *e = kb->entities[i];
    if (e->type != CSTO_ENTITY_PERSON || !e->label)
      continue;
    /* The last word, and the first, which is the surname in Chinese and Korean names;
     * a first name shared by several people is ambiguous and resolves to no one. */
    const char *last = strrchr(e->label, ' '), *space = strchr(e->label, ' ');
    char *surname = csto_normalize(last ? last + 1 : e->label, strlen(last ? last + 1 : e->label));
    char *given = space ? csto_normalize(e->label, (size_t)(space - e->label)) : NULL;
    int rc = surname ? csto_strmap_add(kb->surnames, surname, (int)i) : -1;
    if (rc == 0 && given)
      rc = csto_strmap_add(kb->surnames, given, (int)i);
    free(surname);
    free(given);
    if (rc != 0)
      return -1;
  }
  return 0;
}

/* The two-part key by which the holdings (post, role) and the sessions (body, city) are
 * sorted and searched: entities compare by address, which is stable within one base. */
typedef struct {
  uintptr_t first, second;
} index_key;

static int compare_keys(index_key x, index_key y) {
  if (x.first != y.first)
    return x.first < y.first ? -1 : 1;
  return x.second == y.second ? 0 : x.second < y.second ? -1 : 1;
}

static index_key holding_key(const csto_kb_holding *h) {
  return (index_key){(uintptr_t)h->post_in, (uintptr_t)h->role};
}

static index_key session_key(const csto_kb_session *s) {
  return (index_key){(uintptr_t)s->body, (uintptr_t)s->city};
}

/* Holdings by post, then role, then file order (pointers into one array keep it). */
static int compare_by_post(const void *a, const void *b) {
  const csto_kb_holding *x = *(const csto_kb_holding *const *)a;
  const csto_kb_holding *y = *(const csto_kb_holding *const *)b;
  int c = compare_keys(holding_key(x), holding_key(y));
  return c ? c : (uintptr_t)x < (uintptr_t)y ? -1 : (uintptr_t)x > (uintptr_t)y;
}

/* The holdings that name a holder, sorted for csto_kb_holder's binary search. */
static int index_holdings(csto_kb *kb) {
  if (kb->n_holdings && !(kb->by_post = malloc(kb->n_holdings * sizeof *kb->by_post)))
    return -1;
  for (size_t i = 0; i < kb->n_holdings; i++)
    if (kb->holdings[i].holder)
      kb->by_post[kb->n_by_post++] = &kb->holdings[i];
  if (kb->n_by_post)
    qsort(kb->by_post, kb->n_by_post, sizeof *kb->by_post, compare_by_post);
  return 0;
}

/* Sessions by body, city (a session without one first), then start. */
static int compare_by_place(const void *a, const void *b) {
  const csto_kb_session *x = *(const csto_kb_session *const *)a;
  const csto_kb_session *y = *(const csto_kb_session *const *)b;
  int c = compare_keys(session_key(x), session_key(y));
  return c ? c : csto_date_compare(x->start, y->start);
}

static int index_sessions(csto_kb *kb) {
  if (kb->n_sessions && !(kb->by_place = malloc(kb->n_sessions * sizeof *kb->by_place)))
    return -1;
  for (size_t i = 0; i < kb->n_sessions; i++)
    kb->by_place[i] = &kb->sessions[i];
  if (kb->n_sessions)
    qsort(kb->by_place, kb->n_sessions, sizeof *kb->by_place, compare_by_place);
  return 0;
}

/* Entities first; then what names and links them (labels before aliases, so that the
 * English rdfs:label is the label); holdings' dates once the holdings exist. */
static void build_passes(builder *b, size_t from) {
  static const handler types[] = {{RDF_TYPE, on_type, 0}, {RDF_TYPE, on_session_type, 0}};
  static const handler fields[] = {
      {RDFS_LABEL, on_label, 0},
      {CSTO_NS "demonym", on_demonym, 0},
      {OWL_SAME, on_same_as, 0},
      {CSTO_NS "country", on_link, LINK_COUNTRY},
      {CSTO_NS "capital", on_link, LINK_CAPITAL},
      {CSTO_NS "partOf", on_link, LINK_PART_OF},
      {CSTO_NS "meetingClass", on_meeting_class, 0},
      {CSTO_NS "gender", on_gender, 0},
      {CSTO_NS "headOfGovernmentLeadsSince", on_government_leads, 0},
      {CSTO_NS "headRole", on_role_of_body, 0},
      {CSTO_NS "memberRole", on_role_of_body, 1},
      {CSTO_NS "holder", on_holder, 0},
      {CSTO_NS "role", on_role, 0},
      {CSTO_NS "postIn", on_post_in, 0},
  };
  static const handler late[] = {
      {SKOS_ALT, on_label, 0},
      {CSTO_NS "startDate", on_holding_date, 0},
      {CSTO_NS "endDate", on_holding_date, 1},
  };
  dispatch(b, from, types, sizeof types / sizeof types[0]);
  dispatch(b, from, fields, sizeof fields / sizeof fields[0]);
  static const handler sessions[] = {
      {RDFS_LABEL, on_session_field, SESSION_LABEL},
      {CSTO_NS "organizer", on_session_field, SESSION_ORGANIZER},
      {CSTO_NS "heldIn", on_session_field, SESSION_CITY},
      {CSTO_NS "date", on_session_field, SESSION_DAY},
      {CSTO_NS "startDate", on_session_field, SESSION_DAY},
  };
  dispatch(b, from, late, sizeof late / sizeof late[0]);
  dispatch(b, from, sessions, sizeof sessions / sizeof sessions[0]);
}

/* A session needs its body, one that meets, and its day: the first that lacks them is an
 * error at the line that types it. */
static csto_status check_sessions(const builder *b, size_t from, csto_error *err) {
  int typed = csto_ttl_iri(b->ttl, RDF_TYPE);
  for (size_t k = from; k < b->ttl->n; k++) {
    const csto_ttl_triple *t = &b->ttl->items[k];
    const csto_kb_session *x = t->p == typed && t->s >= 0 ? session(b, t->s) : NULL;
    if (x && (!x->body || !x->body->meeting_class || !x->start.day))
      return csto_error_set(err, CSTO_ERR_DATA,
                            "%s:%d: the event %s needs a csto:organizer body that meets "
                            "(csto:meetingClass) and a csto:date or csto:startDate day",
                            b->ttl->files[t->file], t->line, x->iri);
  }
  return CSTO_OK;
}

/* The knowledge base from the triples from `from` on (the lexicon's come before). */
static csto_status build(csto_kb *kb, csto_ttl *ttl, size_t from, csto_error *err) {
  builder b = {kb, ttl, calloc(ttl->n_terms + 1, sizeof *b.entity_at),
               calloc(ttl->n_terms + 1, sizeof *b.holding_at),
               calloc(ttl->n_terms + 1, sizeof *b.session_at), 0};
  if (b.entity_at && b.holding_at && b.session_at)
    build_passes(&b, from);
  int failed = b.failed || !b.entity_at || !b.holding_at || !b.session_at;
  csto_status st = failed ? CSTO_OK : check_sessions(&b, from, err);
  free(b.entity_at);
  free(b.holding_at);
  free(b.session_at);
  if (failed || index_surnames(kb) != 0 || index_holdings(kb) != 0 || index_sessions(kb) != 0)
    return csto_error_set(err, CSTO_ERR_NOMEM, "out of memory while loading the knowledge base");
  for (size_t i = 0; st == CSTO_OK && i < kb->n_entities; i++)
    if (!kb->entities[i]->label)
      st = csto_error_set(err, CSTO_ERR_DATA, "knowledge base: %s has no English rdfs:label",
                          kb->entities[i]->iri);
  return st;
}

/* The lexicon's meanings come first, then the knowledge base's names, each in file order. */
static csto_status load(csto_kb *kb, csto_ttl *t, const char *data_dir, const char *cache_dir,
                        csto_error *err) {
  char **paths = NULL, *snapshot = snapshot_path(cache_dir, data_dir);
  size_t n_paths = 0, n_lexicon = 0;
  int cached = 0;
  csto_status st = kb_paths(data_dir, &paths, &n_paths, err);
  if (st == CSTO_OK && cache_dir && *cache_dir)
    mkdir(cache_dir, 0777); /* the snapshot is best-effort: a failure here only means no cache */
  if (st == CSTO_OK)
    st = csto_ttl_read_all(t, paths, n_paths, snapshot, &cached, err);
  csto_ttl_names_free(paths, n_paths);
  while (n_lexicon < t->n && t->items[n_lexicon].file == 0) /* the lexicon's come first */
    n_lexicon++;
  if (st == CSTO_OK)
    st = read_lexicon(kb, t, n_lexicon, err);
  if (st == CSTO_OK)
    st = build(kb, t, n_lexicon, err);
  if (st == CSTO_OK && snapshot && !cached) /* with the phrases the build derived */
    csto_ttl_snapshot_save(t, snapshot);
  free(snapshot);
  return st;
}

csto_status csto_kb_load(const char *data_dir, csto_kb **out, csto_error *err) {
  return csto_kb_load_cached(data_dir, NULL, out, err);
}

csto_status csto_kb_load_cached(const char *data_dir, const char *cache_dir, csto_kb **out,
                                csto_error *err) {
  csto_kb *kb = calloc(1, sizeof *kb);
  if (!kb || !(kb->phrases = csto_strmap_new()) || !(kb->surnames = csto_strmap_new())) {
    csto_kb_free(kb);
    return csto_error_set(err, CSTO_ERR_NOMEM, "out of memory");
  }
  csto_ttl t;
  csto_status st = csto_ttl_init(&t, err);
  if (st == CSTO_OK)
    st = load(kb, &t, data_dir, cache_dir, err);
  csto_ttl_free(&t);
  if (st != CSTO_OK) {
    csto_kb_free(kb);
    return st;
  }
  *out = kb;
  return CSTO_OK;
}

void csto_kb_free(csto_kb *kb) {
  if (!kb)
    return;
  for (size_t i = 0; i < kb->n_entities; i++) {
    free(kb->entities[i]->iri);
    free(kb->entities[i]->label);
    free(kb->entities[i]->wikidata);
    free(kb->entities[i]);
  }
  free(kb->entities);
  free(kb->entries);
  free(kb->holdings);
  free(kb->by_post);
  for (size_t i = 0; i < kb->n_sessions; i++) {
    free(kb->sessions[i].iri);
    free(kb->sessions[i].label);
  }
  free(kb->sessions);
  free(kb->by_place);
  csto_strmap_free(kb->phrases);
  csto_strmap_free(kb->surnames);
  free(kb);
}

const char *csto_kb_default_dir(void) { return csto_kbfile_data_dir(NULL); }

char *csto_kb_default_cache_dir(void) {
  const char *dir = getenv("CSTO_CACHE_DIR"), *xdg = getenv("XDG_CACHE_HOME"),
             *home = getenv("HOME");
  if (dir)
    return *dir ? strdup(dir) : NULL;
  const char *root = xdg && *xdg ? xdg : home && *home ? home : NULL;
  if (!root)
    return NULL;
  size_t n = strlen(root) + sizeof "/.cache/csto-kg";
  char *path = malloc(n);
  if (path && root == xdg)
    snprintf(path, n, "%s/csto-kg", root);
  else if (path)
    snprintf(path, n, "%s/.cache/csto-kg", root);
  return path;
}

size_t csto_kb_match(const csto_kb *kb, const char *phrase, size_t len, const int **ids,
                     int *longer) {
  return csto_strmap_get_n(kb->phrases, phrase, len, ids, longer);
}

const csto_lex_entry *csto_kb_entries(const csto_kb *kb) { return kb->entries; }

size_t csto_kb_lookup(const csto_kb *kb, const char *phrase, const csto_lex_entry **out,
                      size_t max) {
  const int *v;
  size_t n = csto_kb_match(kb, phrase, strlen(phrase), &v, NULL);
  if (n > max)
    n = max;
  for (size_t i = 0; i < n; i++)
    out[i] = &kb->entries[v[i]];
  return n;
}

size_t csto_kb_max_phrase_tokens(const csto_kb *kb) { return kb->max_tokens; }

static int holding_covers(const csto_kb_holding *h, csto_date date) {
  if (date.year == 0)
    return h->end.year == 0; /* no date: the current holder */
  return (h->start.year == 0 || csto_date_compare(h->start, date) <= 0) &&
         (h->end.year == 0 || csto_date_compare(date, h->end) < 0);
}

static index_key by_post_key(const csto_kb *kb, size_t i) { return holding_key(kb->by_post[i]); }
static index_key by_place_key(const csto_kb *kb, size_t i) { return session_key(kb->by_place[i]); }

/* The first of an index's n entries (key_at reads them) whose key is not before key. */
static size_t lower_bound(const csto_kb *kb, size_t n, index_key (*key_at)(const csto_kb *, size_t),
                          index_key key) {
  size_t lo = 0, hi = n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (compare_keys(key_at(kb, mid), key) < 0)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo;
}

const csto_kb_holding *csto_kb_holder(const csto_kb *kb, csto_role role,
                                      const csto_kb_entity *post_in, csto_date date) {
  size_t lo = lower_bound(kb, kb->n_by_post, by_post_key,
                          (index_key){(uintptr_t)post_in, (uintptr_t)role});
  for (size_t i = lo; i < kb->n_by_post; i++) {
    const csto_kb_holding *h = kb->by_post[i];
    if (h->post_in != post_in || h->role != role)
      break;
    if (holding_covers(h, date))
      return h;
  }
  return NULL;
}

size_t csto_kb_sessions_in(const csto_kb *kb, const csto_kb_entity *body,
                           const csto_kb_entity *city, const csto_kb_session *const **out) {
  size_t lo = lower_bound(kb, kb->n_sessions, by_place_key,
                          (index_key){(uintptr_t)body, (uintptr_t)city});
  size_t n = 0;
  while (lo + n < kb->n_sessions && kb->by_place[lo + n]->body == body &&
         kb->by_place[lo + n]->city == city)
    n++;
  *out = kb->by_place + lo;
  return n;
}

size_t csto_kb_sessions(const csto_kb *kb, const csto_kb_session *const **out) {
  *out = kb->by_place;
  return kb->n_sessions;
}

const csto_kb_entity *csto_kb_body_named(const csto_kb *kb, const csto_kb_entity *org,
                                         const char *words) {
  size_t n = strlen(words);
  for (size_t i = 0; n && i < kb->n_entities; i++) {
    const csto_kb_entity *e = kb->entities[i];
    if (e->part_of != org || !e->label)
      continue;
    char *label = csto_normalize(e->label, strlen(e->label));
    size_t len = label ? strlen(label) : 0;
    int ends = len > n && label[len - n - 1] == ' ' && strcmp(label + len - n, words) == 0;
    free(label);
    if (ends)
      return e;
  }
  return NULL;
}

/* Whether body e is the one meeting_body looks for: by its members' post when the
 * participants name any, else by its sessions' class. */
static int meets_as(const csto_kb_entity *e, csto_event_class cls, unsigned participants) {
  if (participants)
    return e->meeting_class && e->member_role && (participants & (1u << e->member_role));
  return cls != CSTO_EVENT_GENERIC && e->meeting_class == cls;
}

const csto_kb_entity *csto_kb_meeting_body(const csto_kb *kb, const csto_kb_entity *org,
                                           csto_event_class cls, unsigned participants) {
  const csto_kb_entity *found = NULL;
  for (size_t i = 0; i < kb->n_entities; i++) {
    const csto_kb_entity *e = kb->entities[i];
    if (e->part_of != org || !meets_as(e, cls, participants))
      continue;
    if (found)
      return NULL;
    found = e;
  }
  return found;
}

const csto_kb_entity *csto_kb_office_of(const csto_kb *kb, const csto_kb_entity *country,
                                        csto_role role) {
  for (size_t i = 0; i < kb->n_entities; i++)
    if (kb->entities[i]->country == country && kb->entities[i]->head_role == role)
      return kb->entities[i];
  return NULL;
}

int csto_kb_led_by_government(const csto_kb_entity *country, csto_date date) {
  const csto_date since = country->government_leads;
  return since.year != 0 && (date.year == 0 || csto_date_compare(since, date) <= 0);
}

const csto_kb_holding *csto_kb_post_of(const csto_kb *kb, const csto_kb_entity *person,
                                       csto_role role, csto_date date) {
  const csto_kb_holding *any = NULL;
  for (size_t i = 0; i < kb->n_holdings; i++) {
    const csto_kb_holding *h = &kb->holdings[i];
    if (h->holder != person || !holding_covers(h, date))
      continue;
    if (role == CSTO_ROLE_NONE || h->role == role)
      return h;
    if (!any)
      any = h;
  }
  return role == CSTO_ROLE_NONE ? any : NULL;
}

const csto_kb_entity *csto_kb_person_by_surname(const csto_kb *kb, const char *surname,
                                                csto_date date) {
  const int *v;
  size_t n = csto_strmap_get(kb->surnames, surname, &v);
  const csto_kb_entity *found = NULL;
  for (size_t i = 0; i < n; i++) {
    const csto_kb_entity *e = kb->entities[v[i]];
    if (!csto_kb_post_of(kb, e, CSTO_ROLE_NONE, date))
      continue;
    if (found && found != e)
      return NULL; /* ambiguous */
    found = e;
  }
  return found;
}
