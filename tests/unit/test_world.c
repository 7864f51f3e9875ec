/* Unit tests for world.c and model_source.c: one world holds datasets over files and stores
 * together, each query answered from its own dataset, in any order of opening; a kbfile's
 * world of its own does not stop a store from opening. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support.h"
#include "csto/kbfile.h"
#include "csto/push.h"
#include "csto/store.h"
#include "csto/world.h"

#define CHAIRS                                                                             \
  "PREFIX csto: <https://w3id.org/csto-kg/ontology#> SELECT ?p WHERE { ?p csto:chairs ?e }"
#define CHAIR_A "p\nhttps://w3id.org/csto-kg/resource/Sirojiddin_Muhriddin\n"
#define CHAIR_B "p\nhttps://w3id.org/csto-kg/resource/Emomali_Rahmon\n"

static char fixture_a[4096], fixture_b[4096], store_path[600];
static int serial;

static int setup_all(void **state) {
  (void)state;
  if (test_fixture(fixture_a, sizeof fixture_a, "store-a.ttl") != 0 ||
      test_fixture(fixture_b, sizeof fixture_b, "store-b.ttl") != 0 || test_tmpdir_make() != 0)
    return -1;
  return 0;
}

static int teardown_all(void **state) {
  (void)state;
  return test_tmpdir_remove();
}

static csto_world *new_world(void) {
  csto_world *w = NULL;
  csto_error err = {CSTO_OK, ""};
  assert_int_equal(csto_world_new(&w, &err), CSTO_OK);
  return w;
}

/* A dataset over store-a.ttl. */
static csto_dataset *files_a(csto_world *w) {
  csto_dataset *ds = NULL;
  csto_error err = {CSTO_OK, ""};
  assert_int_equal(csto_query_dataset_new(w, &ds, &err), CSTO_OK);
  assert_int_equal(csto_query_dataset_add_file(ds, fixture_a, NULL, &err), CSTO_OK);
  return ds;
}

/* A new store holding store-b.ttl. */
static csto_store *store_b(csto_world *w) {
  csto_store *store = NULL;
  csto_error err = {CSTO_OK, ""};
  snprintf(store_path, sizeof store_path, "%s/%d.sqlite", test_tmpdir, ++serial);
  if (csto_store_open(w, store_path, CSTO_STORE_WRITE, &store, &err) != CSTO_OK ||
      csto_store_load_file(store, fixture_b, NULL, NULL, &err) != CSTO_OK)
    fail_msg("store: %s", err.message);
  return store;
}

/* The query's CSV answer over ds (caller frees). */
static char *answer(csto_dataset *ds, const char *sparql) {
  char *buf = NULL;
  size_t len = 0;
  FILE *out = open_memstream(&buf, &len);
  assert_non_null(out);
  csto_query_options opt = {"csv", NULL};
  csto_error err = {CSTO_OK, ""};
  csto_status st = csto_query_run(ds, sparql, &opt, out, NULL, &err);
  fclose(out);
  if (st != CSTO_OK)
    fail_msg("query: %s", err.message);
  for (char *p = buf; (p = strchr(p, '\r'));) /* CSV lines end in CRLF */
    memmove(p, p + 1, strlen(p));
  return buf;
}

static void expect_answer(csto_dataset *ds, const char *sparql, const char *expected) {
  char *got = answer(ds, sparql);
  assert_string_equal(got, expected);
  free(got);
}

/* Each dataset answers from itself, whichever was opened or queried first. */
static void check_both(csto_dataset *files, csto_store *store) {
  expect_answer(files, CHAIRS, CHAIR_A);
  expect_answer(csto_store_dataset(store), CHAIRS, CHAIR_B);
  expect_answer(files, CHAIRS, CHAIR_A);
}

static void test_files_then_store(void **state) {
  (void)state;
  csto_world *w = new_world();
  csto_dataset *files = files_a(w);
  csto_store *store = store_b(w);
  check_both(files, store);
  csto_store_close(store);
  csto_query_dataset_free(files);
  csto_world_free(w);
}

static void test_store_then_files(void **state) {
  (void)state;
  csto_world *w = new_world();
  csto_store *store = store_b(w);
  csto_dataset *files = files_a(w);
  check_both(files, store);
  csto_query_dataset_free(files);
  csto_store_close(store);
  csto_world_free(w);
}

