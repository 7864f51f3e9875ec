/* Unit tests for eval.c: scoring fixture graphs against fixture gold files.
 *
 * Every expected figure below was checked against the reference scorer
 * (`python3 shared/tools/score.py GRAPH GOLD --json`, outside this repository), whose text
 * and JSON output csto_eval_report_text / _json reproduce byte for byte. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csto/eval.h"

/* tests/fixtures/eval/NAME (CSTO_TEST_DIR is set by ctest); one of 4 rotating buffers. */
static const char *fixture(const char *name) {
  static char paths[4][4096];
  static int next;
  const char *dir = getenv("CSTO_TEST_DIR");
  if (!dir)
    fail_msg("CSTO_TEST_DIR is not set: run through ctest");
  char *p = paths[next++ % 4];
  snprintf(p, sizeof paths[0], "%s/fixtures/eval/%s", dir, name);
  return p;
}

static csto_eval_report *score(const char *graph, const char *gold) {
  csto_eval_report *rep = NULL;
  csto_error err = {0};
  csto_status st = csto_eval_score(fixture(graph), fixture(gold), &rep, &err);
  if (st != CSTO_OK)
    fail_msg("scoring %s against %s failed: %s", graph, gold, err.message);
  assert_non_null(rep);
  return rep;
}

/* Figures are compared as score.py prints them: rounded to 3 decimals. */
static void assert_figure(double value, const char *expected) {
  char got[32];
  snprintf(got, sizeof got, "%.3f", csto_eval_round3(value));
  assert_string_equal(got, expected);
}

static void assert_counts(const csto_eval_counts *c, size_t system, size_t gold, size_t correct,
                          size_t found, const char *p, const char *r, const char *f1) {
  assert_int_equal(c->system, system);
  assert_int_equal(c->gold, gold);
  assert_int_equal(c->correct, correct);
  assert_int_equal(c->found, found);
  assert_figure(c->p, p);
  assert_figure(c->r, r);
  assert_figure(c->f1, f1);
}

static void assert_micro(const csto_eval_report *rep, const char *p, const char *r,
                         const char *f1) {
  assert_figure(rep->micro.p, p);
  assert_figure(rep->micro.r, r);
  assert_figure(rep->micro.f1, f1);
}

static void assert_mode(const csto_eval_report *rep, size_t correct, size_t total) {
  assert_int_equal(rep->mode_correct, correct);
  assert_int_equal(rep->mode_total, total);
}

static const char perfect_text[] =
    "chairs    P=1.000 R=1.000 F1=1.000  (system 1, gold 1)\n"
    "attends   P=1.000 R=1.000 F1=1.000  (system 1, gold 1)\n"
    "memberOf  P=1.000 R=1.000 F1=1.000  (system 2, gold 2)\n"
    "heldIn    P=1.000 R=1.000 F1=1.000  (system 1, gold 1)\n"
    "date      P=1.000 R=1.000 F1=1.000  (system 1, gold 1)\n"
    "position  P=1.000 R=1.000 F1=1.000  (system 1, gold 1)\n"
    "mode accuracy 1.0  events {'gold': 1, 'system': 1, 'aligned': 1}\n"
    "micro P=1.000 R=1.000 F1=1.000\n";

static void test_perfect_match(void **state) {
  (void)state;
  csto_eval_report *rep = score("perfect.ttl", "summit.gold.tsv");
  const size_t sys[] = {1, 1, 2, 1, 1, 1};
  for (int rel = 0; rel < CSTO_EVAL_N_RELATIONS; rel++)
    assert_counts(&rep->relation[rel], sys[rel], sys[rel], sys[rel], sys[rel], "1.000", "1.000",
                  "1.000");
  assert_counts(&rep->micro, 7, 7, 7, 7, "1.000", "1.000", "1.000");
  assert_mode(rep, 1, 1);
  assert_int_equal(rep->gold_events, 1);
  assert_int_equal(rep->system_events, 1);
  assert_int_equal(rep->aligned_events, 1);
  char *text = csto_eval_report_text(rep);
  assert_string_equal(text, perfect_text);
  free(text);
  csto_eval_report_free(rep);
}

