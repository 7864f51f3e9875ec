#include "support.h"

#include "csto/meeting.h"

#include <fcntl.h>
#include <sys/stat.h>

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

/* Whether some phrase of kb starts with phrase followed by a space. */
static int has_longer(const csto_kb *base, const char *phrase) {
  const int *ids;
  int longer;
  csto_kb_match(base, phrase, strlen(phrase), &ids, &longer);
  return longer;
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
  assert_true(has_longer(kb, "under the"));
  assert_null(first("no such phrase here", CSTO_LEX_CUE));
}

/* csto_kb_match answers for a phrase given by its length (here the start of a longer text)
 * what it answers for the phrase alone, and the meanings csto_kb_lookup copies. */
static void a_match_is_both_lookups(void **state) {
  (void)state;
  const char *phrases[] = {"foreign minister", "under the", "under", "chaired by", "zzz"};
  for (size_t i = 0; i < sizeof phrases / sizeof *phrases; i++) {
    char text[64];
    snprintf(text, sizeof text, "%s and more", phrases[i]);
    const int *ids, *want;
    int longer = -1;
    size_t n = csto_kb_match(kb, text, strlen(phrases[i]), &ids, &longer);
    assert_int_equal(n, csto_kb_match(kb, phrases[i], strlen(phrases[i]), &want, NULL));
    if (n)
      assert_memory_equal(ids, want, n * sizeof *ids);
    assert_int_equal(longer, has_longer(kb, phrases[i]));
    const csto_lex_entry *copied[CSTO_KB_MAX_MEANINGS];
    size_t nc = csto_kb_lookup(kb, phrases[i], copied, CSTO_KB_MAX_MEANINGS);
    assert_int_equal(nc, n < CSTO_KB_MAX_MEANINGS ? n : CSTO_KB_MAX_MEANINGS);
    for (size_t j = 0; j < nc; j++)
      assert_ptr_equal(copied[j], &csto_kb_entries(kb)[ids[j]]);
  }
  const int *ids;
  int longer;
  assert_true(csto_kb_match(kb, "foreign minister", 16, &ids, &longer) > 0);
  csto_kb_match(kb, "under the", 9, &ids, &longer);
  assert_true(longer);
  csto_kb_match(kb, "under the", 5, &ids, &longer); /* "under", which "under the" starts */
  assert_true(longer);
  csto_kb_match(kb, "zzz", 3, &ids, &longer);
  assert_false(longer);
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
  char path[256], kbdir[256];
  snprintf(kbdir, sizeof kbdir, "%s/kb", dir); /* an empty kb/: the lexicon is what is broken */
  assert_int_equal(mkdir(kbdir, 0700), 0);
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
  rmdir(kbdir);
  rmdir(dir);
  csto_kb_free(NULL);
}

/* Each session of ontology/kb/meetings.ttl is the node and label that extraction mints for
 * its body's meeting on its first day (meeting.h), so that the base and an article that
 * reports the meeting name one node with one label; and the sessions of a body in a city
 * come in date order. */
static void sessions_are_the_nodes_extraction_mints(void **state) {
  (void)state;
  const csto_kb_session *const *all;
  size_t n = csto_kb_sessions(kb, &all);
  assert_true(n >= 130);
  for (size_t i = 0; i < n; i++) {
    csto_doc_event e = {.n_meets = 1, .meets = {all[i]->body}};
    char *name = csto_meeting_name(&e, &all[i]->start);
    char *label = csto_meeting_label(&e, &all[i]->start);
    assert_string_equal(name, all[i]->local);
    assert_non_null(all[i]->label);
    assert_string_equal(label, all[i]->label);
    free(name);
    free(label);
  }
  const csto_kb_session *const *in;
  const csto_lex_entry *csc = first("csto collective security council", CSTO_LEX_ENTITY);
  const csto_lex_entry *dushanbe = first("dushanbe", CSTO_LEX_ENTITY);
  assert_int_equal(csto_kb_sessions_in(kb, csc->entity, dushanbe->entity, &in), 4);
  assert_string_equal(in[0]->local, "event_CSTO_Collective_Security_Council_2003-04-28");
  assert_string_equal(in[3]->local, "event_CSTO_Collective_Security_Council_2021-09-16");
  assert_int_equal(csto_kb_sessions_in(kb, csc->entity, NULL, &in), 3); /* videoconferences */
  assert_int_equal(csto_kb_sessions_in(kb, dushanbe->entity, dushanbe->entity, &in), 0);
}

