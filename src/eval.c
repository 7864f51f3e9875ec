/* csto-kg eval: score a graph against a gold TSV (see include/csto/eval.h).
 *
 * The point of this module is to agree with the reference scorer (score.py) to the last
 * digit, so it reproduces that script's data model rather than inventing a cleaner one:
 * every node is identified by its N-Triples form as rapper prints it, every value is a
 * string, and a gold key and a graph node are "the same" exactly when their strings are
 * equal. Strings are interned in one pool so that those comparisons are int compares.
 * Comments quote the score.py expression a piece of code reproduces where the choice would
 * otherwise look arbitrary. */
#include "csto/eval.h"

#include "array.h"

#include <errno.h>
#include <jansson.h>
#include <raptor2.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "strmap.h"

static const char *const relation_names[CSTO_EVAL_N_RELATIONS] = {
    "chairs", "attends", "memberOf", "heldIn", "date", "position"};

const char *csto_eval_relation_name(csto_eval_relation rel) {
  return (unsigned)rel < CSTO_EVAL_N_RELATIONS ? relation_names[rel] : NULL;
}

/* ---------------------------------------------------------------- small containers */

typedef struct {
  int *v;
  size_t n, cap;
} ivec;

static int ivec_push(ivec *a, int x) {
  if (a->n == a->cap) {
    size_t cap = a->cap ? a->cap * 2 : 8;
    int *v = realloc(a->v, cap * sizeof *v);
    if (!v)
      return -1;
    a->v = v;
    a->cap = cap;
  }
  a->v[a->n++] = x;
  return 0;
}

static bool ivec_has(const ivec *a, int x) {
  for (size_t i = 0; i < a->n; i++)
    if (a->v[i] == x)
      return true;
  return false;
}

/* Interned strings: equal strings get equal ids, ids index str. */
typedef struct {
  csto_strmap *index;
  char **str;
  size_t n, cap;
} pool;

static void pool_free(pool *p) {
  csto_strmap_free(p->index);
  for (size_t i = 0; i < p->n; i++)
    free(p->str[i]);
  free(p->str);
}

/* The id of s (len bytes, no NUL inside), interning a copy when new; -1 out of memory. */
static int pool_id(pool *p, const char *s, size_t len) {
  char *copy = malloc(len + 1);
  if (!copy)
    return -1;
  memcpy(copy, s, len);
  copy[len] = '\0';
  const int *found;
  if (csto_strmap_get(p->index, copy, &found)) {
    free(copy);
    return found[0];
  }
  if (csto_array_reserve((void **)&p->str, &p->cap, p->n, sizeof *p->str) != 0 ||
      csto_strmap_add(p->index, copy, (int)p->n) != 0) {
    free(copy);
    return -1;
  }
  p->str[p->n] = copy;
  return (int)p->n++;
}

static int pool_cid(pool *p, const char *s) { return pool_id(p, s, strlen(s)); }

/* ---------------------------------------------------------------- text rules of score.py */

/* Python's str.isspace(), which is what re's \s and str.strip() use. */
static bool py_space(utf8proc_int32_t c) {
  return (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x20) || c == 0x85 || c == 0xA0 ||
         c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 ||
         c == 0x202F || c == 0x205F || c == 0x3000;
}

/* Decode the code point at s[i]; invalid bytes come back as -1 with length 1. */
static utf8proc_ssize_t next_cp(const char *s, size_t len, size_t i, utf8proc_int32_t *c) {
  utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i,
                                        (utf8proc_ssize_t)(len - i), c);
  if (k <= 0) {
    *c = -1;
    k = 1;
  }
  return k;
}

/* norm(s) = re.sub(r"\s+", " ", s).strip().casefold(). Case folding alone, without NFC:
 * Python's casefold does not normalize, and utf8proc's CASEFOLD without COMPOSE or
 * DECOMPOSE maps every code point exactly as casefold does. Returns a new string, NULL
 * when out of memory. Invalid UTF-8 (which Python could not hold) is left unfolded. */
static char *norm(const char *s, size_t len) {
  char *ws = malloc(len + 1);
  if (!ws)
    return NULL;
  size_t n = 0;
  bool gap = false;
  for (size_t i = 0; i < len;) {
    utf8proc_int32_t c;
    utf8proc_ssize_t k = next_cp(s, len, i, &c);
    if (c >= 0 && py_space(c)) {
      gap = n > 0;
    } else {
      if (gap)
        ws[n++] = ' ';
      gap = false;
      memcpy(ws + n, s + i, (size_t)k);
      n += (size_t)k;
    }
    i += (size_t)k;
  }
  ws[n] = '\0';
  utf8proc_uint8_t *folded = NULL;
  if (n == 0 || utf8proc_map((const utf8proc_uint8_t *)ws, (utf8proc_ssize_t)n, &folded,
                             UTF8PROC_CASEFOLD) < 0)
    return ws;
  free(ws);
  return (char *)folded;
}

/* Bytes taken by the first `chars` code points of s: Python's s[:chars]. */
static size_t prefix_bytes(const char *s, size_t len, size_t chars) {
  size_t i = 0;
  for (size_t seen = 0; i < len; i++) {
    if (((unsigned char)s[i] & 0xC0) != 0x80 && seen++ == chars)
      break;
  }
  return i;
}

/* local(iri): strip '<' and '>' from both ends, keep what follows the last '/' or '#'.
 * Applied to N-Triples forms, literals included, as score.py does. */
static const char *local_name(const char *nt, size_t *len) {
  const char *b = nt, *e = nt + strlen(nt);
  while (b < e && (*b == '<' || *b == '>'))
    b++;
  while (e > b && (e[-1] == '<' || e[-1] == '>'))
    e--;
  const char *start = b;
  for (const char *c = b; c < e; c++)
    if (*c == '/' || *c == '#')
      start = c + 1;
  *len = (size_t)(e - start);
  return start;
}

static int pool_local(pool *p, int id) {
  size_t len;
  const char *l = local_name(p->str[id], &len);
  return pool_id(p, l, len);
}

/* ---------------------------------------------------------------- the graph */

enum { PK_OTHER, PK_LABEL, PK_SAMEAS, PK_TYPE };

