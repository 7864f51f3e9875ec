/* Spec tests: runs the extractor on every case of the *.txt files of DIR and compares its
 * facts with the case's expected rows (format: tests/spec/README.md).
 *
 *     spec_runner DIR [FILTER]
 *
 * FILTER runs only the cases whose header contains it, the case at FILE:LINE, or the cases
 * of FILE. A pair case runs two articles and checks that their meetings share a node or
 * do not (meeting.h). Exit status: 0 when every case not marked todo passes and every rule has a
 * positive case, 1 when one fails, 2 for a malformed file or a run that cannot start. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csto/document.h"
#include "csto/kb.h"
#include "csto/meeting.h"
#include "csto/pipeline.h"
#include "csto/reader.h"
#include "csto/rules.h"
#include "csto/segmenter.h"

/* The extractor's rules (csto/rules.h): a case header names one; each needs a positive
 * case, whose facts the rule must help make; a negative case's facts must not use it. */
enum { N_RULES = CSTO_RULE_COUNT };

static int fact_uses(const csto_fact *f, csto_rule rule) {
  return f->evidence.rule == rule || f->mode_evidence.rule == rule;
}

/* ---- cases ----------------------------------------------------------------------------------- */

/* Row kinds: fields after the kind, and which field names an event (-1: none). */
static const struct {
  const char *name;
  csto_fact_kind kind;
  int n_fields, event_field;
} KINDS[] = {
    {"chairs", CSTO_FACT_CHAIRS, 2, 1},      {"attends", CSTO_FACT_ATTENDS, 3, 1},
    {"memberOf", CSTO_FACT_MEMBER_OF, 2, -1}, {"heldIn", CSTO_FACT_HELD_IN, 2, 0},
    {"date", CSTO_FACT_DATE, 2, 0},          {"position", CSTO_FACT_HOLDS_POSITION, 3, -1},
};
enum { N_KINDS = sizeof KINDS / sizeof KINDS[0], MAX_FIELDS = 4, MAX_KEYS = 32 };

static const char *const MODES[] = {"unspecified", "in-person", "remote"}; /* by csto_mode */

typedef struct {
  int kind;                 /* index in KINDS */
  char *field[MAX_FIELDS];  /* point into the file's buffer */
  int key;                  /* index of its event key in the case's keys, -1 */
} row;

/* A pair case says whether two articles report one meeting or two; an "own meeting" case,
 * that one article's meetings stay its own (no node shared across articles). */
typedef enum { NOT_A_PAIR, SAME_MEETING, DIFFERENT_MEETINGS, OWN_MEETING } pair_kind;
static const char *const PAIR_HEADERS[] = {NULL, "same meeting: ", "different meetings: ",
                                           "own meeting: "};

typedef struct {
  const char *file;
  size_t line;
  const char *header; /* the header line after "### " */
  int rule, negative;
  pair_kind pair;
  const char *date, *todo;
  char *text;
  const char *date2; /* a pair case's second article */
  char *text2;
  row *rows;
  size_t n_rows;
  const char *keys[MAX_KEYS]; /* E1, E2, ... as first seen */
  int n_keys;
} spec_case;

/* A file read whole, handed out line by line (each line NUL-terminated in place). */
typedef struct {
  const char *file;
  char *buf, *pos;
  size_t line;
  char *unread; /* a line handed back by unread_line */
} lines;

static char *next_line(lines *ls) {
  char *l = ls->unread;
  if (l) {
    ls->unread = NULL;
    ls->line++;
    return l;
  }
  if (!ls->pos || !*ls->pos)
    return NULL;
  l = ls->pos;
  char *nl = strchr(l, '\n');
  ls->pos = nl ? nl + 1 : NULL;
  if (nl)
    *nl = '\0';
  size_t n = strlen(l);
  if (n && l[n - 1] == '\r')
    l[n - 1] = '\0';
  ls->line++;
  return l;
}

static void unread_line(lines *ls, char *l) {
  ls->unread = l;
  ls->line--;
}

static int malformed(const lines *ls, const char *what, const char *detail) {
  fprintf(stderr, "%s:%zu: malformed case: %s%s%s\n", ls->file, ls->line, what,
          detail ? ": " : "", detail ? detail : "");
  return -1;
}

static int rule_index(const char *name, size_t len) {
  for (int i = CSTO_RULE_NONE + 1; i < N_RULES; i++)
    if (strlen(csto_rule_name(i)) == len && strncmp(csto_rule_name(i), name, len) == 0)
      return i;
  return -1;
}

