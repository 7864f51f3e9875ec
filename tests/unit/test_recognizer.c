#include "support.h"

#include <stdlib.h>

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
  const csto_link *link = &r.doc->links[b - r.doc->mentions];
  assert_string_equal(r.doc->entities[link->entity].label, "Arsen Vardanyan");
  assert_null(r.doc->entities[link->entity].kb);
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

static void dateline_gives_here_its_city(void **state) {
  (void)state;
  test_run r =
      test_pipeline(kb, "2024-06-07", "ASTANA \xE2\x80\x94 The ministers met here on Friday.");
  assert_non_null(r.doc->dateline_city);
  assert_string_equal(r.doc->dateline_city->label, "Astana");
  const csto_mention *here = find(r.doc, CSTO_MENTION_ENTITY, 0);
  assert_non_null(here);
  assert_int_equal(here->first, 5); /* "here": the dateline's "ASTANA" made no mention */
  assert_string_equal(here->kb->label, "Astana");
  test_run_free(&r);
}

static void plural_titles_spread_over_countries(void **state) {
  (void)state;
  test_run r =
      test_pipeline(kb, "2021-05-12", "The leaders of Belarus, Kazakhstan and Tajikistan met.");
  const char *countries[] = {"Belarus", "Kazakhstan", "Tajikistan"};
  for (int i = 0; i < 3; i++) {
    const csto_mention *p = find(r.doc, CSTO_MENTION_PERSON, i);
    assert_non_null(p);
    assert_int_equal(p->titles[0].role, CSTO_ROLE_HEAD_OF_STATE);
    assert_false(p->titles[0].plural);
    assert_string_equal(p->titles[0].scope->label, countries[i]);
  }
  assert_null(find(r.doc, CSTO_MENTION_PERSON, 3));
  test_run_free(&r);
}

/* The person mention's role, scope (NULL: none) and name as written (NULL: title only). */
static void assert_person(const test_run *r, int nth, csto_role role, const char *scope,
                          const char *name) {
  const csto_mention *p = find(r->doc, CSTO_MENTION_PERSON, nth);
  assert_non_null(p);
  assert_int_equal(p->titles[0].role, role);
  assert_false(p->titles[0].plural);
  if (scope)
    assert_string_equal(p->titles[0].scope->label, scope);
  else
    assert_null(p->titles[0].scope);
  char *written = csto_doc_text(r->doc, p->name_first, p->name_end);
  assert_string_equal(written, name ? name : "");
  free(written);
}

static void plural_titles_spread_after_a_lead_in(void **state) {
  (void)state;
  test_run r = test_pipeline(kb, "2021-05-12",
                             "Leaders from the three CSTO member states - Russia, Armenia and "
                             "Tajikistan - met.");
  assert_person(&r, 0, CSTO_ROLE_HEAD_OF_STATE, "Russia", NULL);
  assert_person(&r, 1, CSTO_ROLE_HEAD_OF_STATE, "Armenia", NULL);
  assert_person(&r, 2, CSTO_ROLE_HEAD_OF_STATE, "Tajikistan", NULL);
  assert_null(find(r.doc, CSTO_MENTION_PERSON, 3));
  assert_non_null(find(r.doc, CSTO_MENTION_ENTITY, 0)); /* the CSTO, for the member list */
  test_run_free(&r);
}

static void plural_titles_pair_states_and_names(void **state) {
  (void)state;
  test_run r = test_pipeline(kb, "2021-05-12",
                             "The leaders of Russia - Vladimir Putin, Tajikistan - Emomali Rahmon "
                             "met. The presidents of Russia and Tajikistan, Vladimir Putin and "
                             "Emomali Rahmon, met.");
  for (int i = 0; i < 4; i += 2) {
    assert_person(&r, i, CSTO_ROLE_HEAD_OF_STATE, "Russia", "Vladimir Putin");
    assert_person(&r, i + 1, CSTO_ROLE_HEAD_OF_STATE, "Tajikistan", "Emomali Rahmon");
  }
  assert_null(find(r.doc, CSTO_MENTION_PERSON, 4));
  test_run_free(&r);
}

static void plural_titles_before_names(void **state) {
  (void)state;
  test_run r = test_pipeline(kb, "2021-05-12",
                             "Presidents Vladimir Putin and Emomali Rahmon (Tajikistan) met. "
                             "Presidents Putin of Russia and Rahmon met.");
  assert_person(&r, 0, CSTO_ROLE_HEAD_OF_STATE, NULL, "Vladimir Putin");
  assert_person(&r, 1, CSTO_ROLE_HEAD_OF_STATE, "Tajikistan", "Emomali Rahmon");
  assert_person(&r, 2, CSTO_ROLE_HEAD_OF_STATE, "Russia", "Putin");
  assert_person(&r, 3, CSTO_ROLE_HEAD_OF_STATE, NULL, "Rahmon");
  test_run_free(&r);
}