/* ---- small data folders made of tests/fixtures/lexicon-*.ttl ----------------------------- */

static void copy_fixture(const char *name, const char *to) {
  char from[512], cmd[1200];
  if (test_fixture(from, sizeof from, name) != 0)
    fail_msg("CSTO_TEST_DIR is not set: run through ctest");
  snprintf(cmd, sizeof cmd, "cp '%s' '%s/%s'", from, test_tmpdir, to);
  assert_int_equal(system(cmd), 0);
}

/* A scratch data folder with a kb/ folder in it. */
static void make_data_dir(void) {
  char kbdir[128];
  assert_int_equal(test_tmpdir_make(), 0);
  snprintf(kbdir, sizeof kbdir, "%s/kb", test_tmpdir);
  assert_int_equal(mkdir(kbdir, 0700), 0);
}

/* Load the scratch data folder, then remove it; returns the status, the message in err. */
static csto_status load_data_dir(csto_kb **out, csto_error *err) {
  *out = NULL;
  csto_status st = csto_kb_load(test_tmpdir, out, err);
  assert_int_equal(test_tmpdir_remove(), 0);
  return st;
}

/* Load a data folder of this lexicon fixture and knowledge-base fixtures (NULL-terminated
 * pairs: fixture, name in kb/); returns the status, the message in err. */
static csto_status load_fixtures(const char *lexicon, csto_kb **out, csto_error *err, ...) {
  make_data_dir();
  copy_fixture(lexicon, "lexicon.ttl");
  va_list ap;
  va_start(ap, err);
  for (const char *name; (name = va_arg(ap, const char *));) {
    char to[128];
    snprintf(to, sizeof to, "kb/%s", va_arg(ap, const char *));
    copy_fixture(name, to);
  }
  va_end(ap);
  return load_data_dir(out, err);
}

/* Load a data folder of the lexicon fixture lexicon-good.ttl and one knowledge-base file,
 * kb/people.ttl, of this text. */
static csto_status load_kb_text(const char *text, csto_kb **out, csto_error *err) {
  char path[128];
  make_data_dir();
  copy_fixture("lexicon-good.ttl", "lexicon.ttl");
  snprintf(path, sizeof path, "%s/kb/people.ttl", test_tmpdir);
  FILE *f = fopen(path, "w");
  assert_non_null(f);
  fputs(text, f);
  fclose(f);
  return load_data_dir(out, err);
}

#define KB_PREFIXES \
  "@prefix csto: <https://w3id.org/csto-kg/ontology#> .\n" \
  "@prefix res: <https://w3id.org/csto-kg/resource/> .\n" \
  "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"

/* A broken knowledge-base file fails the load, naming its file and line: a syntax error (the
 * line serd gives), a prefix never declared, and a byte that is not UTF-8 (found before serd
 * reads the file). */