/* "### [no ]RULE: description", or a pair case's "### same meeting: description". */
static int parse_header(const lines *ls, const char *l, spec_case *c) {
  c->header = l + 4;
  const char *r = c->header;
  for (int k = SAME_MEETING; k <= OWN_MEETING; k++)
    if (strncmp(r, PAIR_HEADERS[k], strlen(PAIR_HEADERS[k])) == 0 && r[strlen(PAIR_HEADERS[k])]) {
      c->pair = (pair_kind)k;
      return 0;
    }
  c->negative = strncmp(r, "no ", 3) == 0;
  r += c->negative ? 3 : 0;
  const char *colon = strstr(r, ": ");
  if (!colon || !colon[2])
    return malformed(ls, "header is not \"### [no ]RULE: description\"", NULL);
  if ((c->rule = rule_index(r, (size_t)(colon - r))) < 0)
    return malformed(ls, "unknown rule id in header", c->header);
  return 0;
}

static int parse_date(lines *ls, const char **date) {
  char *l = next_line(ls);
  csto_date d;
  if (!l || strncmp(l, "date: ", 6) != 0 || csto_date_parse(l + 6, &d, NULL) != CSTO_OK)
    return malformed(ls, "expected \"date: YYYY-MM-DD\" before a text", NULL);
  *date = l + 6;
  return 0;
}

/* "date: YYYY-MM-DD", then an optional "todo: why". */
static int parse_meta(lines *ls, spec_case *c) {
  char *l;
  if (parse_date(ls, &c->date) != 0)
    return -1;
  if (!(l = next_line(ls)))
    return 0;
  if (strncmp(l, "todo:", 5) != 0) {
    unread_line(ls, l); /* the first line of the text */
    return 0;
  }
  if (strspn(l + 5, " \t") == strlen(l + 5))
    return malformed(ls, "todo without a reason", NULL);
  c->todo = l + 5 + strspn(l + 5, " ");
  return 0;
}

/* The text: lines up to one holding only ".", kept as the article's lines. */
static int parse_text(lines *ls, char **text) {
  size_t cap = 256, used = 0;
  *text = malloc(cap);
  if (!*text)
    return malformed(ls, "out of memory", NULL);
  (*text)[0] = '\0';
  for (char *l; (l = next_line(ls));) {
    if (strcmp(l, ".") == 0)
      return used ? 0 : malformed(ls, "empty text", NULL);
    size_t n = strlen(l);
    char *grown = used + n + 2 > cap ? realloc(*text, cap = 2 * (used + n + 2)) : *text;
    if (!grown)
      return malformed(ls, "out of memory", NULL);
    *text = grown;
    snprintf(*text + used, cap - used, "%s%s", used ? "\n" : "", l);
    used += n + (used ? 1 : 0);
  }
  return malformed(ls, "text does not end with a line holding only \".\"", NULL);
}

static int is_role(const char *name) {
  for (int r = CSTO_ROLE_NONE + 1; r < CSTO_ROLE_COUNT; r++)
    if (strcmp(name, csto_role_name((csto_role)r)) == 0)
      return 1;
  return 0;
}

static int is_mode(const char *name) {
  for (size_t m = 0; m < sizeof MODES / sizeof MODES[0]; m++)
    if (strcmp(name, MODES[m]) == 0)
      return 1;
  return 0;
}

/* "YYYY-MM-DD" or "YYYY-MM-DD/YYYY-MM-DD" */
static int is_date_value(const char *v) {
  char first[11];
  csto_date d;
  size_t n = strlen(v);
  if (n != 10 && !(n == 21 && v[10] == '/'))
    return 0;
  snprintf(first, sizeof first, "%.10s", v);
  return csto_date_parse(first, &d, NULL) == CSTO_OK &&
         (n == 10 || csto_date_parse(v + 11, &d, NULL) == CSTO_OK);
}

static int event_key(const lines *ls, spec_case *c, const char *key) {
  if (key[0] != 'E' || !key[1] || strspn(key + 1, "0123456789") != strlen(key + 1))
    return malformed(ls, "an event must be written E1, E2, ...", key);
  for (int k = 0; k < c->n_keys; k++)
    if (strcmp(c->keys[k], key) == 0)
      return k;
  if (c->n_keys == MAX_KEYS)
    return malformed(ls, "too many events", NULL);
  c->keys[c->n_keys] = key;
  return c->n_keys++;
}

