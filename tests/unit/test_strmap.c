#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "strmap.h"

/* A key's values come in the order they were added, each once; a key never added has none. */
static void values_keep_their_order_once_each(void **state) {
  (void)state;
  csto_strmap *m = csto_strmap_new();
  assert_non_null(m);
  const int added[] = {7, 3, 7, 9, 3, 1, 2, 5, 4}; /* past the one kept in the entry, and 2, 4 */
  for (size_t i = 0; i < sizeof added / sizeof *added; i++)
    assert_int_equal(csto_strmap_add(m, "the summit", added[i]), 0);
  const int *v;
  assert_int_equal(csto_strmap_get(m, "the summit", &v), 7);
  const int want[] = {7, 3, 9, 1, 2, 5, 4};
  assert_memory_equal(v, want, sizeof want);
  assert_int_equal(csto_strmap_add(m, "one", 42), 0);
  assert_int_equal(csto_strmap_get(m, "one", &v), 1);
  assert_int_equal(v[0], 42);
  assert_int_equal(csto_strmap_get(m, "the", &v), 0);
  assert_int_equal(csto_strmap_get(m, "", &v), 0);
  csto_strmap_free(m);
}

/* A key given by length is the same key as the whole string of those bytes: the prefixes of a
 * phrase are marked this way, and the recognizer looks up the phrase it grows by length. */
static void a_key_by_length_is_its_bytes(void **state) {
  (void)state;
  csto_strmap *m = csto_strmap_new();
  const char *phrase = "collective security council";
  assert_int_equal(csto_strmap_mark_n(m, phrase, strlen("collective")), 0);
  assert_int_equal(csto_strmap_mark_n(m, phrase, strlen("collective security")), 0);
  assert_int_equal(csto_strmap_add(m, "collective", 1), 0);
  const int *v;
  int marked;
  assert_int_equal(csto_strmap_get(m, "collective", &v), 1);
  assert_int_equal(csto_strmap_get_n(m, phrase, strlen("collective"), &v, &marked), 1);
  assert_true(marked);
  assert_int_equal(csto_strmap_get_n(m, phrase, strlen("collective security"), &v, &marked), 0);
  assert_true(marked);
  assert_int_equal(csto_strmap_get(m, "collective security council", &v), 0);
  assert_int_equal(csto_strmap_get_n(m, phrase, strlen(phrase), &v, &marked), 0);
  assert_false(marked);
  assert_int_equal(csto_strmap_get(m, "collectiv", &v), 0);
  csto_strmap_free(m);
}

/* A mark is the key's, beside its values: a marked key new to the map has none, and marking
 * a key with values keeps them. */
static void marks_are_kept_beside_values(void **state) {
  (void)state;
  csto_strmap *m = csto_strmap_new();
  assert_non_null(m);
  assert_int_equal(csto_strmap_add(m, "the", 1), 0);
  assert_int_equal(csto_strmap_mark_n(m, "the summit of", 10), 0); /* "the summit" */
  assert_int_equal(csto_strmap_mark_n(m, "the", 3), 0);
  const int *v;
  int marked = -1;
  assert_int_equal(csto_strmap_get_n(m, "the summit", 10, &v, &marked), 0);
  assert_true(marked);
  assert_int_equal(csto_strmap_get_n(m, "the", 3, &v, &marked), 1);
  assert_true(marked);
  assert_int_equal(v[0], 1);
  assert_int_equal(csto_strmap_add(m, "summit", 2), 0);
  assert_int_equal(csto_strmap_get_n(m, "summit talks", 6, &v, &marked), 1);
  assert_false(marked);
  assert_int_equal(csto_strmap_get_n(m, "talks", 5, &v, &marked), 0);
  assert_false(marked);
  assert_int_equal(csto_strmap_get(m, "the summit", &v), 0);
  csto_strmap_free(m);
}

/* Many keys (the index grows, the keys fill several blocks, one key longer than a block):
 * each keeps its own values. */
static void many_keys_each_keep_theirs(void **state) {
  (void)state;
  csto_strmap *m = csto_strmap_new();
  char key[32], long_key[70000];
  memset(long_key, 'x', sizeof long_key - 1);
  long_key[sizeof long_key - 1] = '\0';
  assert_int_equal(csto_strmap_add(m, long_key, -1), 0);
  enum { N = 20000 };
  for (int i = 0; i < N; i++) {
    snprintf(key, sizeof key, "http://example.org/%d", i);
    assert_int_equal(csto_strmap_add(m, key, i), 0);
    if (i % 3 == 0)
      assert_int_equal(csto_strmap_add(m, key, -i - 1), 0);
  }
  const int *v;
  for (int i = 0; i < N; i++) {
    snprintf(key, sizeof key, "http://example.org/%d", i);
    assert_int_equal(csto_strmap_get(m, key, &v), i % 3 == 0 ? 2 : 1);
    assert_int_equal(v[0], i);
  }
  assert_int_equal(csto_strmap_get(m, long_key, &v), 1);
  assert_int_equal(v[0], -1);
  csto_strmap_free(m);
  csto_strmap_free(NULL);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(values_keep_their_order_once_each),
      cmocka_unit_test(a_key_by_length_is_its_bytes),
      cmocka_unit_test(marks_are_kept_beside_values),
      cmocka_unit_test(many_keys_each_keep_theirs),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