typedef struct {
  int s, o;  /* N-Triples forms: the node identities, as rapper prints them */
  int pred;  /* local name of the predicate: score.py's by_pred key */
  int value; /* PK_LABEL: norm(literal); PK_SAMEAS, PK_TYPE: local(o);
                date/startDate with a literal: its first 10 characters; else -1 */
  unsigned char kind;
  bool literal;
} triple;

typedef struct {
  triple *t;
  size_t n, cap;
} triples;

/* The predicate local names the scoring reads, interned once. */
typedef struct {
  int chairs, attends, member_of, held_in, date, start_date, holds_position, role, post_in,
      attendee, event, mode;
} pred_ids;

typedef struct {
  raptor_world *world;
  raptor_parser *parser;
  pool *pool;
  triples *out;
  const pred_ids *preds;
  const char *path;
  csto_error *err;
  csto_status st;
  bool error_logged; /* st came from a raptor error, not only a warning */
} graph_reader;

static const char WD_PREFIX[] = "<http://www.wikidata.org/entity/";

static int classify(const char *pred_iri, bool literal) {
  static const char *const labels[] = {"http://www.w3.org/2000/01/rdf-schema#label",
                                       "http://www.w3.org/2004/02/skos/core#altLabel",
                                       "http://www.w3.org/2004/02/skos/core#prefLabel"};
  for (size_t i = 0; i < 3; i++)
    if (literal && strcmp(pred_iri, labels[i]) == 0)
      return PK_LABEL;
  if (strcmp(pred_iri, "http://www.w3.org/2002/07/owl#sameAs") == 0 ||
      strcmp(pred_iri, "http://www.w3.org/2004/02/skos/core#exactMatch") == 0)
    return PK_SAMEAS;
  if (strcmp(pred_iri, "http://www.w3.org/1999/02/22-rdf-syntax-ns#type") == 0)
    return PK_TYPE;
  return PK_OTHER;
}

/* The term as rapper -o ntriples writes it (same escaping flags as its serializer). */
static int term_id(graph_reader *g, const raptor_term *term) {
  void *s = NULL;
  size_t len = 0;
  raptor_iostream *io = raptor_new_iostream_to_string(g->world, &s, &len, malloc);
  if (!io)
    return -1;
  int bad = raptor_term_escaped_write(term, RAPTOR_ESCAPED_WRITE_NTRIPLES_LITERAL, io);
  raptor_free_iostream(io); /* finishes the string */
  int id = (bad || !s) ? -1 : pool_id(g->pool, s, len);
  free(s);
  return id;
}

/* Sets t->value (see triple) from the object o; a sameAs to something that is not a
 * Wikidata entity becomes an ordinary triple. Returns -1 when out of memory. */
static int set_value(graph_reader *g, triple *t, const raptor_term *o) {
  const char *lit = t->literal ? (const char *)o->value.literal.string : NULL;
  size_t lit_len = t->literal ? o->value.literal.string_len : 0;
  if (t->kind == PK_SAMEAS && strncmp(g->pool->str[t->o], WD_PREFIX, sizeof WD_PREFIX - 1))
    t->kind = PK_OTHER;
  if (t->kind == PK_LABEL) {
    char *n = norm(lit, lit_len);
    t->value = n ? pool_cid(g->pool, n) : -1;
    free(n);
  } else if (t->kind == PK_TYPE || t->kind == PK_SAMEAS) {
    t->value = pool_local(g->pool, t->o);
  } else if (t->literal && (t->pred == g->preds->date || t->pred == g->preds->start_date)) {
    t->value = pool_id(g->pool, lit, prefix_bytes(lit, lit_len, 10));
  } else {
    return 0; /* nothing the scoring reads: value stays -1 */
  }
  return t->value < 0 ? -1 : 0;
}

static void fail_nomem(graph_reader *g) {
  if (g->st == CSTO_OK)
    g->st = csto_error_set(g->err, CSTO_ERR_NOMEM, "%s: out of memory", g->path);
  if (g->parser)
    raptor_parser_parse_abort(g->parser);
}

static void on_statement(void *user, raptor_statement *st) {
  graph_reader *g = user;
  if (g->st != CSTO_OK)
    return; /* the graph is rejected already: nothing more to collect */
  triple t = {.value = -1, .literal = st->object->type == RAPTOR_TERM_TYPE_LITERAL};
  int p = term_id(g, st->predicate);
  t.s = term_id(g, st->subject);
  t.o = term_id(g, st->object);
  bool ok = p >= 0 && t.s >= 0 && t.o >= 0 && (t.pred = pool_local(g->pool, p)) >= 0;
  if (ok && st->predicate->type == RAPTOR_TERM_TYPE_URI)
    t.kind = (unsigned char)classify(
        (const char *)raptor_uri_as_string(st->predicate->value.uri), t.literal);
  if (!ok || set_value(g, &t, st->object) != 0 ||
      csto_array_reserve((void **)&g->out->t, &g->out->cap, g->out->n, sizeof *g->out->t) != 0) {
    fail_nomem(g);
    return;
  }
  g->out->t[g->out->n++] = t;
}

/* rapper exits non-zero on any error and also on any warning, and score.py then refuses
 * the graph; so both end the scoring here, the first error winning over warnings. */
static void on_log(void *user, raptor_log_message *m) {
  graph_reader *g = user;
  if (m->level < RAPTOR_LOG_LEVEL_WARN || g->error_logged || g->st == CSTO_ERR_NOMEM)
    return;
  bool is_error = m->level >= RAPTOR_LOG_LEVEL_ERROR;
  if (g->st != CSTO_OK && !is_error)
    return;
  const char *what = is_error ? "" : " (raptor warning; rapper rejects such a graph too)";
  if (m->locator && m->locator->line > 0)
    g->st = csto_error_set(g->err, CSTO_ERR_RDF, "%s:%d: %s%s", g->path, m->locator->line,
                           m->text, what);
  else
    g->st = csto_error_set(g->err, CSTO_ERR_RDF, "%s: %s%s", g->path, m->text, what);
  g->error_logged = is_error;
  if (is_error && g->parser)
    raptor_parser_parse_abort(g->parser);
}

static bool has_suffix(const char *s, const char *suffix) {
  size_t n = strlen(s), k = strlen(suffix);
  return n >= k && strcmp(s + n - k, suffix) == 0;
}