/* The values of a row's fields that are not names or events. */
static int check_values(const lines *ls, const row *r) {
  csto_fact_kind k = KINDS[r->kind].kind;
  if (k == CSTO_FACT_ATTENDS && !is_mode(r->field[2]))
    return malformed(ls, "mode must be in-person, remote or unspecified", r->field[2]);
  if (k == CSTO_FACT_DATE && !is_date_value(r->field[1]))
    return malformed(ls, "date must be YYYY-MM-DD or YYYY-MM-DD/YYYY-MM-DD", r->field[1]);
  if (k == CSTO_FACT_HOLDS_POSITION && !is_role(r->field[1]))
    return malformed(ls, "unknown role (a local name such as ForeignMinister)", r->field[1]);
  return 0;
}

static int parse_row(const lines *ls, char *l, spec_case *c, row *r) {
  char *kind = strtok(l, "\t");
  r->kind = -1;
  for (int k = 0; kind && k < N_KINDS; k++)
    if (strcmp(kind, KINDS[k].name) == 0)
      r->kind = k;
  if (r->kind < 0)
    return malformed(ls, "unknown row kind", kind);
  int n = 0;
  for (char *f; (f = strtok(NULL, "\t"));)
    if (n < MAX_FIELDS)
      r->field[n++] = f;
    else
      return malformed(ls, "too many fields", NULL);
  if (n != KINDS[r->kind].n_fields)
    return malformed(ls, "wrong number of tab-separated fields for", kind);
  int ef = KINDS[r->kind].event_field;
  r->key = -1;
  if (ef >= 0 && (r->key = event_key(ls, c, r->field[ef])) < 0)
    return -1;
  return check_values(ls, r);
}

/* Expected rows up to a line holding only ".". */
static int parse_rows(lines *ls, spec_case *c) {
  size_t cap = 0;
  for (char *l; (l = next_line(ls));) {
    if (strcmp(l, ".") == 0)
      return 0;
    if (c->n_rows == cap) {
      row *grown = realloc(c->rows, (cap = cap ? 2 * cap : 8) * sizeof *grown);
      if (!grown)
        return malformed(ls, "out of memory", NULL);
      c->rows = grown;
    }
    if (parse_row(ls, l, c, &c->rows[c->n_rows++]) != 0)
      return -1;
  }
  return malformed(ls, "expected rows do not end with a line holding only \".\"", NULL);
}

static void case_free(spec_case *c) {
  free(c->text);
  free(c->text2);
  free(c->rows);
}

/* ---- the extractor's facts as rows ----------------------------------------------------------- */

/* A name as the matcher compares names: normalized tokens joined by one space. */
static char *name_key(const char *name) {
  csto_token *tokens = NULL;
  size_t n = 0;
  if (csto_tokenize(name, strlen(name), &tokens, &n, NULL) != CSTO_OK)
    return NULL;
  char *key = csto_tokens_phrase(tokens, 0, n);
  csto_tokens_free(tokens, n);
  return key;
}

static int same_name(const char *key, const char *name) {
  char *other = name_key(name);
  int same = other && key && strcmp(key, other) == 0;
  free(other);
  return same;
}

/* Whether key is a KB label or alias of the entity. */
static int kb_names(const csto_kb *kb, const char *key, const csto_kb_entity *e) {
  const csto_lex_entry *m[CSTO_KB_MAX_MEANINGS];
  size_t n = e && key ? csto_kb_lookup(kb, key, m, CSTO_KB_MAX_MEANINGS) : 0;
  for (size_t i = 0; i < n; i++)
    if (m[i]->kind == CSTO_LEX_ENTITY && m[i]->entity == e)
      return 1;
  return 0;
}

static int names_one(const csto_doc *doc, const char *key, const csto_doc_entity *e) {
  if (same_name(key, e->label) || (e->kb && same_name(key, e->kb->label)) ||
      kb_names(doc->kb, key, e->kb))
    return 1;
  for (size_t a = 0; a < e->n_aliases; a++)
    if (same_name(key, e->aliases[a]))
      return 1;
  return 0;
}

/* Whether a row's name field ("A" or alternatives "A|B") names document entity i. */
static int names_entity(const csto_doc *doc, const char *field, int i) {
  if (i < 0 || (size_t)i >= doc->n_entities)
    return 0;
  int found = 0;
  for (const char *p = field; p && !found;) {
    const char *bar = strchr(p, '|');
    char *alt = bar ? strndup(p, (size_t)(bar - p)) : strdup(p);
    char *key = alt ? name_key(alt) : NULL;
    found = key && names_one(doc, key, &doc->entities[i]);
    free(key);
    free(alt);
    p = bar ? bar + 1 : NULL;
  }
  return found;
}

