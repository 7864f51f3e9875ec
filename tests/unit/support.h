/* Shared by the unit tests: the knowledge bases and articles made from literal text. */
#ifndef CSTO_TEST_SUPPORT_H
#define CSTO_TEST_SUPPORT_H

#include <stdarg.h>
#include <stdio.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "csto/document.h"
#include "csto/kb.h"
#include "csto/pipeline.h"
#include "csto/reader.h"

/* buf := $CSTO_TEST_DIR/fixtures/name (ctest sets CSTO_TEST_DIR); 0, or -1 without it. */
static inline int test_fixture(char *buf, size_t size, const char *name) {
  const char *dir = getenv("CSTO_TEST_DIR");
  return dir && snprintf(buf, size, "%s/fixtures/%s", dir, name) < (int)size ? 0 : -1;
}

static inline csto_kb *test_kb_from(const char *dir) {
  csto_kb *kb = NULL;
  csto_error err = {0};
  csto_status st = csto_kb_load(dir, &kb, &err);
  if (st != CSTO_OK)
    fail_msg("cannot load the knowledge base: %s", err.message);
  return kb;
}

/* The project's own ontology/ (CSTO_DATA_DIR is set by ctest), for tests of that data. */
static inline csto_kb *test_kb(void) { return test_kb_from(csto_kb_default_dir()); }

/* The small lexicon and knowledge base of tests/fixtures/data/, for tests of the rules:
 * editing the production data cannot break them. */
static inline csto_kb *test_fixture_kb(void) {
  char dir[4096];
  if (test_fixture(dir, sizeof dir, "data") != 0)
    fail_msg("CSTO_TEST_DIR is not set");
  return test_kb_from(dir);
}

/* The knowledge base shared by a test program's tests (cmocka group setup/teardown). */
static csto_kb *kb __attribute__((unused));

static inline int kb_setup(void **state) {
  (void)state;
  kb = test_kb();
  return 0;
}

static inline int fixture_kb_setup(void **state) {
  (void)state;
  kb = test_fixture_kb();
  return 0;
}

static inline int kb_teardown(void **state) {
  (void)state;
  csto_kb_free(kb);
  return 0;
}

/* A scratch folder for a test program: test_tmpdir_make, then test_tmpdir_remove (after
 * which test_tmpdir_make makes another). */
#define TEST_TMPDIR_TEMPLATE "/tmp/csto-test-XXXXXX"
static char test_tmpdir[] __attribute__((unused)) = TEST_TMPDIR_TEMPLATE;

static inline int test_tmpdir_make(void) { return mkdtemp(test_tmpdir) ? 0 : -1; }

/* Let the next test_tmpdir_make make another folder, this one left as it is. */
static inline void test_tmpdir_reset(void) { strcpy(test_tmpdir, TEST_TMPDIR_TEMPLATE); }

static inline int test_tmpdir_remove(void) {
  char cmd[128];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", test_tmpdir);
  if (system(cmd) != 0)
    return -1;
  test_tmpdir_reset();
  return 0;
}

/* An article with this body, published on date ("YYYY-MM-DD"). */
static inline csto_article *test_article(const char *date, const char *body) {
  size_t n = strlen(body) + 64;
  char *text = malloc(n);
  snprintf(text, n, "---\ndate: %s\n---\n%s", date, body);
  csto_article *a = NULL;
  csto_error err = {0};
  if (csto_article_from_buffer("test.txt", text, strlen(text), NULL, &a, &err) != CSTO_OK)
    fail_msg("cannot read test article: %s", err.message);
  free(text);
  return a;
}

typedef struct {
  csto_kb *kb;
  csto_article *article;
  csto_doc *doc;
} test_run;

static inline test_run test_pipeline(csto_kb *knowledge, const char *date, const char *body) {
  test_run r = {knowledge, test_article(date, body), NULL};
  csto_error err = {0};
  if (csto_pipeline_run(knowledge, r.article, &r.doc, &err) != CSTO_OK)
    fail_msg("pipeline failed: %s", err.message);
  return r;
}

static inline void test_run_free(test_run *r) {
  csto_doc_free(r->doc);
  csto_article_free(r->article);
}

/* Index of the document entity whose label contains text, or -1. */
static inline int test_entity(const csto_doc *doc, const char *text) {
  for (size_t i = 0; i < doc->n_entities; i++)
    if (strstr(doc->entities[i].label, text))
      return (int)i;
  return -1;
}

/* Number of facts of a kind whose subject (and object, unless -2) match. */
static inline int test_facts(const csto_doc *doc, csto_fact_kind kind, int subject, int object) {
  int n = 0;
  for (size_t i = 0; i < doc->n_facts; i++) {
    const csto_fact *f = &doc->facts[i];
    n += f->kind == kind && (subject == -2 || f->subject == subject) &&
         (object == -2 || f->object == object);
  }
  return n;
}

#endif
