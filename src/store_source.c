/* rasqal reads a store through csto-kg's own triples source (see store.h).
 *
 * librdf's source for its sqlite storage builds, prepares and frees an SQL statement with
 * eight joins for every triple pattern it looks up, about 90 us each, and rasqal looks a
 * pattern up once per row of the patterns before it: a query over a thousand articles
 * took minutes. This source keeps one prepared statement per shape of pattern (which of
 * subject, predicate, object and graph are bound, and to what kind of term), reuses it,
 * binds ids, and keeps each short complete answer for the rest of the query
 * (store_rows.h), since rasqal evaluates an OPTIONAL or UNION group again for every row
 * to its left with the same lookups. librdf still parses the query and hands the answer
 * on (csto_query_run); only the matching is done here, inside one read transaction.
 *
 * The default graph is the union of the graphs, as with librdf; GRAPH ?g ranges over the
 * graphs the store lists in csto_graphs. */
#include <stdlib.h>
#include <string.h>

#include <rasqal.h>

#include "store_impl.h"
#include "source_bind.h"
#include "store_rows.h"

/* How a pattern's part is given: not at all (a variable to bind), or as a term of a kind
 * (bound to an id). */
enum { PART_FREE, PART_URI, PART_BLANK, PART_LITERAL, PART_KINDS };
enum { SHAPES = PART_KINDS * PART_KINDS * PART_KINDS * PART_KINDS };

/* The columns a row gives, in this order: the ids, then the text of each part, which is
 * read (joined) only for the parts the pattern leaves free, the ones it binds. */
enum { COL_S_URI, COL_S_BLANK, COL_P, COL_O_URI, COL_O_BLANK, COL_O_LITERAL, COL_G,
       TEXT_S_URI, TEXT_S_BLANK, TEXT_P, TEXT_O_URI, TEXT_O_BLANK, TEXT_O_LITERAL,
       TEXT_O_LANGUAGE, TEXT_O_DATATYPE, TEXT_G };

static const char ids_sql[] =
    "SELECT T.subjectUri, T.subjectBlank, T.predicateUri, T.objectUri, T.objectBlank, "
    "T.objectLiteral, T.contextUri";

/* By part (s, p, o, g): the text columns and the joins that read them. */
static const struct {
  const char *columns, *joins;
} part_text[4] = {
    {", SU.uri, SB.blank", " LEFT JOIN uris AS SU ON SU.id = T.subjectUri"
                           " LEFT JOIN blanks AS SB ON SB.id = T.subjectBlank"},
    {", P.uri", " LEFT JOIN uris AS P ON P.id = T.predicateUri"},
    {", OU.uri, OB.blank, OL.text, OL.language, OD.uri",
     " LEFT JOIN uris AS OU ON OU.id = T.objectUri"
     " LEFT JOIN blanks AS OB ON OB.id = T.objectBlank"
     " LEFT JOIN literals AS OL ON OL.id = T.objectLiteral"
     " LEFT JOIN uris AS OD ON OD.id = OL.datatype"},
    {", C.uri", " LEFT JOIN uris AS C ON C.id = T.contextUri"}};
static const char *const part_no_text[4] = {", NULL, NULL", ", NULL",
                                            ", NULL, NULL, NULL, NULL, NULL", ", NULL"};

/* The column a bound part is compared with, by part (s, p, o, g) and kind. */
static const char *part_column(int part, int kind) {
  static const char *const columns[4][PART_KINDS] = {
      {NULL, "T.subjectUri", "T.subjectBlank", NULL},
      {NULL, "T.predicateUri", NULL, NULL},
      {NULL, "T.objectUri", "T.objectBlank", "T.objectLiteral"},
      {NULL, "T.contextUri", NULL, NULL}};
  return columns[part][kind];
}

/* ---- statements by shape ------------------------------------------------------------- */

/* A prepared statement not in use, kept for the next pattern of its shape. */
typedef struct spare {
  sqlite3_stmt *stmt;
  struct spare *next;
} spare;

struct csto_store_source {
  csto_store *store;
  rasqal_world *world;
  csto_row_cache *cache; /* the answers kept for the query that runs */
  int reading;           /* a read transaction spans the query (see new_source) */
  spare *spares[SHAPES];
  sqlite3_stmt *find_uri, *find_blank, *find_literal, *graphs;
};