static void date_value(const csto_fact *f, char *buf, size_t size) {
  int n = snprintf(buf, size, "%04d-%02d-%02d", f->date.year, f->date.month, f->date.day);
  if (f->date_end.year && n > 0 && (size_t)n < size)
    snprintf(buf + n, size - (size_t)n, "/%04d-%02d-%02d", f->date_end.year, f->date_end.month,
             f->date_end.day);
}

static int fact_event(const csto_fact *f) {
  switch (f->kind) {
  case CSTO_FACT_CHAIRS:
  case CSTO_FACT_ATTENDS: return f->object;
  case CSTO_FACT_HELD_IN:
  case CSTO_FACT_DATE: return f->subject;
  default: return -1;
  }
}

/* Whether a row states the fact, events aside (the pairing decides those). */
static int row_states(const csto_doc *doc, const row *r, const csto_fact *f) {
  char *const *v = r->field;
  char date[32];
  if (KINDS[r->kind].kind != f->kind)
    return 0;
  switch (f->kind) {
  case CSTO_FACT_CHAIRS: return names_entity(doc, v[0], f->subject);
  case CSTO_FACT_ATTENDS:
    return names_entity(doc, v[0], f->subject) && strcmp(v[2], MODES[f->mode]) == 0;
  case CSTO_FACT_MEMBER_OF:
    return names_entity(doc, v[0], f->subject) && names_entity(doc, v[1], f->object);
  case CSTO_FACT_HELD_IN: return names_entity(doc, v[1], f->object);
  case CSTO_FACT_DATE: date_value(f, date, sizeof date); return strcmp(v[1], date) == 0;
  case CSTO_FACT_HOLDS_POSITION:
    return names_entity(doc, v[0], f->subject) && strcmp(v[1], csto_role_name(f->role)) == 0 &&
           names_entity(doc, v[2], f->object);
  }
  return 0;
}

/* The same fact as far as the rows can tell. */
static int same_fact(const csto_fact *a, const csto_fact *b) {
  if (a->kind != b->kind || a->subject != b->subject)
    return 0;
  switch (a->kind) {
  case CSTO_FACT_ATTENDS: return a->object == b->object && a->mode == b->mode;
  case CSTO_FACT_DATE:
    return memcmp(&a->date, &b->date, sizeof a->date) == 0 &&
           memcmp(&a->date_end, &b->date_end, sizeof a->date_end) == 0;
  case CSTO_FACT_HOLDS_POSITION: return a->object == b->object && a->role == b->role;
  default: return a->object == b->object;
  }
}

/* ---- comparison ------------------------------------------------------------------------------ */

/* One case against one document: distinct facts, which row states which fact, and the
 * pairing of event keys with document events. */
typedef struct {
  const spec_case *c;
  const csto_doc *doc;
  const csto_fact **facts;
  size_t n_facts;
  unsigned char *states; /* [row * n_facts + fact] */
  int map[MAX_KEYS];     /* key -> document event, -1 */
  int best[MAX_KEYS];
  int best_score;
  int *events; /* distinct document events among the facts */
  int n_events;
} matching;

static int matches(const matching *m, const int *map, size_t r, size_t f) {
  int key = m->c->rows[r].key, ev = fact_event(m->facts[f]);
  return m->states[r * m->n_facts + f] && (key < 0 || map[key] == ev);
}

static int row_found(const matching *m, const int *map, size_t r) {
  for (size_t f = 0; f < m->n_facts; f++)
    if (matches(m, map, r, f))
      return 1;
  return 0;
}

static int fact_found(const matching *m, const int *map, size_t f) {
  for (size_t r = 0; r < m->c->n_rows; r++)
    if (matches(m, map, r, f))
      return 1;
  return 0;
}

static int score(const matching *m, const int *map) {
  int s = 0;
  for (size_t r = 0; r < m->c->n_rows; r++)
    s += row_found(m, map, r);
  for (size_t f = 0; f < m->n_facts; f++)
    s += fact_found(m, map, f);
  return s;
}

static int event_used(const matching *m, int key, int ev) {
  for (int k = 0; k < key; k++)
    if (m->map[k] == ev)
      return 1;
  return 0;
}

