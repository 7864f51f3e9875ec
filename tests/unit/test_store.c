/* Unit tests for store.c and store_put.c: the SQLite store in the merged layout. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>

#include "support.h"
#include "csto/layout.h"
#include "csto/store.h"

#define PREFIXES                                                                           \
  "PREFIX csto: <https://w3id.org/csto-kg/ontology#> "                                     \
  "PREFIX res: <https://w3id.org/csto-kg/resource/> "
#define ARTICLE_A "https://w3id.org/csto-kg/resource/article_00000000000000a1"
#define ARTICLE_B "https://w3id.org/csto-kg/resource/article_00000000000000b2"

static char fixture_a[4096], fixture_b[4096];
static int serial;

static csto_world *world; /* the one world of the tests */

static int setup_all(void **state) {
  (void)state;
  if (test_fixture(fixture_a, sizeof fixture_a, "store-a.ttl") != 0 ||
      test_fixture(fixture_b, sizeof fixture_b, "store-b.ttl") != 0 ||
      test_tmpdir_make() != 0 || csto_world_new(&world, NULL) != CSTO_OK)
    return -1;
  return 0;
}

static int teardown_all(void **state) {
  (void)state;
  csto_world_free(world);
  return test_tmpdir_remove();
}

/* A fresh path in test_tmpdir (not created). */
static char *new_path(const char *suffix) {
  char *p = malloc(512);
  assert_non_null(p);
  snprintf(p, 512, "%s/%d%s", test_tmpdir, ++serial, suffix);
  return p;
}

static char *write_file(const char *suffix, const char *text) {
  char *p = new_path(suffix);
  FILE *f = fopen(p, "w");
  assert_non_null(f);
  fputs(text, f);
  fclose(f);
  return p;
}

static csto_store *open_store(const char *path, csto_store_mode mode) {
  csto_store *store = NULL;
  csto_error err = {CSTO_OK, ""};
  if (csto_store_open(world, path, mode, &store, &err) != CSTO_OK)
    fail_msg("open %s: %s", path, err.message);
  return store;
}

static long size_of(csto_store *store) {
  long n = -1;
  csto_error err = {CSTO_OK, ""};
  assert_int_equal(csto_store_size(store, &n, &err), CSTO_OK);
  return n;
}

static void load_ok(csto_store *store, const char *path) {
  csto_error err = {CSTO_OK, ""};
  if (csto_store_load_file(store, path, NULL, NULL, &err) != CSTO_OK)
    fail_msg("load %s: %s", path, err.message);
}

static csto_store_counts delete_ok(csto_store *store, const char *graph) {
  csto_error err = {CSTO_OK, ""};
  csto_store_counts c = {-1, -1, -1, -1, -1};
  if (csto_store_begin(store, &err) != CSTO_OK ||
      csto_store_delete_graph(store, graph, &c, &err) != CSTO_OK ||
      csto_store_commit(store, &err) != CSTO_OK)
    fail_msg("delete %s: %s", graph, err.message);
  return c;
}

/* ASK over the store: 1 true, 0 false. */
static int ask(csto_store *store, const char *sparql) {
  char *buf = NULL;
  size_t len = 0;
  FILE *out = open_memstream(&buf, &len);
  csto_query_outcome oc = {CSTO_QUERY_SELECT, -1};
  csto_error err = {CSTO_OK, ""};
  csto_status st = csto_store_query(store, sparql, NULL, out, &oc, &err);
  fclose(out);
  free(buf);
  if (st != CSTO_OK)
    fail_msg("ask: %s", err.message);
  assert_int_equal(oc.kind, CSTO_QUERY_ASK);
  return oc.ask;
}

static char *select_csv(csto_store *store, const char *sparql) {
  char *buf = NULL;
  size_t len = 0;
  FILE *out = open_memstream(&buf, &len);
  csto_query_options opt = {"csv", NULL};
  csto_error err = {CSTO_OK, ""};
  csto_status st = csto_store_query(store, sparql, &opt, out, NULL, &err);
  fclose(out);
  if (st != CSTO_OK)
    fail_msg("select: %s", err.message);
  return buf;
}

