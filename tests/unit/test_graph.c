#include "support.h"

#include <raptor2.h>

#include "csto/graph.h"

static char *write_graph(const csto_doc *doc, const char *format, size_t *len) {
  csto_graph *g = NULL;
  assert_int_equal(csto_graph_new(NULL, &g, NULL), CSTO_OK);
  assert_int_equal(csto_graph_add_doc(g, doc, NULL), CSTO_OK);
  char *buf = NULL;
  FILE *f = open_memstream(&buf, len);
  assert_int_equal(csto_graph_write(g, format, f, NULL), CSTO_OK);
  fclose(f);
  csto_graph_free(g);
  return buf;
}

static int triples;
static void count(void *user, raptor_statement *st) {
  (void)user;
  (void)st;
  triples++;
}

/* Parse with raptor: the count of triples, or -1 on a syntax error. */
static int parse(const char *syntax, const char *text, size_t len) {
  raptor_world *w = raptor_new_world();
  raptor_parser *p = raptor_new_parser(w, syntax);
  raptor_uri *base = raptor_new_uri(w, (const unsigned char *)"http://example.org/");
  triples = 0;
  raptor_parser_set_statement_handler(p, NULL, count);
  int rc = raptor_parser_parse_start(p, base) ||
           raptor_parser_parse_chunk(p, (const unsigned char *)text, len, 1);
  raptor_free_uri(base);
  raptor_free_parser(p);
  raptor_free_world(w);
  return rc ? -1 : triples;
}

static const char *body = "A CSTO summit was chaired by Kazakh President Kassym-Jomart Tokayev "
                          "in Astana on Monday. Russia\xE2\x80\x99s Vladimir Putin attended it "
                          "\"in person\" <really>.";

static void every_format_parses_back_to_the_same_triples(void **state) {
  (void)state;
  test_run r = test_pipeline(kb, "2024-07-04", body);
  size_t n1, n2, n3;
  char *ttl = write_graph(r.doc, "turtle", &n1), *nt = write_graph(r.doc, "ntriples", &n2);
  char *xml = write_graph(r.doc, "rdfxml", &n3);
  int a = parse("turtle", ttl, n1), b = parse("ntriples", nt, n2), c = parse("rdfxml", xml, n3);
  assert_true(a > 20);
  assert_int_equal(a, b);
  assert_int_equal(a, c);
  free(ttl);
  free(nt);
  free(xml);
  test_run_free(&r);
}

static void output_is_deterministic_and_iris_stable(void **state) {
  (void)state;
  test_run r = test_pipeline(kb, "2024-07-04", body);
  size_t n1, n2;
  char *a = write_graph(r.doc, "turtle", &n1), *b = write_graph(r.doc, "turtle", &n2);
  assert_int_equal(n1, n2);
  assert_memory_equal(a, b, n1);
  assert_non_null(strstr(a, "res:Kassym-Jomart_Tokayev"));
  assert_non_null(strstr(a, "csto:chairs res:event_CSTO_Summit_2024-07-01"));
  free(a);
  free(b);
  test_run_free(&r);
}

/* NIF offsets count code points of the body: the sentence is exactly there. */
static void sentence_offsets_are_exact(void **state) {
  (void)state;
  test_run r = test_pipeline(kb, "2024-07-04", body);
  size_t n;
  char *nt = write_graph(r.doc, "ntriples", &n);
  const char *second = strstr(body, "Russia");
  size_t cp = 0;
  for (const char *p = body; p < second; p++)
    cp += ((unsigned char)*p & 0xC0) != 0x80;
  char want[64];
  snprintf(want, sizeof want, "_char_%zu_", cp);
  assert_non_null(strstr(nt, want));
  free(nt);
  test_run_free(&r);
}

static void nquads_name_the_article_graph(void **state) {
  (void)state;
  test_run r = test_pipeline(kb, "2024-07-04", body);
  size_t n;
  char *nq = write_graph(r.doc, "nquads", &n);
  char *article = csto_article_iri(CSTO_RES_NS, r.article);
  char *line = strchr(nq, '\n');
  assert_non_null(line);
  *line = '\0';
  assert_non_null(strstr(nq, article));
  free(article);
  free(nq);
  test_run_free(&r);
}

static void unknown_formats_are_refused(void **state) {
  (void)state;
  assert_false(csto_graph_format_known("jsonx"));
  assert_false(csto_graph_format_known("TTL"));
  assert_true(csto_graph_format_known("dot"));
  assert_true(csto_graph_format_known("trig"));
  assert_true(csto_graph_format_known("nt"));
  csto_graph_free(NULL);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(every_format_parses_back_to_the_same_triples),
      cmocka_unit_test(output_is_deterministic_and_iris_stable),
      cmocka_unit_test(sentence_offsets_are_exact),
      cmocka_unit_test(nquads_name_the_article_graph),
      cmocka_unit_test(unknown_formats_are_refused),
  };
  return cmocka_run_group_tests(tests, kb_setup, kb_teardown);
}