static int shape_of(const int kinds[4]) {
  return ((kinds[0] * PART_KINDS + kinds[1]) * PART_KINDS + kinds[2]) * PART_KINDS + kinds[3];
}

static sqlite3_stmt *prepare_shape(sqlite3 *db, const int kinds[4]) {
  char sql[1024];
  size_t n = (size_t)snprintf(sql, sizeof sql, "%s", ids_sql);
  for (int part = 0; part < 4; part++)
    n += (size_t)snprintf(sql + n, sizeof sql - n, "%s",
                          kinds[part] == PART_FREE ? part_text[part].columns
                                                   : part_no_text[part]);
  n += (size_t)snprintf(sql + n, sizeof sql - n, " FROM triples AS T");
  for (int part = 0; part < 4; part++)
    if (kinds[part] == PART_FREE)
      n += (size_t)snprintf(sql + n, sizeof sql - n, "%s", part_text[part].joins);
  const char *joiner = " WHERE ";
  for (int part = 0; part < 4; part++) {
    const char *column = part_column(part, kinds[part]);
    if (!column)
      continue;
    n += (size_t)snprintf(sql + n, sizeof sql - n, "%s%s = ?%d", joiner, column, part + 1);
    joiner = " AND ";
  }
  sqlite3_stmt *stmt = NULL;
  if (n >= sizeof sql || sqlite3_prepare_v2(db, sql, -1, &stmt, NULL) != SQLITE_OK)
    return NULL;
  return stmt;
}

static sqlite3_stmt *take_statement(csto_store_source *src, const int kinds[4]) {
  spare **slot = &src->spares[shape_of(kinds)];
  if (!*slot)
    return prepare_shape(src->store->db, kinds);
  spare *s = *slot;
  sqlite3_stmt *stmt = s->stmt;
  *slot = s->next;
  free(s);
  return stmt;
}

/* Keep stmt for its shape (or finalize it when out of memory). */
static void give_back(csto_store_source *src, const int kinds[4], sqlite3_stmt *stmt) {
  spare *s = malloc(sizeof *s);
  sqlite3_reset(stmt);
  sqlite3_clear_bindings(stmt);
  if (!s) {
    sqlite3_finalize(stmt);
    return;
  }
  spare **slot = &src->spares[shape_of(kinds)];
  *s = (spare){stmt, *slot};
  *slot = s;
}

/* ---- query terms to ids --------------------------------------------------------------- */

static sqlite3_int64 find_id(sqlite3_stmt *q) {
  sqlite3_int64 id = sqlite3_step(q) == SQLITE_ROW ? sqlite3_column_int64(q, 0) : 0;
  sqlite3_reset(q);
  sqlite3_clear_bindings(q);
  return id;
}

static sqlite3_int64 find_text(sqlite3_stmt *q, const char *text) {
  sqlite3_bind_text(q, 1, text, -1, SQLITE_STATIC);
  return find_id(q);
}

/* The id of a literal as the store keeps it (lexical form, language, datatype), or 0. */
static sqlite3_int64 literal_id(csto_store_source *src, rasqal_literal *l) {
  raptor_uri *type = rasqal_literal_datatype(l);
  sqlite3_int64 datatype = 0;
  if (type && !(datatype = find_text(src->find_uri, (const char *)raptor_uri_as_string(type))))
    return 0;
  sqlite3_stmt *q = src->find_literal;
  sqlite3_bind_text(q, 1, (const char *)l->string, (int)l->string_len, SQLITE_STATIC);
  if (l->language)
    sqlite3_bind_text(q, 2, l->language, -1, SQLITE_STATIC);
  if (type)
    sqlite3_bind_int64(q, 3, datatype);
  return find_id(q);
}

/* A bound part: its kind and id (0 when the store has no such term). */
static int term_id(csto_store_source *src, rasqal_literal *l, sqlite3_int64 *id) {
  rasqal_literal_type type = l->type == RASQAL_LITERAL_INTEGER_SUBTYPE
                                 ? RASQAL_LITERAL_STRING
                                 : rasqal_literal_get_rdf_term_type(l);
  if (type == RASQAL_LITERAL_URI) {
    *id = find_text(src->find_uri, (const char *)raptor_uri_as_string(l->value.uri));
    return PART_URI;
  }
  if (type == RASQAL_LITERAL_BLANK) {
    *id = find_text(src->find_blank, (const char *)l->string);
    return PART_BLANK;
  }
  *id = type == RASQAL_LITERAL_STRING ? literal_id(src, l) : 0;
  return PART_LITERAL;
}