/* Every one-to-one pairing of keys key.. with events (or with none). */
static void pair_all(matching *m, int key) {
  if (key == m->c->n_keys) {
    int s = score(m, m->map);
    if (s > m->best_score) {
      m->best_score = s;
      memcpy(m->best, m->map, sizeof m->best);
    }
    return;
  }
  for (int e = 0; e <= m->n_events; e++) { /* pairing first: ties show as a pairing */
    int ev = e < m->n_events ? m->events[e] : -1;
    if (ev >= 0 && event_used(m, key, ev))
      continue;
    m->map[key] = ev;
    pair_all(m, key + 1);
  }
}

/* Rows key k would state if paired with event ev. */
static int pair_gain(const matching *m, int k, int ev) {
  int n = 0;
  for (size_t r = 0; r < m->c->n_rows; r++)
    for (size_t f = 0; f < m->n_facts; f++)
      n += m->c->rows[r].key == k && fact_event(m->facts[f]) == ev &&
           m->states[r * m->n_facts + f];
  return n;
}

static int taken(const matching *m, int ev) {
  for (int k = 0; k < m->c->n_keys; k++)
    if (m->best[k] == ev)
      return 1;
  return 0;
}

/* Too many events to try all pairings: take the best pair, then the next best, ... */
static void pair_greedy(matching *m) {
  for (;;) {
    int bk = -1, be = -1, bg = 0;
    for (int k = 0; k < m->c->n_keys; k++)
      for (int e = 0; e < m->n_events && m->best[k] < 0; e++) {
        int g = taken(m, m->events[e]) ? 0 : pair_gain(m, k, m->events[e]);
        if (g > bg)
          bk = k, be = m->events[e], bg = g;
      }
    if (bk < 0)
      return;
    m->best[bk] = be;
  }
}

static int add_fact(matching *m, const csto_fact *f) {
  for (size_t i = 0; i < m->n_facts; i++)
    if (same_fact(m->facts[i], f))
      return 0;
  m->facts[m->n_facts++] = f;
  int ev = fact_event(f);
  for (int e = 0; e < m->n_events; e++)
    if (m->events[e] == ev)
      return 0;
  if (ev >= 0)
    m->events[m->n_events++] = ev;
  return 0;
}

static int matching_init(matching *m, const spec_case *c, const csto_doc *doc) {
  memset(m, 0, sizeof *m);
  m->c = c;
  m->doc = doc;
  m->facts = calloc(doc->n_facts + 1, sizeof *m->facts);
  m->events = calloc(doc->n_facts + 1, sizeof *m->events);
  m->states = calloc(c->n_rows * doc->n_facts + 1, 1);
  if (!m->facts || !m->events || !m->states)
    return -1;
  for (size_t i = 0; i < doc->n_facts; i++)
    add_fact(m, &doc->facts[i]);
  for (size_t r = 0; r < c->n_rows; r++)
    for (size_t f = 0; f < m->n_facts; f++)
      m->states[r * m->n_facts + f] = (unsigned char)row_states(doc, &c->rows[r], m->facts[f]);
  for (int k = 0; k < MAX_KEYS; k++)
    m->map[k] = m->best[k] = -1;
  m->best_score = -1;
  if (c->n_keys <= 6 && m->n_events <= 6)
    pair_all(m, 0);
  else
    pair_greedy(m);
  return 0;
}

static void matching_free(matching *m) {
  free(m->facts);
  free(m->events);
  free(m->states);
}

/* ---- reporting ------------------------------------------------------------------------------- */

static void print_event(const matching *m, int ev) {
  for (int k = 0; k < m->c->n_keys; k++)
    if (m->best[k] == ev) {
      printf("%s", m->c->keys[k]);
      return;
    }
  printf("?%d", ev + 1); /* an event no key is paired with */
}

static const char *label(const matching *m, int entity) {
  return m->doc->entities[entity].label;
}