/* Parse fh into g->out, as `rapper -i guess` (or nquads) with the file URI as base. */
static void parse_graph(graph_reader *g, FILE *fh) {
  const char *syntax =
      has_suffix(g->path, ".nq") || has_suffix(g->path, ".nquads") ? "nquads" : "guess";
  unsigned char *uri_string = raptor_uri_filename_to_uri_string(g->path);
  raptor_uri *base = uri_string ? raptor_new_uri(g->world, uri_string) : NULL;
  g->parser = base ? raptor_new_parser(g->world, syntax) : NULL;
  if (!g->parser) {
    fail_nomem(g);
  } else {
    raptor_parser_set_statement_handler(g->parser, g, on_statement);
    int rc = raptor_parser_parse_file_stream(g->parser, fh, g->path, base);
    if (rc != 0 && g->st == CSTO_OK)
      g->st = csto_error_set(g->err, CSTO_ERR_RDF, "%s: raptor could not parse the graph",
                             g->path);
    raptor_free_parser(g->parser);
  }
  raptor_free_uri(base);
  raptor_free_memory(uri_string);
}

static csto_status read_graph(const char *path, pool *p, const pred_ids *preds, triples *out,
                              csto_error *err) {
  FILE *fh = fopen(path, "rb");
  if (!fh)
    return csto_error_set(err, CSTO_ERR_IO, "%s: %s", path, strerror(errno));
  graph_reader g = {.pool = p, .out = out, .preds = preds, .path = path, .err = err};
  g.world = raptor_new_world();
  if (!g.world) {
    fclose(fh);
    return csto_error_set(err, CSTO_ERR_NOMEM, "%s: out of memory", path);
  }
  raptor_world_set_log_handler(g.world, &g, on_log);
  if (raptor_world_open(g.world) != 0)
    g.st = csto_error_set(err, CSTO_ERR_RDF, "%s: raptor could not start", path);
  else
    parse_graph(&g, fh);
  raptor_free_world(g.world);
  fclose(fh);
  return g.st;
}

/* ---------------------------------------------------------------- the gold file */

enum { MODE_UNSPECIFIED, MODE_IN_PERSON, MODE_REMOTE };

typedef struct {
  int key, qid; /* qid -1 when the row has '-' or nothing */
  ivec names;   /* norm() of each label and alias */
} gold_entity;

typedef struct {
  int rel;     /* csto_eval_relation */
  int a, b, c; /* the row's columns 2..4 (b: the date's first 10 characters; c: -1 unless
                  position) */
  ivec alts;   /* heldIn: the places, any of which counts */
  int mode;    /* attends */
} gold_fact;

typedef struct {
  gold_entity *ent;
  size_t n_ent, cap_ent;
  ivec events; /* distinct event keys */
  gold_fact *facts;
  size_t n_facts, cap_facts;
} gold;

static void gold_free(gold *g) {
  for (size_t i = 0; i < g->n_ent; i++)
    free(g->ent[i].names.v);
  for (size_t i = 0; i < g->n_facts; i++)
    free(g->facts[i].alts.v);
  free(g->ent);
  free(g->events.v);
  free(g->facts);
}

/* One gold row being read: its fields point into the line (tabs replaced by NULs). */
typedef struct {
  const char *path;
  size_t line;
  char *f[8];
  size_t n; /* fields found (at most 8 kept; later ones are never read) */
} row;

/* "GOLD:LINE: what", or "GOLD:LINE: what 'value' hint" when value is not NULL. */
static csto_status row_error(const row *r, csto_error *err, csto_status st, const char *what,
                             const char *value, const char *hint) {
  if (!value)
    return csto_error_set(err, st, "%s:%zu: %s", r->path, r->line, what);
  return csto_error_set(err, st, "%s:%zu: %s '%s'%s", r->path, r->line, what, value, hint);
}

/* Interns each '|'-separated part of s into out, normalized (norm) when asked. */
static int intern_parts(pool *p, const char *s, bool normalize, ivec *out) {
  for (const char *part = s;; part++) {
    const char *end = strchr(part, '|');
    size_t len = end ? (size_t)(end - part) : strlen(part);
    char *n = normalize ? norm(part, len) : NULL;
    int id = normalize ? (n ? pool_cid(p, n) : -1) : pool_id(p, part, len);
    free(n);
    if (id < 0 || ivec_push(out, id) != 0)
      return -1;
    if (!end)
      return 0;
    part = end;
  }
}

static csto_status add_entity(gold *g, pool *p, const row *r, csto_error *err) {
  int key = pool_cid(p, r->f[1]);
  bool no_qid = strcmp(r->f[2], "-") == 0 || r->f[2][0] == '\0';
  int qid = no_qid ? -2 : pool_cid(p, r->f[2]);
  ivec names = {0};
  if (key < 0 || qid == -1 || intern_parts(p, r->f[3], true, &names) != 0) {
    free(names.v);
    return row_error(r, err, CSTO_ERR_NOMEM, "out of memory", NULL, NULL);
  }
  gold_entity e = {key, no_qid ? -1 : qid, names};
  for (size_t i = 0; i < g->n_ent; i++) /* ents[key] = ...: a repeat keeps its place */
    if (g->ent[i].key == key) {
      free(g->ent[i].names.v);
      g->ent[i] = e;
      return CSTO_OK;
    }
  if (csto_array_reserve((void **)&g->ent, &g->cap_ent, g->n_ent, sizeof *g->ent) != 0) {
    free(names.v);
    return row_error(r, err, CSTO_ERR_NOMEM, "out of memory", NULL, NULL);
  }
  g->ent[g->n_ent++] = e;
  return CSTO_OK;
}

static csto_status add_event(gold *g, pool *p, const row *r, csto_error *err) {
  int key = pool_cid(p, r->f[1]);
  if (key >= 0 && (ivec_has(&g->events, key) || ivec_push(&g->events, key) == 0))
    return CSTO_OK;
  return row_error(r, err, CSTO_ERR_NOMEM, "out of memory", NULL, NULL);
}

static int parse_mode(const row *r) {
  if (r->n < 4 || strcmp(r->f[3], "unspecified") == 0)
    return MODE_UNSPECIFIED; /* f[3] if len(f) > 3 else "unspecified" */
  if (strcmp(r->f[3], "in-person") == 0)
    return MODE_IN_PERSON;
  if (strcmp(r->f[3], "remote") == 0)
    return MODE_REMOTE;
  return -1;
}