/* A kbfile (libcsto, a librdf world of its own) open first: the store still opens. */
static void test_kbfile_then_store(void **state) {
  (void)state;
  csto_kbfile *kbf = NULL;
  csto_error err = {CSTO_OK, ""};
  assert_int_equal(csto_kbfile_new(&kbf, &err), CSTO_OK);
  assert_int_equal(csto_kbfile_load(kbf, fixture_a, &err), CSTO_OK);
  csto_world *w = new_world();
  csto_store *store = store_b(w);
  expect_answer(csto_store_dataset(store), CHAIRS, CHAIR_B);
  assert_true(csto_kbfile_size(kbf) > 0);
  csto_store_close(store);
  csto_world_free(w);
  csto_kbfile_free(kbf);
}

/* Two worlds side by side, each with a store. */
static void test_two_worlds(void **state) {
  (void)state;
  csto_world *w1 = new_world(), *w2 = new_world();
  csto_store *s1 = store_b(w1);
  csto_dataset *files = files_a(w2);
  csto_store *s2 = store_b(w2);
  expect_answer(csto_store_dataset(s1), CHAIRS, CHAIR_B);
  check_both(files, s2);
  csto_store_close(s2);
  csto_query_dataset_free(files);
  csto_store_close(s1);
  csto_world_free(w2);
  csto_world_free(w1);
}

/* Patterns without variables, over files: present, absent, and a literal subject (which
 * librdf's own source took for present). */
static void test_exact_triples(void **state) {
  (void)state;
  static const char *const asks[][2] = {
      {"ASK { res:Sergey_Lavrov csto:attends res:event_CSTO_2021-09-15 }", "true"},
      {"ASK { res:Sergey_Lavrov csto:chairs res:event_CSTO_2021-09-15 }", "false"},
      {"ASK { 'Sergey Lavrov' csto:attends res:event_CSTO_2021-09-15 }", "false"}};
  csto_world *w = new_world();
  csto_dataset *files = files_a(w);
  for (size_t i = 0; i < sizeof asks / sizeof asks[0]; i++) {
    char sparql[512], expected[64];
    snprintf(sparql, sizeof sparql,
             "PREFIX csto: <https://w3id.org/csto-kg/ontology#> "
             "PREFIX res: <https://w3id.org/csto-kg/resource/> %s", asks[i][0]);
    snprintf(expected, sizeof expected, "%s\n", asks[i][1]);
    expect_answer(files, sparql, expected);
  }
  csto_query_dataset_free(files);
  csto_world_free(w);
}

/* GRAPH ?g over files names the graphs a store would (the merged one, the article's). */
static void test_named_graphs(void **state) {
  (void)state;
  static const char graphs[] = "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g";
  csto_world *w = new_world();
  csto_dataset *files = files_a(w);
  char *got = answer(files, graphs);
  assert_non_null(strstr(got, "https://w3id.org/csto-kg/graph/merged\n"));
  assert_non_null(strstr(got, "https://w3id.org/csto-kg/resource/article_00000000000000a1\n"));
  free(got);
  csto_query_dataset_free(files);
  csto_world_free(w);
}

/* A store's dataset answers SPARQL only: pushing it is refused before any request. */
static void test_push_store_dataset_refused(void **state) {
  (void)state;
  csto_world *w = new_world();
  csto_store *store = store_b(w);
  csto_push_options opt = {"http://127.0.0.1:9/data", NULL, NULL, 0, 1, 1};
  csto_push *push = NULL;
  csto_error err = {CSTO_OK, ""};
  assert_int_equal(csto_push_new(w, &opt, &push, &err), CSTO_OK);
  assert_int_equal(csto_push_dataset(push, csto_store_dataset(store), "urn:g", NULL, NULL, &err),
                   CSTO_ERR_USAGE);
  assert_non_null(strstr(err.message, "store"));
  csto_push_free(push);
  csto_store_close(store);
  csto_world_free(w);
}

static void test_free_null(void **state) {
  (void)state;
  csto_world_free(NULL);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_kbfile_then_store),
      cmocka_unit_test(test_files_then_store),
      cmocka_unit_test(test_store_then_files),
      cmocka_unit_test(test_two_worlds),
      cmocka_unit_test(test_exact_triples),
      cmocka_unit_test(test_named_graphs),
      cmocka_unit_test(test_push_store_dataset_refused),
      cmocka_unit_test(test_free_null),
  };
  return cmocka_run_group_tests(tests, setup_all, teardown_all);
}