/* The same triples in N-Quads, two of them repeated in a second named graph (facts are a
 * set), and a gold file with CRLF line ends. */
static void test_nquads_and_crlf(void **state) {
  (void)state;
  const char *cases[][2] = {{"perfect.nq", "summit.gold.tsv"},
                            {"perfect.ttl", "summit-crlf.gold.tsv"}};
  for (size_t i = 0; i < 2; i++) {
    csto_eval_report *rep = score(cases[i][0], cases[i][1]);
    char *text = csto_eval_report_text(rep);
    assert_string_equal(text, perfect_text);
    free(text);
    csto_eval_report_free(rep);
  }
}

static void test_missing_fact(void **state) {
  (void)state;
  csto_eval_report *rep = score("missing.ttl", "summit.gold.tsv");
  assert_counts(&rep->relation[CSTO_EVAL_MEMBER_OF], 1, 2, 1, 1, "1.000", "0.500", "0.667");
  assert_counts(&rep->micro, 6, 7, 6, 6, "1.000", "0.857", "0.923");
  csto_eval_report_free(rep);
}

static void test_extra_fact(void **state) {
  (void)state;
  csto_eval_report *rep = score("extra.ttl", "summit.gold.tsv");
  assert_counts(&rep->relation[CSTO_EVAL_ATTENDS], 2, 1, 1, 1, "0.500", "1.000", "0.667");
  assert_counts(&rep->relation[CSTO_EVAL_MEMBER_OF], 3, 2, 2, 2, "0.667", "1.000", "0.800");
  assert_counts(&rep->micro, 9, 7, 7, 7, "0.778", "1.000", "0.875");
  assert_mode(rep, 1, 1);
  csto_eval_report_free(rep);
}

/* QID-only nodes (Russia, CSTO via skos:exactMatch), label-only nodes in other case and
 * spacing (Armenia via altLabel, Lavrov, Dushanbe via prefLabel), and a node matching
 * nothing (Muhriddin), whose chairing is then wrong. */
static void test_label_and_qid_matching(void **state) {
  (void)state;
  csto_eval_report *rep = score("labels-qid.ttl", "summit.gold.tsv");
  assert_counts(&rep->relation[CSTO_EVAL_CHAIRS], 1, 1, 0, 0, "0.000", "0.000", "0.000");
  assert_counts(&rep->relation[CSTO_EVAL_ATTENDS], 1, 1, 1, 1, "1.000", "1.000", "1.000");
  assert_counts(&rep->relation[CSTO_EVAL_MEMBER_OF], 2, 2, 2, 2, "1.000", "1.000", "1.000");
  assert_counts(&rep->relation[CSTO_EVAL_HELD_IN], 1, 1, 1, 1, "1.000", "1.000", "1.000");
  assert_counts(&rep->relation[CSTO_EVAL_POSITION], 1, 1, 1, 1, "1.000", "1.000", "1.000");
  assert_micro(rep, "0.857", "0.857", "0.857");
  assert_mode(rep, 0, 1); /* Lavrov's attendance has no csto:Attendance node */
  csto_eval_report_free(rep);
}

static void test_held_in_alternatives(void **state) {
  (void)state;
  csto_eval_report *rep = score("heldin.ttl", "summit.gold.tsv");
  assert_counts(&rep->relation[CSTO_EVAL_HELD_IN], 3, 1, 2, 1, "0.667", "1.000", "0.800");
  assert_counts(&rep->micro, 4, 7, 3, 2, "0.750", "0.286", "0.414");
  double acc = -1;
  assert_int_equal(csto_eval_mode_accuracy(rep, &acc), 0);
  assert_true(acc == -1);
  csto_eval_report_free(rep);
}

static void test_two_events_aligned_by_facts(void **state) {
  (void)state;
  csto_eval_report *rep = score("two-events.ttl", "two-events.gold.tsv");
  assert_int_equal(rep->gold_events, 3);
  assert_int_equal(rep->system_events, 4);
  assert_int_equal(rep->aligned_events, 3);
  assert_counts(&rep->relation[CSTO_EVAL_CHAIRS], 2, 2, 2, 2, "1.000", "1.000", "1.000");
  assert_counts(&rep->relation[CSTO_EVAL_HELD_IN], 2, 2, 2, 2, "1.000", "1.000", "1.000");
  /* event_c's csto:startDate is its date; event_d's date matches no gold event. */
  assert_counts(&rep->relation[CSTO_EVAL_DATE], 4, 3, 3, 3, "0.750", "1.000", "0.857");
  assert_counts(&rep->micro, 9, 8, 8, 8, "0.889", "1.000", "0.941");
  assert_mode(rep, 1, 1);
  csto_eval_report_free(rep);
}