static void kb_file_errors_name_file_and_line(void **state) {
  (void)state;
  static const struct {
    const char *text, *message;
  } cases[] = {
      {KB_PREFIXES "\nres:A a csto:Person ;\n    rdfs:label \"A\"@en res:B .\n",
       "/kb/people.ttl:6: missing ';' or '.'"},
      {KB_PREFIXES "res:A a csto:Person ;\n\n    rdfs:label \"A\"@en ;\n    foo:x res:B .\n",
       "/kb/people.ttl:7: undefined prefix in foo:x"},
      {KB_PREFIXES "res:A a csto:Person ;\n    rdfs:label \"Caf\xe9\"@en .\n",
       "/kb/people.ttl:5: invalid UTF-8"},
      {KB_PREFIXES "res:S a csto:Event ;\n    rdfs:label \"S\"@en .\n",
       "/kb/people.ttl:4: the event https://w3id.org/csto-kg/resource/S needs a csto:organizer"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    csto_kb *loaded;
    csto_error err = {0};
    assert_int_equal(load_kb_text(cases[i].text, &loaded, &err), CSTO_ERR_DATA);
    assert_null(loaded);
    if (!strstr(err.message, cases[i].message))
      fail_msg("case %zu: got \"%s\", want \"%s\"", i, err.message, cases[i].message);
  }
}

/* Three holders of one post in turn (the file lists them out of order), one of another post
 * and role, and a holding without a holder: the holder on a date is the one whose term
 * covers it (the end day is the next holder's), the first in the file when two do. */
static void holders_are_found_by_post_role_and_date(void **state) {
  (void)state;
  static const char text[] =
      KB_PREFIXES
      "res:X a csto:Country ; rdfs:label \"Xland\"@en .\n"
      "res:Y a csto:Country ; rdfs:label \"Yland\"@en .\n"
      "res:A a csto:Person ; rdfs:label \"Ann Alpha\"@en .\n"
      "res:B a csto:Person ; rdfs:label \"Ben Beta\"@en .\n"
      "res:C a csto:Person ; rdfs:label \"Cy Gamma\"@en .\n"
      "res:h3 csto:holder res:C ; csto:role csto:HeadOfState ; csto:postIn res:X ;\n"
      "    csto:startDate \"2010-05-01\" .\n"
      "res:h1 csto:holder res:A ; csto:role csto:HeadOfState ; csto:postIn res:X ;\n"
      "    csto:startDate \"2000-01-01\" ; csto:endDate \"2005-01-01\" .\n"
      "res:h2 csto:holder res:B ; csto:role csto:HeadOfState ; csto:postIn res:X ;\n"
      "    csto:startDate \"2005-01-01\" ; csto:endDate \"2010-06-01\" .\n"
      "res:h4 csto:holder res:A ; csto:role csto:ForeignMinister ; csto:postIn res:Y ;\n"
      "    csto:startDate \"1990-01-01\" .\n"
      "res:h5 csto:role csto:HeadOfState ; csto:postIn res:Y .\n";
  csto_kb *small;
  csto_error err = {0};
  if (load_kb_text(text, &small, &err) != CSTO_OK)
    fail_msg("%s", err.message);
  const csto_lex_entry *e[CSTO_KB_MAX_MEANINGS];
  assert_int_equal(csto_kb_lookup(small, "xland", e, CSTO_KB_MAX_MEANINGS), 1);
  const csto_kb_entity *x = e[0]->entity;
  assert_int_equal(csto_kb_lookup(small, "yland", e, CSTO_KB_MAX_MEANINGS), 1);
  const csto_kb_entity *y = e[0]->entity;
  static const struct {
    csto_date date;
    const char *holder; /* NULL: none */
  } cases[] = {
      {{1999, 12, 31}, NULL},      {{2000, 1, 1}, "Ann Alpha"}, {{2004, 12, 31}, "Ann Alpha"},
      {{2005, 1, 1}, "Ben Beta"},  {{2010, 5, 15}, "Cy Gamma"}, /* h3 comes first */
      {{2010, 6, 1}, "Cy Gamma"},  {{0, 0, 0}, "Cy Gamma"},     /* no date: the current one */
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    const csto_kb_holding *h = csto_kb_holder(small, CSTO_ROLE_HEAD_OF_STATE, x, cases[i].date);
    if (!cases[i].holder ? h != NULL : !h || strcmp(h->holder->label, cases[i].holder) != 0)
      fail_msg("case %zu: got %s, want %s", i, h ? h->holder->label : "none",
               cases[i].holder ? cases[i].holder : "none");
  }
  const csto_kb_holding *fm = csto_kb_holder(small, CSTO_ROLE_FOREIGN_MINISTER, y,
                                             (csto_date){2000, 1, 1});
  assert_non_null(fm);
  assert_string_equal(fm->holder->label, "Ann Alpha");
  assert_null(csto_kb_holder(small, CSTO_ROLE_FOREIGN_MINISTER, x, (csto_date){2000, 1, 1}));
  assert_null(csto_kb_holder(small, CSTO_ROLE_HEAD_OF_STATE, y, (csto_date){0, 0, 0}));
  assert_null(csto_kb_holder(small, CSTO_ROLE_CHAIR, NULL, (csto_date){0, 0, 0}));
  csto_kb_free(small);
}

/* A mistake in the lexicon fails the load, naming the file, the line and the mistake. */
static void lexicon_mistakes_are_errors_with_their_line(void **state) {
  (void)state;
  static const struct {
    const char *fixture, *message;
  } cases[] = {
      {"lexicon-bad-cue.ttl", "lexicon.ttl:4: unknown cue lex:ChairPasive"},
      {"lexicon-bad-class.ttl", "lexicon.ttl:5: unknown lexicon class csto:Sumit"},
      {"lexicon-bad-type.ttl", "lexicon.ttl:4: unknown lexicon class lex:Monht"},
      {"lexicon-bad-property.ttl", "lexicon.ttl:5: unknown lexicon property lex:phrse"},
      {"lexicon-bad-value.ttl", "lexicon.ttl:4: lex:value of lex:May is not an integer"},
      {"lexicon-bad-duplicate.ttl",
       "lexicon.ttl:7: \"met\" is listed under lex:Gather (line 5) and lex:Meet"},
      {"lexicon-bad-twice.ttl",
       "lexicon.ttl:5: \"Via  Video Link\" is listed twice under csto:Remote"},
      {"lexicon-bad-mark.ttl",
       "lexicon.ttl:5: lex:Ambiguous lists \"summit\", which has one meaning"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    csto_kb *loaded;
    csto_error err = {0};
    assert_int_equal(load_fixtures(cases[i].fixture, &loaded, &err, NULL), CSTO_ERR_DATA);
    assert_null(loaded);
    if (!strstr(err.message, cases[i].message))
      fail_msg("%s: got \"%s\", want \"%s\"", cases[i].fixture, err.message, cases[i].message);
  }
}

/* A phrase's meanings come in the order of the lexicon, then of the knowledge-base files
 * (by name) and their triples, whatever the IRIs or the size of the data. */
static void meanings_follow_the_files(void **state) {
  (void)state;
  csto_kb *small;
  csto_error err = {0};
  const csto_lex_entry *e[CSTO_KB_MAX_MEANINGS];
  csto_status st = load_fixtures("lexicon-good.ttl", &small, &err, "lexicon-kb-first.ttl",
                                 "1.ttl", "lexicon-kb-second.ttl", "2.ttl", NULL);
  if (st != CSTO_OK)
    fail_msg("%s", err.message);
  assert_int_equal(csto_kb_lookup(small, "met", e, CSTO_KB_MAX_MEANINGS), 2);
  assert_int_equal(e[0]->value, CSTO_CUE_GATHER);
  assert_int_equal(e[1]->value, CSTO_CUE_MEET);
  assert_int_equal(csto_kb_lookup(small, "summit", e, CSTO_KB_MAX_MEANINGS), 2);
  assert_int_equal(e[0]->kind, CSTO_LEX_EVENT_NOUN);
  assert_int_equal(e[0]->value, CSTO_EVENT_SUMMIT);
  assert_int_equal(e[1]->value, CSTO_CUE_NOT_A_NAME);
  assert_int_equal(csto_kb_lookup(small, "may", e, CSTO_KB_MAX_MEANINGS), 1);
  assert_int_equal(e[0]->kind, CSTO_LEX_MONTH);
  assert_int_equal(e[0]->value, 5);
  assert_int_equal(csto_kb_lookup(small, "zed quill", e, CSTO_KB_MAX_MEANINGS), 2);
  assert_string_equal(e[0]->entity->local, "Zed_Quill_B");
  csto_kb_free(small);
  /* The same files under swapped names: the other person comes first. */
  st = load_fixtures("lexicon-good.ttl", &small, &err, "lexicon-kb-first.ttl", "2.ttl",
                     "lexicon-kb-second.ttl", "1.ttl", NULL);
  assert_int_equal(st, CSTO_OK);
  assert_int_equal(csto_kb_lookup(small, "zed quill", e, CSTO_KB_MAX_MEANINGS), 2);
  assert_string_equal(e[0]->entity->local, "Zed_Quill_A");
  csto_kb_free(small);
}

/* The cue names the loader reads come from the same list as the enum. */
static void cue_classes_are_declared_once(void **state) {
  (void)state;
  const csto_lex_entry *gather = first("gathered", CSTO_LEX_CUE);
  const csto_lex_entry *likewise = first("as did", CSTO_LEX_CUE);
  assert_non_null(gather);
  assert_int_equal(gather->value, CSTO_CUE_GATHER);
  assert_non_null(likewise);
  assert_int_equal(likewise->value, CSTO_CUE_LIKEWISE);
}

/* people.ttl of the scratch data folder, naming one person; the same length for each name. */
static void write_person(const char *name, const struct timespec *mtime) {
  char path[160];
  snprintf(path, sizeof path, "%s/kb/people.ttl", test_tmpdir);
  FILE *f = fopen(path, "w"); /* rewritten in place: the same inode */
  assert_non_null(f);
  fprintf(f, KB_PREFIXES "res:P a csto:Person ;\n    rdfs:label \"%s\"@en .\n", name);
  fclose(f);
  if (mtime) { /* the same size and time: only the content says it changed */
    const struct timespec times[2] = {*mtime, *mtime};
    assert_int_equal(utimensat(AT_FDCWD, path, times, 0), 0);
  }
}

static struct timespec mtime_of_people(void) {
  char path[160];
  struct stat st;
  snprintf(path, sizeof path, "%s/kb/people.ttl", test_tmpdir);
  assert_int_equal(stat(path, &st), 0);
  return st.st_mtim;
}

/* Whether the base at hand names the person. */
static int names(const char *data, const char *cache, const char *phrase) {
  csto_kb *loaded = NULL;
  csto_error err = {0};
  assert_int_equal(csto_kb_load_cached(data, cache, &loaded, &err), CSTO_OK);
  const csto_lex_entry *e[CSTO_KB_MAX_MEANINGS];
  int found = csto_kb_lookup(loaded, phrase, e, CSTO_KB_MAX_MEANINGS) > 0;
  csto_kb_free(loaded);
  return found;
}

/* A scratch data folder (its path in data) with the good lexicon and the person name,
 * loaded once through its cache folder (inside it, path in cache), which so holds its
 * snapshot; phrase is the name normalized. */
enum { DATA_SIZE = 64, CACHE_SIZE = 96 };
static void cached_data_dir(char *data, char *cache, const char *name, const char *phrase) {
  make_data_dir();
  copy_fixture("lexicon-good.ttl", "lexicon.ttl");
  snprintf(cache, CACHE_SIZE, "%s/cache", test_tmpdir);
  snprintf(data, DATA_SIZE, "%s", test_tmpdir);
  write_person(name, NULL);
  assert_true(names(data, cache, phrase)); /* parsed; the snapshot written */
}

/* The snapshot is read while the files are unchanged (shown by changing one behind its
 * back: same size, same time, so the old name still loads), and passed over once a file's
 * time changes or the snapshot itself is damaged. */
static void snapshot_stands_for_unchanged_files(void **state) {
  (void)state;
  char data[DATA_SIZE], cache[CACHE_SIZE], snapshot[160];
  cached_data_dir(data, cache, "Anna Alpha", "anna alpha");
  char cmd[256];
  snprintf(cmd, sizeof cmd, "ls %s/kb-*.snapshot > /dev/null", cache);
  assert_int_equal(system(cmd), 0);
  struct timespec t = mtime_of_people();
  write_person("Bert Bravo", &t);
  assert_true(names(data, cache, "anna alpha")); /* from the snapshot */
  assert_false(names(data, NULL, "anna alpha")); /* no cache: the files */
  t.tv_sec -= 60;
  write_person("Bert Bravo", &t);
  assert_true(names(data, cache, "bert bravo")); /* the time changed: parsed again */
  snprintf(cmd, sizeof cmd, "for f in %s/kb-*.snapshot; do head -c 300 \"$f\" > \"$f.x\"; "
                            "mv \"$f.x\" \"$f\"; done", cache);
  assert_int_equal(system(cmd), 0);
  assert_true(names(data, cache, "bert bravo")); /* damaged: parsed, and rewritten */
  snprintf(snapshot, sizeof snapshot, "test $(stat -c %%s %s/kb-*.snapshot) -gt 300", cache);
  assert_int_equal(system(snapshot), 0);
  assert_int_equal(test_tmpdir_remove(), 0);
}

/* How many kb-*.snapshot files cache holds is n: 0 when so. */
static int snapshots_are(const char *cache, int n) {
  char cmd[256];
  snprintf(cmd, sizeof cmd, "test $(ls %s | grep -c '^kb-.*\\.snapshot$') -eq %d", cache, n);
  return system(cmd);
}

/* A scratch data folder with one person, loaded through cache; its path in data. */
static void cached_folder(const char *cache, char *data, size_t size) {
  make_data_dir();
  copy_fixture("lexicon-good.ttl", "lexicon.ttl");
  write_person("Anna Alpha", NULL);
  assert_true(names(test_tmpdir, cache, "anna alpha"));
  snprintf(data, size, "%s", test_tmpdir);
  test_tmpdir_reset(); /* kept: the next folder is another */
}

/* Saving a snapshot removes those of data folders that are gone, and only those: not one
 * whose folder is still there, nor a file of another version. */
static void snapshots_of_removed_folders_are_pruned(void **state) {
  (void)state;
  char cache[64] = "/tmp/csto-cache-XXXXXX", kept[64], gone[64], added[64], cmd[256];
  assert_non_null(mkdtemp(cache));
  snprintf(cmd, sizeof cmd, "echo other > %s/kb-0000000000000000.snapshot", cache);
  assert_int_equal(system(cmd), 0);
  cached_folder(cache, kept, sizeof kept);
  cached_folder(cache, gone, sizeof gone);
  assert_int_equal(snapshots_are(cache, 3), 0);
  snprintf(cmd, sizeof cmd, "rm -r '%s'", gone);
  assert_int_equal(system(cmd), 0);
  cached_folder(cache, added, sizeof added); /* saved: gone's snapshot removed */
  assert_int_equal(snapshots_are(cache, 3), 0);
  snprintf(cmd, sizeof cmd, "test -f %s/kb-0000000000000000.snapshot", cache);
  assert_int_equal(system(cmd), 0);
  snprintf(cmd, sizeof cmd, "rm -r '%s' '%s' '%s'", kept, added, cache);
  assert_int_equal(system(cmd), 0);
}

/* Every n-gram of an article's tokens (up to the longest phrase) means the same, and is the
 * start of a longer phrase alike, in bases a and b. */
static void same_gazetteer(const csto_kb *a, const csto_kb *b, const char *article) {
  char path[512], *text = NULL;
  size_t len = 0, n;
  csto_error err;
  csto_token *toks;
  if (test_fixture(path, sizeof path, article) != 0)
    fail_msg("CSTO_TEST_DIR is not set: run through ctest");
  FILE *f = fopen(path, "rb");
  assert_non_null(f);
  assert_int_equal(getdelim(&text, &len, '\0', f) > 0, 1);
  fclose(f);
  assert_int_equal(csto_tokenize(text, strlen(text), &toks, &n, &err), CSTO_OK);
  assert_int_equal(csto_kb_max_phrase_tokens(a), csto_kb_max_phrase_tokens(b));
  size_t found = 0, longer = 0;
  for (size_t i = 0; i < n; i++) {
    for (size_t k = i + 1; k <= n && k - i <= csto_kb_max_phrase_tokens(a); k++) {
      char *phrase = csto_tokens_phrase(toks, i, k);
      const csto_lex_entry *x[CSTO_KB_MAX_MEANINGS], *y[CSTO_KB_MAX_MEANINGS];
      size_t nx = csto_kb_lookup(a, phrase, x, CSTO_KB_MAX_MEANINGS);
      assert_int_equal(nx, csto_kb_lookup(b, phrase, y, CSTO_KB_MAX_MEANINGS));
      for (size_t j = 0; j < nx; j++) {
        assert_int_equal(x[j]->kind, y[j]->kind);
        assert_int_equal(x[j]->value, y[j]->value);
        assert_int_equal(!x[j]->entity, !y[j]->entity);
        if (x[j]->entity)
          assert_string_equal(x[j]->entity->iri, y[j]->entity->iri);
      }
      assert_int_equal(has_longer(a, phrase), has_longer(b, phrase));
      found += nx > 0;
      longer += has_longer(a, phrase) != 0;
      free(phrase);
    }
  }
  assert_true(found > 50 && longer > 20); /* the article does name what the base knows */
  csto_tokens_free(toks, n);
  free(text);
}

/* A start from the snapshot (which keeps the phrases derived from the labels) knows what a
 * start from the files knows. */
static void snapshot_keeps_the_gazetteer(void **state) {
  (void)state;
  char cache[64] = "/tmp/csto-cache-XXXXXX", cmd[128];
  assert_non_null(mkdtemp(cache));
  csto_kb *files = NULL, *first = NULL, *again = NULL;
  csto_error err = {0};
  assert_int_equal(csto_kb_load_cached(csto_kb_default_dir(), NULL, &files, &err), CSTO_OK);
  assert_int_equal(csto_kb_load_cached(csto_kb_default_dir(), cache, &first, &err), CSTO_OK);
  assert_int_equal(csto_kb_load_cached(csto_kb_default_dir(), cache, &again, &err), CSTO_OK);
  same_gazetteer(files, again, "../articles/01-tass-csto-yerevan-2022.txt");
  same_gazetteer(first, again, "../../examples/tass-csto-dushanbe-2021.txt");
  csto_kb_free(files);
  csto_kb_free(first);
  csto_kb_free(again);
  snprintf(cmd, sizeof cmd, "rm -r '%s'", cache);
  assert_int_equal(system(cmd), 0);
}

/* A base that does not load leaves no snapshot: the next start reports the same error. */
static void a_failed_load_saves_no_snapshot(void **state) {
  (void)state;
  char cache[160], cmd[256];
  csto_kb *loaded = NULL;
  csto_error err = {0};
  make_data_dir();
  copy_fixture("lexicon-bad-duplicate.ttl", "lexicon.ttl");
  snprintf(cache, sizeof cache, "%s/cache", test_tmpdir);
  for (int start = 0; start < 2; start++) {
    assert_int_equal(csto_kb_load_cached(test_tmpdir, cache, &loaded, &err), CSTO_ERR_DATA);
    assert_non_null(strstr(err.message, "lexicon.ttl:"));
  }
  snprintf(cmd, sizeof cmd, "ls %s/kb-*.snapshot > /dev/null 2>&1", cache);
  assert_int_not_equal(system(cmd), 0);
  assert_int_equal(test_tmpdir_remove(), 0);
}

/* The snapshot's last bytes (its sorted IRIs) damaged: it is passed over and rewritten; a
 * phrase with letters beyond ASCII is found from it as from the files. */
static void a_damaged_tail_is_passed_over(void **state) {
  (void)state;
  char data[DATA_SIZE], cache[CACHE_SIZE], cmd[512];
  cached_data_dir(data, cache, "Zo\u00eb \u00dcnal", "zoe unal");
  assert_true(names(data, cache, "zoe unal")); /* from the snapshot */
  snprintf(cmd, sizeof cmd,
           "for f in %s/kb-*.snapshot; do printf '\\377\\377\\377\\377' | "
           "dd of=\"$f\" bs=1 seek=$(($(stat -c %%s \"$f\") - 4)) conv=notrunc 2>/dev/null; done",
           cache);
  assert_int_equal(system(cmd), 0);
  assert_true(names(data, cache, "zoe unal")); /* damaged: parsed, and rewritten */
  snprintf(cmd, sizeof cmd, "test \"$(tail -c 4 %s/kb-*.snapshot | od -An -tx1 | tr -d ' ')\" "
                            "!= ffffffff", cache);
  assert_int_equal(system(cmd), 0);
  assert_int_equal(test_tmpdir_remove(), 0);
}

/* One byte changed inside the snapshot (in a label's text, say), where every count and
 * index still checks: the checksum passes it over, and it is rewritten as it was. */
static void a_changed_byte_is_passed_over(void **state) {
  (void)state;
  char data[DATA_SIZE], cache[CACHE_SIZE], cmd[768];
  cached_data_dir(data, cache, "Anna Alpha", "anna alpha");
  snprintf(cmd, sizeof cmd,
           "for f in %s/kb-*.snapshot; do cp \"$f\" %s/saved && "
           "offset=$(grep -abo 'Anna Alpha' \"$f\" | head -n 1 | cut -d: -f1) && "
           "test -n \"$offset\" && printf 'E' | dd of=\"$f\" bs=1 seek=$offset conv=notrunc "
           "2>/dev/null && ! cmp -s \"$f\" %s/saved; done",
           cache, test_tmpdir, test_tmpdir);
  assert_int_equal(system(cmd), 0);
  assert_true(names(data, cache, "anna alpha"));  /* from the files: the label as written */
  assert_false(names(data, cache, "enna alpha")); /* never the changed one */
  snprintf(cmd, sizeof cmd, "cmp -s %s/kb-*.snapshot %s/saved", cache, test_tmpdir);
  assert_int_equal(system(cmd), 0); /* rewritten */
  assert_int_equal(test_tmpdir_remove(), 0);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(names_aliases_and_demonyms_resolve),
      cmocka_unit_test(lexicon_phrases_have_meanings),
      cmocka_unit_test(a_match_is_both_lookups),
      cmocka_unit_test(title_holders_depend_on_the_date),
      cmocka_unit_test(broken_data_is_reported_with_its_file),
      cmocka_unit_test(lexicon_mistakes_are_errors_with_their_line),
      cmocka_unit_test(meanings_follow_the_files),
      cmocka_unit_test(cue_classes_are_declared_once),
      cmocka_unit_test(kb_file_errors_name_file_and_line),
      cmocka_unit_test(sessions_are_the_nodes_extraction_mints),
      cmocka_unit_test(holders_are_found_by_post_role_and_date),
      cmocka_unit_test(snapshot_stands_for_unchanged_files),
      cmocka_unit_test(snapshot_keeps_the_gazetteer),
      cmocka_unit_test(a_failed_load_saves_no_snapshot),
      cmocka_unit_test(snapshots_of_removed_folders_are_pruned),
      cmocka_unit_test(a_changed_byte_is_passed_over),
      cmocka_unit_test(a_damaged_tail_is_passed_over),
  };
  return cmocka_run_group_tests(tests, kb_setup, kb_teardown);
}
