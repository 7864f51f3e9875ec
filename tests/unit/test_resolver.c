#include "support.h"

static int entity_of_mention_text(const csto_doc *doc, const char *text) {
  for (size_t i = 0; i < doc->n_mentions; i++) {
    char *t = csto_doc_text(doc, doc->mentions[i].first, doc->mentions[i].end);
    int hit = strcmp(t, text) == 0;
    free(t);
    if (hit)
      return doc->links[i].entity;
  }
  return -99;
}

static void surnames_and_pronouns_find_people(void **state) {
  (void)state;
  test_run r = test_pipeline(kb, "2021-09-15",
                             "Foreign ministry spokeswoman Maria Zakharova spoke after Armenian "
                             "Foreign Minister Ararat Mirzoyan. Mirzoyan agreed. She said so.");
  int mirzoyan = test_entity(r.doc, "Ararat Mirzoyan");
  int zakharova = test_entity(r.doc, "Zakharova");
  assert_true(mirzoyan >= 0 && zakharova >= 0);
  assert_int_equal(entity_of_mention_text(r.doc, "Mirzoyan"), mirzoyan);
  assert_int_equal(entity_of_mention_text(r.doc, "She"), zakharova);
  test_run_free(&r);
}

/* "the Kazakh President" is whoever held the post on the article's date. */
static void titles_alone_resolve_by_date(void **state) {
  (void)state;
  test_run a = test_pipeline(kb, "2018-06-10", "The Kazakh President arrived.");
  test_run b = test_pipeline(kb, "2020-06-10", "The Kazakh President arrived.");
  assert_true(test_entity(a.doc, "Nazarbayev") >= 0);
  assert_true(test_entity(b.doc, "Tokayev") >= 0);
  assert_int_equal(test_entity(b.doc, "Nazarbayev"), -1);
  test_run_free(&a);
  test_run_free(&b);
}

/* A plural reference means the people a list names, before it or in the next sentence. */
static int group_size(const csto_doc *doc, const char *text) {
  for (size_t i = 0; i < doc->n_mentions; i++) {
    char *t = csto_doc_text(doc, doc->mentions[i].first, doc->mentions[i].end);
    int hit = strcmp(t, text) == 0;
    free(t);
    if (hit && doc->links[i].group < 0)
      return 0;
    if (hit) {
      const csto_doc_group *g = &doc->groups[doc->links[i].group];
      int n = 0;
      for (size_t k = g->first; k < g->end; k++)
        n += doc->mentions[k].kind == CSTO_MENTION_PERSON && doc->links[k].entity >= 0;
      return n;
    }
  }
  return -1;
}

static void plural_references_mean_listed_groups(void **state) {
  (void)state;
  test_run r = test_pipeline(kb, "2021-09-15",
                             "The heads of the CSTO member states arrived. The leaders of Russia "
                             "and Tajikistan spoke. Putin and Rahmon met, and they left.");
  assert_int_equal(group_size(r.doc, "The heads of the CSTO member states"), 2);
  assert_int_equal(group_size(r.doc, "they"), 2);
  assert_int_equal(test_entity(r.doc, "they"), -1);
  test_run_free(&r);
  test_run alone = test_pipeline(kb, "2021-09-15", "The leaders arrived. Putin spoke.");
  assert_int_equal(group_size(alone.doc, "The leaders"), 0);
  test_run_free(&alone);
}

static void event_descriptions_corefer(void **state) {
  (void)state;
  test_run r = test_pipeline(kb, "2021-09-15",
                             "A CSTO summit will open in Dushanbe. Separately, a meeting of SCO "
                             "foreign ministers took place. The summit will adopt a statement. "
                             "The next summit will be held in Minsk.");
  int first = -1, summit_again = -1, next = -1;
  for (size_t i = 0; i < r.doc->n_mentions; i++) {
    const csto_mention *m = &r.doc->mentions[i];
    if (m->kind != CSTO_MENTION_EVENT)
      continue;
    int event = r.doc->links[i].event;
    if (first < 0)
      first = event;
    else if (m->sentence == 2)
      summit_again = event;
    else if (m->sentence == 3)
      next = event;
  }
  assert_int_equal(summit_again, first);
  assert_true(next >= 0 && next != first);
  test_run_free(&r);
}

/* The event of the first event mention in sentence s, -2 when it has none. */
static int event_in_sentence(const csto_doc *doc, size_t s) {
  for (size_t i = 0; i < doc->n_mentions; i++)
    if (doc->mentions[i].sentence == s && doc->mentions[i].kind == CSTO_MENTION_EVENT)
      return doc->links[i].event;
  return -2;
}

/* "The summit" is the summit spoken of last, not the one named last; of a plural
 * description's events, all spoken of at once, the first. */
static void latest_event_is_the_last_spoken_of(void **state) {
  (void)state;
  test_run r = test_pipeline(kb, "2021-09-15",
                             "A CSTO summit opened in Dushanbe. Separately, an SCO summit took "
                             "place in Tashkent. The CSTO summit adopted a statement. The summit "
                             "closed.");
  int csto_summit = event_in_sentence(r.doc, 0), sco = event_in_sentence(r.doc, 1);
  assert_true(csto_summit >= 0 && sco >= 0 && sco != csto_summit);
  assert_int_equal(event_in_sentence(r.doc, 2), csto_summit);
  assert_int_equal(event_in_sentence(r.doc, 3), csto_summit);
  test_run_free(&r);
  test_run s = test_pipeline(kb, "2021-09-15",
                             "A CSTO summit opened in Dushanbe. Informal meetings of the heads of "
                             "the CSTO and the CIS will be held in Moscow. The event will be "
                             "chaired by Putin.");
  int whole = event_in_sentence(s.doc, 1);
  assert_true(whole >= 0 && (size_t)whole + 1 < s.doc->n_events &&
              s.doc->events[whole + 1].series == whole);
  assert_int_equal(event_in_sentence(s.doc, 2), whole);
  test_run_free(&s);
}

/* "Nur-Sultan" is a spelling the knowledge base lists for Astana: the entity keeps it as a
 * label; "ASHGABAT" is its label in capitals, and "the capital" no name at all. */
static void places_keep_the_spelling_the_text_uses(void **state) {
  (void)state;
  test_run r = test_pipeline(kb, "2021-09-15",
                             "ASHGABAT - The summit opened in Nur-Sultan and moved to Ashgabat.");
  int astana = test_entity(r.doc, "Astana"), ashgabat = test_entity(r.doc, "Ashgabat");
  assert_true(astana >= 0 && ashgabat >= 0);
  const csto_doc_entity *a = &r.doc->entities[astana];
  assert_int_equal(a->n_aliases, 1);
  assert_string_equal(a->aliases[0], "Nur-Sultan");
  assert_int_equal(r.doc->entities[ashgabat].n_aliases, 0);
  test_run_free(&r);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(surnames_and_pronouns_find_people),
      cmocka_unit_test(titles_alone_resolve_by_date),
      cmocka_unit_test(plural_references_mean_listed_groups),
      cmocka_unit_test(event_descriptions_corefer),
      cmocka_unit_test(latest_event_is_the_last_spoken_of),
      cmocka_unit_test(places_keep_the_spelling_the_text_uses),
  };
  return cmocka_run_group_tests(tests, fixture_kb_setup, kb_teardown);
}
