/* Unit tests for kbfile.h: loading, counting, importing and writing knowledge-base files. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "csto/kbfile.h"
#include "csto/pipeline.h" /* csto_kbfile_data_dir */

#define RES CSTO_KBFILE_NS_RES
#define CSTO CSTO_KBFILE_NS_CSTO
#define WD CSTO_KBFILE_NS_WD
#define RDF_TYPE "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
#define RDFS_LABEL "http://www.w3.org/2000/01/rdf-schema#label"
#define SKOS_ALT "http://www.w3.org/2004/02/skos/core#altLabel"
#define OWL_SAMEAS "http://www.w3.org/2002/07/owl#sameAs"

/* ---- helpers ------------------------------------------------------------------------ */

static char tmpdir[64];

static void make_tmpdir(void) {
  snprintf(tmpdir, sizeof tmpdir, "/tmp/test_kbfile.XXXXXX");
  assert_non_null(mkdtemp(tmpdir));
}

static const char *tmp_path(const char *name) {
  static char path[4][128];
  static int next;
  char *p = path[next++ % 4];
  snprintf(p, sizeof path[0], "%s/%s", tmpdir, name);
  return p;
}

static void write_file(const char *path, const char *text) {
  FILE *f = fopen(path, "w");
  assert_non_null(f);
  fputs(text, f);
  assert_int_equal(fclose(f), 0);
}

/* Remove the files the tests create, then the directory. */
static void remove_tmpdir(void) {
  static const char *const names[] = {"a.ttl", "b.ttl", "bad.ttl", "out.ttl", "notes.txt",
                                      "empty", "kb"};
  for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
    unlink(tmp_path(names[i]));
    rmdir(tmp_path(names[i]));
  }
  rmdir(tmpdir);
}

static csto_kbfile *new_kb(void) {
  csto_kbfile *kb = NULL;
  csto_error err = {0};
  assert_int_equal(csto_kbfile_new(&kb, &err), CSTO_OK);
  assert_non_null(kb);
  return kb;
}

static const char *data_kb_dir(void) {
  static char dir[1024];
  const char *data = getenv("CSTO_DATA_DIR");
  assert_non_null(data); /* tests/CMakeLists.txt sets it */
  snprintf(dir, sizeof dir, "%s/kb", data);
  return dir;
}

static csto_kbfile *load_real_kb(void) {
  csto_kbfile *kb = new_kb();
  csto_error err = {0};
  size_t files = 0;
  csto_status st = csto_kbfile_load_dir(kb, data_kb_dir(), &files, &err);
  if (st != CSTO_OK)
    fail_msg("%s", err.message);
  assert_true(files >= 5);
  return kb;
}

static csto_kbfile *load_fixture(void) {
  char path[1024];
  const char *tests = getenv("CSTO_TEST_DIR");
  assert_non_null(tests);
  snprintf(path, sizeof path, "%s/fixtures/wikidata-extract.ttl", tests);
  csto_kbfile *kb = new_kb();
  csto_error err = {0};
  if (csto_kbfile_load(kb, path, &err) != CSTO_OK)
    fail_msg("%s", err.message);
  return kb;
}

/* ---- basics ------------------------------------------------------------------------- */

static void test_free_null(void **state) {
  (void)state;
  csto_kbfile_free(NULL);
}

static void test_type_names(void **state) {
  (void)state;
  assert_string_equal(csto_kbfile_type_name(CSTO_KBFILE_COUNTRY), "Country");
  assert_string_equal(csto_kbfile_type_name(CSTO_KBFILE_GOVERNMENT_BODY), "GovernmentBody");
  assert_string_equal(csto_kbfile_type_name(CSTO_KBFILE_PERSON), "Person");
  assert_string_equal(csto_kbfile_type_name(CSTO_KBFILE_TYPE_COUNT), "?");
}

static void test_data_dir(void **state) {
  (void)state;
  char *saved = getenv("CSTO_DATA_DIR") ? strdup(getenv("CSTO_DATA_DIR")) : NULL;
  assert_string_equal(csto_kbfile_data_dir("/given"), "/given");
  setenv("CSTO_DATA_DIR", "/from/env", 1);
  assert_string_equal(csto_kbfile_data_dir(NULL), "/from/env");
  assert_string_equal(csto_kbfile_data_dir(""), "/from/env");
  setenv("CSTO_DATA_DIR", "", 1); /* empty counts as unset */
  assert_string_equal(csto_kbfile_data_dir(NULL), CSTO_DEFAULT_DATA_DIR);
  unsetenv("CSTO_DATA_DIR");
  assert_string_equal(csto_kbfile_data_dir(NULL), CSTO_DEFAULT_DATA_DIR);
  if (saved)
    setenv("CSTO_DATA_DIR", saved, 1);
  free(saved);
}