/* ---- one pattern's matches ------------------------------------------------------------ */

/* A lookup reads up to this many rows (and bytes of text) at once; an answer that ends
 * within them is kept for the rest of the query, a longer one is read on as rasqal asks. */
enum { EAGER_ROWS = 32768, EAGER_BYTES = 4 * 1024 * 1024 };

typedef struct {
  csto_store_source *src;
  int kinds[4];
  const csto_rows *kept; /* the answer, from the cache (borrowed) */
  csto_rows read;        /* or the rows read, not kept */
  size_t at;             /* the current row among them */
  sqlite3_stmt *stmt;    /* rows past them, read one at a time */
  csto_row *tail;        /* the current row so read */
  int at_end;
} match;

static const csto_rows *rows_of(const match *m) { return m->kept ? m->kept : &m->read; }

static const csto_row *current(const match *m) {
  const csto_rows *rows = rows_of(m);
  return m->at < rows->n ? rows->rows[m->at] : m->tail;
}

static void release_statement(match *m) {
  if (m->stmt)
    give_back(m->src, m->kinds, m->stmt);
  m->stmt = NULL;
}

/* The next row past those read at once: from the statement, or the end. */
static void step(match *m) {
  if (++m->at < rows_of(m)->n)
    return;
  free(m->tail);
  m->tail = NULL;
  if (m->stmt && sqlite3_step(m->stmt) == SQLITE_ROW)
    m->tail = csto_row_read(m->stmt);
  if (!m->tail) {
    release_statement(m);
    m->at_end = 1;
  }
}

/* Read the first EAGER_ROWS rows; an answer that ends there is kept in the cache. */
static void read_eagerly(match *m, const csto_row_key *key) {
  int rc = SQLITE_ROW;
  size_t bytes = 0;
  while (m->read.n < EAGER_ROWS && bytes < EAGER_BYTES &&
         (rc = sqlite3_step(m->stmt)) == SQLITE_ROW) {
    csto_row *row = csto_row_read(m->stmt);
    if (!row || csto_rows_add(&m->read, row)) {
      rc = SQLITE_NOMEM;
      break;
    }
    for (int i = 0; i < CSTO_ROW_TEXTS; i++)
      bytes += (size_t)row->len[i];
  }
  if (rc == SQLITE_ROW)
    return; /* more to come: served from the statement after these */
  release_statement(m);
  if (rc == SQLITE_DONE)
    m->kept = csto_row_cache_put(m->src->cache, key, &m->read);
}

/* The term of a row's part, as a rasqal value. */
static rasqal_literal *uri_value(rasqal_world *w, const csto_row *r, int text) {
  raptor_uri *uri = raptor_new_uri(rasqal_world_get_raptor(w), r->text[text - CSTO_ROW_IDS]);
  return uri ? rasqal_new_uri_literal(w, uri) : NULL;
}

static unsigned char *copy_text(const csto_row *r, int text) {
  const unsigned char *t = r->text[text - CSTO_ROW_IDS];
  if (!t)
    return NULL;
  size_t n = (size_t)r->len[text - CSTO_ROW_IDS];
  unsigned char *copy = rasqal_alloc_memory(n + 1);
  if (copy)
    memcpy(copy, t, n + 1);
  return copy;
}

static rasqal_literal *blank_value(rasqal_world *w, const csto_row *r, int text) {
  unsigned char *label = copy_text(r, text);
  return label ? rasqal_new_simple_literal(w, RASQAL_LITERAL_BLANK, label) : NULL;
}

static rasqal_literal *literal_value(rasqal_world *w, const csto_row *r) {
  unsigned char *text = copy_text(r, TEXT_O_LITERAL);
  char *language = (char *)copy_text(r, TEXT_O_LANGUAGE);
  const unsigned char *type = r->text[TEXT_O_DATATYPE - CSTO_ROW_IDS];
  raptor_uri *datatype = type ? raptor_new_uri(rasqal_world_get_raptor(w), type) : NULL;
  if (text)
    return rasqal_new_string_literal(w, text, language, datatype, NULL); /* takes all three */
  rasqal_free_memory(language);
  if (datatype)
    raptor_free_uri(datatype);
  return NULL;
}