static void print_fact(const matching *m, const csto_fact *f) {
  char date[32];
  date_value(f, date, sizeof date);
  switch (f->kind) {
  case CSTO_FACT_CHAIRS:
  case CSTO_FACT_ATTENDS:
    printf("    %s\t%s\t", f->kind == CSTO_FACT_CHAIRS ? "chairs" : "attends", label(m, f->subject));
    print_event(m, f->object);
    if (f->kind == CSTO_FACT_ATTENDS)
      printf("\t%s", MODES[f->mode]);
    break;
  case CSTO_FACT_MEMBER_OF:
    printf("    memberOf\t%s\t%s", label(m, f->subject), label(m, f->object));
    break;
  case CSTO_FACT_HELD_IN:
  case CSTO_FACT_DATE:
    printf("    %s\t", f->kind == CSTO_FACT_DATE ? "date" : "heldIn");
    print_event(m, f->subject);
    printf("\t%s", f->kind == CSTO_FACT_DATE ? date : label(m, f->object));
    break;
  case CSTO_FACT_HOLDS_POSITION:
    printf("    position\t%s\t%s\t%s", label(m, f->subject), csto_role_name(f->role),
           label(m, f->object));
    break;
  }
  printf("\t(rule %s", csto_rule_name(f->evidence.rule));
  if (f->mode_evidence.rule)
    printf(", mode %s", csto_rule_name(f->mode_evidence.rule));
  printf(")\n");
}

static void print_row(const row *r) {
  printf("    %s", KINDS[r->kind].name);
  for (int i = 0; i < KINDS[r->kind].n_fields; i++)
    printf("\t%s", r->field[i]);
  printf("\n");
}

static void print_mismatch(const matching *m) {
  const spec_case *c = m->c;
  printf("%s:%zu: FAIL ### %s\n    date: %s\n", c->file, c->line, c->header, c->date);
  for (const char *p = c->text; p;) {
    const char *nl = strchr(p, '\n');
    printf("    | %.*s\n", nl ? (int)(nl - p) : (int)strlen(p), p);
    p = nl ? nl + 1 : NULL;
  }
  printf("  missing rows:\n");
  for (size_t r = 0; r < c->n_rows; r++)
    if (!row_found(m, m->best, r))
      print_row(&c->rows[r]);
  printf("  extra rows:\n");
  for (size_t f = 0; f < m->n_facts; f++)
    if (!fact_found(m, m->best, f))
      print_fact(m, m->facts[f]);
}

/* ---- running --------------------------------------------------------------------------------- */

typedef struct {
  const csto_kb *kb;
  const char *filter;
  int passed, failed, todo, todo_passing, errors;
  int positive[N_RULES]; /* cases that name the rule, filtered or not */
} runner;

static csto_article *case_article(const spec_case *c, const char *date, const char *body) {
  char source[512];
  size_t n = strlen(body) + 64;
  char *text = malloc(n);
  csto_article *a = NULL;
  csto_error err = {0};
  snprintf(source, sizeof source, "%s:%zu", c->file, c->line);
  if (text)
    snprintf(text, n, "---\ndate: %s\n---\n%s\n", date, body);
  if (!text || csto_article_from_buffer(source, text, strlen(text), NULL, &a, &err) != CSTO_OK)
    fprintf(stderr, "%s: cannot make an article: %s\n", source, err.message);
  free(text);
  return a;
}

/* Whether the case's rule made one of the facts (positive case) or none (negative). */
static int rule_as_said(const spec_case *c, const csto_doc *doc) {
  int used = 0;
  for (size_t i = 0; i < doc->n_facts; i++)
    used |= fact_uses(&doc->facts[i], (csto_rule)c->rule);
  if (used == c->negative && !c->todo)
    printf("%s:%zu: rule %s %s\n", c->file, c->line, csto_rule_name(c->rule),
           c->negative ? "made a fact, though the case says it must not" : "made none of the facts");
  return used != c->negative;
}

/* 1 when the document's facts are exactly the expected rows and the case's rule did as
 * the header says, 0 when not, -1 on error. */
static int case_passes(runner *run, const spec_case *c) {
  csto_article *a = case_article(c, c->date, c->text);
  csto_doc *doc = NULL;
  csto_error err = {0};
  matching m = {0};
  int result = -1;
  if (a && csto_pipeline_run(run->kb, a, &doc, &err) != CSTO_OK)
    fprintf(stderr, "%s:%zu: pipeline failed: %s\n", c->file, c->line, err.message);
  else if (a && matching_init(&m, c, doc) != 0)
    fprintf(stderr, "%s:%zu: out of memory\n", c->file, c->line);
  else if (a) {
    result = m.best_score == (int)(c->n_rows + m.n_facts) && rule_as_said(c, doc);
    if (!result && !c->todo)
      print_mismatch(&m);
  }
  matching_free(&m);
  csto_doc_free(doc);
  csto_article_free(a);
  return result;
}

/* ---- pair cases: one meeting or two ---------------------------------------------------------- */

enum { MAX_NODES = 16 };

/* The names of the shared nodes (csto_meeting_name) of the events the document's facts
 * name, each dated by its first date fact, else by its session, as the graph does
 * (csto_meeting_day); how many (-1 when out of memory). An event that stays the article's
 * own has none. */