/* The columns of the fact: score.py's gold_set tuple for the relation. */
static int fill_fact(pool *p, const row *r, gold_fact *f) {
  f->a = pool_cid(p, r->f[1]);
  f->c = -1;
  if (f->rel == CSTO_EVAL_HELD_IN)
    return (f->a < 0 || intern_parts(p, r->f[2], false, &f->alts) != 0) ? -1 : 0;
  if (f->rel == CSTO_EVAL_DATE)
    f->b = pool_id(p, r->f[2], prefix_bytes(r->f[2], strlen(r->f[2]), 10));
  else
    f->b = pool_cid(p, r->f[2]);
  if (f->rel == CSTO_EVAL_POSITION && (f->c = pool_cid(p, r->f[3])) < 0)
    return -1;
  return (f->a < 0 || f->b < 0) ? -1 : 0;
}

static csto_status add_fact(gold *g, pool *p, const row *r, int rel, csto_error *err) {
  gold_fact f = {.rel = rel, .mode = MODE_UNSPECIFIED};
  if (rel == CSTO_EVAL_ATTENDS && (f.mode = parse_mode(r)) < 0)
    return row_error(r, err, CSTO_ERR_INPUT, "unknown attendance mode", r->f[3],
                     " (in-person, remote or unspecified)");
  if (fill_fact(p, r, &f) != 0 ||
      csto_array_reserve((void **)&g->facts, &g->cap_facts, g->n_facts, sizeof *g->facts) != 0) {
    free(f.alts.v);
    return row_error(r, err, CSTO_ERR_NOMEM, "out of memory", NULL, NULL);
  }
  g->facts[g->n_facts++] = f;
  return CSTO_OK;
}

enum { KIND_ENTITY = CSTO_EVAL_N_RELATIONS, KIND_EVENT };

typedef struct {
  const char *name;
  int kind;       /* a csto_eval_relation, KIND_ENTITY or KIND_EVENT */
  size_t columns; /* the columns score.py reads from such a row */
} row_kind;

static const row_kind row_kinds[] = {
    {"entity", KIND_ENTITY, 4},        {"event", KIND_EVENT, 3},
    {"chairs", CSTO_EVAL_CHAIRS, 3},   {"attends", CSTO_EVAL_ATTENDS, 3},
    {"memberOf", CSTO_EVAL_MEMBER_OF, 3}, {"heldIn", CSTO_EVAL_HELD_IN, 3},
    {"date", CSTO_EVAL_DATE, 3},       {"position", CSTO_EVAL_POSITION, 4}};

static csto_status add_row(gold *g, pool *p, const row *r, csto_error *err) {
  const row_kind *k = NULL;
  for (size_t i = 0; i < sizeof row_kinds / sizeof row_kinds[0] && !k; i++)
    if (strcmp(r->f[0], row_kinds[i].name) == 0)
      k = &row_kinds[i];
  if (!k)
    return row_error(r, err, CSTO_ERR_INPUT, "unknown gold row kind", r->f[0],
                     " (entity, event, chairs, attends, memberOf, heldIn, date, position)");
  if (r->n < k->columns) {
    char detail[96];
    snprintf(detail, sizeof detail, "'%s' row needs %zu tab-separated columns, found %zu",
             k->name, k->columns, r->n);
    return row_error(r, err, CSTO_ERR_INPUT, detail, NULL, NULL);
  }
  if (k->kind == KIND_ENTITY)
    return add_entity(g, p, r, err);
  if (k->kind == KIND_EVENT)
    return add_event(g, p, r, err);
  return add_fact(g, p, r, k->kind, err);
}

/* Blank lines and lines whose first non-space character is '#' are skipped; the rest must
 * be UTF-8 (Python reads the file as UTF-8 and fails otherwise). */
static csto_status check_line(const row *r, const char *s, size_t len, bool *skip,
                              csto_error *err) {
  bool blank = true, comment = false;
  for (size_t i = 0; i < len;) {
    utf8proc_int32_t c;
    i += (size_t)next_cp(s, len, i, &c);
    if (c <= 0)
      return row_error(r, err, CSTO_ERR_INPUT, c == 0 ? "NUL byte" : "invalid UTF-8", NULL,
                       NULL);
    if (blank && !py_space(c)) {
      comment = c == '#';
      blank = false;
    }
  }
  *skip = blank || comment;
  return CSTO_OK;
}

static csto_status gold_line(gold *g, pool *p, row *r, char *s, size_t len, csto_error *err) {
  bool skip = false;
  csto_status st = check_line(r, s, len, &skip, err);
  if (st != CSTO_OK || skip)
    return st;
  s[len] = '\0';
  r->n = 0;
  for (char *f = s;; f++) {
    char *tab = strchr(f, '\t');
    if (r->n < sizeof r->f / sizeof r->f[0])
      r->f[r->n++] = f;
    if (!tab)
      break;
    *tab = '\0';
    f = tab;
  }
  return add_row(g, p, r, err);
}

/* Lines end at "\n", "\r\n" or "\r": Python's universal newlines. */
static csto_status parse_gold(gold *g, pool *p, const char *path, char *text, size_t len,
                              csto_error *err) {
  row r = {.path = path};
  for (size_t i = 0; i < len;) {
    size_t end = i;
    while (end < len && text[end] != '\n' && text[end] != '\r')
      end++;
    size_t next = end + (end + 1 < len && text[end] == '\r' && text[end + 1] == '\n' ? 2 : 1);
    r.line++;
    /* gold_line may overwrite text[end] (the line's end) with a NUL. */
    csto_status st = gold_line(g, p, &r, text + i, end - i, err);
    if (st != CSTO_OK)
      return st;
    i = next;
  }
  return CSTO_OK;
}

static csto_status slurp(const char *path, char **text, size_t *len, csto_error *err) {
  FILE *fh = fopen(path, "rb");
  if (!fh)
    return csto_error_set(err, CSTO_ERR_IO, "%s: %s", path, strerror(errno));
  size_t cap = 4096, n = 0;
  char *buf = malloc(cap + 1);
  while (buf) {
    n += fread(buf + n, 1, cap - n, fh);
    if (n < cap)
      break;
    char *bigger = realloc(buf, cap * 2 + 1);
    if (!bigger)
      free(buf);
    buf = bigger;
    cap *= 2;
  }
  bool failed = ferror(fh);
  fclose(fh);
  if (!buf)
    return csto_error_set(err, CSTO_ERR_NOMEM, "%s: out of memory", path);
  if (failed) {
    free(buf);
    return csto_error_set(err, CSTO_ERR_IO, "%s: read error", path);
  }
  *text = buf;
  *len = n;
  return CSTO_OK;
}

