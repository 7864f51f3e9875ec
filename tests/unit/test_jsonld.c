/* The JSON-LD writer's shape on tiny graphs: terms of the context where they type the value
 * as it is, compact IRIs elsewhere, named graphs as nodes with "@graph", and a run's
 * articles streamed into one document. (The graph has no blank nodes: csto_term has none.) */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <jansson.h>

#include "triples.h"
#include "vocab.h"
#include "writer.h"

#define EX "http://example.org/"

static uint32_t iri(csto_triples *t, const char *s) { return csto_triples_iri(t, s, strlen(s)); }

static uint32_t literal(csto_triples *t, const char *s, const char *datatype, const char *lang) {
  return csto_triples_literal(t, s, strlen(s), datatype, lang);
}

static json_t *parse(char *text) {
  json_error_t e;
  json_t *doc = json_loads(text, 0, &e);
  if (!doc)
    fail_msg("not JSON: %s (line %d)\n%s", e.text, e.line, text);
  free(text);
  return doc;
}

static json_t *write_doc(const csto_triples *t, const char *base) {
  char *buf = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&buf, &len);
  assert_int_equal(csto_writer_write(t, "jsonld", base, f, NULL), CSTO_OK);
  fclose(f);
  return parse(buf);
}

/* The node of the document's graph (or of the named graph "@id" graph) with "@id" id. */
static json_t *node(json_t *doc, const char *graph, const char *id) {
  json_t *nodes = json_object_get(doc, "@graph"), *n;
  size_t i;
  json_array_foreach(nodes, i, n) {
    const char *nid = json_string_value(json_object_get(n, "@id"));
    if (graph && nid && strcmp(nid, graph) == 0 && json_object_get(n, "@graph"))
      return node(n, NULL, id);
    if (!graph && nid && strcmp(nid, id) == 0)
      return n;
  }
  fail_msg("no node %s in graph %s", id, graph ? graph : "(default)");
  return NULL;
}

/* One value as compact JSON, to compare with the expected text. */
static void expect(json_t *n, const char *key, const char *want) {
  char *got = json_dumps(json_object_get(n, key), JSON_COMPACT | JSON_ENCODE_ANY);
  if (!got || strcmp(got, want) != 0)
    fail_msg("%s: %s, not %s", key, got ? got : "(none)", want);
  free(got);
}

static void values_take_the_shape_their_term_allows(void **state) {
  (void)state;
  csto_triples *t = csto_triples_new();
  uint32_t g = iri(t, CSTO_RES_NS "article_1"), s = iri(t, CSTO_RES_NS "event_1");
  uint32_t date = iri(t, CSTO_NS "date"), organizer = iri(t, CSTO_NS "organizer");
  csto_triples_add(t, s, iri(t, RDF "type"), iri(t, CSTO_NS "Event"), g);
  csto_triples_add(t, s, iri(t, RDF "type"), iri(t, EX "Meeting"), g);
  csto_triples_add(t, s, iri(t, RDFS "label"), literal(t, "Moscow \"summit\"\n", NULL, "en"), g);
  csto_triples_add(t, s, date, literal(t, "2021-09-16", XSD "date", NULL), g);
  csto_triples_add(t, s, date, literal(t, "2021", XSD "gYear", NULL), g);
  csto_triples_add(t, s, organizer, iri(t, CSTO_RES_NS "CSTO"), g);
  csto_triples_add(t, s, organizer, literal(t, "the CSTO", NULL, NULL), g);
  csto_triples_add(t, s, iri(t, EX "p"), literal(t, "x", NULL, NULL), g);
  csto_triples_add(t, s, iri(t, RDF "object"), iri(t, CSTO_RES_NS "//x"), g);
  csto_triples_add(t, s, iri(t, NIF "beginIndex"), literal(t, "7", XSD "nonNegativeInteger", NULL),
                   0);
  json_t *doc = write_doc(t, NULL);

  json_t *ev = node(doc, "res:article_1", "res:event_1");
  expect(ev, "@type", "[\"csto:Event\",\"http://example.org/Meeting\"]");
  expect(ev, "label", "{\"@value\":\"Moscow \\\"summit\\\"\\n\",\"@language\":\"en\"}");
  expect(ev, "date", "\"2021-09-16\""); /* the term's type is the literal's */
  expect(ev, "csto:date", "{\"@value\":\"2021\",\"@type\":\"xsd:gYear\"}");
  expect(ev, "organizer", "\"res:CSTO\""); /* the term makes a string a node */
  expect(ev, "csto:organizer", "\"the CSTO\""); /* no term: a string is a literal */
  expect(ev, EX "p", "\"x\"");
  expect(ev, "object", "{\"@id\":\"" CSTO_RES_NS "//x\"}"); /* res://x: an absolute IRI */
  expect(node(doc, NULL, "res:event_1"), "beginIndex", "\"7\""); /* the default graph */
  expect(json_object_get(doc, "@context"), "date", "{\"@id\":\"csto:date\",\"@type\":\"xsd:date\"}");
  json_decref(doc);
  csto_triples_free(t);
}

/* A base of its own is the prefix "base" when a JSON-LD 1.1 processor reads it as one
 * (it ends with a delimiter); otherwise its IRIs are written in full. */
static void a_base_of_its_own_is_a_prefix(void **state) {
  (void)state;
  const char *bases[] = {"https://example.org/kg/", "https://example.org/kg-"};
  const char *ids[] = {"base:x", "https://example.org/kg-x"};
  for (size_t i = 0; i < 2; i++) {
    csto_triples *t = csto_triples_new();
    char x[64];
    snprintf(x, sizeof x, "%sx", bases[i]);
    csto_triples_add(t, iri(t, x), iri(t, RDFS "label"), literal(t, "x", NULL, NULL), 0);
    json_t *doc = write_doc(t, bases[i]);
    json_t *base = json_object_get(json_object_get(doc, "@context"), "base");
    if (i == 0)
      assert_string_equal(json_string_value(base), bases[i]);
    else
      assert_null(base);
    node(doc, NULL, ids[i]);
    json_decref(doc);
    csto_triples_free(t);
  }
}

/* Articles written one by one go into one document, each in its graph; a run without one
 * is a document with an empty "@graph". */
static void articles_stream_into_one_document(void **state) {
  (void)state;
  char *buf = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&buf, &len);
  int doc = 0;
  csto_triples *t = csto_triples_new();
  for (int a = 1; a <= 2; a++) {
    char g[64];
    snprintf(g, sizeof g, CSTO_RES_NS "article_%d", a);
    uint32_t gid = iri(t, g);
    csto_triples_add(t, gid, iri(t, RDF "type"), iri(t, CSTO_NS "Article"), gid);
    assert_int_equal(csto_writer_write_into(t, "jsonld", NULL, &doc, f, NULL), CSTO_OK);
    csto_triples_clear(t);
  }
  assert_int_equal(csto_writer_end("jsonld", NULL, doc, f, NULL), CSTO_OK);
  fclose(f);
  json_t *both = parse(buf);
  assert_int_equal(json_array_size(json_object_get(both, "@graph")), 2);
  expect(node(both, "res:article_2", "res:article_2"), "@type", "\"csto:Article\"");
  json_decref(both);
  json_t *none = write_doc(t, NULL);
  expect(none, "@graph", "[]");
  assert_non_null(json_object_get(json_object_get(none, "@context"), "csto"));
  json_decref(none);
  csto_triples_free(t);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(values_take_the_shape_their_term_allows),
      cmocka_unit_test(a_base_of_its_own_is_a_prefix),
      cmocka_unit_test(articles_stream_into_one_document),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