static rasqal_literal *part_value(rasqal_world *w, const csto_row *r, int part) {
  switch (part) {
  case 0:
    return r->id[COL_S_URI] ? uri_value(w, r, TEXT_S_URI) : blank_value(w, r, TEXT_S_BLANK);
  case 1: return uri_value(w, r, TEXT_P);
  case 2:
    if (r->id[COL_O_URI])
      return uri_value(w, r, TEXT_O_URI);
    if (r->id[COL_O_BLANK])
      return blank_value(w, r, TEXT_O_BLANK);
    return literal_value(w, r);
  default: return uri_value(w, r, TEXT_G);
  }
}

/* A part's term as (kind, id), for comparing two parts of the row. */
static sqlite3_int64 part_key(const csto_row *r, int part, int *kind) {
  static const int columns[4][3] = {{COL_S_URI, COL_S_BLANK, -1},
                                    {COL_P, -1, -1},
                                    {COL_O_URI, COL_O_BLANK, COL_O_LITERAL},
                                    {COL_G, -1, -1}};
  for (int k = 0; k < 3 && columns[part][k] >= 0; k++)
    if (r->id[columns[part][k]]) {
      *kind = k;
      return r->id[columns[part][k]];
    }
  *kind = -1;
  return 0;
}

static int same_term(const csto_row *r, int a, int b) {
  int ka, kb;
  sqlite3_int64 ia = part_key(r, a, &ka), ib = part_key(r, b, &kb);
  return ka == kb && ia == ib;
}

/* The row at hand, read for csto_source_bind. */
typedef struct {
  rasqal_world *world;
  const csto_row *row;
} row_at;

static int row_same(void *at, int a, int b) { return same_term(((row_at *)at)->row, a, b); }

static rasqal_literal *row_value(void *at, int part) {
  return part_value(((row_at *)at)->world, ((row_at *)at)->row, part);
}

static rasqal_triple_parts bind_match(rasqal_triples_match *rtm, void *user_data,
                                      rasqal_variable *bindings[4], rasqal_triple_parts parts) {
  (void)user_data;
  static const csto_source_parts read = {row_same, row_value};
  row_at at = {rtm->world, current(rtm->user_data)};
  return at.row ? csto_source_bind(bindings, parts, &read, &at) : 0;
}

static void next_match(rasqal_triples_match *rtm, void *user_data) {
  (void)user_data;
  step(rtm->user_data);
}

static int is_end(rasqal_triples_match *rtm, void *user_data) {
  (void)user_data;
  match *m = rtm->user_data;
  return m->at_end;
}

static void finish_match(rasqal_triples_match *rtm, void *user_data) {
  (void)user_data;
  match *m = rtm->user_data;
  if (!m)
    return;
  release_statement(m);
  csto_rows_clear(&m->read);
  free(m->tail);
  free(m);
  rtm->user_data = NULL;
}

/* A pattern's part: a constant, a variable with a value (both bound), or a free variable
 * (*var set, kind PART_FREE). */
static rasqal_literal *bound_part(rasqal_literal *l, rasqal_variable **var) {
  *var = l ? rasqal_literal_as_variable(l) : NULL;
  return *var ? (*var)->value : l;
}

/* Set up matching t: bind its bound parts to ids, then the answer kept for them, or the
 * shape's statement run. A bound term the store does not hold matches nothing. */
static int init_match(rasqal_triples_match *rtm, rasqal_triples_source *rts, void *user_data,
                      rasqal_triple_meta *meta, rasqal_triple *t) {
  (void)rts;
  csto_store_source *src = *(csto_store_source **)user_data;
  match *m = calloc(1, sizeof *m);
  if (!m)
    return 1;
  rtm->user_data = m;
  rtm->bind_match = bind_match;
  rtm->next_match = next_match;
  rtm->is_end = is_end;
  rtm->finish = finish_match;
  m->src = src;
  rasqal_literal *parts[4] = {t->subject, t->predicate, t->object, t->origin};
  csto_row_key key;
  memset(&key, 0, sizeof key);
  int missing = 0;
  for (int part = 0; part < 4; part++) {
    rasqal_literal *value = bound_part(parts[part], &meta->bindings[part]);
    if (value && (key.kinds[part] = term_id(src, value, &key.ids[part])) != PART_FREE &&
        !key.ids[part])
      missing = 1;
    if (value && !part_column(part, key.kinds[part]))
      missing = 1; /* a literal subject, a blank predicate: nothing can match */
  }
  memcpy(m->kinds, key.kinds, sizeof m->kinds);
  m->at = (size_t)-1; /* before the first row: step() moves to it */
  if (missing) {
    m->at_end = 1;
    return 0;
  }
  if (!(m->kept = csto_row_cache_get(src->cache, &key))) {
    if (!(m->stmt = take_statement(src, m->kinds)))
      return 1;
    for (int part = 0; part < 4; part++)
      if (m->kinds[part] != PART_FREE)
        sqlite3_bind_int64(m->stmt, part + 1, key.ids[part]);
    read_eagerly(m, &key);
  }
  step(m);
  return 0;
}

