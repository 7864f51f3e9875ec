/* Unit tests for store_rows.c: rows read out of sqlite and the answers kept for a query. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "store_rows.h"

/* A row as the store's lookups select it: 7 ids (NULL among them), 9 texts. */
static csto_row *read_one(sqlite3 *db, const char *select) {
  sqlite3_stmt *q = NULL;
  assert_int_equal(sqlite3_prepare_v2(db, select, -1, &q, NULL), SQLITE_OK);
  assert_int_equal(sqlite3_step(q), SQLITE_ROW);
  csto_row *row = csto_row_read(q);
  sqlite3_finalize(q);
  assert_non_null(row);
  return row;
}

static void test_row_read(void **state) {
  (void)state;
  sqlite3 *db = NULL;
  assert_int_equal(sqlite3_open(":memory:", &db), SQLITE_OK);
  csto_row *row = read_one(db, "SELECT 1, NULL, 3, NULL, NULL, 6, 7, 'http://e/s', NULL, "
                               "'http://e/p', NULL, NULL, 'caf\xc3\xa9', 'fr', NULL, ''");
  sqlite3_close(db);
  assert_int_equal(row->id[0], 1);
  assert_int_equal(row->id[1], 0); /* NULL */
  assert_int_equal(row->id[6], 7);
  assert_string_equal((const char *)row->text[0], "http://e/s");
  assert_null(row->text[1]);
  assert_string_equal((const char *)row->text[5], "caf\xc3\xa9");
  assert_int_equal(row->len[5], 5); /* bytes */
  assert_string_equal((const char *)row->text[6], "fr");
  assert_string_equal((const char *)row->text[8], ""); /* empty, not NULL */
  free(row);
}

static csto_rows some_rows(sqlite3 *db, int n) {
  csto_rows rows = {NULL, 0, 0};
  for (int i = 0; i < n; i++)
    assert_int_equal(csto_rows_add(&rows, read_one(db, "SELECT 1,2,3,4,5,6,7,'a','b','c','d',"
                                                       "'e','f','g','h','i'")),
                     0);
  return rows;
}

/* A kept answer is found by its exact key, survives the table's growth, and goes at clear. */
static void test_cache(void **state) {
  (void)state;
  sqlite3 *db = NULL;
  assert_int_equal(sqlite3_open(":memory:", &db), SQLITE_OK);
  csto_row_cache *cache = csto_row_cache_new();
  assert_non_null(cache);
  csto_row_key key = {{0, 1, 0, 0}, {0, 42, 0, 0}}, other = {{0, 1, 0, 0}, {0, 43, 0, 0}};
  assert_null(csto_row_cache_get(cache, &key));
  csto_rows rows = some_rows(db, 3);
  const csto_rows *kept = csto_row_cache_put(cache, &key, &rows);
  assert_non_null(kept);
  assert_int_equal(kept->n, 3);
  assert_int_equal(rows.n, 0); /* taken */
  assert_ptr_equal(csto_row_cache_get(cache, &key), kept);
  assert_null(csto_row_cache_get(cache, &other));
  /* many more keys: the table grows, the first answer stays where it was */
  for (int i = 0; i < 500; i++) {
    csto_row_key k = {{2, 1, 2, 0}, {i + 1, 7, 9, 0}};
    csto_rows r = some_rows(db, 1);
    assert_non_null(csto_row_cache_put(cache, &k, &r));
  }
  assert_ptr_equal(csto_row_cache_get(cache, &key), kept);
  assert_int_equal(kept->rows[2]->id[6], 7);
  /* a second answer for a kept key is refused and stays the caller's */
  csto_rows again = some_rows(db, 2);
  assert_null(csto_row_cache_put(cache, &key, &again));
  assert_int_equal(again.n, 2);
  csto_rows_clear(&again);
  csto_row_cache_clear(cache);
  assert_null(csto_row_cache_get(cache, &key));
  csto_row_cache_free(cache);
  csto_row_cache_free(NULL);
  sqlite3_close(db);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_row_read),
      cmocka_unit_test(test_cache),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