static int meeting_nodes(const csto_doc *doc, char **names, int *named) {
  int n = 0;
  csto_meeting_facts *of = csto_meeting_facts_of(doc);
  if (!of)
    return -1;
  for (size_t i = 0; i < doc->n_facts; i++) {
    int ev = fact_event(&doc->facts[i]);
    *named |= ev >= 0;
    char *name =
        ev >= 0 ? csto_meeting_name(&doc->events[ev], csto_meeting_day(doc, ev, &of[ev])) : NULL;
    int seen = !name || n == MAX_NODES;
    for (int k = 0; k < n && !seen; k++)
      seen = strcmp(names[k], name) == 0;
    if (seen)
      free(name);
    else
      names[n++] = name;
  }
  free(of);
  return n;
}

static void print_pair(const spec_case *c, char *names[2][MAX_NODES], const int *n,
                       int articles) {
  const char *dates[2] = {c->date, c->date2}, *texts[2] = {c->text, c->text2};
  printf("%s:%zu: FAIL ### %s\n", c->file, c->line, c->header);
  for (int a = 0; a < articles; a++) {
    printf("    date: %s\n", dates[a]);
    for (const char *p = texts[a]; p;) {
      const char *nl = strchr(p, '\n');
      printf("    | %.*s\n", nl ? (int)(nl - p) : (int)strlen(p), p);
      p = nl ? nl + 1 : NULL;
    }
    printf("  its meetings:%s\n", n[a] ? "" : " none shared across articles");
    for (int k = 0; k < n[a]; k++)
      printf("    %s\n", names[a][k]);
  }
}

/* 1 when the two articles' meetings share a node (same meeting) or both have shared nodes
 * and none in common (different meetings), or when the one article's facts name meetings
 * and none has a shared node (own meeting); 0 when not, -1 on error. */
static int pair_passes(const csto_kb *kb, const spec_case *c) {
  const char *dates[2] = {c->date, c->date2}, *texts[2] = {c->text, c->text2};
  char *names[2][MAX_NODES];
  int n[2] = {0, 0}, named = 0, failed = 0, shared = 0, result = -1;
  int articles = c->pair == OWN_MEETING ? 1 : 2;
  for (int a = 0; a < articles; a++) {
    csto_article *art = case_article(c, dates[a], texts[a]);
    csto_doc *doc = NULL;
    csto_error err = {0};
    if (art && csto_pipeline_run(kb, art, &doc, &err) == CSTO_OK) {
      if ((n[a] = meeting_nodes(doc, names[a], &named)) < 0) {
        fprintf(stderr, "%s:%zu: out of memory\n", c->file, c->line);
        n[a] = 0;
        failed = 1;
      }
    } else {
      fprintf(stderr, "%s:%zu: pipeline failed: %s\n", c->file, c->line, err.message);
      failed = 1;
    }
    csto_doc_free(doc);
    csto_article_free(art);
  }
  for (int i = 0; i < n[0]; i++)
    for (int j = 0; j < n[1]; j++)
      shared |= strcmp(names[0][i], names[1][j]) == 0;
  if (!failed) {
    result = c->pair == SAME_MEETING ? shared
             : c->pair == OWN_MEETING ? named && !n[0]
                                      : !shared && n[0] && n[1];
    if (!result && !c->todo)
      print_pair(c, names, n, articles);
  }
  for (int a = 0; a < 2; a++)
    for (int k = 0; k < n[a]; k++)
      free(names[a][k]);
  return result;
}

static int selected(const runner *run, const spec_case *c) {
  char where[512];
  snprintf(where, sizeof where, "%s:%zu", c->file, c->line);
  return !run->filter || strstr(c->header, run->filter) || strcmp(where, run->filter) == 0 ||
         strcmp(c->file, run->filter) == 0;
}

static void run_case(runner *run, const spec_case *c) {
  run->positive[c->rule] += !c->pair && !c->negative;
  if (!selected(run, c))
    return;
  int ok = c->pair ? pair_passes(run->kb, c) : case_passes(run, c);
  if (ok < 0)
    run->errors++;
  else if (c->todo && ok) {
    run->todo++, run->todo_passing++;
    printf("%s:%zu: todo case passes: remove its todo\n", c->file, c->line);
  } else if (c->todo)
    run->todo++;
  else
    ok ? run->passed++ : run->failed++;
}