static void test_close_null(void **state) {
  (void)state;
  csto_store_close(NULL);
}

static int has_index(const char *path, const char *name) {
  sqlite3 *db = NULL;
  assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
  sqlite3_stmt *st = NULL;
  assert_int_equal(sqlite3_prepare_v2(db,
                                      "SELECT count(*) FROM sqlite_master WHERE type = 'index' "
                                      "AND name = ?",
                                      -1, &st, NULL),
                   SQLITE_OK);
  sqlite3_bind_text(st, 1, name, -1, SQLITE_STATIC);
  assert_int_equal(sqlite3_step(st), SQLITE_ROW);
  int n = sqlite3_column_int(st, 0);
  sqlite3_finalize(st);
  sqlite3_close(db);
  return n;
}

static void test_create_and_reopen(void **state) {
  (void)state;
  char *path = new_path(".sqlite");
  csto_store *store = open_store(path, CSTO_STORE_WRITE);
  assert_int_equal(size_of(store), 0);
  load_ok(store, fixture_a);
  assert_int_equal(size_of(store), 44);
  csto_store_close(store);
  assert_int_equal(has_index(path, "csto_literal_text"), 1);
  assert_int_equal(has_index(path, "csto_triple_context"), 1);
  assert_int_equal(has_index(path, "csto_triple_predicate"), 1);
  assert_int_equal(has_index(path, "csto_support_graph"), 1);
  /* reopening (either mode) keeps the data */
  store = open_store(path, CSTO_STORE_WRITE);
  assert_int_equal(size_of(store), 44);
  csto_store_close(store);
  store = open_store(path, CSTO_STORE_READ);
  assert_int_equal(size_of(store), 44);
  csto_store_close(store);
  free(path);
}

static void test_empty_file_is_created(void **state) {
  (void)state;
  char *path = write_file(".sqlite", "");
  csto_store *store = open_store(path, CSTO_STORE_WRITE);
  assert_int_equal(size_of(store), 0);
  csto_store_close(store);
  free(path);
}

static void test_read_missing_store(void **state) {
  (void)state;
  char *path = new_path(".sqlite");
  csto_store *store = NULL;
  csto_error err = {CSTO_OK, ""};
  assert_int_equal(csto_store_open(world, path, CSTO_STORE_READ, &store, &err), CSTO_ERR_STORE);
  assert_null(store);
  assert_non_null(strstr(err.message, "no such store"));
  assert_int_equal(access(path, F_OK), -1); /* not created as a side effect */
  free(path);
}

static void test_not_a_store(void **state) {
  (void)state;
  const char *text = "this is not a database, and must not be wiped\n";
  char *path = write_file(".sqlite", text);
  csto_store *store = NULL;
  csto_error err = {CSTO_OK, ""};
  assert_int_equal(csto_store_open(world, path, CSTO_STORE_WRITE, &store, &err), CSTO_ERR_STORE);
  assert_non_null(strstr(err.message, path));
  struct stat sb;
  assert_int_equal(stat(path, &sb), 0);
  assert_int_equal(sb.st_size, (off_t)strlen(text));
  /* an SQLite database without librdf's tables is refused too */
  char *other = new_path(".sqlite");
  sqlite3 *db = NULL;
  assert_int_equal(sqlite3_open(other, &db), SQLITE_OK);
  assert_int_equal(sqlite3_exec(db, "CREATE TABLE t (x);", NULL, NULL, NULL), SQLITE_OK);
  sqlite3_close(db);
  assert_int_equal(csto_store_open(world, other, CSTO_STORE_WRITE, &store, &err), CSTO_ERR_STORE);
  assert_non_null(strstr(err.message, "not a csto-kg store"));
  free(other);
  free(path);
}

typedef struct {
  int calls;
  char graph[256];
  csto_store_counts counts;
} loaded_log;

static void on_loaded(void *user, const char *path, const char *graph,
                      const csto_store_counts *counts) {
  loaded_log *log = user;
  (void)path;
  log->calls++;
  snprintf(log->graph, sizeof log->graph, "%s", graph);
  log->counts = *counts;
}

#define MERGED "<https://w3id.org/csto-kg/graph/merged>"

