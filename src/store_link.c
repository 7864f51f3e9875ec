/* One meeting, one node: the owl:sameAs links from article-local events to the dated
 * meeting they are (the rule is in store.h; CSTO_MEETINGS_SQL in store_impl.h finds the
 * candidates).
 *
 * A graph's change concerns the local events it describes (its own, stated or withdrawn)
 * and every local event a meeting it changed was or is a candidate for: organized by one
 * of the meeting's organizers, in an article published in the meeting's window. A new or
 * departed dated meeting can make such an event's match appear, vanish or become
 * ambiguous. Each event concerned is matched again from what the store holds now, so the
 * links depend only on the store's content, never on the order articles came in. */
#include <stdlib.h>
#include <string.h>

#include "array.h"
#include "csto/layout.h"
#include "store_impl.h"
#include "vocab.h"

typedef struct {
  sqlite3_int64 *items;
  size_t n, cap;
} id_list;

static int add_id(id_list *ids, sqlite3_int64 id) {
  if (csto_array_reserve((void **)&ids->items, &ids->cap, ids->n, sizeof *ids->items))
    return -1;
  ids->items[ids->n++] = id;
  return 0;
}

/* Each id of q's first column (uri ids, never NULL) added to ids. */
static int add_rows(sqlite3_stmt *q, id_list *ids) {
  int rc;
  while ((rc = sqlite3_step(q)) == SQLITE_ROW)
    if (add_id(ids, sqlite3_column_int64(q, 0))) {
      sqlite3_reset(q);
      return -1;
    }
  sqlite3_reset(q);
  return rc == SQLITE_DONE ? 0 : -1;
}

static int by_id(const void *a, const void *b) {
  sqlite3_int64 x = *(const sqlite3_int64 *)a, y = *(const sqlite3_int64 *)b;
  return (x > y) - (x < y);
}

static void sort_unique(id_list *ids) {
  if (!ids->n)
    return;
  qsort(ids->items, ids->n, sizeof *ids->items, by_id);
  size_t kept = 1;
  for (size_t i = 1; i < ids->n; i++)
    if (ids->items[i] != ids->items[kept - 1])
      ids->items[kept++] = ids->items[i];
  ids->n = kept;
}

/* The terms the matching names, as uri ids (T_DATE, T_START, T_END in a row: DAYS binds
 * them so). */
enum { T_ORGANIZER, T_PUBLISHED, T_DATE, T_START, T_END, T_HELD_IN, T_COUNTRY, T_SAME_AS,
       T_COUNT };
static const char *const term_iris[T_COUNT] = {
    CSTO_NS "organizer", SCHEMA "datePublished", CSTO_NS "date",    CSTO_NS "startDate",
    CSTO_NS "endDate",   CSTO_NS "heldIn",       CSTO_NS "country", OWL "sameAs"};

typedef struct {
  csto_store *store;
  sqlite3_int64 term[T_COUNT];
  csto_key_list *unlink, *link;
  long *ambiguous;
} relinking;

/* Widen [low, high] (ISO days, "" when none yet) to take in day. */
static void widen(char low[16], char high[16], const unsigned char *day) {
  if (!day || strlen((const char *)day) >= 16)
    return;
  if (!*low || strcmp((const char *)day, low) < 0)
    strcpy(low, (const char *)day);
  if (!*high || strcmp((const char *)day, high) > 0)
    strcpy(high, (const char *)day);
}

static int is_day(const relinking *r, sqlite3_int64 p) {
  return p == r->term[T_DATE] || p == r->term[T_START] || p == r->term[T_END];
}

/* The first and last day of event s, after the change and in the changed triples, and its
 * organizers there (added to bodies). */
