/* Unit tests for serve.c's keep-in-step call and endpoint.c without a server. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "support.h"
#include "csto/endpoint.h"
#include "csto/serve.h"

#define INSERT "INSERT DATA { <urn:a> <urn:b> 1 }"

static csto_world *world; /* the one world of the tests */

static int setup_all(void **state) {
  (void)state;
  return test_tmpdir_make() || csto_world_new(&world, NULL) != CSTO_OK ? -1 : 0;
}

static int teardown_all(void **state) {
  (void)state;
  csto_world_free(world);
  return test_tmpdir_remove();
}

static void write_state(const char *store, long pid, const char *update) {
  char path[600];
  snprintf(path, sizeof path, "%s.serve", store);
  FILE *f = fopen(path, "w");
  assert_non_null(f);
  fprintf(f, "query=http://127.0.0.1:9/sparql\nupdate=%s\npid=%ld\n", update, pid);
  fclose(f);
}

/* No serve for the store, or one whose process is gone: nothing to do. */
static void test_mirror_without_serve(void **state) {
  (void)state;
  char store[600];
  csto_error err = {CSTO_OK, ""};
  snprintf(store, sizeof store, "%s/none.sqlite", test_tmpdir);
  assert_int_equal(csto_serve_mirror(world, store, INSERT, &err), CSTO_OK);
  snprintf(store, sizeof store, "%s/stale.sqlite", test_tmpdir);
  write_state(store, 999999999L, "http://127.0.0.1:9/sparql-auth");
  assert_int_equal(csto_serve_mirror(world, store, INSERT, &err), CSTO_OK);
}

/* A live serve whose endpoint does not answer: the update fails, naming the endpoint. */
static void test_mirror_reports_failure(void **state) {
  (void)state;
  char store[600];
  csto_error err = {CSTO_OK, ""};
  snprintf(store, sizeof store, "%s/live.sqlite", test_tmpdir);
  write_state(store, (long)getpid(), "http://127.0.0.1:9/sparql-auth");
  assert_int_equal(csto_serve_mirror(world, store, INSERT, &err), CSTO_ERR_HTTP);
  assert_non_null(strstr(err.message, "http://127.0.0.1:9/sparql-auth: "));
}

/* Endpoint URLs are checked by the shared client before any request. */
static void test_endpoint_urls_checked(void **state) {
  (void)state;
  const char *bad[] = {"ftp://h/sparql", "http://u:p@h/sparql", "http://h/sp arql", ""};
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
    csto_http_options opt = {bad[i], NULL, NULL, 0, 5, 5};
    csto_error err = {CSTO_OK, ""};
    assert_int_equal(csto_endpoint_update(world, &opt, "CLEAR ALL", &err), CSTO_ERR_USAGE);
  }
}

static void test_stop_null(void **state) {
  (void)state;
  assert_int_equal(csto_serve_stop(NULL, NULL), CSTO_OK);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_mirror_without_serve),
      cmocka_unit_test(test_mirror_reports_failure),
      cmocka_unit_test(test_endpoint_urls_checked),
      cmocka_unit_test(test_stop_null),
  };
  return cmocka_run_group_tests(tests, setup_all, teardown_all);
}