static int triple_present(rasqal_triples_source *rts, void *user_data, rasqal_triple *t) {
  rasqal_triples_match rtm;
  rasqal_triple_meta meta;
  memset(&rtm, 0, sizeof rtm);
  memset(&meta, 0, sizeof meta);
  rtm.world = (*(csto_store_source **)user_data)->world;
  if (init_match(&rtm, rts, user_data, &meta, t)) {
    finish_match(&rtm, user_data);
    return 0;
  }
  int present = !is_end(&rtm, user_data);
  finish_match(&rtm, user_data);
  return present;
}

static void free_source(void *user_data) {
  csto_store_source *src = *(csto_store_source **)user_data;
  if (src->reading)
    sqlite3_exec(src->store->db, "COMMIT", NULL, NULL, NULL);
  src->reading = 0;
}

/* ---- the source ----------------------------------------------------------------------- */

/* Name every graph of the store as a named graph of the query (for GRAPH ?g), dropping
 * the query's own FROM graphs as librdf does, so a query loads nothing from the web. */
static int add_graphs(csto_store_source *src, rasqal_query *query) {
  raptor_sequence *seq = rasqal_query_get_data_graph_sequence(query);
  while (seq && raptor_sequence_size(seq) > 0)
    rasqal_free_data_graph(raptor_sequence_pop(seq));
  rasqal_world *w = src->world;
  raptor_world *rw = rasqal_world_get_raptor(w);
  int rc;
  while ((rc = sqlite3_step(src->graphs)) == SQLITE_ROW) {
    raptor_uri *uri = raptor_new_uri(rw, sqlite3_column_text(src->graphs, 0));
    rasqal_data_graph *dg =
        uri ? rasqal_new_data_graph_from_uri(w, uri, uri, RASQAL_DATA_GRAPH_NAMED, NULL, NULL,
                                             NULL)
            : NULL;
    if (uri)
      raptor_free_uri(uri);
    if (!dg || rasqal_query_add_data_graph(query, dg)) {
      sqlite3_reset(src->graphs);
      return 1;
    }
  }
  sqlite3_reset(src->graphs);
  return rc == SQLITE_DONE ? 0 : 1;
}

static int new_source(rasqal_query *query, void *user, void *data, rasqal_triples_source *rts) {
  csto_store_source *src = user;
  *(csto_store_source **)data = src;
  csto_row_cache_clear(src->cache); /* a new query: the store may have changed since */
  /* One read transaction for the whole query: without it sqlite takes and drops its file
   * lock for every lookup, and the query sees one state of the store throughout. */
  src->reading = sqlite3_get_autocommit(src->store->db) &&
                 sqlite3_exec(src->store->db, "BEGIN", NULL, NULL, NULL) == SQLITE_OK;
  rts->version = 1;
  rts->init_triples_match = init_match;
  rts->triple_present = triple_present;
  rts->free_triples_source = free_source;
  return add_graphs(src, query);
}

/* ---- every statement ------------------------------------------------------------------- */

static const unsigned char *column_text(const csto_row *r, int column) {
  return column ? r->text[column - CSTO_ROW_IDS] : NULL;
}

