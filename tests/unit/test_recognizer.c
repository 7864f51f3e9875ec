#include "support.h"

#include "csto/recognizer.h"

static const csto_mention *find(const csto_doc *doc, csto_mention_kind kind, int nth) {
  for (size_t i = 0; i < doc->n_mentions; i++)
    if (doc->mentions[i].kind == kind && nth-- == 0)
      return &doc->mentions[i];
  return NULL;
}

static void titles_attach_to_names(void **state) {
  (void)state;
  test_run r = test_pipeline(kb, "2022-05-16",
                             "Armenian Defense Minister Suren Papikyan and Arsen Vardanyan, Foreign "
                             "Minister of Armenia, arrived.");
  const csto_mention *a = find(r.doc, CSTO_MENTION_PERSON, 0), *b = find(r.doc, CSTO_MENTION_PERSON, 1);
  assert_non_null(a);
  assert_non_null(b);
  assert_int_equal(a->titles[0].role, CSTO_ROLE_DEFENCE_MINISTER);
  assert_string_equal(a->titles[0].scope->label, "Armenia");
  assert_int_equal(b->n_titles, 1);
  assert_int_equal(b->titles[0].role, CSTO_ROLE_FOREIGN_MINISTER);
  assert_string_equal(r.doc->entities[b->entity].label, "Arsen Vardanyan");
  assert_null(r.doc->entities[b->entity].kb);
  test_run_free(&r);
}

static void event_phrases_gather_organizations(void **state) {
  (void)state;
  test_run r = test_pipeline(kb, "2021-09-15", "He will attend a joint CSTO-SCO summit.");
  const csto_mention *e = find(r.doc, CSTO_MENTION_EVENT, 0);
  assert_non_null(e);
  assert_int_equal(e->n_orgs, 2);
  assert_true(e->joint && e->indefinite);
  assert_int_equal(e->event_class, CSTO_EVENT_SUMMIT);
  test_run_free(&r);
}

static void places_from_capitals(void **state) {
  (void)state;
  test_run r = test_pipeline(kb, "2019-10-11", "The meeting began in the capital of Turkmenistan.");
  const csto_mention *p = find(r.doc, CSTO_MENTION_ENTITY, 0);
  assert_non_null(p);
  assert_string_equal(p->kb->label, "Ashgabat");
  test_run_free(&r);
}

static void date_mentions_are_read(void **state) {
  (void)state;
  test_run r = test_pipeline(kb, "2023-10-15", "The summit will be held on Oct. 8, 2024 and ended on 3 November. "
                                               "Talks are set for December 26-27.");
  const csto_mention *a = find(r.doc, CSTO_MENTION_DATE, 0), *b = find(r.doc, CSTO_MENTION_DATE, 1);
  assert_non_null(a);
  assert_non_null(b);
  assert_int_equal(a->date.year, 2024);
  assert_int_equal(a->date.month, 10);
  assert_int_equal(a->date.day, 8);
  assert_true(a->year_given);
  assert_int_equal(b->date.month, 11);
  assert_false(b->year_given);
  const csto_mention *span = find(r.doc, CSTO_MENTION_DATE, 2);
  assert_non_null(span);
  assert_int_equal(span->date.day, 26);
  assert_int_equal(span->date_end.day, 27);
  assert_int_equal(span->date_end.month, 12);
  test_run_free(&r);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(titles_attach_to_names),
      cmocka_unit_test(event_phrases_gather_organizations),
      cmocka_unit_test(places_from_capitals),
      cmocka_unit_test(date_mentions_are_read),
  };
  return cmocka_run_group_tests(tests, kb_setup, kb_teardown);
}
