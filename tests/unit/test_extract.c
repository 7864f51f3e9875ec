/* The extractors, one relation family at a time, on sentences of the genre. */
#include "support.h"

static const csto_fact *fact(const csto_doc *doc, csto_fact_kind kind, int subject) {
  for (size_t i = 0; i < doc->n_facts; i++)
    if (doc->facts[i].kind == kind && (subject < 0 || doc->facts[i].subject == subject))
      return &doc->facts[i];
  return NULL;
}

static void chairs_but_hosting_is_not_chairing(void **state) {
  (void)state;
  test_run r = test_pipeline(kb, "2022-11-23",
                             "The session, chaired by Armenian Prime Minister Nikol Pashinyan, opened "
                             "in Yerevan. Kazakh President Kassym-Jomart Tokayev hosted the CSTO summit.");
  int pashinyan = test_entity(r.doc, "Pashinyan"), tokayev = test_entity(r.doc, "Tokayev");
  assert_int_equal(test_facts(r.doc, CSTO_FACT_CHAIRS, pashinyan, -2), 1);
  assert_int_equal(test_facts(r.doc, CSTO_FACT_CHAIRS, tokayev, -2), 0);
  test_run_free(&r);
}

static void attendance_with_modes_and_negation(void **state) {
  (void)state;
  test_run r = test_pipeline(kb, "2020-11-10",
                             "Russian President Vladimir Putin took part in the SCO summit via "
                             "videoconference. Tajik President Emomali Rahmon attended the summit in "
                             "person. Kazakh President Kassym-Jomart Tokayev did not attend the summit.");
  const csto_fact *putin = fact(r.doc, CSTO_FACT_ATTENDS, test_entity(r.doc, "Putin"));
  const csto_fact *rahmon = fact(r.doc, CSTO_FACT_ATTENDS, test_entity(r.doc, "Rahmon"));
  assert_non_null(putin);
  assert_non_null(rahmon);
  assert_int_equal(putin->mode, CSTO_MODE_REMOTE);
  assert_int_equal(rahmon->mode, CSTO_MODE_IN_PERSON);
  assert_int_equal(putin->object, rahmon->object);
  assert_null(fact(r.doc, CSTO_FACT_ATTENDS, test_entity(r.doc, "Tokayev")));
  test_run_free(&r);
}

static void passive_attendance_lists_and_talks(void **state) {
  (void)state;
  test_run r = test_pipeline(kb, "2023-10-13",
                             "The CIS summit was attended by Russian President Vladimir Putin and "
                             "Kazakh President Kassym-Jomart Tokayev. Putin also met with Tokayev.");
  int putin = test_entity(r.doc, "Putin"), tokayev = test_entity(r.doc, "Tokayev");
  assert_int_equal(test_facts(r.doc, CSTO_FACT_ATTENDS, putin, -2), 2);
  assert_int_equal(test_facts(r.doc, CSTO_FACT_ATTENDS, tokayev, -2), 2);
  test_run_free(&r);
}

static void members_but_not_observers(void **state) {
  (void)state;
  test_run r = test_pipeline(kb, "2020-10-21",
                             "The CSTO comprises Russia, Armenia and Belarus. Afghanistan and Iran "
                             "have observer status.");
  assert_int_equal(test_facts(r.doc, CSTO_FACT_MEMBER_OF, -2, -2), 3);
  assert_int_equal(test_facts(r.doc, CSTO_FACT_MEMBER_OF, test_entity(r.doc, "Iran"), -2), 0);
  test_run_free(&r);
}

static void places_and_dates(void **state) {
  (void)state;
  test_run r = test_pipeline(kb, "2021-09-15",
                             "A CSTO summit will be held on Thursday in Tajikistan's capital Dushanbe, "
                             "the Kremlin said on Tuesday. The next summit will be held in Minsk on "
                             "November 23.");
  const csto_fact *date = fact(r.doc, CSTO_FACT_DATE, -1);
  const csto_fact *place = fact(r.doc, CSTO_FACT_HELD_IN, -1);
  assert_non_null(date);
  assert_int_equal(date->date.day, 16); /* Thursday, not the Tuesday of the saying */
  assert_int_equal(test_facts(r.doc, CSTO_FACT_DATE, -2, -2), 1); /* no year for "next" */
  assert_string_equal(r.doc->entities[place->object].label, "Dushanbe");
  assert_int_equal(test_facts(r.doc, CSTO_FACT_HELD_IN, -2, -2), 2);
  test_run_free(&r);
}

static void hosting_city_and_venue_phrases(void **state) {
  (void)state;
  test_run r = test_pipeline(kb, "2023-11-23",
                             "Minsk hosted a session of the CSTO Collective Security Council on "
                             "Thursday. Separately, SCO foreign ministers met in the historic city "
                             "of Samarkand on Friday.");
  assert_int_equal(test_facts(r.doc, CSTO_FACT_HELD_IN, -2, test_entity(r.doc, "Minsk")), 1);
  assert_int_equal(test_facts(r.doc, CSTO_FACT_HELD_IN, -2, test_entity(r.doc, "Samarkand")), 1);
  assert_int_equal(test_facts(r.doc, CSTO_FACT_CHAIRS, -2, -2), 0); /* hosting is not chairing */
  test_run_free(&r);
}

static void posts_from_titles(void **state) {
  (void)state;
  test_run r = test_pipeline(kb, "2021-09-15",
                             "The Russian Foreign Ministry's official spokeswoman, Maria Zakharova, "
                             "spoke. Former Russian President Dmitry Medvedev spoke too.");
  const csto_fact *f = fact(r.doc, CSTO_FACT_HOLDS_POSITION, test_entity(r.doc, "Zakharova"));
  assert_non_null(f);
  assert_int_equal(f->role, CSTO_ROLE_SPOKESPERSON);
  assert_int_equal(r.doc->entities[f->object].type, CSTO_ENTITY_GOVBODY);
  assert_int_equal(test_facts(r.doc, CSTO_FACT_HOLDS_POSITION, test_entity(r.doc, "Medvedev"), -2), 0);
  test_run_free(&r);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(chairs_but_hosting_is_not_chairing),
      cmocka_unit_test(attendance_with_modes_and_negation),
      cmocka_unit_test(passive_attendance_lists_and_talks),
      cmocka_unit_test(members_but_not_observers),
      cmocka_unit_test(places_and_dates),
      cmocka_unit_test(hosting_city_and_venue_phrases),
      cmocka_unit_test(posts_from_titles),
  };
  return cmocka_run_group_tests(tests, kb_setup, kb_teardown);
}