static csto_status read_gold(const char *path, pool *p, gold *g, csto_error *err) {
  char *text = NULL;
  size_t len = 0;
  csto_status st = slurp(path, &text, &len, err);
  if (st != CSTO_OK)
    return st;
  st = parse_gold(g, p, path, text, len, err);
  free(text);
  return st;
}

/* ---------------------------------------------------------------- scoring */

/* A system fact: (a, b) or, for position, (a, role, c). Before mapping a and b are nodes;
 * after, nodes matched to gold are replaced by their gold keys (score.py's ek()). */
typedef struct {
  int rel, a, b, c;
} fact;

/* An attendance node: the last attendee, event and mode triple of one subject. */
typedef struct {
  int node, attendee, event, mode;
} attendance;

typedef struct {
  pool pool;
  pred_ids preds;
  triples g;
  gold gold;
  int question;   /* "?": the postIn of a post without one */
  int *node_ent;  /* pool id -> first gold entity key matching it, or -1 */
  int *ev_map;    /* pool id -> aligned gold event key, or -1 */
  ivec sys_events;
  fact *raw;      /* system facts in node space */
  size_t n_raw, cap_raw;
  fact *mapped;   /* scratch: raw after mapping */
  attendance *att;
  size_t n_att, cap_att;
} scorer;

static void scorer_free(scorer *sc) {
  pool_free(&sc->pool);
  free(sc->g.t);
  gold_free(&sc->gold);
  free(sc->node_ent);
  free(sc->ev_map);
  free(sc->sys_events.v);
  free(sc->raw);
  free(sc->mapped);
  free(sc->att);
}

static int intern_preds(scorer *sc) {
  pred_ids *p = &sc->preds;
  const struct {
    int *id;
    const char *name;
  } preds[] = {{&p->chairs, "chairs"},         {&p->attends, "attends"},
               {&p->member_of, "memberOf"},    {&p->held_in, "heldIn"},
               {&p->date, "date"},             {&p->start_date, "startDate"},
               {&p->holds_position, "holdsPosition"}, {&p->role, "role"},
               {&p->post_in, "postIn"},        {&p->attendee, "attendee"},
               {&p->event, "event"},           {&p->mode, "mode"}};
  for (size_t i = 0; i < sizeof preds / sizeof preds[0]; i++)
    if ((*preds[i].id = pool_cid(&sc->pool, preds[i].name)) < 0)
      return -1;
  return (sc->question = pool_cid(&sc->pool, "?")) < 0 ? -1 : 0;
}

static int add_raw(scorer *sc, int rel, int a, int b, int c) {
  if (csto_array_reserve((void **)&sc->raw, &sc->cap_raw, sc->n_raw, sizeof *sc->raw) != 0)
    return -1;
  sc->raw[sc->n_raw++] = (fact){rel, a, b, c};
  return 0;
}

/* The object of the last `pred` triple about subject s (posts[s][pred]), or -1. */
static int last_object(const scorer *sc, int s, int pred) {
  int o = -1;
  for (size_t i = 0; i < sc->g.n; i++)
    if (sc->g.t[i].pred == pred && sc->g.t[i].s == s)
      o = sc->g.t[i].o;
  return o;
}

static int add_positions(scorer *sc) {
  for (size_t i = 0; i < sc->g.n; i++) {
    const triple *t = &sc->g.t[i];
    if (t->pred != sc->preds.holds_position)
      continue;
    int role = last_object(sc, t->o, sc->preds.role);
    if (role < 0)
      continue;
    int in = last_object(sc, t->o, sc->preds.post_in);
    int role_local = pool_local(&sc->pool, role);
    if (role_local < 0 || add_raw(sc, CSTO_EVAL_POSITION, t->s, role_local,
                                  in < 0 ? sc->question : in) != 0)
      return -1;
  }
  return 0;
}

/* sysfacts() before mapping, in score.py's order (which only matters for dates: "date"
 * triples first, then "startDate"). */
static int collect_raw(scorer *sc) {
  const pred_ids *p = &sc->preds;
  const int pairs[4][2] = {{CSTO_EVAL_CHAIRS, p->chairs}, {CSTO_EVAL_ATTENDS, p->attends},
                           {CSTO_EVAL_MEMBER_OF, p->member_of}, {CSTO_EVAL_HELD_IN, p->held_in}};
  for (size_t k = 0; k < 4; k++)
    for (size_t i = 0; i < sc->g.n; i++)
      if (sc->g.t[i].pred == pairs[k][1] &&
          add_raw(sc, pairs[k][0], sc->g.t[i].s, sc->g.t[i].o, -1) != 0)
        return -1;
  const int dates[2] = {p->date, p->start_date};
  for (size_t k = 0; k < 2; k++)
    for (size_t i = 0; i < sc->g.n; i++)
      if (sc->g.t[i].pred == dates[k] && sc->g.t[i].literal &&
          add_raw(sc, CSTO_EVAL_DATE, sc->g.t[i].s, sc->g.t[i].value, -1) != 0)
        return -1;
  return add_positions(sc);
}

static attendance *find_att(scorer *sc, int node) {
  for (size_t i = 0; i < sc->n_att; i++)
    if (sc->att[i].node == node)
      return &sc->att[i];
  if (csto_array_reserve((void **)&sc->att, &sc->cap_att, sc->n_att, sizeof *sc->att) != 0)
    return NULL;
  sc->att[sc->n_att] = (attendance){node, -1, -1, -1};
  return &sc->att[sc->n_att++];
}

/* att_nodes: subjects in order of first appearance among attendee, then event, then mode
 * triples; each field the last such triple's object. */
static int collect_attendances(scorer *sc) {
  const int preds[3] = {sc->preds.attendee, sc->preds.event, sc->preds.mode};
  for (size_t k = 0; k < 3; k++)
    for (size_t i = 0; i < sc->g.n; i++) {
      const triple *t = &sc->g.t[i];
      if (t->pred != preds[k])
        continue;
      attendance *a = find_att(sc, t->s);
      if (!a)
        return -1;
      int *field[3] = {&a->attendee, &a->event, &a->mode};
      *field[k] = t->o;
    }
  return 0;
}