/* Facts go to the merged graph, provenance to the article's graph. */
static void test_load_in_layout(void **state) {
  (void)state;
  char *path = new_path(".sqlite");
  csto_store *store = open_store(path, CSTO_STORE_WRITE);
  loaded_log log = {0, "", {0, 0, 0, 0, 0}};
  csto_error err = {CSTO_OK, ""};
  assert_int_equal(csto_store_load_file(store, fixture_a, on_loaded, &log, &err), CSTO_OK);
  assert_int_equal(log.calls, 1);
  assert_string_equal(log.graph, ARTICLE_A);
  assert_int_equal(log.counts.triples, 44);
  assert_int_equal(log.counts.own, 24);
  assert_int_equal(log.counts.added, 20);
  assert_int_equal(log.counts.removed, 0);
  assert_true(ask(store, PREFIXES "ASK { GRAPH " MERGED " { res:Sergey_Lavrov csto:attends "
                                  "res:event_CSTO_2021-09-15 } }"));
  assert_false(ask(store, PREFIXES "ASK { GRAPH ?g { res:Sergey_Lavrov csto:attends ?e } "
                                   "FILTER(?g = <" ARTICLE_A ">) }"));
  assert_true(ask(store, "ASK { GRAPH ?g { ?s a <http://www.w3.org/1999/02/22-rdf-syntax-ns#"
                         "Statement> } FILTER(?g = <" ARTICLE_A ">) }"));
  /* rasqal answers GRAPH <absent> { } with one empty row, hence GRAPH ?g + FILTER */
  assert_false(ask(store, "ASK { GRAPH ?g { ?s ?p ?o } FILTER(?g = <" ARTICLE_B ">) }"));
  csto_store_close(store);
  free(path);
}

static void test_reload_replaces(void **state) {
  (void)state;
  char *path = new_path(".sqlite");
  csto_store *store = open_store(path, CSTO_STORE_WRITE);
  load_ok(store, fixture_a);
  load_ok(store, fixture_b);
  assert_int_equal(size_of(store), 68); /* 75 stated, 7 by both articles */
  load_ok(store, fixture_a);
  load_ok(store, fixture_a);
  assert_int_equal(size_of(store), 68);
  char *csv = select_csv(store, "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } "
                                "GROUP BY ?g ORDER BY ?g");
  assert_string_equal(csv, "g,n\r\nhttps://w3id.org/csto-kg/graph/merged,37\r\n" ARTICLE_A
                           ",24\r\n" ARTICLE_B ",7\r\n");
  free(csv);
  csto_store_close(store);
  free(path);
}

/* A new version of an article replaces the old facts: fewer triples, old ones gone. */
static void test_new_version_replaces(void **state) {
  (void)state;
  const char *head = "@prefix csto: <https://w3id.org/csto-kg/ontology#> .\n"
                     "@prefix res: <https://w3id.org/csto-kg/resource/> .\n"
                     "res:article_1 a csto:Article .\n";
  char v1[512], v2[512];
  snprintf(v1, sizeof v1, "%sres:A csto:attends res:E .\nres:B csto:attends res:E .\n", head);
  snprintf(v2, sizeof v2, "%sres:C csto:attends res:E .\n", head);
  char *f1 = write_file(".ttl", v1), *f2 = write_file(".ttl", v2);
  char *path = new_path(".sqlite");
  csto_store *store = open_store(path, CSTO_STORE_WRITE);
  load_ok(store, fixture_b);
  load_ok(store, f1);
  assert_int_equal(size_of(store), 31 + 3);
  load_ok(store, f2);
  assert_int_equal(size_of(store), 31 + 2);
  assert_false(ask(store, PREFIXES "ASK { res:A csto:attends res:E }"));
  assert_true(ask(store, PREFIXES "ASK { res:C csto:attends res:E }"));
  csto_store_close(store);
  free(path);
  free(f1);
  free(f2);
}