/* ---- loading ------------------------------------------------------------------------ */

static void test_load_errors(void **state) {
  (void)state;
  make_tmpdir();
  csto_kbfile *kb = new_kb();
  csto_error err = {0};
  assert_int_equal(csto_kbfile_load(kb, tmp_path("missing.ttl"), &err), CSTO_ERR_IO);
  assert_non_null(strstr(err.message, "missing.ttl: cannot open"));

  write_file(tmp_path("bad.ttl"), "@prefix x: <http://x/> .\nx:a x:b x:c .\nx:a x:b .\n");
  assert_int_equal(csto_kbfile_load(kb, tmp_path("bad.ttl"), &err), CSTO_ERR_DATA);
  assert_non_null(strstr(err.message, "bad.ttl:3:"));

  size_t files = 99;
  assert_int_equal(csto_kbfile_load_dir(kb, tmp_path("nope"), &files, &err), CSTO_ERR_IO);
  assert_int_equal(files, 0);
  assert_non_null(strstr(err.message, "cannot open directory"));

  /* a directory whose only .ttl is broken fails and names the file */
  assert_int_equal(csto_kbfile_load_dir(kb, tmpdir, &files, &err), CSTO_ERR_DATA);
  assert_non_null(strstr(err.message, "bad.ttl:3:"));
  unlink(tmp_path("bad.ttl"));

  /* no .ttl at all is not an error; other files are ignored */
  write_file(tmp_path("notes.txt"), "not RDF");
  assert_int_equal(csto_kbfile_load_dir(kb, tmpdir, &files, &err), CSTO_OK);
  assert_int_equal(files, 0);
  csto_kbfile_free(kb);
  remove_tmpdir();
}

static void test_load_ntriples(void **state) {
  (void)state;
  make_tmpdir();
  /* ".nt" selects the N-Triples parser, which rejects Turtle prefixes */
  const char *nt = tmp_path("a.nt");
  write_file(nt, "<http://x/a> <http://x/b> \"c\"@en .\n<http://x/a> <http://x/b> <http://x/d> .\n");
  csto_kbfile *kb = new_kb();
  csto_error err = {0};
  assert_int_equal(csto_kbfile_load(kb, nt, &err), CSTO_OK);
  assert_int_equal(csto_kbfile_size(kb), 2);
  assert_true(csto_kbfile_has(kb, "http://x/a", "http://x/b", "c", "en"));
  assert_true(csto_kbfile_has(kb, "http://x/a", "http://x/b", "http://x/d", NULL));
  assert_false(csto_kbfile_has(kb, "http://x/a", "http://x/b", "c", ""));
  write_file(nt, "@prefix x: <http://x/> .\nx:a x:b x:c .\n");
  assert_int_equal(csto_kbfile_load(kb, nt, &err), CSTO_ERR_DATA);
  unlink(nt);
  csto_kbfile_free(kb);
  remove_tmpdir();
}

/* ---- statistics --------------------------------------------------------------------- */

static const char small_kb_a[] =
    "@prefix csto: <https://w3id.org/csto-kg/ontology#> .\n"
    "@prefix res: <https://w3id.org/csto-kg/resource/> .\n"
    "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
    "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
    "@prefix owl: <http://www.w3.org/2002/07/owl#> .\n"
    "@prefix wd: <http://www.wikidata.org/entity/> .\n"
    "res:Aland a csto:Country ; rdfs:label \"Aland\"@en , \"Аланд\"@ru ;\n"
    "  skos:altLabel \"A1\"@en , \"A2\"@en ; owl:sameAs wd:Q1 .\n"
    "res:Bland a csto:Country ; rdfs:label \"Bland\"@en .\n"
    "res:Ccity a csto:City ; rdfs:label \"Ccity\"@en , \"Ccity two\"@en .\n";
static const char small_kb_b[] =
    "@prefix csto: <https://w3id.org/csto-kg/ontology#> .\n"
    "@prefix res: <https://w3id.org/csto-kg/resource/> .\n"
    "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
    "@prefix owl: <http://www.w3.org/2002/07/owl#> .\n"
    "@prefix wd: <http://www.wikidata.org/entity/> .\n"
    "# two classes: one entity, counted under both types\n"
    "res:Dual a csto:Person , csto:GovernmentBody ; owl:sameAs wd:Q2 .\n"
    "res:h1 a csto:PostHolding ; rdfs:label \"not an entity label\"@en .\n"
    "res:m1 a csto:Membership . res:m2 a csto:Membership .\n";

