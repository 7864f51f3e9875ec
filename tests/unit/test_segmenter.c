#include "support.h"

#include "csto/segmenter.h"

static void tokenizes_possessives_hyphens_and_numbers(void **state) {
  (void)state;
  const char *text = "Tajikistan\xE2\x80\x99s Kassym-Jomart paid 1,500.5 on Oct. 8";
  csto_token *t;
  size_t n;
  assert_int_equal(csto_tokenize(text, strlen(text), &t, &n, NULL), CSTO_OK);
  const char *want[] = {"tajikistan", "'s", "kassym", "-", "jomart", "paid", "1,500.5", "on", "oct", ".", "8"};
  assert_int_equal(n, sizeof want / sizeof want[0]);
  for (size_t i = 0; i < n; i++)
    assert_string_equal(t[i].norm, want[i]);
  assert_true(t[2].flags & CSTO_TOKEN_CAPITALIZED);
  assert_int_equal(t[0].begin, 0);
  assert_int_equal(t[1].end, strlen("Tajikistan\xE2\x80\x99s"));
  csto_tokens_free(t, n);
}

static size_t sentences_of(const char *text, csto_sentence **s) {
  csto_token *t;
  size_t n, ns;
  assert_int_equal(csto_tokenize(text, strlen(text), &t, &n, NULL), CSTO_OK);
  assert_int_equal(csto_segment(kb, text, t, n, s, &ns, NULL), CSTO_OK);
  csto_tokens_free(t, n);
  return ns;
}

static void splits_sentences_but_not_abbreviations_or_initials(void **state) {
  (void)state;
  const char *text = "The summit is on Oct. 8 in Minsk. S. Jaishankar will attend. \"It matters,\" he said.";
  csto_sentence *s;
  assert_int_equal(sentences_of(text, &s), 3);
  assert_int_equal(s[0].begin, 0);
  assert_memory_equal(text + s[1].begin, "S. Jaishankar", 13);
  assert_int_equal(s[2].end, strlen(text));
  free(s);
}

static void line_breaks_end_sentences(void **state) {
  (void)state;
  const char *text = "MINSK, May 12 (BelTA) -\nLeaders met in Minsk\n\nThey signed";
  csto_sentence *s;
  assert_int_equal(sentences_of(text, &s), 3);
  free(s);
}

static void empty_text_has_no_tokens(void **state) {
  (void)state;
  csto_token *t;
  size_t n = 99;
  assert_int_equal(csto_tokenize("", 0, &t, &n, NULL), CSTO_OK);
  assert_int_equal(n, 0);
  csto_tokens_free(t, n);
  csto_tokens_free(NULL, 0);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(tokenizes_possessives_hyphens_and_numbers),
      cmocka_unit_test(splits_sentences_but_not_abbreviations_or_initials),
      cmocka_unit_test(line_breaks_end_sentences),
      cmocka_unit_test(empty_text_has_no_tokens),
  };
  return cmocka_run_group_tests(tests, fixture_kb_setup, kb_teardown);
}