/* A merged triple stays while some article states it, and goes with the last one. */
static void test_delete_keeps_what_others_state(void **state) {
  (void)state;
  char *path = new_path(".sqlite");
  csto_store *store = open_store(path, CSTO_STORE_WRITE);
  load_ok(store, fixture_a);
  load_ok(store, fixture_b);
  const char *shared = PREFIXES "ASK { res:Sergey_Lavrov a csto:Person }";
  const char *only_a = PREFIXES "ASK { res:Sirojiddin_Muhriddin csto:chairs ?e }";
  csto_store_counts c = delete_ok(store, ARTICLE_B);
  assert_int_equal(c.triples, 31);
  assert_int_equal(c.removed, 17);
  assert_int_equal(size_of(store), 44);
  assert_true(ask(store, shared));
  assert_true(ask(store, only_a));
  delete_ok(store, ARTICLE_A);
  assert_int_equal(size_of(store), 0);
  assert_false(ask(store, shared));
  /* a graph the store does not hold is refused */
  csto_error err = {CSTO_OK, ""};
  assert_int_equal(csto_store_begin(store, &err), CSTO_OK);
  assert_int_equal(csto_store_delete_graph(store, ARTICLE_A, &c, &err), CSTO_ERR_USAGE);
  assert_non_null(strstr(err.message, ARTICLE_A));
  csto_store_rollback(store);
  csto_store_close(store);
  free(path);
}

/* Loading A then B then deleting B leaves what loading A alone leaves. (One store open at
 * a time: librdf loads its sqlite module into the first world alive only.) */
static void test_delete_undoes_load(void **state) {
  (void)state;
  const char *all = "SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g ?s ?p ?o";
  char *one = new_path(".sqlite"), *two = new_path(".sqlite");
  csto_store *store = open_store(one, CSTO_STORE_WRITE);
  load_ok(store, fixture_a);
  char *expected = select_csv(store, all);
  csto_store_close(store);
  store = open_store(two, CSTO_STORE_WRITE);
  load_ok(store, fixture_b);
  load_ok(store, fixture_a);
  delete_ok(store, ARTICLE_B);
  char *got = select_csv(store, all);
  csto_store_close(store);
  assert_string_equal(got, expected);
  free(expected);
  free(got);
  free(one);
  free(two);
}

static void test_bad_file_leaves_store(void **state) {
  (void)state;
  char *bad = write_file(".ttl", "@prefix csto: <https://w3id.org/csto-kg/ontology#> .\n"
                                 "<https://w3id.org/csto-kg/resource/article_00000000000000a1> "
                                 "a csto:Article .\n"
                                 "<http://e/a> <http://e/b> \"unterminated .\n");
  char *path = new_path(".sqlite");
  csto_store *store = open_store(path, CSTO_STORE_WRITE);
  load_ok(store, fixture_a);
  loaded_log log = {0, "", {0, 0, 0, 0, 0}};
  csto_error err = {CSTO_OK, ""};
  assert_int_equal(csto_store_load_file(store, bad, on_loaded, &log, &err), CSTO_ERR_RDF);
  assert_non_null(strstr(err.message, bad));
  assert_int_equal(log.calls, 0);
  /* the bad file names article A, yet A's facts are all still there */
  assert_int_equal(size_of(store), 44);
  assert_true(ask(store, PREFIXES "ASK { res:Sergey_Lavrov csto:attends ?e }"));
  assert_int_equal(csto_store_load_file(store, "/nonexistent.ttl", NULL, NULL, &err),
                   CSTO_ERR_IO);
  assert_int_equal(size_of(store), 44);
  csto_store_close(store);
  free(path);
  free(bad);
}

/* A batch rolled back (or left open at close) changes nothing. */
static void test_rollback(void **state) {
  (void)state;
  char *path = new_path(".sqlite");
  csto_store *store = open_store(path, CSTO_STORE_WRITE);
  load_ok(store, fixture_a);
  csto_error err = {CSTO_OK, ""};
  assert_int_equal(csto_store_begin(store, &err), CSTO_OK);
  assert_int_equal(csto_store_delete_graph(store, ARTICLE_A, NULL, &err), CSTO_OK);
  csto_store_rollback(store);
  assert_int_equal(size_of(store), 44);
  assert_int_equal(csto_store_begin(store, &err), CSTO_OK);
  assert_int_equal(csto_store_delete_graph(store, ARTICLE_A, NULL, &err), CSTO_OK);
  csto_store_close(store);
  store = open_store(path, CSTO_STORE_READ);
  assert_int_equal(size_of(store), 44);
  csto_store_close(store);
  free(path);
}