/* Equal agreement: the larger gold key wins (E2, remote), then the larger node (event_b,
 * in person). The other order would give a mode accuracy of 0. */
static void test_alignment_ties(void **state) {
  (void)state;
  csto_eval_report *rep = score("tie-key.ttl", "tie-key.gold.tsv");
  assert_mode(rep, 1, 1);
  assert_counts(&rep->relation[CSTO_EVAL_ATTENDS], 1, 2, 1, 1, "1.000", "0.500", "0.667");
  assert_int_equal(rep->aligned_events, 1);
  csto_eval_report_free(rep);
  rep = score("tie-node.ttl", "tie-node.gold.tsv");
  assert_mode(rep, 1, 1);
  assert_counts(&rep->relation[CSTO_EVAL_ATTENDS], 2, 1, 1, 1, "0.500", "1.000", "0.667");
  assert_counts(&rep->micro, 4, 2, 2, 2, "0.500", "1.000", "0.667");
  csto_eval_report_free(rep);
}

/* Right; in person where the gold says unspecified (right); a gold row without a mode
 * (right); wrong; no Attendance node (wrong): 3 of 5. The attendance the graph misses is
 * not counted. */
static void test_mode_accuracy(void **state) {
  (void)state;
  csto_eval_report *rep = score("modes.ttl", "modes.gold.tsv");
  assert_mode(rep, 3, 5);
  double acc = 0;
  assert_int_equal(csto_eval_mode_accuracy(rep, &acc), 1);
  assert_figure(acc, "0.600");
  assert_counts(&rep->relation[CSTO_EVAL_ATTENDS], 5, 6, 5, 5, "1.000", "0.833", "0.909");
  assert_micro(rep, "1.000", "0.857", "0.923");
  csto_eval_report_free(rep);
}

/* Right; wrong role; no postIn (wrong); no role (not a system fact). */
static void test_positions(void **state) {
  (void)state;
  csto_eval_report *rep = score("positions.ttl", "positions.gold.tsv");
  assert_counts(&rep->relation[CSTO_EVAL_POSITION], 3, 4, 1, 1, "0.333", "0.250", "0.286");
  assert_counts(&rep->micro, 3, 4, 1, 1, "0.333", "0.250", "0.286");
  assert_int_equal(rep->mode_total, 0);
  csto_eval_report_free(rep);
}

static void test_json_is_score_py_json(void **state) {
  (void)state;
  csto_eval_report *rep = score("heldin.ttl", "summit.gold.tsv");
  char *json = csto_eval_report_json(rep);
  assert_string_equal(
      json,
      "{\"chairs\": {\"p\": 0.0, \"r\": 0.0, \"f1\": 0.0, \"system\": 0, \"gold\": 1, \"tp\": 0, "
      "\"correct\": 0}, \"attends\": {\"p\": 0.0, \"r\": 0.0, \"f1\": 0.0, \"system\": 0, "
      "\"gold\": 1, \"tp\": 0, \"correct\": 0}, \"memberOf\": {\"p\": 0.0, \"r\": 0.0, \"f1\": "
      "0.0, \"system\": 0, \"gold\": 2, \"tp\": 0, \"correct\": 0}, \"heldIn\": {\"p\": 0.667, "
      "\"r\": 1.0, \"f1\": 0.8, \"system\": 3, \"gold\": 1, \"tp\": 1, \"correct\": 2}, \"date\": "
      "{\"p\": 1.0, \"r\": 1.0, \"f1\": 1.0, \"system\": 1, \"gold\": 1, \"tp\": 1, \"correct\": "
      "1}, \"position\": {\"p\": 0.0, \"r\": 0.0, \"f1\": 0.0, \"system\": 0, \"gold\": 1, \"tp\": "
      "0, \"correct\": 0}, \"mode_accuracy\": null, \"micro\": {\"p\": 0.75, \"r\": 0.286, "
      "\"f1\": 0.414, \"system\": 4, \"gold\": 7}, \"events\": {\"gold\": 1, \"system\": 1, "
      "\"aligned\": 1}}");
  free(json);
  csto_eval_report_free(rep);
  rep = score("modes.ttl", "modes.gold.tsv");
  json = csto_eval_report_json(rep);
  assert_non_null(strstr(json, "\"mode_accuracy\": 0.6, "));
  free(json);
  csto_eval_report_free(rep);
}

