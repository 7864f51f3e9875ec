#include "support.h"

static const csto_lex_entry *first(const char *phrase, csto_lex_kind kind) {
  const csto_lex_entry *e[CSTO_KB_MAX_MEANINGS];
  size_t n = csto_kb_lookup(kb, phrase, e, CSTO_KB_MAX_MEANINGS);
  for (size_t i = 0; i < n; i++)
    if (e[i]->kind == kind)
      return e[i];
  return NULL;
}

static void names_aliases_and_demonyms_resolve(void **state) {
  (void)state;
  const csto_lex_entry *csto = first("csto", CSTO_LEX_ENTITY);
  const csto_lex_entry *russian = first("russian", CSTO_LEX_DEMONYM);
  assert_non_null(csto);
  assert_int_equal(csto->entity->type, CSTO_ENTITY_ORGANIZATION);
  assert_string_equal(csto->entity->wikidata, "http://www.wikidata.org/entity/Q318693");
  assert_non_null(russian);
  assert_string_equal(russian->entity->label, "Russia");
  assert_non_null(first("kirgizia", CSTO_LEX_ENTITY));
}

static void lexicon_phrases_have_meanings(void **state) {
  (void)state;
  const csto_lex_entry *fm = first("foreign minister", CSTO_LEX_ROLE);
  const csto_lex_entry *chaired = first("chaired by", CSTO_LEX_CUE);
  const csto_lex_entry *video = first("via video link", CSTO_LEX_MODE);
  assert_non_null(fm);
  assert_int_equal(fm->value, CSTO_ROLE_FOREIGN_MINISTER);
  assert_int_equal(chaired->value, CSTO_CUE_CHAIR_PASSIVE);
  assert_int_equal(video->value, CSTO_MODE_REMOTE);
  assert_true(csto_kb_has_longer(kb, "under the"));
  assert_null(first("no such phrase here", CSTO_LEX_CUE));
}

/* The same title names different people in different years. */
static void title_holders_depend_on_the_date(void **state) {
  (void)state;
  const csto_lex_entry *kz = first("kazakhstan", CSTO_LEX_ENTITY);
  const csto_lex_entry *ru = first("russia", CSTO_LEX_ENTITY);
  const csto_kb_holding *h2018 = csto_kb_holder(kb, CSTO_ROLE_HEAD_OF_STATE, kz->entity, (csto_date){2018, 6, 1});
  const csto_kb_holding *h2020 = csto_kb_holder(kb, CSTO_ROLE_HEAD_OF_STATE, kz->entity, (csto_date){2020, 6, 1});
  const csto_kb_holding *fm2003 = csto_kb_holder(kb, CSTO_ROLE_FOREIGN_MINISTER, ru->entity, (csto_date){2003, 6, 1});
  assert_non_null(h2018);
  assert_non_null(h2020);
  assert_non_null(fm2003);
  assert_string_equal(h2018->holder->label, "Nursultan Nazarbayev");
  assert_string_equal(h2020->holder->label, "Kassym-Jomart Tokayev");
  assert_string_equal(fm2003->holder->label, "Igor Ivanov");
}

static void broken_data_is_reported_with_its_file(void **state) {
  (void)state;
  char dir[] = "/tmp/csto-kb-XXXXXX";
  assert_non_null(mkdtemp(dir));
  char path[256];
  snprintf(path, sizeof path, "%s/lexicon.ttl", dir);
  FILE *f = fopen(path, "w");
  fputs("@prefix lex: <https://w3id.org/csto-kg/lexicon#> .\nlex:X lex:phrase \"unclosed .\n", f);
  fclose(f);
  csto_kb *broken = NULL;
  csto_error err = {0};
  assert_int_equal(csto_kb_load(dir, &broken, &err), CSTO_ERR_DATA);
  assert_non_null(strstr(err.message, "lexicon.ttl"));
  assert_null(broken);
  remove(path);
  rmdir(dir);
  csto_kb_free(NULL);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(names_aliases_and_demonyms_resolve),
      cmocka_unit_test(lexicon_phrases_have_meanings),
      cmocka_unit_test(title_holders_depend_on_the_date),
      cmocka_unit_test(broken_data_is_reported_with_its_file),
  };
  return cmocka_run_group_tests(tests, kb_setup, kb_teardown);
}