static bool is_event_type(const char *local) {
  static const char *const types[] = {"Event", "Meeting", "Summit",   "Session", "Conference",
                                      "Talks", "Visit",   "Forum", "Exercise"};
  for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
    if (strcmp(local, types[i]) == 0)
      return true;
  return false;
}

/* System events: typed as events, or used as events by the scored relations. */
static int collect_events(scorer *sc) {
  bool *seen = calloc(sc->pool.n, sizeof *seen);
  if (!seen)
    return -1;
  const pred_ids *p = &sc->preds;
  int rc = 0;
  for (size_t i = 0; i < sc->g.n && rc == 0; i++) {
    const triple *t = &sc->g.t[i];
    int node = -1;
    if (t->kind == PK_TYPE && is_event_type(sc->pool.str[t->value]))
      node = t->s;
    else if (t->pred == p->chairs || t->pred == p->attends)
      node = t->o;
    else if (t->pred == p->held_in || t->pred == p->date || t->pred == p->start_date)
      node = t->s;
    if (node >= 0 && !seen[node]) {
      seen[node] = true;
      rc = ivec_push(&sc->sys_events, node);
    }
  }
  free(seen);
  return rc;
}

/* node_ent: a node belongs to the first gold entity whose QID or label it carries. */
static void match_entities(scorer *sc) {
  for (size_t e = 0; e < sc->gold.n_ent; e++) {
    const gold_entity *ent = &sc->gold.ent[e];
    for (size_t i = 0; i < sc->g.n; i++) {
      const triple *t = &sc->g.t[i];
      bool hit = (t->kind == PK_LABEL && ivec_has(&ent->names, t->value)) ||
                 (t->kind == PK_SAMEAS && ent->qid >= 0 && t->value == ent->qid);
      if (hit && sc->node_ent[t->s] < 0)
        sc->node_ent[t->s] = ent->key;
    }
  }
}

/* ek(n) = ev_map.get(n) or node_ent.get(n) or n: an empty key counts as absent. */
static int ek(const scorer *sc, int n) {
  int k = sc->ev_map[n];
  if (k >= 0 && sc->pool.str[k][0])
    return k;
  k = sc->node_ent[n];
  return k >= 0 && sc->pool.str[k][0] ? k : n;
}

static void map_facts(scorer *sc) {
  for (size_t i = 0; i < sc->n_raw; i++) {
    fact f = sc->raw[i];
    f.a = ek(sc, f.a);
    if (f.rel == CSTO_EVAL_POSITION)
      f.c = ek(sc, f.c);
    else if (f.rel != CSTO_EVAL_DATE)
      f.b = ek(sc, f.b);
    sc->mapped[i] = f;
  }
}

static bool matches(const fact *s, const gold_fact *g) {
  if (s->rel != g->rel || s->a != g->a)
    return false;
  if (g->rel == CSTO_EVAL_HELD_IN)
    return ivec_has(&g->alts, s->b);
  return s->b == g->b && (g->rel != CSTO_EVAL_POSITION || s->c == g->c);
}

static bool any_system_match(const fact *facts, size_t n, const gold_fact *g) {
  for (size_t i = 0; i < n; i++)
    if (matches(&facts[i], g))
      return true;
  return false;
}

/* `gk in g`: the key is one of the gold tuple's string members (heldIn's places are a
 * tuple inside the tuple, so they never equal a key). */
static bool mentions(const gold_fact *g, int key) {
  if (g->a == key)
    return true;
  if (g->rel == CSTO_EVAL_HELD_IN)
    return false;
  return g->b == key || g->c == key;
}

/* agreement(gk, node): gold facts about gk made true by mapping node alone to gk. */
static int agreement(scorer *sc, int key, int node) {
  sc->ev_map[node] = key;
  map_facts(sc);
  sc->ev_map[node] = -1;
  int n = 0;
  for (size_t i = 0; i < sc->gold.n_facts; i++) {
    const gold_fact *g = &sc->gold.facts[i];
    if (mentions(g, key) && any_system_match(sc->mapped, sc->n_raw, g))
      n++;
  }
  return n;
}

typedef struct {
  int agree, key, node;
  const char *key_s, *node_s;
} pairing;

/* sorted((agreement, gold key, node), reverse=True): strcmp orders UTF-8 by code point,
 * as Python compares strings. */
static int by_agreement_desc(const void *x, const void *y) {
  const pairing *a = x, *b = y;
  if (a->agree != b->agree)
    return a->agree > b->agree ? -1 : 1;
  int c = strcmp(b->key_s, a->key_s);
  return c ? c : strcmp(b->node_s, a->node_s);
}

static int align_events(scorer *sc) {
  size_t n = sc->gold.events.n * sc->sys_events.n, k = 0;
  pairing *pairs = malloc((n ? n : 1) * sizeof *pairs);
  if (!pairs)
    return -1;
  for (size_t g = 0; g < sc->gold.events.n; g++)
    for (size_t e = 0; e < sc->sys_events.n; e++) {
      int key = sc->gold.events.v[g], node = sc->sys_events.v[e];
      pairs[k++] = (pairing){agreement(sc, key, node), key, node, sc->pool.str[key],
                             sc->pool.str[node]};
    }
  qsort(pairs, n, sizeof *pairs, by_agreement_desc);
  ivec used = {0};
  int rc = 0;
  for (size_t i = 0; i < n && rc == 0; i++) {
    const pairing *p = &pairs[i];
    if (p->agree > 0 && !ivec_has(&used, p->key) && sc->ev_map[p->node] < 0) {
      sc->ev_map[p->node] = p->key;
      rc = ivec_push(&used, p->key);
    }
  }
  free(used.v);
  free(pairs);
  return rc;
}

static size_t count_aligned(const scorer *sc) {
  size_t n = 0;
  for (size_t i = 0; i < sc->pool.n; i++)
    n += sc->ev_map[i] >= 0;
  return n;
}

static int by_fact(const void *x, const void *y) {
  const fact *a = x, *b = y;
  if (a->rel != b->rel)
    return a->rel < b->rel ? -1 : 1;
  if (a->a != b->a)
    return a->a < b->a ? -1 : 1;
  if (a->b != b->b)
    return a->b < b->b ? -1 : 1;
  return (a->c > b->c) - (a->c < b->c);
}

