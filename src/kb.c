/* Loading the knowledge base and lexicon from Turtle, and the gazetteer that maps normalized
 * phrases to what they can mean.
 *
 * raptor streams each file's triples, in file order, into one list; everything is built from
 * that list, so the order of a phrase's meanings follows the files and never a hash table's
 * order (which changes with the size of the data). The lexicon is checked as it is read. */
#include "csto/kb.h"

#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <raptor2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csto/normalize.h"
#include "csto/segmenter.h"
#include "array.h"
#include "strmap.h"
#include "textfile.h"

#define RDF_TYPE "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
#define RDFS_LABEL "http://www.w3.org/2000/01/rdf-schema#label"
#define SKOS_ALT "http://www.w3.org/2004/02/skos/core#altLabel"
#define OWL_SAME "http://www.w3.org/2002/07/owl#sameAs"

struct csto_kb {
  csto_kb_entity **entities;
  size_t n_entities, cap_entities;
  csto_kb_holding *holdings;
  size_t n_holdings, cap_holdings;
  csto_lex_entry **entries;
  size_t n_entries, cap_entries;
  csto_strmap *by_iri;     /* entity IRI -> entity index */
  csto_strmap *phrases;    /* normalized phrase -> entry indexes, in the order read */
  csto_strmap *prefixes;   /* every proper prefix of a phrase -> 0 */
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

/* The normalized phrase of text (csto_normalize'd tokens joined by one space; "" when it has
 * none), its token count in *n, and its proper prefixes added to prefixes unless NULL (for
 * longest match). NULL when out of memory. */
static char *normalized(const char *text, size_t *n, csto_strmap *prefixes) {
  csto_token *toks;
  if (csto_tokenize(text, strlen(text), &toks, n, NULL) != CSTO_OK)
    return NULL;
  char *phrase = csto_tokens_phrase(toks, 0, *n);
  for (size_t k = 1; phrase && prefixes && k < *n; k++) {
    char *prefix = csto_tokens_phrase(toks, 0, k);
    if (!prefix || csto_strmap_add(prefixes, prefix, 0) != 0) {
      free(phrase);
      phrase = NULL;
    }
    free(prefix);
  }
  csto_tokens_free(toks, *n);
  return phrase;
}

/* Add a meaning to a normalized phrase of n tokens, after its earlier ones; a meaning it
 * already has (an alias equal to the label) is kept once. */
static int add_meaning(csto_kb *kb, const char *phrase, size_t n, csto_lex_kind kind, int value,
                       const csto_kb_entity *entity) {
  const int *v;
  size_t known = csto_strmap_get(kb->phrases, phrase, &v);
  for (size_t i = 0; i < known; i++) {
    const csto_lex_entry *e = kb->entries[v[i]];
    if (e->kind == kind && e->value == value && e->entity == entity)
      return 0;
  }
  csto_lex_entry *e = malloc(sizeof *e);
  if (!e ||
      csto_array_reserve((void **)&kb->entries, &kb->cap_entries, kb->n_entries, sizeof e) != 0) {
    free(e);
    return -1;
  }
  *e = (csto_lex_entry){kind, value, entity};
  kb->entries[kb->n_entries] = e;
  if (n > kb->max_tokens)
    kb->max_tokens = n;
  return csto_strmap_add(kb->phrases, phrase, (int)kb->n_entries++);
}

static int add_entry(csto_kb *kb, const char *text, csto_lex_kind kind, int value,
                     const csto_kb_entity *entity) {
  size_t n;
  char *phrase = normalized(text, &n, kb->prefixes);
  int rc = !phrase ? -1 : n == 0 ? 0 : add_meaning(kb, phrase, n, kind, value, entity);
  free(phrase);
  return rc;
}

/* ---- reading the Turtle files into one list of triples, in file order ------------------ */

typedef struct {
  raptor_statement *st; /* a copy; its terms belong to the raptor world */
  const char *file;     /* owned by the triples' file list */
  int line;             /* where raptor was when it made the triple: the statement's line */
} triple;

typedef struct {
  raptor_world *world;
  triple *items;
  size_t n, cap;
  char **files;
  size_t n_files, cap_files;
  raptor_parser *parser; /* the parser at work, for the line of each triple */
  int nomem;
  char *error; /* the first error raptor reported in the current file, with its line */
} triples;

static void on_statement(void *user, raptor_statement *st) {
  triples *t = user;
  if (csto_array_reserve((void **)&t->items, &t->cap, t->n, sizeof *t->items) != 0) {
    t->nomem = 1;
    return;
  }
  raptor_locator *loc = raptor_parser_get_locator(t->parser);
  t->items[t->n++] = (triple){raptor_statement_copy(st), t->files[t->n_files - 1],
                              loc ? raptor_locator_line(loc) : -1};
}

static void on_raptor_log(void *user, raptor_log_message *msg) {
  triples *t = user;
  if (msg->level < RAPTOR_LOG_LEVEL_ERROR || t->error)
    return;
  int line = msg->locator ? raptor_locator_line(msg->locator) : -1;
  size_t n = strlen(msg->text) + 32;
  if ((t->error = malloc(n)))
    snprintf(t->error, n, "%d: %s", line, msg->text);
}

static csto_status parse_file(triples *t, const char *path, csto_error *err) {
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

static void triples_free(triples *t) {
  for (size_t i = 0; i < t->n; i++)
    raptor_free_statement(t->items[i].st);
  for (size_t i = 0; i < t->n_files; i++)
    free(t->files[i]);
  free(t->items);
  free(t->files);
  raptor_free_world(t->world);
}

static int ends_with(const char *s, const char *suffix) {
  size_t a = strlen(s), b = strlen(suffix);
  return a >= b && strcmp(s + a - b, suffix) == 0;
}

static int compare_strings(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Read dir/kb/ *.ttl in name order, after the lexicon. */
static csto_status parse_kb_files(triples *t, const char *dir, csto_error *err) {
  char path[4096];
  snprintf(path, sizeof path, "%s/kb", dir);
  DIR *d = opendir(path);
  if (!d)
    return csto_error_set(err, CSTO_ERR_DATA, "%s: knowledge base folder missing", path);
  char **names = NULL;
  size_t n = 0, cap = 0;
  csto_status st = CSTO_OK;
  for (struct dirent *e; (e = readdir(d));) {
    if (!ends_with(e->d_name, ".ttl"))
      continue;
    if (csto_array_reserve((void **)&names, &cap, n, sizeof *names) != 0 ||
        !(names[n] = strdup(e->d_name))) {
      st = csto_error_set(err, CSTO_ERR_NOMEM, "out of memory");
      break;
    }
    n++;
  }
  closedir(d);
  if (n)
    qsort(names, n, sizeof *names, compare_strings);
  for (size_t i = 0; i < n; i++) {
    snprintf(path, sizeof path, "%s/kb/%s", dir, names[i]);
    if (st == CSTO_OK)
      st = parse_file(t, path, err);
    free(names[i]);
  }
  free(names);
  return st;
}

static const char *term_uri(const raptor_term *t) {
  return t && t->type == RAPTOR_TERM_TYPE_URI ? (const char *)raptor_uri_as_string(t->value.uri)
                                              : NULL;
}

static const char *term_literal(const raptor_term *t, const char **lang) {
  if (!t || t->type != RAPTOR_TERM_TYPE_LITERAL)
    return NULL;
  *lang = (const char *)t->value.literal.language;
  return (const char *)t->value.literal.string;
}

/* ---- the lexicon, checked as it is read: each subject is a meaning, each lex:phrase one of
 * its phrases. A phrase has two meanings only when lex:Ambiguous lists it too, or when one is
 * a lex:Trait (a property of words, such as "never starts a name", not what they say). ---- */

#define LEX_AMBIGUOUS CSTO_LEX_NS "Ambiguous"

typedef struct {
  const triple *first; /* where it first appears */
  const char *type;    /* the lex: local name of its rdf:type, or NULL */
  int trait;           /* a lex:Trait: its phrases may mean other things too */
  const triple *value; /* its lex:value, or NULL */
  csto_lex_kind kind;  /* its meaning, once known */
  int meaning;
} lex_subject;

typedef struct {
  csto_kb *kb;
  const triple *items; /* the lexicon's triples, in file order */
  size_t n;
  lex_subject *subjects;
  size_t n_subjects, cap_subjects;
  csto_strmap *index;  /* subject IRI -> subjects index */
  csto_strmap *seen;   /* normalized phrase -> items index of each listing */
  csto_strmap *marked; /* normalized phrase lex:Ambiguous lists -> items index */
  csto_error *err;
} lexicon;

static const char *subject_iri(const triple *t) { return term_uri(t->st->subject); }

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

static csto_status lex_error(lexicon *lx, const char *file, int line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static csto_status lex_error(lexicon *lx, const char *file, int line, const char *fmt, ...) {
  char what[400];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(what, sizeof what, fmt, ap);
  va_end(ap);
  return csto_error_set(lx->err, CSTO_ERR_DATA, "%s:%d: %s", file, line, what);
}

static const char *phrase_text(const triple *t) {
  const char *lang;
  return term_literal(t->st->object, &lang);
}

/* The line of the phrase of items[i]. raptor gives the line its statement starts on, and a
 * list of phrases may run over several lines: the phrase's own line is the one from there
 * that quotes it, after as many quotes of it as the statement listed before. */
static int phrase_line(const lexicon *lx, size_t i) {
  const triple *t = &lx->items[i];
  const char *text = phrase_text(t);
  int skip = 0, no = 0, found = 0;
  for (size_t k = 0; k < i; k++)
    skip += lx->items[k].line == t->line && lx->items[k].file == t->file &&
            phrase_text(&lx->items[k]) && strcmp(phrase_text(&lx->items[k]), text) == 0;
  FILE *f = fopen(t->file, "r");
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

static lex_subject *subject_of(lexicon *lx, const triple *t) {
  const int *v;
  if (csto_strmap_get(lx->index, subject_iri(t), &v))
    return &lx->subjects[v[0]];
  if (csto_array_reserve((void **)&lx->subjects, &lx->cap_subjects, lx->n_subjects,
                         sizeof *lx->subjects) != 0 ||
      csto_strmap_add(lx->index, subject_iri(t), (int)lx->n_subjects) != 0)
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
static csto_status read_statement(lexicon *lx, const triple *t) {
  static const char *const types[] = {"Cue", "Month", "Weekday", "RelativeDay", "Trait"};
  const char *p = term_uri(t->st->predicate), *o = term_uri(t->st->object), *lang, *text;
  char b1[256], b2[256];
  lex_subject *s = subject_iri(t) ? subject_of(lx, t) : NULL;
  if (!subject_iri(t))
    return lex_error(lx, t->file, t->line, "a lexicon entry must be named (lex:X or csto:X)");
  if (!s)
    return csto_error_set(lx->err, CSTO_ERR_NOMEM, "out of memory");
  if (strcmp(p, CSTO_LEX_NS "phrase") == 0)
    return term_literal(t->st->object, &lang) ? CSTO_OK
           : lex_error(lx, t->file, t->line, "lex:phrase of %s is not a string",
                       short_iri(subject_iri(t), b1, sizeof b1));
  if (strcmp(p, CSTO_LEX_NS "value") == 0) {
    if (!(text = term_literal(t->st->object, &lang)) || !is_integer(text))
      return lex_error(lx, t->file, t->line, "lex:value of %s is not an integer",
                       short_iri(subject_iri(t), b1, sizeof b1));
    s->value = t;
    return CSTO_OK;
  }
  if (strcmp(p, RDF_TYPE) != 0)
    return lex_error(lx, t->file, t->line, "unknown lexicon property %s",
                     short_iri(p, b1, sizeof b1));
  const char *local = o ? local_after(o, CSTO_LEX_NS) : NULL;
  int i = local ? index_of(types, sizeof types / sizeof types[0], local) : -1;
  if (i < 0)
    return lex_error(lx, t->file, t->line, "unknown lexicon class %s (of %s)",
                     short_iri(o, b1, sizeof b1), short_iri(subject_iri(t), b2, sizeof b2));
  if (strcmp(types[i], "Trait") == 0)
    s->trait = 1;
  else
    s->type = types[i];
  return CSTO_OK;
}

/* What a subject's phrases mean, from its IRI, type and value. */
static csto_status resolve_subject(lexicon *lx, lex_subject *s) {
  const char *iri = subject_iri(s->first), *local;
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
      int v = s->value ? atoi((const char *)s->value->st->object->value.literal.string) : 0;
      if (!s->value || v < dates[k].min || v > dates[k].max)
        return lex_error(lx, s->first->file, s->first->line,
                         "lex:%s needs a lex:value from %d to %d", local, dates[k].min,
                         dates[k].max);
      return s->kind = dates[k].kind, s->meaning = v, CSTO_OK;
    }
  }
  if (local && (i = index_of(cue_names, CSTO_CUE_COUNT, local)) > 0)
    return s->kind = CSTO_LEX_CUE, s->meaning = i, CSTO_OK;
  if (local && s->type)
    return lex_error(lx, s->first->file, s->first->line, "unknown cue lex:%s", local);
  return lex_error(lx, s->first->file, s->first->line, "unknown lexicon class %s",
                   short_iri(iri, b, sizeof b));
}

static int same_subject(const triple *a, const triple *b) {
  return strcmp(subject_iri(a), subject_iri(b)) == 0;
}

static int is_marker(const triple *t) { return strcmp(subject_iri(t), LEX_AMBIGUOUS) == 0; }

/* A phrase listed under lex:Ambiguous, before any other phrase is read. */
static csto_status read_mark(lexicon *lx, size_t i, const char *phrase, const char *text) {
  const int *v;
  const triple *t = &lx->items[i];
  if (csto_strmap_get(lx->marked, phrase, &v))
    return lex_error(lx, t->file, phrase_line(lx, i), "\"%s\" is listed twice under lex:Ambiguous",
                     text);
  return csto_strmap_add(lx->marked, phrase, (int)i) == 0
             ? CSTO_OK : csto_error_set(lx->err, CSTO_ERR_NOMEM, "out of memory");
}

/* A phrase of a meaning: a new meaning of a phrase listed before needs lex:Ambiguous, unless
 * one of the two is a trait. */
static csto_status read_meaning(lexicon *lx, size_t i, const char *phrase, size_t n,
                                const char *text) {
  const int *v;
  const triple *t = &lx->items[i];
  const lex_subject *s = subject_of(lx, t);
  size_t k = csto_strmap_get(lx->seen, phrase, &v);
  char b1[256], b2[256];
  for (size_t j = 0; j < k; j++) {
    const triple *earlier = &lx->items[v[j]];
    const int *marked;
    if (same_subject(earlier, t))
      return lex_error(lx, t->file, phrase_line(lx, i), "\"%s\" is listed twice under %s", text,
                       short_iri(subject_iri(t), b1, sizeof b1));
    if (!s->trait && !subject_of(lx, earlier)->trait &&
        !csto_strmap_get(lx->marked, phrase, &marked))
      return lex_error(lx, t->file, phrase_line(lx, i),
                       "\"%s\" is listed under %s (line %d) and %s: list it under lex:Ambiguous "
                       "if it means both, else drop one",
                       text, short_iri(subject_iri(earlier), b1, sizeof b1),
                       phrase_line(lx, (size_t)v[j]), short_iri(subject_iri(t), b2, sizeof b2));
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
    const triple *t = &lx->items[i];
    const char *lang, *text = term_literal(t->st->object, &lang);
    const int *v;
    size_t n;
    int marks = pass != 1; /* passes 0 and 2 read the marks */
    if (strcmp(term_uri(t->st->predicate), CSTO_LEX_NS "phrase") != 0 || is_marker(t) != marks)
      continue;
    char *phrase = normalized(text, &n, pass == 1 ? lx->kb->prefixes : NULL);
    if (!phrase)
      st = csto_error_set(lx->err, CSTO_ERR_NOMEM, "out of memory");
    else if (n == 0)
      st = lex_error(lx, t->file, phrase_line(lx, i), "phrase \"%s\" has no words", text);
    else if (pass == 0)
      st = read_mark(lx, i, phrase, text);
    else if (pass == 1)
      st = read_meaning(lx, i, phrase, n, text);
    else if (csto_strmap_get(lx->seen, phrase, &v) < 2)
      st = lex_error(lx, t->file, phrase_line(lx, i),
                     "lex:Ambiguous lists \"%s\", which has one meaning", text);
    free(phrase);
  }
  return st;
}

static csto_status read_lexicon(csto_kb *kb, const triple *items, size_t n, csto_error *err) {
  lexicon lx = {kb, items, n, NULL, 0, 0, csto_strmap_new(), csto_strmap_new(),
                csto_strmap_new(), err};
  csto_status st = lx.index && lx.seen && lx.marked
                       ? CSTO_OK : csto_error_set(err, CSTO_ERR_NOMEM, "out of memory");
  for (size_t i = 0; st == CSTO_OK && i < n; i++)
    st = read_statement(&lx, &items[i]);
  for (size_t i = 0; st == CSTO_OK && i < lx.n_subjects; i++)
    if (!is_marker(lx.subjects[i].first))
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

typedef void (*triple_fn)(csto_kb *kb, const char *s, const raptor_term *o, void *user);

typedef struct {
  const char *predicate;
  triple_fn fn;
  void *user;
} handler;

/* One pass over the triples in file order, each handed to the handlers of its predicate. */
static void dispatch(csto_kb *kb, const triple *items, size_t n, const handler *handlers,
                     size_t n_handlers) {
  for (size_t k = 0; k < n; k++) {
    const char *subject = subject_iri(&items[k]), *predicate = term_uri(items[k].st->predicate);
    for (size_t i = 0; subject && predicate && i < n_handlers; i++)
      if (strcmp(predicate, handlers[i].predicate) == 0)
        handlers[i].fn(kb, subject, items[k].st->object, handlers[i].user);
  }
}

static csto_kb_entity *entity(const csto_kb *kb, const char *iri) {
  const int *v;
  return csto_strmap_get(kb->by_iri, iri, &v) ? kb->entities[v[0]] : NULL;
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

static void on_type(csto_kb *kb, const char *s, const raptor_term *o, void *user) {
  int *failed = user;
  const char *cls = term_uri(o);
  for (size_t i = 0; cls && i < sizeof entity_classes / sizeof entity_classes[0]; i++) {
    if (strcmp(cls, entity_classes[i].cls) != 0 || entity(kb, s))
      continue;
    csto_kb_entity *e = calloc(1, sizeof *e);
    if (!e || !(e->iri = strdup(s)) ||
        csto_array_reserve((void **)&kb->entities, &kb->cap_entities, kb->n_entities, sizeof e) != 0 ||
        csto_strmap_add(kb->by_iri, s, (int)kb->n_entities) != 0) {
      if (e)
        free(e->iri);
      free(e);
      *failed = 1;
      return;
    }
    const char *local = local_after(e->iri, CSTO_RES_NS);
    e->local = local ? local : e->iri;
    e->type = entity_classes[i].type;
    kb->entities[kb->n_entities++] = e;
  }
}

static void on_label(csto_kb *kb, const char *s, const raptor_term *o, void *user) {
  int *failed = user;
  csto_kb_entity *e = entity(kb, s);
  const char *lang = NULL, *text = term_literal(o, &lang);
  if (!e || !text)
    return;
  if (lang && strcmp(lang, "en") == 0 && !e->label && !(e->label = strdup(text)))
    *failed = 1;
  if (add_entry(kb, text, CSTO_LEX_ENTITY, 0, e) != 0)
    *failed = 1;
}

static void on_demonym(csto_kb *kb, const char *s, const raptor_term *o, void *user) {
  csto_kb_entity *e = entity(kb, s);
  const char *lang, *text = term_literal(o, &lang);
  if (e && text && add_entry(kb, text, CSTO_LEX_DEMONYM, 0, e) != 0)
    *(int *)user = 1;
}

static void on_same_as(csto_kb *kb, const char *s, const raptor_term *o, void *user) {
  csto_kb_entity *e = entity(kb, s);
  const char *iri = term_uri(o);
  if (e && iri && !e->wikidata && local_after(iri, CSTO_WD_NS) && !(e->wikidata = strdup(iri)))
    *(int *)user = 1;
}

enum link { LINK_COUNTRY, LINK_CAPITAL, LINK_PART_OF };

static void on_link(csto_kb *kb, const char *s, const raptor_term *o, void *user) {
  const enum link *which = user;
  csto_kb_entity *e = entity(kb, s);
  const char *iri = term_uri(o);
  const csto_kb_entity *target = iri ? entity(kb, iri) : NULL;
  if (!e || !target)
    return;
  if (*which == LINK_COUNTRY)
    e->country = target;
  else if (*which == LINK_CAPITAL)
    e->capital = target;
  else
    e->part_of = target;
}

static void on_meeting_class(csto_kb *kb, const char *s, const raptor_term *o, void *user) {
  (void)user;
  csto_kb_entity *e = entity(kb, s);
  const char *iri = term_uri(o), *local = iri ? local_after(iri, CSTO_NS) : NULL;
  int cls = local ? index_of(class_names, CSTO_EVENT_PLURAL, local) : -1;
  if (e && cls > 0)
    e->meeting_class = (csto_event_class)cls;
}

static void on_gender(csto_kb *kb, const char *s, const raptor_term *o, void *user) {
  (void)user;
  csto_kb_entity *e = entity(kb, s);
  const char *iri = term_uri(o), *local = iri ? local_after(iri, CSTO_NS) : NULL;
  if (e && local)
    e->gender = strcmp(local, "Female") == 0 ? CSTO_GENDER_FEMALE
                : strcmp(local, "Male") == 0 ? CSTO_GENDER_MALE : CSTO_GENDER_UNKNOWN;
}

static void on_head_role(csto_kb *kb, const char *s, const raptor_term *o, void *user) {
  (void)user;
  csto_kb_entity *e = entity(kb, s);
  const char *iri = term_uri(o), *local = iri ? local_after(iri, CSTO_NS) : NULL;
  int r = local ? index_of(role_names, CSTO_ROLE_COUNT, local) : -1;
  if (e && r > 0)
    e->head_role = (csto_role)r;
}

static void on_government_leads(csto_kb *kb, const char *s, const raptor_term *o, void *user) {
  (void)user;
  csto_kb_entity *e = entity(kb, s);
  const char *lang, *text = term_literal(o, &lang);
  csto_date d;
  if (e && text && csto_date_parse(text, &d, NULL) == CSTO_OK)
    e->government_leads = d;
}

/* Post holdings: gather each holding node's fields. */
typedef struct {
  csto_kb *kb;
  csto_strmap *index; /* holding node IRI -> holdings index */
  int failed;
} holding_ctx;

static csto_kb_holding *holding(holding_ctx *h, const char *s) {
  const int *v;
  if (csto_strmap_get(h->index, s, &v))
    return &h->kb->holdings[v[0]];
  csto_kb *kb = h->kb;
  if (csto_array_reserve((void **)&kb->holdings, &kb->cap_holdings, kb->n_holdings, sizeof *kb->holdings) ||
      csto_strmap_add(h->index, s, (int)kb->n_holdings) != 0) {
    h->failed = 1;
    return NULL;
  }
  kb->holdings[kb->n_holdings] = (csto_kb_holding){0};
  return &kb->holdings[kb->n_holdings++];
}

static void on_holder(csto_kb *kb, const char *s, const raptor_term *o, void *user) {
  const char *iri = term_uri(o);
  csto_kb_holding *h = iri ? holding(user, s) : NULL;
  if (h)
    h->holder = entity(kb, iri);
}
static void on_role(csto_kb *kb, const char *s, const raptor_term *o, void *user) {
  (void)kb;
  const char *iri = term_uri(o), *local = iri ? local_after(iri, CSTO_NS) : NULL;
  int r = local ? index_of(role_names, CSTO_ROLE_COUNT, local) : -1;
  csto_kb_holding *h = r > 0 ? holding(user, s) : NULL;
  if (h)
    h->role = (csto_role)r;
}
static void on_post_in(csto_kb *kb, const char *s, const raptor_term *o, void *user) {
  const char *iri = term_uri(o);
  csto_kb_holding *h = iri ? holding(user, s) : NULL;
  if (h)
    h->post_in = entity(kb, iri);
}
static void on_holding_date(csto_kb *kb, const char *s, const raptor_term *o, void *user, int end) {
  (void)kb;
  const char *lang, *text = term_literal(o, &lang);
  holding_ctx *ctx = user;
  const int *v;
  if (!text || !csto_strmap_get(ctx->index, s, &v)) /* only nodes already known as holdings */
    return;
  csto_date d;
  if (csto_date_parse(text, &d, NULL) == CSTO_OK)
    *(end ? &ctx->kb->holdings[v[0]].end : &ctx->kb->holdings[v[0]].start) = d;
}
static void on_start(csto_kb *kb, const char *s, const raptor_term *o, void *user) {
  on_holding_date(kb, s, o, user, 0);
}
static void on_end(csto_kb *kb, const char *s, const raptor_term *o, void *user) {
  on_holding_date(kb, s, o, user, 1);
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

static csto_status build(csto_kb *kb, const triple *items, size_t n, csto_error *err) {
  int failed = 0;
  enum link links[] = {LINK_COUNTRY, LINK_CAPITAL, LINK_PART_OF};
  holding_ctx hc = {kb, csto_strmap_new(), 0};
  /* Entities first; then what names and links them (labels before aliases, so that the
   * English rdfs:label is the label); holdings' dates once the holdings exist. */
  const handler types[] = {{RDF_TYPE, on_type, &failed}};
  const handler fields[] = {
      {RDFS_LABEL, on_label, &failed},
      {CSTO_NS "demonym", on_demonym, &failed},
      {OWL_SAME, on_same_as, &failed},
      {CSTO_NS "country", on_link, &links[0]},
      {CSTO_NS "capital", on_link, &links[1]},
      {CSTO_NS "partOf", on_link, &links[2]},
      {CSTO_NS "meetingClass", on_meeting_class, NULL},
      {CSTO_NS "gender", on_gender, NULL},
      {CSTO_NS "headOfGovernmentLeadsSince", on_government_leads, NULL},
      {CSTO_NS "headRole", on_head_role, NULL},
      {CSTO_NS "holder", on_holder, &hc},
      {CSTO_NS "role", on_role, &hc},
      {CSTO_NS "postIn", on_post_in, &hc},
  };
  const handler late[] = {
      {SKOS_ALT, on_label, &failed},
      {CSTO_NS "startDate", on_start, &hc},
      {CSTO_NS "endDate", on_end, &hc},
  };
  if (hc.index) {
    dispatch(kb, items, n, types, sizeof types / sizeof types[0]);
    dispatch(kb, items, n, fields, sizeof fields / sizeof fields[0]);
    dispatch(kb, items, n, late, sizeof late / sizeof late[0]);
  }
  csto_strmap_free(hc.index);
  if (failed || hc.failed || !hc.index || index_surnames(kb) != 0)
    return csto_error_set(err, CSTO_ERR_NOMEM, "out of memory while loading the knowledge base");
  for (size_t i = 0; i < kb->n_entities; i++)
    if (!kb->entities[i]->label)
      return csto_error_set(err, CSTO_ERR_DATA, "knowledge base: %s has no English rdfs:label",
                            kb->entities[i]->iri);
  return CSTO_OK;
}

/* The lexicon's meanings come first, then the knowledge base's names, each in file order. */
static csto_status load(csto_kb *kb, triples *t, const char *data_dir, csto_error *err) {
  char path[4096];
  snprintf(path, sizeof path, "%s/lexicon.ttl", data_dir);
  csto_status st = parse_file(t, path, err);
  size_t n_lexicon = t->n;
  if (st == CSTO_OK)
    st = parse_kb_files(t, data_dir, err);
  if (st == CSTO_OK)
    st = read_lexicon(kb, t->items, n_lexicon, err);
  if (st == CSTO_OK) /* no triples at all: no array to point into */
    st = build(kb, t->items ? t->items + n_lexicon : NULL, t->n - n_lexicon, err);
  return st;
}

csto_status csto_kb_load(const char *data_dir, csto_kb **out, csto_error *err) {
  csto_kb *kb = calloc(1, sizeof *kb);
  if (!kb || !(kb->by_iri = csto_strmap_new()) || !(kb->phrases = csto_strmap_new()) ||
      !(kb->prefixes = csto_strmap_new()) || !(kb->surnames = csto_strmap_new())) {
    csto_kb_free(kb);
    return csto_error_set(err, CSTO_ERR_NOMEM, "out of memory");
  }
  triples t = {.world = raptor_new_world()};
  csto_status st = t.world ? CSTO_OK : csto_error_set(err, CSTO_ERR_RDF, "cannot start raptor");
  if (st == CSTO_OK) {
    raptor_world_set_log_handler(t.world, &t, on_raptor_log);
    st = load(kb, &t, data_dir, err);
  }
  triples_free(&t);
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
  for (size_t i = 0; i < kb->n_entries; i++)
    free(kb->entries[i]);
  free(kb->entities);
  free(kb->entries);
  free(kb->holdings);
  csto_strmap_free(kb->by_iri);
  csto_strmap_free(kb->phrases);
  csto_strmap_free(kb->prefixes);
  csto_strmap_free(kb->surnames);
  free(kb);
}

const char *csto_kb_default_dir(void) {
  const char *dir = getenv("CSTO_DATA_DIR");
  return dir && *dir ? dir : CSTO_DEFAULT_DATA_DIR;
}

size_t csto_kb_lookup(const csto_kb *kb, const char *phrase, const csto_lex_entry **out,
                      size_t max) {
  const int *v;
  size_t n = csto_strmap_get(kb->phrases, phrase, &v);
  if (n > max)
    n = max;
  for (size_t i = 0; i < n; i++)
    out[i] = kb->entries[v[i]];
  return n;
}

int csto_kb_has_longer(const csto_kb *kb, const char *phrase) {
  const int *v;
  return csto_strmap_get(kb->prefixes, phrase, &v) > 0;
}

size_t csto_kb_max_phrase_tokens(const csto_kb *kb) { return kb->max_tokens; }

static int date_cmp(csto_date a, csto_date b) {
  if (a.year != b.year)
    return a.year < b.year ? -1 : 1;
  if (a.month != b.month)
    return a.month < b.month ? -1 : 1;
  return a.day < b.day ? -1 : a.day > b.day;
}

static int holding_covers(const csto_kb_holding *h, csto_date date) {
  if (date.year == 0)
    return h->end.year == 0; /* no date: the current holder */
  return (h->start.year == 0 || date_cmp(h->start, date) <= 0) &&
         (h->end.year == 0 || date_cmp(date, h->end) < 0);
}

const csto_kb_holding *csto_kb_holder(const csto_kb *kb, csto_role role,
                                      const csto_kb_entity *post_in, csto_date date) {
  for (size_t i = 0; i < kb->n_holdings; i++) {
    const csto_kb_holding *h = &kb->holdings[i];
    if (h->holder && h->role == role && h->post_in == post_in && holding_covers(h, date))
      return h;
  }
  return NULL;
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

const csto_kb_entity *csto_kb_office_of(const csto_kb *kb, const csto_kb_entity *country,
                                        csto_role role) {
  for (size_t i = 0; i < kb->n_entities; i++)
    if (kb->entities[i]->country == country && kb->entities[i]->head_role == role)
      return kb->entities[i];
  return NULL;
}

int csto_kb_led_by_government(const csto_kb_entity *country, csto_date date) {
  const csto_date since = country->government_leads;
  return since.year != 0 && (date.year == 0 || date_cmp(since, date) <= 0);
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