static void more_states_than_names_leave_the_names(void **state) {
  (void)state;
  test_run r = test_pipeline(kb, "2021-05-12",
                             "The leaders of Russia and Tajikistan, Vladimir Putin said, met.");
  assert_person(&r, 0, CSTO_ROLE_HEAD_OF_STATE, "Russia", NULL);
  assert_person(&r, 1, CSTO_ROLE_HEAD_OF_STATE, "Tajikistan", NULL);
  const csto_mention *putin = find(r.doc, CSTO_MENTION_PERSON, 2);
  assert_non_null(putin);
  assert_int_equal(putin->n_titles, 0);
  test_run_free(&r);
}

static void one_state_and_a_name_after_a_comma_are_no_pair(void **state) {
  (void)state;
  test_run r = test_pipeline(kb, "2021-05-12",
                             "The leaders of Armenia, Anton Brisk said, met.");
  assert_person(&r, 0, CSTO_ROLE_HEAD_OF_STATE, "Armenia", NULL);
  const csto_mention *speaker = find(r.doc, CSTO_MENTION_PERSON, 1);
  assert_non_null(speaker);
  assert_int_equal(speaker->n_titles, 0);
  test_run_free(&r);
}

static void their_titles_belong_to_the_states_before(void **state) {
  (void)state;
  test_run r = test_pipeline(kb, "2021-05-12",
                             "Russia and Armenia sent their foreign ministers. Armenia sent its "
                             "defence minister.");
  assert_person(&r, 0, CSTO_ROLE_FOREIGN_MINISTER, "Russia", NULL);
  assert_person(&r, 1, CSTO_ROLE_FOREIGN_MINISTER, "Armenia", NULL);
  assert_person(&r, 2, CSTO_ROLE_DEFENCE_MINISTER, "Armenia", NULL);
  assert_null(find(r.doc, CSTO_MENTION_PERSON, 3));
  test_run_free(&r);
}

static void an_owning_title_names_no_one(void **state) {
  (void)state;
  test_run r = test_pipeline(kb, "2021-05-12",
                             "The head of the Tajik President's office met the Russian leader's aide.");
  assert_null(find(r.doc, CSTO_MENTION_PERSON, 0));
  test_run_free(&r);
}

static void new_names_after_place_prepositions_are_places(void **state) {
  (void)state;
  test_run r =
      test_pipeline(kb, "2021-05-12", "The talks took place in Zhdanovo at the Grand Arena.");
  const csto_mention *city = find(r.doc, CSTO_MENTION_ENTITY, 0);
  const csto_mention *venue = find(r.doc, CSTO_MENTION_ENTITY, 1);
  assert_non_null(city);
  assert_non_null(venue);
  assert_null(city->kb);
  assert_int_equal(city->type, CSTO_ENTITY_CITY);
  assert_null(venue->kb);
  assert_int_equal(venue->type, CSTO_ENTITY_VENUE);
  test_run_free(&r);
}

static void a_body_that_convenes_is_its_session(void **state) {
  (void)state;
  test_run r = test_pipeline(kb, "2021-05-12",
                             "The Collective Security Council, which will convene in Moscow, ...");
  const csto_mention *e = find(r.doc, CSTO_MENTION_EVENT, 0);
  assert_non_null(e);
  assert_int_equal(e->n_orgs, 1);
  assert_true(e->definite);
  test_run_free(&r);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(titles_attach_to_names),
      cmocka_unit_test(event_phrases_gather_organizations),
      cmocka_unit_test(places_from_capitals),
      cmocka_unit_test(date_mentions_are_read),
      cmocka_unit_test(dateline_gives_here_its_city),
      cmocka_unit_test(plural_titles_spread_over_countries),
      cmocka_unit_test(plural_titles_spread_after_a_lead_in),
      cmocka_unit_test(plural_titles_pair_states_and_names),
      cmocka_unit_test(plural_titles_before_names),
      cmocka_unit_test(more_states_than_names_leave_the_names),
      cmocka_unit_test(one_state_and_a_name_after_a_comma_are_no_pair),
      cmocka_unit_test(their_titles_belong_to_the_states_before),
      cmocka_unit_test(an_owning_title_names_no_one),
      cmocka_unit_test(new_names_after_place_prepositions_are_places),
      cmocka_unit_test(a_body_that_convenes_is_its_session),
  };
  return cmocka_run_group_tests(tests, fixture_kb_setup, kb_teardown);
}