/* The mapped facts as sets: sorted by relation, duplicates dropped; returns the count. */
static size_t distinct_facts(scorer *sc) {
  qsort(sc->mapped, sc->n_raw, sizeof *sc->mapped, by_fact);
  size_t n = 0;
  for (size_t i = 0; i < sc->n_raw; i++)
    if (n == 0 || by_fact(&sc->mapped[n - 1], &sc->mapped[i]) != 0)
      sc->mapped[n++] = sc->mapped[i];
  return n;
}

static void set_figures(csto_eval_counts *c, bool per_relation) {
  double p, r;
  if (per_relation) {
    p = c->system ? (double)c->correct / (double)c->system : (c->gold ? 0.0 : 1.0);
    r = c->gold ? (double)c->found / (double)c->gold : 1.0;
  } else {
    p = c->system ? (double)c->correct / (double)c->system : 0.0;
    r = c->gold ? (double)c->found / (double)c->gold : 0.0;
  }
  c->p = p;
  c->r = r;
  c->f1 = p + r != 0.0 ? 2 * p * r / (p + r) : 0.0;
}

static void count_relation(const scorer *sc, const fact *sys, size_t n_sys, int rel,
                           csto_eval_counts *c) {
  for (size_t i = 0; i < n_sys; i++) {
    if (sys[i].rel != rel)
      continue;
    c->system++;
    bool ok = false;
    for (size_t j = 0; j < sc->gold.n_facts && !ok; j++)
      ok = matches(&sys[i], &sc->gold.facts[j]);
    c->correct += ok;
  }
  for (size_t j = 0; j < sc->gold.n_facts; j++)
    if (sc->gold.facts[j].rel == rel) {
      c->gold++;
      c->found += any_system_match(sys, n_sys, &sc->gold.facts[j]);
    }
  set_figures(c, true);
}

static void count_all(scorer *sc, csto_eval_report *rep) {
  map_facts(sc);
  size_t n = distinct_facts(sc);
  csto_eval_counts *m = &rep->micro;
  for (int rel = 0; rel < CSTO_EVAL_N_RELATIONS; rel++) {
    csto_eval_counts *c = &rep->relation[rel];
    count_relation(sc, sc->mapped, n, rel, c);
    m->system += c->system;
    m->gold += c->gold;
    m->correct += c->correct;
    m->found += c->found;
  }
  set_figures(m, false);
}

/* ---------------------------------------------------------------- mode accuracy */

/* n in inv[key]: node_ent or ev_map maps n to key (raw values, empty keys included). */
static bool in_inv(const scorer *sc, int n, int key) {
  return sc->node_ent[n] == key || sc->ev_map[n] == key;
}

/* m.lower().replace("_", "").startswith(want) on the mode's local name. Only ASCII letters
 * lower-case to the ASCII letters of the targets in a way that can match. */
static bool mode_is(const char *m, int want) {
  const char *target = want == MODE_IN_PERSON ? "inperson" : "remote";
  for (; *target; m++) {
    if (*m == '_')
      continue;
    char c = (*m >= 'A' && *m <= 'Z') ? (char)(*m - 'A' + 'a') : *m;
    if (c != *target++)
      return false;
  }
  return true;
}

/* att_mode[(a, e)]: the last complete attendance node for the pair wins. */
static const char *mode_of(const scorer *sc, int a, int e, size_t *len) {
  int mode = -1;
  for (size_t i = 0; i < sc->n_att; i++) {
    const attendance *t = &sc->att[i];
    if (t->attendee == a && t->event == e && t->mode >= 0)
      mode = t->mode;
  }
  if (mode < 0) {
    *len = 4;
    return "none";
  }
  return local_name(sc->pool.str[mode], len);
}

static bool candidate_mode_ok(const scorer *sc, int a, int e, int want) {
  size_t len;
  const char *m = mode_of(sc, a, e, &len);
  char buf[64];
  if (len >= sizeof buf)
    len = sizeof buf - 1; /* longer than any target: the prefix test is unaffected */
  memcpy(buf, m, len);
  buf[len] = '\0';
  return mode_is(buf, want);
}

/* Returns whether some attends triple links the gold fact's agent and event; *ok tells
 * whether one of them has the gold mode. */
static bool check_mode(const scorer *sc, const gold_fact *f, bool *ok) {
  bool any = false;
  *ok = f->mode == MODE_UNSPECIFIED;
  for (size_t i = 0; i < sc->g.n; i++) {
    const triple *t = &sc->g.t[i];
    if (t->pred != sc->preds.attends || !in_inv(sc, t->s, f->a) || !in_inv(sc, t->o, f->b))
      continue;
    any = true;
    if (!*ok)
      *ok = candidate_mode_ok(sc, t->s, t->o, f->mode);
  }
  return any;
}

static void count_modes(const scorer *sc, csto_eval_report *rep) {
  for (size_t i = 0; i < sc->gold.n_facts; i++) {
    const gold_fact *f = &sc->gold.facts[i];
    bool ok;
    if (f->rel != CSTO_EVAL_ATTENDS || !check_mode(sc, f, &ok))
      continue;
    rep->mode_total++;
    rep->mode_correct += ok;
  }
}

/* ---------------------------------------------------------------- the whole run */

static csto_status prepare(scorer *sc, const char *where, csto_error *err) {
  if (collect_raw(sc) != 0 || collect_attendances(sc) != 0 || collect_events(sc) != 0)
    return csto_error_set(err, CSTO_ERR_NOMEM, "%s: out of memory", where);
  /* From here on nothing is interned: the pool's size bounds every id. */
  sc->node_ent = malloc(sc->pool.n * sizeof *sc->node_ent);
  sc->ev_map = malloc(sc->pool.n * sizeof *sc->ev_map);
  sc->mapped = malloc((sc->n_raw ? sc->n_raw : 1) * sizeof *sc->mapped);
  if (!sc->node_ent || !sc->ev_map || !sc->mapped)
    return csto_error_set(err, CSTO_ERR_NOMEM, "%s: out of memory", where);
  for (size_t i = 0; i < sc->pool.n; i++)
    sc->node_ent[i] = sc->ev_map[i] = -1;
  match_entities(sc);
  return CSTO_OK;
}