/* The merged graph is the store's own: a file naming it is refused. */
static void test_merged_graph_refused(void **state) {
  (void)state;
  char *nq = write_file(".nq", "<http://e/a> <http://e/b> <http://e/c> "
                               "<https://w3id.org/csto-kg/graph/merged> .\n");
  char *path = new_path(".sqlite");
  csto_store *store = open_store(path, CSTO_STORE_WRITE);
  csto_error err = {CSTO_OK, ""};
  assert_int_equal(csto_store_load_file(store, nq, NULL, NULL, &err), CSTO_ERR_USAGE);
  assert_non_null(strstr(err.message, "merged graph"));
  assert_int_equal(size_of(store), 0);
  csto_store_close(store);
  free(path);
  free(nq);
}

/* Each triple once in the default graph, whatever number of articles state it. */
static void test_default_graph_has_each_triple_once(void **state) {
  (void)state;
  char *path = new_path(".sqlite");
  csto_store *store = open_store(path, CSTO_STORE_WRITE);
  load_ok(store, fixture_a);
  load_ok(store, fixture_b);
  const char *q = PREFIXES "SELECT ?e WHERE { res:Sergey_Lavrov csto:attends ?e } ORDER BY ?e";
  char *csv = select_csv(store, q);
  assert_string_equal(csv, "e\r\nhttps://w3id.org/csto-kg/resource/event_CSTO_2021-09-15\r\n"
                           "https://w3id.org/csto-kg/resource/"
                           "event_CSTO_Collective_Security_Council_2021-09-16\r\n");
  free(csv);
  csv = select_csv(store, PREFIXES "SELECT (COUNT(*) AS ?n) WHERE { res:Sergey_Lavrov a ?t }");
  assert_string_equal(csv, "n\r\n1\r\n");
  free(csv);
  csto_store_close(store);
  free(path);
}

/* The update for a copy: the article graph replaced, the merged graph's changes only. */
static void test_journal(void **state) {
  (void)state;
  char *path = new_path(".sqlite");
  csto_store *store = open_store(path, CSTO_STORE_WRITE);
  csto_store_set_journal(store, 1);
  load_ok(store, fixture_a);
  csto_error err = {CSTO_OK, ""};
  char *update = NULL;
  assert_int_equal(csto_store_take_update(store, &update, &err), CSTO_OK);
  assert_non_null(update);
  assert_non_null(strstr(update, "DROP SILENT GRAPH <" ARTICLE_A "> ;\n"
                                 "INSERT DATA { GRAPH <" ARTICLE_A "> {\n"));
  assert_non_null(strstr(update, "INSERT DATA { GRAPH " MERGED " {\n"));
  assert_non_null(strstr(update, "<https://w3id.org/csto-kg/resource/Sergey_Lavrov> "
                                 "<http://www.w3.org/2000/01/rdf-schema#label> "
                                 "\"Sergey Lavrov\"@en .\n"));
  assert_null(strstr(update, "DELETE DATA"));
  assert_string_equal(update + strlen(update) - 4, "} }\n"); /* no ';' after the last */
  free(update);
  /* the same article again: its graph is replaced, the merged graph does not change */
  load_ok(store, fixture_a);
  assert_int_equal(csto_store_take_update(store, &update, &err), CSTO_OK);
  assert_null(strstr(update, MERGED));
  free(update);
  /* deleting it takes its triples out of the merged graph */
  delete_ok(store, ARTICLE_A);
  assert_int_equal(csto_store_take_update(store, &update, &err), CSTO_OK);
  assert_non_null(strstr(update, "DELETE DATA { GRAPH " MERGED " {\n"));
  assert_null(strstr(update, "INSERT DATA"));
  free(update);
  assert_int_equal(csto_store_take_update(store, &update, &err), CSTO_OK);
  assert_null(update);
  csto_store_close(store);
  free(path);
}