static void test_stats_small(void **state) {
  (void)state;
  make_tmpdir();
  write_file(tmp_path("a.ttl"), small_kb_a);
  write_file(tmp_path("b.ttl"), small_kb_b);
  csto_kbfile *kb = new_kb();
  csto_error err = {0};
  size_t files = 0;
  assert_int_equal(csto_kbfile_load_dir(kb, tmpdir, &files, &err), CSTO_OK);
  assert_int_equal(files, 2);
  csto_kbfile_stats s;
  assert_int_equal(csto_kbfile_stats_get(kb, &s, &err), CSTO_OK);
  assert_int_equal(s.triples, 18);
  assert_int_equal(s.entities, 4);
  assert_int_equal(s.by_type[CSTO_KBFILE_COUNTRY], 2);
  assert_int_equal(s.by_type[CSTO_KBFILE_CITY], 1);
  assert_int_equal(s.by_type[CSTO_KBFILE_PERSON], 1);
  assert_int_equal(s.by_type[CSTO_KBFILE_GOVERNMENT_BODY], 1);
  assert_int_equal(s.by_type[CSTO_KBFILE_INTERNATIONAL_ORGANIZATION], 0);
  assert_int_equal(s.with_sameas, 2);
  assert_int_equal(s.without_sameas, 2);
  assert_int_equal(s.post_holdings, 1);
  assert_int_equal(s.memberships, 2);
  assert_int_equal(s.labels_en, 4); /* the holding's label is not an entity label */
  assert_int_equal(s.labels_ru, 1);
  assert_int_equal(s.alt_labels, 2);
  assert_int_equal(s.entities_without_en_label, 1);       /* Dual */
  assert_int_equal(s.entities_with_several_en_labels, 1); /* Ccity */
  csto_kbfile_free(kb);
  unlink(tmp_path("a.ttl"));
  unlink(tmp_path("b.ttl"));
  remove_tmpdir();
}

/* The shipped knowledge base: what the brief promises and the schema requires. */
static void test_stats_real_kb(void **state) {
  (void)state;
  csto_kbfile *kb = load_real_kb();
  csto_kbfile_stats s;
  csto_error err = {0};
  assert_int_equal(csto_kbfile_stats_get(kb, &s, &err), CSTO_OK);
  assert_true(s.entities >= 400);
  assert_true(s.by_type[CSTO_KBFILE_PERSON] >= 336);
  assert_true(s.by_type[CSTO_KBFILE_COUNTRY] >= 34);
  assert_true(s.by_type[CSTO_KBFILE_ORGANIZATION_BODY] >= 20);
  assert_true(s.post_holdings >= 429);
  assert_true(s.memberships >= 60);
  assert_true(s.meetings >= 130); /* sessions: counted apart from the entities */
  assert_int_equal(s.with_sameas + s.without_sameas, s.entities);
  assert_int_equal(s.labels_en, s.entities);
  assert_int_equal(s.entities_without_en_label, 0);
  assert_int_equal(s.entities_with_several_en_labels, 0);
  assert_true(s.alt_labels > s.entities);
  csto_kbfile_free(kb);
}