static int days_and_bodies(relinking *r, sqlite3_int64 s, const csto_key_list *changes[2],
                           char low[16], char high[16], id_list *bodies) {
  csto_store *store = r->store;
  sqlite3_stmt *q = csto_store_stmt(store, CSTO_SQL_DAYS);
  sqlite3_bind_int64(q, 1, store->merged);
  sqlite3_bind_int64(q, 2, s);
  for (int i = 0; i < 3; i++)
    sqlite3_bind_int64(q, 3 + i, r->term[T_DATE + i]);
  int rc = sqlite3_step(q);
  if (rc == SQLITE_ROW) {
    widen(low, high, sqlite3_column_text(q, 0));
    widen(low, high, sqlite3_column_text(q, 1));
  }
  sqlite3_reset(q);
  int failed = rc != SQLITE_ROW;
  for (int c = 0; c < 2 && !failed; c++)
    for (size_t i = 0; i < changes[c]->n && !failed; i++) {
      const csto_triple_key *k = &changes[c]->items[i];
      if (k->s != s)
        continue;
      if (k->p == r->term[T_ORGANIZER] && k->ok == CSTO_TERM_URI)
        failed = add_id(bodies, k->oid);
      else if (is_day(r, k->p) && k->ok == CSTO_TERM_LITERAL) {
        q = csto_store_stmt(store, CSTO_SQL_LITERAL_TEXT);
        sqlite3_bind_int64(q, 1, k->oid);
        if (sqlite3_step(q) == SQLITE_ROW)
          widen(low, high, sqlite3_column_text(q, 0));
        sqlite3_reset(q);
      }
    }
  q = csto_store_stmt(store, CSTO_SQL_OBJECTS);
  sqlite3_bind_int64(q, 1, store->merged);
  sqlite3_bind_int64(q, 2, s);
  sqlite3_bind_int64(q, 3, r->term[T_ORGANIZER]);
  return failed || add_rows(q, bodies) ? -1 : 0;
}

/* The events a change to s may concern when s is (or was) a dated meeting: those of its
 * organizers in articles published in its window. */
static int nearby(relinking *r, sqlite3_int64 s, const csto_key_list *changes[2],
                  id_list *events) {
  char low[16] = "", high[16] = "";
  id_list bodies = {NULL, 0, 0};
  int failed = days_and_bodies(r, s, changes, low, high, &bodies);
  sort_unique(&bodies);
  for (size_t i = 0; *low && i < bodies.n && !failed; i++) {
    sqlite3_stmt *q = csto_store_stmt(r->store, CSTO_SQL_NEARBY);
    sqlite3_bind_int64(q, 1, r->term[T_ORGANIZER]);
    sqlite3_bind_int64(q, 2, bodies.items[i]);
    sqlite3_bind_int64(q, 3, r->term[T_PUBLISHED]);
    sqlite3_bind_int(q, 4, CSTO_TERM_URI);
    sqlite3_bind_text(q, 5, low, -1, SQLITE_STATIC);
    sqlite3_bind_text(q, 6, high, -1, SQLITE_STATIC);
    failed = add_rows(q, events);
  }
  free(bodies.items);
  return failed ? -1 : 0;
}

/* The events a change concerns: those the graph states an organizer of, those it changed,
 * and those near a meeting it changed (nearby). */
static int concerned(relinking *r, const csto_key_list *changes[2], id_list *events) {
  csto_store *store = r->store;
  id_list subjects = {NULL, 0, 0};
  int failed = 0;
  for (int c = 0; c < 2 && !failed; c++)
    for (size_t i = 0; i < changes[c]->n && !failed; i++)
      if (changes[c]->items[i].s > 0)
        failed = add_id(&subjects, changes[c]->items[i].s);
  sort_unique(&subjects);
  for (size_t i = 0; i < subjects.n && !failed; i++)
    failed = add_id(events, subjects.items[i]) ||
             nearby(r, subjects.items[i], changes, events);
  free(subjects.items);
  sqlite3_stmt *q = csto_store_stmt(store, CSTO_SQL_GRAPH_SUBJECTS);
  sqlite3_bind_int64(q, 1, store->graph_id);
  sqlite3_bind_int64(q, 2, r->term[T_ORGANIZER]);
  if (failed || add_rows(q, events))
    return -1;
  sort_unique(events);
  return 0;
}