static void test_query_error(void **state) {
  (void)state;
  char *path = new_path(".sqlite");
  csto_store *store = open_store(path, CSTO_STORE_WRITE);
  FILE *out = fopen("/dev/null", "w");
  csto_error err = {CSTO_OK, ""};
  assert_int_equal(csto_store_query(store, "SELECT WHERE {", NULL, out, NULL, &err),
                   CSTO_ERR_QUERY);
  fclose(out);
  csto_store_close(store);
  free(path);
}

/* ---- one meeting, one node: owl:sameAs links (store_link.c) -------------------------- */

#define RES "https://w3id.org/csto-kg/resource/"
#define COUNCIL "res:SCO_Council_of_Heads_of_State , res:SCO"
#define DATED(day) "event_SCO_Council_of_Heads_of_State_" day

/* An article graph (local name k, published on day) describing one event: res:<event>
 * (an article-local one when event is NULL: event_<k>_1), organized by organizers, held in
 * place (NULL: unknown), on date (NULL: undated). */
static char *meeting_article(const char *k, const char *day, const char *event,
                             const char *organizers, const char *place, const char *date) {
  char text[2048], local[64], where[128] = "", when[128] = "";
  snprintf(local, sizeof local, "event_%s_1", k);
  if (place)
    snprintf(where, sizeof where, " ; csto:heldIn res:%s", place);
  if (date)
    snprintf(when, sizeof when, " ; csto:date \"%s\"^^xsd:date", date);
  snprintf(text, sizeof text,
           "@prefix csto: <https://w3id.org/csto-kg/ontology#> .\n"
           "@prefix res: <" RES "> .\n"
           "@prefix schema: <http://schema.org/> .\n"
           "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n"
           "res:article_%s a csto:Article ; schema:datePublished \"%s\"^^xsd:date .\n"
           "res:%s a csto:Event ; csto:organizer %s%s%s .\n",
           k, day, event ? event : local, organizers, where, when);
  return write_file(".ttl", text);
}

static int linked(csto_store *store, const char *local, const char *meeting) {
  char q[512];
  snprintf(q, sizeof q, "ASK { GRAPH " MERGED " { <" RES "%s> "
           "<http://www.w3.org/2002/07/owl#sameAs> <" RES "%s> } }", local, meeting);
  return ask(store, q);
}

/* The owl:sameAs triples in the store (CSV rows after the header). */
static long links_in(csto_store *store) {
  char *csv = select_csv(store, "SELECT ?a ?b WHERE { ?a "
                                "<http://www.w3.org/2002/07/owl#sameAs> ?b }");
  long lines = 0;
  for (const char *p = csv; (p = strstr(p, "\r\n")); p += 2)
    lines++;
  free(csv);
  return lines - 1;
}

static csto_store_counts load_counted(csto_store *store, const char *path) {
  loaded_log log = {0, "", {0, 0, 0, 0, 0}};
  csto_error err = {CSTO_OK, ""};
  if (csto_store_load_file(store, path, on_loaded, &log, &err) != CSTO_OK)
    fail_msg("load %s: %s", path, err.message);
  return log.counts;
}

/* A preview that does not date the meeting is the report's dated meeting, whichever
 * comes first; reloading either changes nothing. */
static void test_link_one_match(void **state) {
  (void)state;
  char *report = meeting_article("r1", "2019-06-15", DATED("2019-06-14"), COUNCIL, "Bishkek",
                                 "2019-06-14");
  char *preview = meeting_article("p1", "2019-06-12", NULL, COUNCIL, "Bishkek", NULL);
  for (int order = 0; order < 2; order++) {
    char *path = new_path(".sqlite");
    csto_store *store = open_store(path, CSTO_STORE_WRITE);
    load_ok(store, order ? report : preview);
    assert_int_equal(links_in(store), 0);
    csto_store_counts c = load_counted(store, order ? preview : report);
    assert_true(linked(store, "event_p1_1", DATED("2019-06-14")));
    assert_int_equal(links_in(store), 1);
    assert_int_equal(c.ambiguous, 0);
    long size = size_of(store);
    for (int again = 0; again < 2; again++) {
      c = load_counted(store, again ? report : preview);
      assert_int_equal(c.added, 0);
      assert_int_equal(c.removed, 0);
      assert_int_equal(size_of(store), size);
    }
    csto_store_close(store);
    free(path);
  }
  free(report);
  free(preview);
}