static void test_real_kb_facts(void **state) {
  (void)state;
  csto_kbfile *kb = load_real_kb();
  assert_true(csto_kbfile_has(kb, RES "Russia", RDF_TYPE, CSTO "Country", NULL));
  assert_true(csto_kbfile_has(kb, RES "Russia", CSTO "demonym", "Russian", "en"));
  assert_true(csto_kbfile_has(kb, RES "Russia", CSTO "capital", RES "Moscow", NULL));
  assert_true(csto_kbfile_has(kb, RES "Kyrgyzstan", SKOS_ALT, "Kirghizia", "en"));
  assert_true(csto_kbfile_has(kb, RES "Turkey", SKOS_ALT, "T\xc3\xbcrkiye", "en"));
  assert_true(csto_kbfile_has(kb, RES "Astana", SKOS_ALT, "Nur-Sultan", "en"));
  assert_true(csto_kbfile_has(kb, RES "CSTO", OWL_SAMEAS, WD "Q318693", NULL));
  assert_true(csto_kbfile_has(kb, RES "CSTO_Council_of_Foreign_Ministers", SKOS_ALT,
                              "CSTO Foreign Ministers\xe2\x80\x99 Council", "en"));
  assert_true(csto_kbfile_has(kb, RES "CSTO_Collective_Security_Council", CSTO "meetingClass",
                              CSTO "Summit", NULL));
  assert_true(csto_kbfile_has(kb, RES "Ministry_of_Foreign_Affairs_of_Russia", SKOS_ALT,
                              "Russian Foreign Ministry", "en"));
  assert_true(csto_kbfile_has(kb, RES "Presidential_Administration_of_Russia", SKOS_ALT,
                              "Kremlin", "en"));
  assert_true(csto_kbfile_has(kb, RES "Sergey_Lavrov", OWL_SAMEAS, WD "Q58217", NULL));
  assert_true(csto_kbfile_has(kb, RES "Emomali_Rahmon", SKOS_ALT, "Emomali Rakhmon", "en"));
  /* ids marked missing in the research stay missing */
  assert_false(csto_kbfile_has(kb, RES "Stanislav_Zas", OWL_SAMEAS, WD "Q80137", NULL));
  const char *h = RES "holding_Maria_Zakharova_Spokesperson_Ministry_of_Foreign_Affairs_of_Russia_2015";
  assert_true(csto_kbfile_has(kb, h, CSTO "holder", RES "Maria_Zakharova", NULL));
  assert_true(csto_kbfile_has(kb, h, CSTO "role", CSTO "Spokesperson", NULL));
  assert_true(csto_kbfile_has(kb, h, CSTO "postIn", RES "Ministry_of_Foreign_Affairs_of_Russia",
                              NULL));
  const char *m = RES "membership_Uzbekistan_CSTO";
  assert_true(csto_kbfile_has(kb, m, CSTO "membershipStatus", CSTO "FullMember", NULL));
  assert_true(csto_kbfile_has(kb, RES "membership_Turkmenistan_CIS", CSTO "membershipStatus",
                              CSTO "AssociateMember", NULL));
  csto_kbfile_free(kb);
}

/* ---- import ------------------------------------------------------------------------- */

static void test_import_fixture(void **state) {
  (void)state;
  csto_kbfile *known = load_real_kb(), *extract = load_fixture(), *target = new_kb();
  csto_kbfile_import_report r;
  csto_error err = {0};
  assert_int_equal(csto_kbfile_import_wikidata(target, extract, known, &r, &err), CSTO_OK);
  assert_int_equal(r.items, 9);
  assert_int_equal(r.imported, 8);
  assert_int_equal(r.skipped, 1);
  assert_int_equal(r.reused, 2);
  assert_int_equal(r.typed, 7);
  assert_int_equal(r.added, 40);
  assert_int_equal(csto_kbfile_size(target), 40);

  /* a known item keeps its IRI; a different label becomes an alias */
  assert_true(csto_kbfile_has(target, RES "Vladimir_Putin", RDFS_LABEL, "Vladimir Putin", "en"));
  assert_true(csto_kbfile_has(target, RES "Vladimir_Putin", CSTO "positionHeldItem",
                              WD "Q900000101", NULL));
  assert_true(csto_kbfile_has(target, RES "Sergey_Lavrov", SKOS_ALT, "Sergei Lavrov", "en"));
  assert_false(csto_kbfile_has(target, RES "Sergey_Lavrov", RDFS_LABEL, "Sergei Lavrov", "en"));
  /* English only */
  assert_false(csto_kbfile_has(target, RES "Vladimir_Putin", SKOS_ALT,
                               "\xd0\x9f\xd1\x83\xd1\x82\xd0\xb8\xd0\xbd", "ru"));
  /* new items: type mapping, aliases, positions */
  const char *t = RES "Testa_Imaginova";
  assert_true(csto_kbfile_has(target, t, RDF_TYPE, CSTO "Person", NULL));
  assert_true(csto_kbfile_has(target, t, OWL_SAMEAS, WD "Q900000001", NULL));
  assert_true(csto_kbfile_has(target, t, SKOS_ALT, "T. Imaginova", "en"));
  assert_true(csto_kbfile_has(target, t, CSTO "positionHeldItem", WD "Q900000103", NULL));
  assert_true(csto_kbfile_has(target, RES "Republic_of_Fictionland", RDF_TYPE, CSTO "Country",
                              NULL));
  assert_true(csto_kbfile_has(target, RES "Fictopolis", RDF_TYPE, CSTO "City", NULL));
  assert_true(csto_kbfile_has(target, RES "Organisation_of_Imaginary_States", RDF_TYPE,
                              CSTO "InternationalOrganization", NULL));
  /* an unmapped class gives no type; the IRI is csto_slug's */
  assert_true(csto_kbfile_has(target, RES "Zas_tava_Imaginary", OWL_SAMEAS, WD "Q900000005",
                              NULL));
  assert_false(csto_kbfile_has(target, RES "Zas_tava_Imaginary", RDF_TYPE, CSTO "Person", NULL));
  /* a namesake with another id gets its own IRI */
  assert_true(csto_kbfile_has(target, RES "Testa_Imaginova_Q900000007", OWL_SAMEAS,
                              WD "Q900000007", NULL));
  assert_false(csto_kbfile_has(target, t, OWL_SAMEAS, WD "Q900000007", NULL));

  /* importing again adds nothing */
  assert_int_equal(csto_kbfile_import_wikidata(target, extract, known, &r, &err), CSTO_OK);
  assert_int_equal(r.added, 0);
  assert_int_equal(r.imported, 8);
  csto_kbfile_free(known);
  csto_kbfile_free(extract);
  csto_kbfile_free(target);
}

