#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "triples.h"
#include "writer.h"

#define EX "http://example.org/"
#define XSD_DATE "http://www.w3.org/2001/XMLSchema#date"

static uint32_t iri(csto_triples *t, const char *s) { return csto_triples_iri(t, s, strlen(s)); }

/* One id per distinct term: the same IRI twice is one term; a literal differs from an IRI
 * with the same text, and literals differ by datatype and language. */
static void terms_are_interned(void **state) {
  (void)state;
  csto_triples *t = csto_triples_new();
  uint32_t a = iri(t, EX "a"), a2 = iri(t, EX "a");
  uint32_t lit = csto_triples_literal(t, EX "a", strlen(EX "a"), NULL, NULL);
  uint32_t en = csto_triples_literal(t, "x", 1, NULL, "en");
  char lang[] = "en"; /* the same language from another string */
  uint32_t en2 = csto_triples_literal(t, "x", 1, NULL, lang);
  uint32_t date = csto_triples_literal(t, "x", 1, XSD_DATE, NULL);
  assert_int_equal(a, 1);
  assert_int_equal(a, a2);
  assert_int_not_equal(a, lit);
  assert_int_equal(en, en2);
  assert_int_not_equal(en, date);
  assert_int_equal(csto_triples_terms(t), 4);
  csto_term term = csto_triples_term(t, date);
  assert_int_equal(term.kind, CSTO_TERM_LITERAL);
  assert_string_equal(term.datatype, XSD_DATE);
  assert_int_equal(term.len, 1);
  csto_triples_free(t);
}

/* A triple stated twice, even in another graph, is kept once; many terms and triples
 * (past every growth of the tables) stay distinct. */
static void triples_are_kept_once(void **state) {
  (void)state;
  csto_triples *t = csto_triples_new();
  uint32_t s = iri(t, EX "s"), p = iri(t, EX "p"), o = iri(t, EX "o"), g = iri(t, EX "g");
  assert_int_equal(csto_triples_add(t, s, p, o, g), 0);
  assert_int_equal(csto_triples_add(t, s, p, o, s), 0);
  assert_int_equal(csto_triples_add(t, s, p, 0, g), 0); /* no term: nothing added */
  assert_int_equal(csto_triples_count(t), 1);
  char name[64];
  for (int i = 0; i < 5000; i++) {
    snprintf(name, sizeof name, EX "n%d", i);
    uint32_t n = iri(t, name);
    assert_int_equal(csto_triples_add(t, n, p, o, g), 0);
    assert_int_equal(csto_triples_add(t, n, p, o, g), 0);
  }
  assert_int_equal(csto_triples_count(t), 5001);
  assert_int_equal(csto_triples_at(t, 0)->g, g);
  csto_triples_clear(t);
  assert_int_equal(csto_triples_count(t), 0);
  assert_int_equal(iri(t, EX "p"), 1); /* ids start afresh */
  csto_triples_free(t);
}

/* Grouped by subject id, then predicate id; otherwise in the order added. */
static void order_groups_subjects_and_predicates(void **state) {
  (void)state;
  csto_triples *t = csto_triples_new();
  uint32_t a = iri(t, EX "a"), b = iri(t, EX "b"), p = iri(t, EX "p"), q = iri(t, EX "q");
  csto_triples_add(t, b, p, a, 0); /* 0 */
  csto_triples_add(t, a, q, b, 0); /* 1 */
  csto_triples_add(t, a, p, b, 0); /* 2 */
  csto_triples_add(t, a, q, a, 0); /* 3 */
  csto_triples_add(t, a, p, a, 0); /* 4 */
  size_t *order = csto_triples_order(t);
  size_t want[] = {2, 4, 1, 3, 0};
  for (size_t i = 0; i < 5; i++)
    assert_int_equal(order[i], want[i]);
  free(order);
  csto_triples_free(t);
}

static char *write(const csto_triples *t, const char *format, const char *base) {
  char *buf = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&buf, &len);
  assert_int_equal(csto_writer_write(t, format, base, f, NULL), CSTO_OK);
  fclose(f);
  return buf;
}

/* Turtle abbreviates an IRI of a declared namespace whose local name is plainly a name
 * (serd 0.30 does it only for letters and digits); anything else is written in full. */
static void turtle_abbreviates_plain_local_names(void **state) {
  (void)state;
  csto_triples *t = csto_triples_new();
  uint32_t label = iri(t, "http://www.w3.org/2000/01/rdf-schema#label");
  const char *kept[] = {"https://w3id.org/csto-kg/resource/Kassym-Jomart_Tokayev",
                        "https://w3id.org/csto-kg/resource/csto-kg_0.1.0",
                        "https://w3id.org/csto-kg/resource/-x_y", "https://w3id.org/csto-kg/resource/1_a",
                        "https://w3id.org/csto-kg/resource/a_b%20c", "https://example.org/a_b"};
  uint32_t o = csto_triples_literal(t, "x", 1, NULL, "en");
  for (size_t i = 0; i < sizeof kept / sizeof *kept; i++)
    csto_triples_add(t, iri(t, kept[i]), label, o, 0);
  char *ttl = write(t, "turtle", "https://example.org/");
  assert_non_null(strstr(ttl, "\nres:Kassym-Jomart_Tokayev\n"));
  assert_non_null(strstr(ttl, "\nbase:a_b\n"));
  for (size_t i = 1; i < 5; i++) {
    char full[128];
    snprintf(full, sizeof full, "<%s>", kept[i]);
    assert_non_null(strstr(ttl, full));
  }
  free(ttl);
  char *nt = write(t, "ntriples", NULL);
  assert_null(strstr(nt, "res:"));
  free(nt);
  csto_triples_free(t);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(terms_are_interned),
      cmocka_unit_test(triples_are_kept_once),
      cmocka_unit_test(order_groups_subjects_and_predicates),
      cmocka_unit_test(turtle_abbreviates_plain_local_names),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
