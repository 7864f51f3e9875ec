#include "support.h"

#include "csto/normalize.h"

static void folds_case_marks_and_typography(void **state) {
  (void)state;
  char *a = csto_normalize("Khürelsükh", strlen("Khürelsükh"));
  char *b = csto_normalize("Ministers\xE2\x80\x99", strlen("Ministers\xE2\x80\x99"));
  char *c = csto_normalize("CSTO\xE2\x80\x94SCO", strlen("CSTO\xE2\x80\x94SCO"));
  assert_string_equal(a, "khurelsukh");
  assert_string_equal(b, "ministers'");
  assert_string_equal(c, "csto-sco");
  free(a);
  free(b);
  free(c);
}

static void rejects_invalid_utf8(void **state) {
  (void)state;
  assert_null(csto_normalize("a\xff", 2));
}

static void slugs_are_ascii_iri_safe(void **state) {
  (void)state;
  char *a = csto_slug("Sadyr Japarov", 13);
  char *b = csto_slug("António  Guterres", strlen("António  Guterres"));
  char *c = csto_slug("a<b>\"c", 6);
  assert_string_equal(a, "Sadyr_Japarov");
  assert_string_equal(b, "Antonio_Guterres");
  assert_string_equal(c, "a_b_c");
  free(a);
  free(b);
  free(c);
}

static void counts_code_points(void **state) {
  (void)state;
  assert_int_equal(csto_utf8_codepoints("Tajikistan\xE2\x80\x99s", 14), 12);
  assert_int_equal(csto_utf8_codepoints("", 0), 0);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(folds_case_marks_and_typography),
      cmocka_unit_test(rejects_invalid_utf8),
      cmocka_unit_test(slugs_are_ascii_iri_safe),
      cmocka_unit_test(counts_code_points),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