/* One case from its header line on; 0, or -1 when malformed. */
static int read_case(runner *run, lines *ls, char *header) {
  spec_case c = {.file = ls->file, .line = ls->line};
  int rc = -1;
  if (parse_header(ls, header, &c) == 0 && parse_meta(ls, &c) == 0 &&
      parse_text(ls, &c.text) == 0 &&
      (c.pair == OWN_MEETING ||
       (c.pair ? parse_date(ls, &c.date2) == 0 && parse_text(ls, &c.text2) == 0
               : parse_rows(ls, &c) == 0))) {
    run_case(run, &c);
    rc = 0;
  }
  case_free(&c);
  return rc;
}

static char *slurp(const char *path) {
  FILE *fp = fopen(path, "rb");
  char *buf = NULL;
  long n = -1;
  if (fp && fseek(fp, 0, SEEK_END) == 0 && (n = ftell(fp)) >= 0 && fseek(fp, 0, SEEK_SET) == 0 &&
      (buf = malloc((size_t)n + 1)) && fread(buf, 1, (size_t)n, fp) == (size_t)n)
    buf[n] = '\0';
  else {
    free(buf);
    buf = NULL;
  }
  if (fp)
    fclose(fp);
  return buf;
}

/* Every case of one file; a malformed case stops the file (its rows cannot be trusted). */
static void run_file(runner *run, const char *dir, const char *name) {
  char path[4096];
  snprintf(path, sizeof path, "%s/%s", dir, name);
  lines ls = {.file = name, .buf = slurp(path)};
  if (!ls.buf) {
    fprintf(stderr, "%s: cannot read\n", path);
    run->errors++;
    return;
  }
  ls.pos = ls.buf;
  for (char *l; (l = next_line(&ls));) {
    int bad = 0;
    if (strncmp(l, "### ", 4) == 0)
      bad = read_case(run, &ls, l);
    else if (l[0] != '#' && strspn(l, " \t") != strlen(l))
      bad = malformed(&ls, "text outside a case (a case starts with \"### \")", NULL);
    if (bad) {
      run->errors++;
      break;
    }
  }
  free(ls.buf);
}

static int by_name(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The *.txt names in dir, sorted; NULL-terminated, or NULL when dir cannot be read. */
static char **spec_files(const char *dir) {
  DIR *d = opendir(dir);
  char **names = NULL;
  size_t n = 0;
  for (struct dirent *e; d && (e = readdir(d));) {
    size_t len = strlen(e->d_name);
    if (len <= 4 || strcmp(e->d_name + len - 4, ".txt") != 0)
      continue;
    char **grown = realloc(names, (n + 2) * sizeof *names);
    if (!grown)
      break;
    names = grown;
    names[n++] = strdup(e->d_name);
  }
  if (d)
    closedir(d);
  if (names) {
    names[n] = NULL;
    qsort(names, n, sizeof *names, by_name);
  }
  return names;
}

/* Rules without a positive case; how many. */
static int uncovered_rules(const runner *run) {
  int n = 0;
  for (int i = CSTO_RULE_NONE + 1; i < N_RULES; i++)
    if (!run->positive[i]) {
      printf("rule %s has no positive case\n", csto_rule_name(i));
      n++;
    }
  return n;
}

int main(int argc, char **argv) {
  if (argc < 2 || argc > 3) {
    fprintf(stderr, "usage: %s SPEC_DIR [CASE_FILTER]\n", argv[0]);
    return 2;
  }
  runner run = {.filter = argc == 3 ? argv[2] : NULL};
  csto_kb *kb = NULL;
  csto_error err = {0};
  char **files = spec_files(argv[1]);
  if (!files)
    fprintf(stderr, "%s: no *.txt files\n", argv[1]);
  else if (csto_kb_load(csto_kb_default_dir(), &kb, &err) != CSTO_OK)
    fprintf(stderr, "cannot load the knowledge base: %s\n", err.message);
  run.errors += !kb;
  run.kb = kb;
  for (char **f = files; kb && f && *f; f++)
    run_file(&run, argv[1], *f);
  int uncovered = kb && !run.filter && !run.errors ? uncovered_rules(&run) : 0;
  printf("%d passed, %d failed\n%d todo (%d of them now pass)\n", run.passed, run.failed,
         run.todo, run.todo_passing);
  for (char **f = files; f && *f; f++)
    free(*f);
  free(files);
  csto_kb_free(kb);
  return run.errors ? 2 : run.failed || uncovered ? 1 : 0;
}