/* A failing call names the file and line, returns the right status, leaves *out alone. */
static void assert_fails(const char *graph, const char *gold, csto_status want,
                         const char *where) {
  csto_eval_report *rep = NULL;
  csto_error err = {0};
  assert_int_equal(csto_eval_score(fixture(graph), fixture(gold), &rep, &err), want);
  assert_null(rep);
  assert_int_equal(err.status, want);
  if (!strstr(err.message, where))
    fail_msg("message \"%s\" does not contain \"%s\"", err.message, where);
}

static void test_bad_gold_rows(void **state) {
  (void)state;
  assert_fails("perfect.ttl", "bad-kind.gold.tsv", CSTO_ERR_INPUT,
               "bad-kind.gold.tsv:4: unknown gold row kind 'attended'");
  assert_fails("perfect.ttl", "short-row.gold.tsv", CSTO_ERR_INPUT,
               "short-row.gold.tsv:3: 'position' row needs 4 tab-separated columns, found 3");
  assert_fails("perfect.ttl", "bad-mode.gold.tsv", CSTO_ERR_INPUT,
               "bad-mode.gold.tsv:4: unknown attendance mode 'video'");
}

static void test_bad_graphs(void **state) {
  (void)state;
  assert_fails("broken.ttl", "summit.gold.tsv", CSTO_ERR_RDF, "broken.ttl:4: ");
  /* rapper exits 2 on a warning and score.py refuses the graph: so does eval. */
  assert_fails("warning.rdf", "summit.gold.tsv", CSTO_ERR_RDF, "warning.rdf:5: ");
  assert_fails("no-such-graph.ttl", "summit.gold.tsv", CSTO_ERR_IO, "no-such-graph.ttl: ");
  assert_fails("perfect.ttl", "no-such.gold.tsv", CSTO_ERR_IO, "no-such.gold.tsv: ");
}

static void test_small_api(void **state) {
  (void)state;
  csto_eval_report_free(NULL);
  assert_string_equal(csto_eval_relation_name(CSTO_EVAL_MEMBER_OF), "memberOf");
  assert_null(csto_eval_relation_name(CSTO_EVAL_N_RELATIONS));
  assert_int_equal(csto_eval_mode_accuracy(NULL, NULL), 0);
  /* Python: round(0.0625, 3) == 0.062 (an exact tie, to even); round(0.0005, 3) == 0.001
   * (0.0005 is a little above the tie in binary). */
  assert_true(csto_eval_round3(0.0625) == 0.062);
  assert_true(csto_eval_round3(0.0005) == 0.001);
  assert_true(csto_eval_round3(2.0 / 3.0) == 0.667);
  csto_error err = {0};
  csto_eval_report *rep = NULL;
  assert_int_equal(csto_eval_score(NULL, "x", &rep, &err), CSTO_ERR_USAGE);
  assert_null(rep);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_perfect_match),
      cmocka_unit_test(test_nquads_and_crlf),
      cmocka_unit_test(test_missing_fact),
      cmocka_unit_test(test_extra_fact),
      cmocka_unit_test(test_label_and_qid_matching),
      cmocka_unit_test(test_held_in_alternatives),
      cmocka_unit_test(test_two_events_aligned_by_facts),
      cmocka_unit_test(test_alignment_ties),
      cmocka_unit_test(test_mode_accuracy),
      cmocka_unit_test(test_positions),
      cmocka_unit_test(test_json_is_score_py_json),
      cmocka_unit_test(test_bad_gold_rows),
      cmocka_unit_test(test_bad_graphs),
      cmocka_unit_test(test_small_api),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