static void test_import_without_known(void **state) {
  (void)state;
  csto_kbfile *extract = load_fixture(), *target = new_kb();
  csto_kbfile_import_report r;
  csto_error err = {0};
  assert_int_equal(csto_kbfile_import_wikidata(target, extract, NULL, NULL, &err), CSTO_OK);
  assert_int_equal(csto_kbfile_import_wikidata(target, extract, NULL, &r, &err), CSTO_OK);
  assert_int_equal(r.reused, 8); /* second run: the target itself links every item */
  assert_int_equal(r.added, 0);
  /* without the knowledge base Lavrov's IRI comes from the extract's label */
  assert_true(csto_kbfile_has(target, RES "Sergei_Lavrov", RDFS_LABEL, "Sergei Lavrov", "en"));
  csto_kbfile_free(extract);
  csto_kbfile_free(target);
}

static void test_import_nothing(void **state) {
  (void)state;
  csto_kbfile *extract = new_kb(), *target = new_kb();
  csto_kbfile_import_report r;
  csto_error err = {0};
  assert_int_equal(csto_kbfile_import_wikidata(target, extract, NULL, &r, &err), CSTO_OK);
  assert_int_equal(r.items, 0);
  assert_int_equal(r.imported, 0);
  assert_int_equal(csto_kbfile_size(target), 0);
  csto_kbfile_free(extract);
  csto_kbfile_free(target);
}

/* ---- writing ------------------------------------------------------------------------ */

static void test_write_roundtrip(void **state) {
  (void)state;
  make_tmpdir();
  csto_kbfile *extract = load_fixture(), *target = new_kb(), *again = new_kb();
  csto_error err = {0};
  assert_int_equal(csto_kbfile_import_wikidata(target, extract, NULL, NULL, &err), CSTO_OK);
  assert_int_equal(csto_kbfile_write(target, tmp_path("out.ttl"), &err), CSTO_OK);
  assert_int_equal(csto_kbfile_load(again, tmp_path("out.ttl"), &err), CSTO_OK);
  assert_int_equal(csto_kbfile_size(again), csto_kbfile_size(target));
  assert_true(csto_kbfile_has(again, RES "Zas_tava_Imaginary", RDFS_LABEL,
                              "Zas'tava Imaginary", "en"));
  /* prefixes are declared, so the file is readable */
  FILE *f = fopen(tmp_path("out.ttl"), "r");
  assert_non_null(f);
  char buf[8192];
  size_t n = fread(buf, 1, sizeof buf - 1, f);
  buf[n] = '\0';
  fclose(f);
  assert_non_null(strstr(buf, "@prefix res: <https://w3id.org/csto-kg/resource/> ."));
  assert_non_null(strstr(buf, "res:Testa_Imaginova"));
  assert_null(strstr(buf, "@base"));
  /* a directory that does not exist: an I/O error and no file */
  assert_int_equal(csto_kbfile_write(target, tmp_path("kb/out.ttl"), &err), CSTO_ERR_IO);
  assert_int_equal(access(tmp_path("kb/out.ttl"), F_OK), -1);
  unlink(tmp_path("out.ttl"));
  csto_kbfile_free(extract);
  csto_kbfile_free(target);
  csto_kbfile_free(again);
  remove_tmpdir();
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_free_null),        cmocka_unit_test(test_type_names),
      cmocka_unit_test(test_data_dir),
      cmocka_unit_test(test_load_errors),      cmocka_unit_test(test_load_ntriples),
      cmocka_unit_test(test_stats_small),      cmocka_unit_test(test_stats_real_kb),
      cmocka_unit_test(test_real_kb_facts),    cmocka_unit_test(test_import_fixture),
      cmocka_unit_test(test_import_without_known), cmocka_unit_test(test_import_nothing),
      cmocka_unit_test(test_write_roundtrip),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
