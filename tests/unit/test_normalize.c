#include "support.h"

#include "csto/normalize.h"

#include <utf8proc.h>

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

/* The ASCII fast path must give what utf8proc gives: every printable ASCII character,
 * alone and in a word. */
static void ascii_normalizes_as_utf8proc_does(void **state) {
  (void)state;
  for (int c = 1; c < 0x80; c++) {
    char word[4] = {'A', (char)c, 'z', '\0'};
    utf8proc_uint8_t *want = NULL;
    assert_true(utf8proc_map((const utf8proc_uint8_t *)word, 3, &want,
                             UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_COMPOSE |
                                 UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK) == 3);
    char *got = csto_normalize(word, 3);
    assert_memory_equal(got, want, 4);
    free(got);
    free(want);
  }
}

/* Into a caller's buffer: the whole form when it fits, else only its length, so that the
 * caller can grow the buffer and ask again ("\xEF\xAC\x81", the ligature fi, grows). */
static void normalizes_into_a_buffer(void **state) {
  (void)state;
  char buf[8];
  memset(buf, 'x', sizeof buf);
  assert_int_equal(csto_normalize_to("ABc", 3, buf, sizeof buf), 3);
  assert_string_equal(buf, "abc");
  assert_int_equal(csto_normalize_to("\xEF\xAC\x81X", 4, buf, sizeof buf), 3);
  assert_string_equal(buf, "fix");
  memset(buf, 'x', sizeof buf);
  assert_int_equal(csto_normalize_to("\xEF\xAC\x81X", 4, buf, 3), 3);
  assert_int_equal(csto_normalize_to("ABc", 3, buf, 3), 3);
  assert_memory_equal(buf, "xxxxxxxx", 8);
  assert_int_equal(csto_normalize_to("a\xff", 2, buf, sizeof buf), (size_t)-1);
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

/* tests/fixtures/slugs.tsv (name TAB slug), which scripts/kb/build_kb.py's slug() is
 * checked against too: the knowledge base and the extractor mint one IRI per name. */
static void slugs_follow_the_shared_vectors(void **state) {
  (void)state;
  char path[4096], line[1024];
  if (test_fixture(path, sizeof path, "slugs.tsv") != 0)
    fail_msg("CSTO_TEST_DIR is not set: run through ctest");
  FILE *f = fopen(path, "r");
  assert_non_null(f);
  int n = 0;
  assert_non_null(fgets(line, sizeof line, f)); /* header */
  while (fgets(line, sizeof line, f)) {
    line[strcspn(line, "\n")] = '\0';
    char *tab = strchr(line, '\t');
    assert_non_null(tab);
    *tab = '\0';
    char *slug = csto_slug(line, strlen(line));
    assert_non_null(slug);
    if (strcmp(slug, tab + 1) != 0)
      fail_msg("csto_slug(\"%s\") = \"%s\", slugs.tsv says \"%s\"", line, slug, tab + 1);
    free(slug);
    n++;
  }
  fclose(f);
  assert_true(n >= 10);
}

static void counts_code_points(void **state) {
  (void)state;
  assert_int_equal(csto_utf8_codepoints("Tajikistan\xE2\x80\x99s", 14), 12);
  assert_int_equal(csto_utf8_codepoints("", 0), 0);
}

/* One code point for one: what RDF writers cannot carry becomes U+FFFD, a lone CR a LF. */
static void text_for_rdf_keeps_code_points(void **state) {
  (void)state;
  const char in[] = "a\xEF\xBF\xBE" "b\rc\r\nd\x01" "e\xEF\xB7\x90" "f\tg\xF0\x9F\xBF\xBF";
  char *out = csto_text_for_rdf(in, sizeof in - 1);
  assert_non_null(out);
  assert_string_equal(out, "a\xEF\xBF\xBD" "b\nc\r\nd\xEF\xBF\xBD" "e\xEF\xBF\xBD" "f\tg\xEF\xBF\xBD");
  assert_int_equal(csto_utf8_codepoints(out, strlen(out)), csto_utf8_codepoints(in, sizeof in - 1));
  free(out);
}

/* Ready means csto_text_for_rdf would change nothing. */
static void text_rdf_ready_when_nothing_changes(void **state) {
  (void)state;
  const char *ready[] = {"", "plain ASCII\tand\nlines", "Tajikistan\xE2\x80\x99s \xF0\x9F\x98\x80"};
  const char *not_ready[] = {"a\rb", "a\r\nb", "a\x01", "a\xEF\xBF\xBE", "a\xEF\xB7\x90", "a\xFF"};
  for (size_t i = 0; i < sizeof ready / sizeof *ready; i++) {
    char *out = csto_text_for_rdf(ready[i], strlen(ready[i]));
    assert_true(csto_text_rdf_ready(ready[i], strlen(ready[i])));
    assert_string_equal(out, ready[i]);
    free(out);
  }
  for (size_t i = 0; i < sizeof not_ready / sizeof *not_ready; i++)
    assert_false(csto_text_rdf_ready(not_ready[i], strlen(not_ready[i])));
}

/* The scans read eight bytes at a time: a byte to refuse, or a character of two or three
 * bytes, is found at every position of a longer text, the neighbours of a control
 * included (a space and "!" sit right at the bound the borrow of the test crosses). */
static void word_scans_see_every_position(void **state) {
  (void)state;
  const char *bad[] = {"\x01", "\x1F", "\r", "\xEF\xBF\xBE", "\xFF"};
  const char *wide[] = {"\xC3\xBC", "\xE2\x80\x99"};
  char text[32];
  for (size_t at = 0; at < 24; at++) {
    for (size_t k = 0; k < sizeof bad / sizeof *bad; k++) {
      memset(text, ' ', sizeof text);
      memcpy(text + at, bad[k], strlen(bad[k]));
      text[at + strlen(bad[k])] = '!';
      assert_false(csto_text_rdf_ready(text, sizeof text));
    }
    for (size_t k = 0; k < sizeof wide / sizeof *wide; k++) {
      memset(text, '~', sizeof text);
      memcpy(text + at, wide[k], strlen(wide[k]));
      assert_true(csto_text_rdf_ready(text, sizeof text));
      assert_int_equal(csto_utf8_codepoints(text, sizeof text), sizeof text - strlen(wide[k]) + 1);
    }
  }
}

static void iri_schemes(void **state) {
  (void)state;
  assert_true(csto_iri_has_scheme("https://e.org/", 14));
  assert_true(csto_iri_has_scheme("urn:x", 5));
  assert_true(csto_iri_has_scheme("svn+ssh://h/", 12));
  assert_false(csto_iri_has_scheme("", 0));
  assert_false(csto_iri_has_scheme("x y", 3));
  assert_false(csto_iri_has_scheme("e.org/a:b", 9));
  assert_false(csto_iri_has_scheme("1http://e.org/", 14));
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(folds_case_marks_and_typography),
      cmocka_unit_test(ascii_normalizes_as_utf8proc_does),
      cmocka_unit_test(rejects_invalid_utf8),
      cmocka_unit_test(slugs_are_ascii_iri_safe),
      cmocka_unit_test(slugs_follow_the_shared_vectors),
      cmocka_unit_test(counts_code_points),
      cmocka_unit_test(normalizes_into_a_buffer),
      cmocka_unit_test(text_for_rdf_keeps_code_points),
      cmocka_unit_test(text_rdf_ready_when_nothing_changes),
      cmocka_unit_test(word_scans_see_every_position),
      cmocka_unit_test(iri_schemes),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