/* The uri id of a local event's article, 0 when event is not one, -1 on error. */
static sqlite3_int64 local_article(csto_store *store, sqlite3_int64 event) {
  sqlite3_stmt *q = csto_store_stmt(store, CSTO_SQL_URI_TEXT);
  sqlite3_bind_int64(q, 1, event);
  int rc = sqlite3_step(q);
  char *article = rc == SQLITE_ROW
                      ? csto_layout_event_article((const char *)sqlite3_column_text(q, 0))
                      : NULL;
  sqlite3_reset(q);
  if (rc != SQLITE_ROW)
    return rc == SQLITE_DONE ? 0 : -1;
  sqlite3_int64 id = article ? csto_store_uri_id(store, article) : 0;
  free(article);
  return id;
}

/* The one dated meeting the local event of article matches, in *meeting (0: none; one
 * more match counted ambiguous). 0, or -1 on error. */
static int match(relinking *r, sqlite3_int64 event, sqlite3_int64 article,
                 sqlite3_int64 *meeting) {
  static const int terms[] = {T_ORGANIZER, T_PUBLISHED, T_DATE,   T_START,
                              T_END,       T_HELD_IN,   T_COUNTRY};
  sqlite3_stmt *q = csto_store_stmt(r->store, CSTO_SQL_MEETINGS);
  sqlite3_bind_int64(q, 1, r->store->merged);
  sqlite3_bind_int64(q, 2, event);
  sqlite3_bind_int64(q, 3, article);
  for (size_t i = 0; i < sizeof terms / sizeof terms[0]; i++)
    sqlite3_bind_int64(q, 4 + (int)i, r->term[terms[i]]);
  id_list found = {NULL, 0, 0};
  int failed = add_rows(q, &found);
  *meeting = !failed && found.n == 1 ? found.items[0] : 0;
  if (!failed && found.n > 1)
    ++*r->ambiguous;
  free(found.items);
  return failed ? -1 : 0;
}

static int add_key(csto_key_list *keys, sqlite3_int64 s, sqlite3_int64 p, sqlite3_int64 o) {
  if (csto_array_reserve((void **)&keys->items, &keys->cap, keys->n, sizeof *keys->items))
    return -1;
  keys->items[keys->n++] = (csto_triple_key){s, p, o, CSTO_TERM_URI};
  return 0;
}

/* Match event again: unlink what it is linked to and should not be, link the match. */
static int relink_event(relinking *r, sqlite3_int64 event) {
  sqlite3_int64 article = local_article(r->store, event), meeting = 0, same_as = r->term[T_SAME_AS];
  if (article < 0 || (article > 0 && match(r, event, article, &meeting)))
    return -1;
  id_list linked = {NULL, 0, 0};
  sqlite3_stmt *q = csto_store_stmt(r->store, CSTO_SQL_LINKED);
  sqlite3_bind_int64(q, 1, event);
  sqlite3_bind_int64(q, 2, same_as);
  sqlite3_bind_int(q, 3, CSTO_TERM_URI);
  sqlite3_bind_int64(q, 4, r->store->links);
  int failed = add_rows(q, &linked), kept = 0;
  for (size_t i = 0; i < linked.n && !failed; i++)
    if (linked.items[i] == meeting)
      kept = 1;
    else
      failed = add_key(r->unlink, event, same_as, linked.items[i]);
  if (!failed && meeting && !kept)
    failed = add_key(r->link, event, same_as, meeting);
  free(linked.items);
  return failed ? -1 : 0;
}

int csto_store_relink(csto_store *store, const csto_key_list *stale, const csto_key_list *fresh,
                      csto_key_list *unlink, csto_key_list *link, long *ambiguous) {
  relinking r = {store, {0}, unlink, link, ambiguous};
  for (int t = 0; t < T_COUNT; t++)
    if ((r.term[t] = csto_store_uri_id(store, term_iris[t])) < 0)
      return -1;
  const csto_key_list *changes[2] = {stale, fresh};
  id_list events = {NULL, 0, 0};
  int failed = concerned(&r, changes, &events);
  for (size_t i = 0; i < events.n && !failed; i++)
    failed = relink_event(&r, events.items[i]);
  free(events.items);
  return failed ? -1 : 0;
}
