/* The extractors, one relation family at a time, on sentences of the genre. */
#include "support.h"

#include "csto/explain.h"

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

static void speaking_fronted_and_not_attending(void **state) {
  (void)state;
  test_run r = test_pipeline(kb, "2023-10-13",
                             "Russian President Vladimir Putin addressed the CIS summit. Speaking at "
                             "the summit, Kazakh President Kassym-Jomart Tokayev praised it. Putin "
                             "invited Tajik President Emomali Rahmon to attend the next summit. The "
                             "summit was not attended by Armenian Prime Minister Nikol Pashinyan.");
  int putin = test_entity(r.doc, "Putin"), tokayev = test_entity(r.doc, "Tokayev");
  int rahmon = test_entity(r.doc, "Rahmon"), pashinyan = test_entity(r.doc, "Pashinyan");
  assert_true(rahmon >= 0 && pashinyan >= 0);
  assert_int_equal(test_facts(r.doc, CSTO_FACT_ATTENDS, putin, -2), 1);
  assert_int_equal(test_facts(r.doc, CSTO_FACT_ATTENDS, tokayev, -2), 1);
  assert_int_equal(test_facts(r.doc, CSTO_FACT_ATTENDS, rahmon, -2), 0);
  assert_int_equal(test_facts(r.doc, CSTO_FACT_ATTENDS, pashinyan, -2), 0);
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
  /* the next summit is another event, dated by the future tense: this year's November 23 */
  assert_int_equal(test_facts(r.doc, CSTO_FACT_DATE, -2, -2), 2);
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

/* The fixture's invented names: the rules, not production data, make these facts. */
static void invented_leaders_attend_or_not(void **state) {
  (void)state;
  test_run r = test_pipeline(kb, "2021-06-10",
                             "Veltranian President Anton Brisk attended the ATO summit in Orsk-Vel. "
                             "Dravonian President Jonas Reede did not attend the summit.");
  int brisk = test_entity(r.doc, "Anton Brisk"), reede = test_entity(r.doc, "Jonas Reede");
  assert_true(brisk >= 0 && reede >= 0);
  assert_int_equal(test_facts(r.doc, CSTO_FACT_ATTENDS, brisk, -2), 1);
  assert_int_equal(test_facts(r.doc, CSTO_FACT_ATTENDS, reede, -2), 0);
  assert_int_equal(test_facts(r.doc, CSTO_FACT_HELD_IN, -2, test_entity(r.doc, "Orsk-Vel")), 1);
  test_run_free(&r);
}

static void invented_chair_remote_attendance_and_venue(void **state) {
  (void)state;
  test_run r = test_pipeline(kb, "2021-06-10",
                             "The meeting of the ATO Council of Ministers was chaired by Veltranian "
                             "Foreign Minister Teodor Kalm. Brisk hosted the meeting at the Amber "
                             "Hall. Jonas Reede took part in the meeting via video link.");
  int kalm = test_entity(r.doc, "Teodor Kalm"), brisk = test_entity(r.doc, "Anton Brisk");
  assert_true(brisk >= 0);
  assert_int_equal(test_facts(r.doc, CSTO_FACT_CHAIRS, kalm, -2), 1);
  assert_int_equal(test_facts(r.doc, CSTO_FACT_CHAIRS, brisk, -2), 0); /* hosting is not chairing */
  const csto_fact *reede = fact(r.doc, CSTO_FACT_ATTENDS, test_entity(r.doc, "Jonas Reede"));
  assert_non_null(reede);
  assert_int_equal(reede->mode, CSTO_MODE_REMOTE);
  const csto_fact *place = fact(r.doc, CSTO_FACT_HELD_IN, -1);
  assert_non_null(place);
  assert_int_equal(r.doc->entities[place->object].type, CSTO_ENTITY_VENUE);
  test_run_free(&r);
}

static void invented_members_but_not_observers(void **state) {
  (void)state;
  test_run r = test_pipeline(kb, "2021-06-10",
                             "Veltrania is a member of the ATO, and Dravonia is an observer.");
  int ato = test_entity(r.doc, "Amber Treaty Organization"), dravonia = test_entity(r.doc, "Dravonia");
  assert_true(dravonia >= 0);
  assert_int_equal(test_facts(r.doc, CSTO_FACT_MEMBER_OF, test_entity(r.doc, "Veltrania"), ato), 1);
  assert_int_equal(test_facts(r.doc, CSTO_FACT_MEMBER_OF, dravonia, -2), 0);
  test_run_free(&r);
}

/* "the Veltranian President" attends as whoever held the post on the article's date. */
static void invented_title_alone_attends_by_date(void **state) {
  (void)state;
  const char *body = "The Veltranian President attended the ATO summit.";
  test_run before = test_pipeline(kb, "2012-06-10", body);
  test_run after = test_pipeline(kb, "2021-06-10", body);
  int solvang = test_entity(before.doc, "Mira Solvang"), brisk = test_entity(after.doc, "Anton Brisk");
  assert_int_equal(test_facts(before.doc, CSTO_FACT_ATTENDS, solvang, -2), 1);
  assert_int_equal(test_facts(after.doc, CSTO_FACT_ATTENDS, brisk, -2), 1);
  assert_int_equal(test_entity(after.doc, "Mira Solvang"), -1);
  test_run_free(&before);
  test_run_free(&after);
}

static void invented_spokesperson_of_a_ministry(void **state) {
  (void)state;
  test_run r = test_pipeline(kb, "2021-06-10",
                             "Veltranian Foreign Ministry spokeswoman Ilse Varga spoke on Monday.");
  const csto_fact *f = fact(r.doc, CSTO_FACT_HOLDS_POSITION, test_entity(r.doc, "Ilse Varga"));
  assert_non_null(f);
  assert_int_equal(f->role, CSTO_ROLE_SPOKESPERSON);
  assert_string_equal(r.doc->entities[f->object].label, "Ministry of Foreign Affairs of Veltrania");
  test_run_free(&r);
}

/* Consolidation: one fact from two sentences, the mode cited from the one that gives it. */
static void mode_cites_the_sentence_that_gives_it(void **state) {
  (void)state;
  test_run r = test_pipeline(kb, "2021-09-15",
                             "Putin attended the CSTO summit in Dushanbe. Putin attended the summit "
                             "via video link.");
  const csto_fact *f = fact(r.doc, CSTO_FACT_ATTENDS, test_entity(r.doc, "Putin"));
  assert_non_null(f);
  assert_int_equal(test_facts(r.doc, CSTO_FACT_ATTENDS, -2, -2), 1);
  assert_int_equal(f->mode, CSTO_MODE_REMOTE);
  assert_int_equal(f->evidence.rule, CSTO_RULE_ATTENDS_ACTIVE);
  assert_int_equal(f->evidence.sentence, 0);
  assert_int_equal(f->mode_evidence.rule, CSTO_RULE_MODE_CLAUSE);
  assert_int_equal(f->mode_evidence.sentence, 1);
  test_run_free(&r);
}

/* A mode said of a person beats one said of the whole event; the event's is the fallback. */
static void mode_precedence(void **state) {
  (void)state;
  test_run r = test_pipeline(kb, "2020-11-10",
                             "The SCO summit will be held via video link. Putin will "
                             "attend the summit in person. Rahmon will attend the summit.");
  const csto_fact *putin = fact(r.doc, CSTO_FACT_ATTENDS, test_entity(r.doc, "Putin"));
  const csto_fact *rahmon = fact(r.doc, CSTO_FACT_ATTENDS, test_entity(r.doc, "Rahmon"));
  assert_non_null(putin);
  assert_non_null(rahmon);
  assert_int_equal(putin->mode, CSTO_MODE_IN_PERSON);
  assert_int_equal(putin->mode_evidence.rule, CSTO_RULE_MODE_CLAUSE);
  assert_int_equal(rahmon->mode, CSTO_MODE_REMOTE);
  assert_int_equal(rahmon->mode_evidence.rule, CSTO_RULE_MODE_EVENT);
  assert_int_equal(rahmon->mode_evidence.sentence, 0);
  test_run_free(&r);
}

/* --explain names the rule and the mentions, with code-point offsets ("é" is one). */
static void explain_names_rule_and_mentions(void **state) {
  (void)state;
  test_run r = test_pipeline(kb, "2021-09-15", "Café talk. Putin attended the CSTO summit.");
  char *text = csto_explain_facts(r.doc);
  assert_non_null(text);
  assert_non_null(strstr(text, "attends Vladimir Putin → E1 Summit (unspecified) ← attends.active s2 "
                               "cue \"attended\" [17,25] agent \"Putin\" [11,16] event \"the CSTO summit\" "
                               "[26,41]"));
  free(text);
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
      cmocka_unit_test(invented_leaders_attend_or_not),
      cmocka_unit_test(invented_chair_remote_attendance_and_venue),
      cmocka_unit_test(invented_members_but_not_observers),
      cmocka_unit_test(invented_title_alone_attends_by_date),
      cmocka_unit_test(invented_spokesperson_of_a_ministry),
      cmocka_unit_test(speaking_fronted_and_not_attending),
      cmocka_unit_test(mode_cites_the_sentence_that_gives_it),
      cmocka_unit_test(mode_precedence),
      cmocka_unit_test(explain_names_rule_and_mentions),
  };
  return cmocka_run_group_tests(tests, fixture_kb_setup, kb_teardown);
}
