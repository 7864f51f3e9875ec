#include "support.h"

#include <raptor2.h>

#include "csto/graph.h"
#include "csto/graph_rdf.h"
#include "csto/layout.h"

static char *write_graph(const csto_doc *doc, const char *format, size_t *len) {
  csto_graph *g = NULL;
  assert_int_equal(csto_graph_new(NULL, &g, NULL), CSTO_OK);
  assert_int_equal(csto_graph_add_doc(g, doc, NULL), CSTO_OK);
  char *buf = NULL;
  FILE *f = open_memstream(&buf, len);
  assert_int_equal(csto_graph_rdf_format_known(format) ? csto_graph_rdf_write(g, format, f, NULL)
                                                      : csto_graph_write(g, format, f, NULL),
                   CSTO_OK);
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
  assert_non_null(strstr(a, "csto:chairs res:event_CSTO_Collective_Security_Council_2024-07-01"));
  free(a);
  free(b);
  test_run_free(&r);
}

/* Two outlets' words for one meeting give one node with one label; the words stay as
 * alternative labels. */
static void one_node_per_meeting(void **state) {
  (void)state;
  test_run a = test_pipeline(kb, "2024-07-01", "Putin attended the CSTO summit in Astana today.");
  test_run b = test_pipeline(kb, "2024-07-02",
                             "A session of the Collective Security Council was held in Astana "
                             "on Monday. Tokayev chaired it.");
  size_t n;
  char *ta = write_graph(a.doc, "ntriples", &n), *tb = write_graph(b.doc, "ntriples", &n);
  const char *node = "<" CSTO_RES_NS "event_CSTO_Collective_Security_Council_2024-07-01> ";
  const char *label = "<http://www.w3.org/2000/01/rdf-schema#label> "
                      "\"CSTO Collective Security Council Summit, 2024-07-01\"@en";
  char want[512];
  snprintf(want, sizeof want, "%s%s", node, label);
  assert_non_null(strstr(ta, want));
  assert_non_null(strstr(tb, want));
  assert_non_null(strstr(ta, "<" CSTO_NS "Summit>"));
  assert_non_null(strstr(ta, "core#altLabel> \"CSTO summit\"@en"));
  assert_non_null(strstr(tb, "core#altLabel> \"session of the Collective Security Council\"@en"));
  free(ta);
  free(tb);
  test_run_free(&a);
  test_run_free(&b);
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

/* The IRI csto_article_iri gives an article with this id, URL and text. */
static char *iri_of(const char *id, const char *url, const char *text) {
  csto_article a = {.id = (char *)id, .url = (char *)url, .body = text,
                    .body_len = strlen(text)};
  char *iri = csto_article_iri(CSTO_RES_NS, &a);
  assert_non_null(iri);
  return iri;
}

static void expect_iri(const char *id, const char *url, const char *text, const char *local) {
  char *iri = iri_of(id, url, text), want[512];
  snprintf(want, sizeof want, "%sarticle_%s", CSTO_RES_NS, local);
  assert_string_equal(iri, want);
  free(iri);
}

static void an_id_names_the_article(void **state) {
  (void)state;
  expect_iri("a1", NULL, "x", "a1");
  expect_iri("17", "https://a.example/1", "x", "17"); /* the id, not the URL */
  /* space, "/", "#", "_" and "%" encoded: no id gives another's IRI or a derived one */
  expect_iri("TASS 12/3#x_y%", NULL, "x", "TASS%2012%2F3%23x%5Fy%25");
  expect_iri("A.b-c~", NULL, "x", "A.b-c~");
  /* characters an IRI allows stay; controls, private use and noncharacters are encoded */
  expect_iri("\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0 1", NULL, "x",
             "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0%201");
  expect_iri("a\xC2\x85" "b\xEE\x80\x80" "c\xEF\xBF\xBE", NULL, "x",
             "a%C2%85b%EE%80%80c%EF%BF%BE");
  expect_iri("\xF0\x9F\x98\x80", NULL, "x", "\xF0\x9F\x98\x80");
  /* an absolute IRI is encoded as any id: the layout knows an article by its name */
  expect_iri("https://tass.com/politics/1?x=<y>", NULL, "x",
             "https%3A%2F%2Ftass.com%2Fpolitics%2F1%3Fx%3D%3Cy%3E");
}

static void without_an_id_a_128_bit_hash(void **state) {
  (void)state;
  /* FNV-1a 128 test vectors: of the URL when there is one, else of the body */
  expect_iri(NULL, "a", "ignored", "d228cb696f1a8caf78912b704e4a8964");
  expect_iri(NULL, NULL, "foobar", "343e1662793c64bf6f0d3597ba446f18");
  expect_iri("", NULL, "foobar", "343e1662793c64bf6f0d3597ba446f18");
  char *one = iri_of(NULL, "https://a.example/1", "x");
  char *two = iri_of(NULL, "https://a.example/2", "x");
  assert_int_equal(strlen(one), strlen(CSTO_RES_NS) + strlen("article_") + 32);
  assert_string_not_equal(one, two);
  free(one);
  free(two);
}

static void derived_names_follow_the_id(void **state) {
  (void)state;
  char *g = iri_of("a b", NULL, "x"), s[256];
  snprintf(s, sizeof s, "%s_char_0_5", g);
  assert_false(csto_layout_merges(g, s)); /* its text */
  assert_false(csto_layout_merges(g, g));
  snprintf(s, sizeof s, "%sstatement_a%%20b_3", CSTO_RES_NS);
  assert_false(csto_layout_merges(g, s));
  snprintf(s, sizeof s, "%sextraction_a%%20b", CSTO_RES_NS);
  assert_false(csto_layout_merges(g, s));
  snprintf(s, sizeof s, "%sstatement_a%%20bc_3", CSTO_RES_NS); /* another article's */
  assert_true(csto_layout_merges(g, s));
  assert_true(csto_layout_merges(g, CSTO_RES_NS "Russia"));
  assert_false(csto_layout_merges(CSTO_RES_NS "article_a/b", CSTO_RES_NS "Russia"));
  free(g);
}

/* An article-local event names its article; a meeting's shared node names none. */
static void local_events_name_their_article(void **state) {
  (void)state;
  char *a = csto_layout_event_article(CSTO_RES_NS "event_a%20b_12");
  assert_non_null(a);
  assert_string_equal(a, CSTO_RES_NS "article_a%20b");
  free(a);
  a = csto_layout_event_article("http://x.example/event_/event_k_1");
  assert_non_null(a);
  assert_string_equal(a, "http://x.example/event_/article_k");
  free(a);
  assert_null(csto_layout_event_article(CSTO_RES_NS "event_SCO_Council_of_Heads_of_State_"
                                                    "2019-06-14"));
  assert_null(csto_layout_event_article(CSTO_RES_NS "event_CSTO_Meeting_2021-09-15"));
  assert_null(csto_layout_event_article(CSTO_RES_NS "event_k_"));
  assert_null(csto_layout_event_article(CSTO_RES_NS "event__1"));
  assert_null(csto_layout_event_article(CSTO_RES_NS "Russia"));
}

static void unknown_formats_are_refused(void **state) {
  (void)state;
  assert_false(csto_graph_format_known("jsonx"));
  assert_false(csto_graph_format_known("TTL"));
  assert_true(csto_graph_format_known("trig"));
  assert_true(csto_graph_format_known("nt"));
  assert_true(csto_graph_format_known("json-ld"));
  /* raptor's formats are libcsto-store's, and it has none of libcsto's */
  assert_false(csto_graph_format_known("dot"));
  assert_true(csto_graph_rdf_format_known("dot"));
  assert_true(csto_graph_rdf_format_known("rdf"));
  assert_true(csto_graph_rdf_format_known("json"));
  assert_false(csto_graph_rdf_format_known("turtle"));
  assert_false(csto_graph_rdf_format_known("jsonld"));
  csto_graph_free(NULL);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(every_format_parses_back_to_the_same_triples),
      cmocka_unit_test(output_is_deterministic_and_iris_stable),
      cmocka_unit_test(one_node_per_meeting),
      cmocka_unit_test(sentence_offsets_are_exact),
      cmocka_unit_test(nquads_name_the_article_graph),
      cmocka_unit_test(unknown_formats_are_refused),
      cmocka_unit_test(an_id_names_the_article),
      cmocka_unit_test(without_an_id_a_128_bit_hash),
      cmocka_unit_test(derived_names_follow_the_id),
      cmocka_unit_test(local_events_name_their_article),
  };
  return cmocka_run_group_tests(tests, kb_setup, kb_teardown);
}