/* A row's part as a raptor term (owned by the caller), or NULL. */
static raptor_term *row_term(raptor_world *w, const csto_row *r, int part) {
  static const int uri_text[4] = {TEXT_S_URI, TEXT_P, TEXT_O_URI, TEXT_G};
  static const int blank_text[4] = {TEXT_S_BLANK, 0, TEXT_O_BLANK, 0};
  const unsigned char *uri = column_text(r, uri_text[part]);
  const unsigned char *blank = column_text(r, blank_text[part]);
  const unsigned char *literal = part == 2 ? column_text(r, TEXT_O_LITERAL) : NULL;
  if (uri)
    return raptor_new_term_from_uri_string(w, uri);
  if (blank)
    return raptor_new_term_from_blank(w, blank);
  if (!literal)
    return NULL;
  const unsigned char *lang = column_text(r, TEXT_O_LANGUAGE);
  const unsigned char *type_text = column_text(r, TEXT_O_DATATYPE);
  raptor_uri *type = type_text ? raptor_new_uri(w, type_text) : NULL;
  raptor_term *t = raptor_new_term_from_counted_literal(
      w, literal, (size_t)r->len[TEXT_O_LITERAL - CSTO_ROW_IDS], type, lang,
      lang ? (unsigned char)r->len[TEXT_O_LANGUAGE - CSTO_ROW_IDS] : 0);
  if (type)
    raptor_free_uri(type);
  return t;
}

/* Hand the current row of q to fn as a statement; 1 when it fails. */
static int hand_row(raptor_world *w, sqlite3_stmt *q, csto_store_statement_fn fn, void *user) {
  csto_row *r = csto_row_read(q);
  raptor_statement st;
  raptor_statement_init(&st, w);
  raptor_term **terms[4] = {&st.subject, &st.predicate, &st.object, &st.graph};
  int failed = !r;
  for (int part = 0; !failed && part < 4; part++)
    failed = !(*terms[part] = row_term(w, r, part));
  failed = failed || fn(user, &st);
  raptor_statement_clear(&st);
  free(r);
  return failed;
}

csto_status csto_store_each(csto_store *store, csto_store_statement_fn fn, void *user,
                            csto_error *err) {
  static const int all_free[4] = {PART_FREE, PART_FREE, PART_FREE, PART_FREE};
  raptor_world *w = librdf_world_get_raptor(csto_query_dataset_world(store->ds));
  sqlite3_stmt *q = prepare_shape(store->db, all_free);
  int rc = q ? SQLITE_ROW : SQLITE_ERROR, failed = 0;
  while (!failed && (rc = sqlite3_step(q)) == SQLITE_ROW)
    failed = hand_row(w, q, fn, user);
  sqlite3_finalize(q);
  if (failed || rc != SQLITE_DONE)
    return csto_error_set(err, CSTO_ERR_STORE, "%s: cannot read the store: %s", store->path,
                          failed ? "out of memory" : sqlite3_errmsg(store->db));
  return CSTO_OK;
}

/* ---- installing ------------------------------------------------------------------------ */

csto_status csto_store_source_install(csto_store *store, csto_error *err) {
  csto_store_source *src = calloc(1, sizeof *src);
  if (!src)
    return csto_error_set(err, CSTO_ERR_NOMEM, "out of memory");
  src->store = store;
  store->source = src;
  if (!(src->cache = csto_row_cache_new()))
    return csto_error_set(err, CSTO_ERR_NOMEM, "out of memory");
  sqlite3 *db = store->db;
  if (sqlite3_prepare_v2(db, "SELECT id FROM uris WHERE uri = ?1", -1, &src->find_uri, NULL) ||
      sqlite3_prepare_v2(db, "SELECT id FROM blanks WHERE blank = ?1", -1, &src->find_blank,
                         NULL) ||
      sqlite3_prepare_v2(db, "SELECT id FROM literals WHERE text = ?1 AND language IS ?2 AND "
                             "datatype IS ?3", -1, &src->find_literal, NULL) ||
      sqlite3_prepare_v2(db, "SELECT u.uri FROM csto_graphs g JOIN uris u ON u.id = g.id "
                             "ORDER BY g.id", -1, &src->graphs, NULL))
    return csto_error_set(err, CSTO_ERR_STORE, "%s: cannot prepare: %s", store->path,
                          sqlite3_errmsg(db));
  src->world = librdf_world_get_rasqal(csto_query_dataset_world(store->ds));
  csto_query_dataset_set_source(store->ds, new_source, src);
  return CSTO_OK;
}

void csto_store_source_free(csto_store_source *src) {
  if (!src)
    return;
  for (int i = 0; i < SHAPES; i++)
    for (spare *s = src->spares[i], *next; s; s = next) {
      next = s->next;
      sqlite3_finalize(s->stmt);
      free(s);
    }
  sqlite3_finalize(src->find_uri);
  sqlite3_finalize(src->find_blank);
  sqlite3_finalize(src->find_literal);
  sqlite3_finalize(src->graphs);
  csto_row_cache_free(src->cache);
  free(src);
}