/* The window: published from 3 days before the meeting to 7 days after it. */
static void test_link_window(void **state) {
  (void)state;
  static const struct {
    const char *published;
    int linked;
  } cases[] = {{"2019-06-10", 0}, {"2019-06-11", 1}, {"2019-06-14", 1},
               {"2019-06-21", 1}, {"2019-06-22", 0}, {"2018-06-14", 0}};
  char *report = meeting_article("r1", "2019-06-15", DATED("2019-06-14"), COUNCIL, NULL,
                                 "2019-06-14");
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    char *path = new_path(".sqlite");
    char *other = meeting_article("p1", cases[i].published, NULL, COUNCIL, NULL, NULL);
    csto_store *store = open_store(path, CSTO_STORE_WRITE);
    load_ok(store, report);
    load_ok(store, other);
    if (linked(store, "event_p1_1", DATED("2019-06-14")) != cases[i].linked)
      fail_msg("published %s: expected %slinked", cases[i].published,
               cases[i].linked ? "" : "not ");
    csto_store_close(store);
    free(other);
    free(path);
  }
  free(report);
}

/* Other organizers (another body, or only the organization) or another place: no link;
 * a city in the meeting's country, as the knowledge base says, is compatible. */
static void test_link_body_and_place(void **state) {
  (void)state;
  static const struct {
    const char *organizers, *place;
    int linked;
  } cases[] = {{"res:SCO_Council_of_Foreign_Ministers , res:SCO", "Bishkek", 0},
               {"res:SCO", "Bishkek", 0},
               {COUNCIL ", res:CSTO", "Bishkek", 0},
               {COUNCIL, "Minsk", 0},
               {COUNCIL, "Kyrgyzstan", 1},
               {COUNCIL, NULL, 1}};
  char *report = meeting_article("r1", "2019-06-15", DATED("2019-06-14"), COUNCIL, "Bishkek",
                                 "2019-06-14");
  char *countries = write_file(".ttl", "<" RES "Bishkek> "
                                       "<https://w3id.org/csto-kg/ontology#country> "
                                       "<" RES "Kyrgyzstan> .\n");
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    char *path = new_path(".sqlite");
    char *other = meeting_article("p1", "2019-06-13", NULL, cases[i].organizers,
                                  cases[i].place, NULL);
    csto_store *store = open_store(path, CSTO_STORE_WRITE);
    load_ok(store, countries);
    load_ok(store, report);
    load_ok(store, other);
    if (linked(store, "event_p1_1", DATED("2019-06-14")) != cases[i].linked)
      fail_msg("case %zu: expected %slinked", i, cases[i].linked ? "" : "not ");
    assert_int_equal(links_in(store), cases[i].linked);
    csto_store_close(store);
    free(other);
    free(path);
  }
  free(countries);
  free(report);
}

/* Two meetings of the council in the window: the undated one is neither, until one goes. */
static void test_link_ambiguous(void **state) {
  (void)state;
  char *path = new_path(".sqlite");
  char *one = meeting_article("r1", "2019-06-15", DATED("2019-06-14"), COUNCIL, NULL,
                              "2019-06-14");
  char *two = meeting_article("r2", "2019-06-17", DATED("2019-06-16"), COUNCIL, NULL,
                              "2019-06-16");
  char *preview = meeting_article("p1", "2019-06-15", NULL, COUNCIL, NULL, NULL);
  csto_store *store = open_store(path, CSTO_STORE_WRITE);
  load_ok(store, one);
  assert_int_equal(load_counted(store, preview).ambiguous, 0);
  assert_true(linked(store, "event_p1_1", DATED("2019-06-14")));
  csto_store_counts c = load_counted(store, two);
  assert_int_equal(c.ambiguous, 1);
  assert_int_equal(c.removed, 1); /* the link */
  assert_int_equal(links_in(store), 0);
  assert_int_equal(load_counted(store, preview).ambiguous, 1);
  delete_ok(store, RES "article_r1");
  assert_true(linked(store, "event_p1_1", DATED("2019-06-16")));
  assert_int_equal(links_in(store), 1);
  csto_store_close(store);
  free(one);
  free(two);
  free(preview);
  free(path);
}