static csto_status run(scorer *sc, const char *graph_path, const char *gold_path,
                       csto_eval_report *rep, csto_error *err) {
  if (!(sc->pool.index = csto_strmap_new()) || intern_preds(sc) != 0)
    return csto_error_set(err, CSTO_ERR_NOMEM, "%s: out of memory", gold_path);
  csto_status st = read_gold(gold_path, &sc->pool, &sc->gold, err);
  if (st == CSTO_OK)
    st = read_graph(graph_path, &sc->pool, &sc->preds, &sc->g, err);
  if (st == CSTO_OK)
    st = prepare(sc, graph_path, err);
  if (st == CSTO_OK && align_events(sc) != 0)
    st = csto_error_set(err, CSTO_ERR_NOMEM, "%s: out of memory", graph_path);
  if (st != CSTO_OK)
    return st;
  rep->gold_events = sc->gold.events.n;
  rep->system_events = sc->sys_events.n;
  rep->aligned_events = count_aligned(sc);
  count_modes(sc, rep);
  count_all(sc, rep);
  return CSTO_OK;
}

csto_status csto_eval_score(const char *graph_path, const char *gold_path,
                            csto_eval_report **out, csto_error *err) {
  if (!graph_path || !gold_path || !out)
    return csto_error_set(err, CSTO_ERR_USAGE, "eval: a graph and a gold file are needed");
  csto_eval_report *rep = calloc(1, sizeof *rep);
  if (!rep)
    return csto_error_set(err, CSTO_ERR_NOMEM, "%s: out of memory", gold_path);
  scorer sc = {0};
  csto_status st = run(&sc, graph_path, gold_path, rep, err);
  scorer_free(&sc);
  if (st != CSTO_OK) {
    free(rep);
    return st;
  }
  *out = rep;
  return CSTO_OK;
}

void csto_eval_report_free(csto_eval_report *report) { free(report); }

int csto_eval_mode_accuracy(const csto_eval_report *report, double *accuracy) {
  if (!report || report->mode_total == 0)
    return 0;
  if (accuracy)
    *accuracy = (double)report->mode_correct / (double)report->mode_total;
  return 1;
}

/* ---------------------------------------------------------------- renderings */

double csto_eval_round3(double x) {
  /* printf's conversion is correctly rounded with ties to even on the exact binary value,
   * which is what Python's round(x, 3) computes. */
  char buf[64];
  snprintf(buf, sizeof buf, "%.3f", x);
  return strtod(buf, NULL);
}

/* repr(round(x, 3)) as Python prints it: shortest form, at least one decimal. */
static void repr3(char *buf, size_t size, double x) {
  snprintf(buf, size, "%.3g", csto_eval_round3(x));
  if (!strpbrk(buf, ".e") && strlen(buf) + 2 < size)
    strcat(buf, ".0");
}

char *csto_eval_report_text(const csto_eval_report *rep) {
  char *text = NULL;
  size_t size = 0;
  FILE *f = open_memstream(&text, &size);
  if (!f)
    return NULL;
  for (int rel = 0; rel < CSTO_EVAL_N_RELATIONS; rel++) {
    const csto_eval_counts *c = &rep->relation[rel];
    fprintf(f, "%-9s P=%.3f R=%.3f F1=%.3f  (system %zu, gold %zu)\n", relation_names[rel],
            csto_eval_round3(c->p), csto_eval_round3(c->r), csto_eval_round3(c->f1), c->system,
            c->gold);
  }
  char mode[32] = "None";
  double acc;
  if (csto_eval_mode_accuracy(rep, &acc))
    repr3(mode, sizeof mode, acc);
  fprintf(f, "mode accuracy %s  events {'gold': %zu, 'system': %zu, 'aligned': %zu}\n", mode,
          rep->gold_events, rep->system_events, rep->aligned_events);
  fprintf(f, "micro P=%.3f R=%.3f F1=%.3f\n", csto_eval_round3(rep->micro.p),
          csto_eval_round3(rep->micro.r), csto_eval_round3(rep->micro.f1));
  if (fclose(f) != 0) {
    free(text);
    return NULL;
  }
  return text;
}

/* Adds key -> value to obj, consuming value; nonzero when out of memory. */
static int put(json_t *obj, const char *key, json_t *value) {
  return !value || json_object_set_new(obj, key, value) != 0;
}

static json_t *counts_json(const csto_eval_counts *c, bool per_relation) {
  json_t *o = json_object();
  if (!o)
    return NULL;
  int bad = put(o, "p", json_real(csto_eval_round3(c->p))) |
            put(o, "r", json_real(csto_eval_round3(c->r))) |
            put(o, "f1", json_real(csto_eval_round3(c->f1))) |
            put(o, "system", json_integer((json_int_t)c->system)) |
            put(o, "gold", json_integer((json_int_t)c->gold));
  if (per_relation)
    bad |= put(o, "tp", json_integer((json_int_t)c->found)) |
           put(o, "correct", json_integer((json_int_t)c->correct));
  if (bad) {
    json_decref(o);
    return NULL;
  }
  return o;
}

static json_t *report_json(const csto_eval_report *rep) {
  json_t *root = json_object(), *events = json_object();
  int bad = !root || !events;
  for (int rel = 0; rel < CSTO_EVAL_N_RELATIONS && !bad; rel++)
    bad = put(root, relation_names[rel], counts_json(&rep->relation[rel], true));
  double acc;
  if (!bad)
    bad = put(root, "mode_accuracy", csto_eval_mode_accuracy(rep, &acc)
                                         ? json_real(csto_eval_round3(acc)) : json_null());
  if (!bad)
    bad = put(root, "micro", counts_json(&rep->micro, false)) |
          put(events, "gold", json_integer((json_int_t)rep->gold_events)) |
          put(events, "system", json_integer((json_int_t)rep->system_events)) |
          put(events, "aligned", json_integer((json_int_t)rep->aligned_events));
  if (!bad) {
    bad = put(root, "events", events);
    events = NULL;
  }
  json_decref(events);
  if (bad) {
    json_decref(root);
    return NULL;
  }
  return root;
}

char *csto_eval_report_json(const csto_eval_report *rep) {
  json_t *root = report_json(rep);
  if (!root)
    return NULL;
  /* Three significant digits print a value rounded to 3 decimals in [0, 1] exactly as
   * Python's repr does; jansson's default separators are json.dumps's ", " and ": ". */
  char *s = json_dumps(root, JSON_REAL_PRECISION(3));
  json_decref(root);
  return s;
}