/* Deleting either article takes the link away; the copy hears of it. An article's own
 * dated meeting is never its undated one. */
static void test_link_delete(void **state) {
  (void)state;
  char *path = new_path(".sqlite");
  char *report = meeting_article("r1", "2019-06-15", DATED("2019-06-14"), COUNCIL, NULL,
                                 "2019-06-14");
  char *preview = meeting_article("p1", "2019-06-13", NULL, COUNCIL, NULL, NULL);
  csto_store *store = open_store(path, CSTO_STORE_WRITE);
  csto_store_set_journal(store, 1);
  load_ok(store, report);
  long report_only = size_of(store);
  load_ok(store, preview);
  csto_error err = {CSTO_OK, ""};
  char *update = NULL;
  assert_int_equal(csto_store_take_update(store, &update, &err), CSTO_OK);
  assert_non_null(strstr(update, "<" RES "event_p1_1> <http://www.w3.org/2002/07/owl#sameAs> "
                                 "<" RES DATED("2019-06-14") "> .\n"));
  free(update);
  delete_ok(store, RES "article_r1");
  assert_int_equal(links_in(store), 0);
  assert_int_equal(csto_store_take_update(store, &update, &err), CSTO_OK);
  assert_non_null(strstr(update, "DELETE DATA { GRAPH " MERGED " {\n"));
  assert_non_null(strstr(update, "<" RES "event_p1_1> <http://www.w3.org/2002/07/owl#sameAs>"));
  free(update);
  load_ok(store, report);
  assert_int_equal(links_in(store), 1);
  delete_ok(store, RES "article_p1");
  assert_int_equal(links_in(store), 0);
  assert_int_equal(size_of(store), report_only);
  /* the report's own undated mention of the council is another meeting */
  char *both = write_file(".ttl",
                          "@prefix csto: <https://w3id.org/csto-kg/ontology#> .\n"
                          "@prefix res: <" RES "> .\n"
                          "@prefix schema: <http://schema.org/> .\n"
                          "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n"
                          "res:article_r1 a csto:Article ; schema:datePublished "
                          "\"2019-06-15\"^^xsd:date .\n"
                          "res:" DATED("2019-06-14") " csto:organizer " COUNCIL " ; "
                          "csto:date \"2019-06-14\"^^xsd:date .\n"
                          "res:event_r1_2 csto:organizer " COUNCIL " .\n");
  load_ok(store, both);
  assert_int_equal(links_in(store), 0);
  assert_int_equal(csto_store_begin(store, &err), CSTO_OK);
  assert_int_equal(csto_store_delete_graph(store, CSTO_GRAPH_LINKS, NULL, &err), CSTO_ERR_USAGE);
  csto_store_rollback(store);
  csto_store_close(store);
  free(both);
  free(report);
  free(preview);
  free(path);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_close_null),
      cmocka_unit_test(test_create_and_reopen),
      cmocka_unit_test(test_empty_file_is_created),
      cmocka_unit_test(test_read_missing_store),
      cmocka_unit_test(test_not_a_store),
      cmocka_unit_test(test_load_in_layout),
      cmocka_unit_test(test_reload_replaces),
      cmocka_unit_test(test_new_version_replaces),
      cmocka_unit_test(test_delete_keeps_what_others_state),
      cmocka_unit_test(test_delete_undoes_load),
      cmocka_unit_test(test_bad_file_leaves_store),
      cmocka_unit_test(test_rollback),
      cmocka_unit_test(test_merged_graph_refused),
      cmocka_unit_test(test_default_graph_has_each_triple_once),
      cmocka_unit_test(test_journal),
      cmocka_unit_test(test_query_error),
      cmocka_unit_test(test_link_one_match),
      cmocka_unit_test(test_link_window),
      cmocka_unit_test(test_link_body_and_place),
      cmocka_unit_test(test_link_ambiguous),
      cmocka_unit_test(test_link_delete),
  };
  return cmocka_run_group_tests(tests, setup_all, teardown_all);
}
