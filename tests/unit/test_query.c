/* Unit tests for query.c: datasets, graph files, SPARQL results. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "support.h"
#include "csto/query_rdf.h"

#define PREFIXES                                                                           \
  "PREFIX csto: <https://w3id.org/csto-kg/ontology#> "                                     \
  "PREFIX res: <https://w3id.org/csto-kg/resource/> "

static char fixture_a[4096], fixture_b[4096];

static csto_world *world; /* the one world of the tests */

static int setup_all(void **state) {
  (void)state;
  if (test_fixture(fixture_a, sizeof fixture_a, "store-a.ttl") != 0 ||
      test_fixture(fixture_b, sizeof fixture_b, "store-b.ttl") != 0 ||
      test_tmpdir_make() != 0 || csto_world_new(&world, NULL) != CSTO_OK)
    return -1;
  return 0;
}

static int teardown_all(void **state) {
  (void)state;
  csto_world_free(world);
  return test_tmpdir_remove();
}

/* Write text to test_tmpdir/name; returns the path (static buffer, one at a time per name). */
static const char *write_file(const char *name, const char *text) {
  static char path[8][512];
  static int next;
  char *p = path[next++ % 8];
  snprintf(p, 512, "%s/%s", test_tmpdir, name);
  FILE *f = fopen(p, "w");
  assert_non_null(f);
  fputs(text, f);
  fclose(f);
  return p;
}

static csto_dataset *dataset_with(const char *path1, const char *path2) {
  csto_dataset *ds = NULL;
  csto_error err = {CSTO_OK, ""};
  assert_int_equal(csto_query_dataset_new(world, &ds, &err), CSTO_OK);
  if (path1)
    assert_int_equal(csto_query_dataset_add_file(ds, path1, NULL, &err), CSTO_OK);
  if (path2)
    assert_int_equal(csto_query_dataset_add_file(ds, path2, NULL, &err), CSTO_OK);
  return ds;
}

/* Run a query, return its output (caller frees) and status. */
static char *run(csto_dataset *ds, const char *sparql, const char *results, csto_status *st,
                 csto_query_outcome *oc, csto_error *err) {
  char *buf = NULL;
  size_t len = 0;
  FILE *out = open_memstream(&buf, &len);
  assert_non_null(out);
  csto_query_options opt = {results, NULL};
  *st = csto_query_run(ds, sparql, &opt, out, oc, err);
  fclose(out);
  return buf;
}

static void test_free_null(void **state) {
  (void)state;
  csto_query_dataset_free(NULL);
  csto_query_file_free(NULL);
}

static void test_syntax_for_path(void **state) {
  (void)state;
  assert_string_equal(csto_query_syntax_for_path("a.ttl"), "turtle");
  assert_string_equal(csto_query_syntax_for_path("A.TTL"), "turtle");
  assert_string_equal(csto_query_syntax_for_path("a.nt"), "ntriples");
  assert_string_equal(csto_query_syntax_for_path("a.nq"), "nquads");
  assert_string_equal(csto_query_syntax_for_path("a.rdf"), "rdfxml");
  assert_string_equal(csto_query_syntax_for_path("a.xml"), "rdfxml");
  assert_string_equal(csto_query_syntax_for_path("a.data"), "guess");
  assert_string_equal(csto_query_syntax_for_path("nt"), "guess");
}

static void test_add_file_counts(void **state) {
  (void)state;
  csto_dataset *ds = dataset_with(NULL, NULL);
  csto_error err = {CSTO_OK, ""};
  long n = 0;
  assert_int_equal(csto_query_dataset_add_file(ds, fixture_a, &n, &err), CSTO_OK);
  assert_int_equal(n, 44);
  assert_int_equal(librdf_model_size(csto_query_dataset_model(ds)), 44);
  csto_query_dataset_free(ds);
}

static void test_missing_file(void **state) {
  (void)state;
  csto_dataset *ds = dataset_with(NULL, NULL);
  csto_error err = {CSTO_OK, ""};
  assert_int_equal(csto_query_dataset_add_file(ds, "/nonexistent/x.ttl", NULL, &err),
                   CSTO_ERR_IO);
  assert_non_null(strstr(err.message, "/nonexistent/x.ttl"));
  csto_query_dataset_free(ds);
}

static void test_bad_file_names_line(void **state) {
  (void)state;
  const char *bad = write_file("bad.ttl", "@prefix x: <http://e/> .\n"
                                          "x:a x:b x:c .\n"
                                          "x:a x:b undefined:c .\n");
  csto_dataset *ds = dataset_with(NULL, NULL);
  csto_error err = {CSTO_OK, ""};
  assert_int_equal(csto_query_dataset_add_file(ds, bad, NULL, &err), CSTO_ERR_RDF);
  char expect[600];
  snprintf(expect, sizeof expect, "%s:3: ", bad);
  assert_non_null(strstr(err.message, expect));
  assert_non_null(strstr(err.message, "undefined"));
  csto_query_dataset_free(ds);
}

static void test_select_formats(void **state) {
  (void)state;
  csto_dataset *ds = dataset_with(fixture_a, fixture_b);
  const char *q = PREFIXES "SELECT ?p WHERE { ?p csto:chairs ?e } ORDER BY ?p";
  static const struct {
    const char *format, *expect;
  } cases[] = {
      {NULL, "?p\n------------------------\nres:Emomali_Rahmon\n"},
      {"table", "res:Emomali_Rahmon"},
      {"csv", "p\r\nhttps://w3id.org/csto-kg/resource/Emomali_Rahmon\r\n"},
      {"tsv", "?p\n<https://w3id.org/csto-kg/resource/Emomali_Rahmon>\n"},
      {"json", "\"value\": \"https://w3id.org/csto-kg/resource/Sirojiddin_Muhriddin\""},
      {"xml", "<uri>https://w3id.org/csto-kg/resource/Emomali_Rahmon</uri>"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    csto_status st;
    csto_error err = {CSTO_OK, ""};
    csto_query_outcome oc = {CSTO_QUERY_ASK, 7};
    char *out = run(ds, q, cases[i].format, &st, &oc, &err);
    assert_int_equal(st, CSTO_OK);
    assert_int_equal(oc.kind, CSTO_QUERY_SELECT);
    if (!strstr(out, cases[i].expect))
      fail_msg("format %s: no '%s' in:\n%s", cases[i].format ? cases[i].format : "(default)",
               cases[i].expect, out);
    free(out);
  }
  csto_query_dataset_free(ds);
}

static void test_table_layout(void **state) {
  (void)state;
  csto_dataset *ds = dataset_with(fixture_a, NULL);
  csto_status st;
  csto_error err = {CSTO_OK, ""};
  char *out = run(ds, PREFIXES "SELECT ?p ?d WHERE { ?p csto:chairs ?e . ?e csto:date ?d }",
                  NULL, &st, NULL, &err);
  assert_int_equal(st, CSTO_OK);
  assert_string_equal(out, "?p                       | ?d\n"
                           "-------------------------+-----------------------\n"
                           "res:Sirojiddin_Muhriddin | \"2021-09-15\"^^xsd:date\n"
                           "(1 row)\n");
  free(out);
  out = run(ds, PREFIXES "SELECT ?p WHERE { ?p csto:nothing ?e }", NULL, &st, NULL, &err);
  assert_string_equal(out, "(0 rows)\n");
  free(out);
  csto_query_dataset_free(ds);
}

static void test_ask(void **state) {
  (void)state;
  csto_dataset *ds = dataset_with(fixture_a, NULL);
  csto_status st;
  csto_error err = {CSTO_OK, ""};
  csto_query_outcome oc = {CSTO_QUERY_SELECT, 0};
  char *out = run(ds, PREFIXES "ASK { res:Sergey_Lavrov csto:attends ?e }", NULL, &st, &oc, &err);
  assert_int_equal(st, CSTO_OK);
  assert_int_equal(oc.kind, CSTO_QUERY_ASK);
  assert_int_equal(oc.ask, 1);
  assert_string_equal(out, "true\n");
  free(out);
  out = run(ds, PREFIXES "ASK { res:Vladimir_Putin csto:attends ?e }", NULL, &st, &oc, &err);
  assert_int_equal(oc.ask, 0);
  assert_string_equal(out, "false\n");
  free(out);
  out = run(ds, PREFIXES "ASK { res:Vladimir_Putin csto:attends ?e }", "json", &st, &oc, &err);
  assert_non_null(strstr(out, "\"boolean\" : false"));
  free(out);
  csto_query_dataset_free(ds);
}

static void test_construct(void **state) {
  (void)state;
  csto_dataset *ds = dataset_with(fixture_a, NULL);
  const char *q = PREFIXES "CONSTRUCT { ?p csto:attends ?e } WHERE { ?p csto:attends ?e }";
  char *buf = NULL;
  size_t len = 0;
  FILE *out = open_memstream(&buf, &len);
  csto_query_options opt = {NULL, NULL};
  csto_query_outcome oc;
  csto_error err = {CSTO_OK, ""};
  assert_int_equal(csto_query_run(ds, q, &opt, out, &oc, &err), CSTO_OK);
  fclose(out);
  assert_int_equal(oc.kind, CSTO_QUERY_GRAPH);
  assert_non_null(strstr(buf, "res:Sergey_Lavrov\n    csto:attends res:event_CSTO_2021-09-15 ."));
  free(buf);
  out = open_memstream(&buf, &len);
  opt.graph_format = "ntriples";
  assert_int_equal(csto_query_run(ds, q, &opt, out, &oc, &err), CSTO_OK);
  fclose(out);
  assert_string_equal(buf, "<https://w3id.org/csto-kg/resource/Sergey_Lavrov> "
                           "<https://w3id.org/csto-kg/ontology#attends> "
                           "<https://w3id.org/csto-kg/resource/event_CSTO_2021-09-15> .\n");
  free(buf);
  csto_query_dataset_free(ds);
}

static void test_syntax_error(void **state) {
  (void)state;
  csto_dataset *ds = dataset_with(fixture_a, NULL);
  csto_status st;
  csto_error err = {CSTO_OK, ""};
  char *out = run(ds, "SELECT ?x WHERE { ?x ", NULL, &st, NULL, &err);
  assert_int_equal(st, CSTO_ERR_QUERY);
  assert_non_null(strstr(err.message, "SPARQL"));
  assert_non_null(strstr(err.message, "syntax error"));
  free(out);
  /* the dataset still works afterwards */
  out = run(ds, "ASK { ?s ?p ?o }", NULL, &st, NULL, &err);
  assert_int_equal(st, CSTO_OK);
  free(out);
  csto_query_dataset_free(ds);
}

/* What rasqal answers wrongly is refused (VALUES, COUNT(DISTINCT), GROUP_CONCAT's separator)
 * or cannot run (DESCRIBE); the word in a string, an IRI, a variable or a comment is not the
 * keyword, and COUNT without DISTINCT is fine. */
static void test_wrong_answers_refused(void **state) {
  (void)state;
  csto_dataset *ds = dataset_with(fixture_a, NULL);
  csto_status st;
  csto_error err = {CSTO_OK, ""};
  const char *refused[][2] = {
      {"SELECT * WHERE { VALUES ?x {} }", "VALUES is refused"},
      {"select ?x where { values ?x { 1 2 } }", "VALUES is refused"},
      {"SELECT * WHERE { ?s ?p ?o } VALUES ?s { <urn:a> }", "VALUES is refused"},
      {"SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }", "COUNT(DISTINCT"},
      {"SELECT (count ( distinct ?s) AS ?n) WHERE { ?s ?p ?o }", "COUNT(DISTINCT"},
      {"SELECT (GROUP_CONCAT(?o; separator=\"|\") AS ?a) WHERE { ?s ?p ?o }", "separator is refused"},
      {"DESCRIBE <urn:a>", "DESCRIBE is refused"},
      {"SELECT (CONCAT(STR(?s), \"x\") AS ?c) WHERE { ?s ?p ?o }", "CONCAT is refused"},
      {"SELECT ?c WHERE { ?s ?p ?o BIND(concat(?o, \"x\") AS ?c) }", "CONCAT is refused"},
      {"CONSTRUCT {} WHERE { ?s ?p ?o }", "empty template is refused"},
      {"ASK { ?s ?p \\UEstate }", "escape without its 4 or 8 hex digits"},
      {"ASK { ?s ?p \"\xff\" }", "not UTF-8"},
      {"SELECT * WHERE { ?s ?p ?o FILTER(REGEX(STR(?s), (?s), \"i\")) }", "REGEX with a pattern"},
      {"CONSTRUCT { # nothing\n } WHERE { ?s ?p ?o }", "empty template is refused"},
      {"SELECT ?s (STR(?p) AS ?x) (COUNT(?o) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?s ?p",
       "an expression without an aggregate"},
      {"SELECT ?s ?p WHERE { ?s ?p ?o } GROUP BY ?s ?p", "GROUP BY with no aggregate"},
      {"SELECT ?s (COUNT(?p) AS ?n) WHERE { SELECT ?s ?p WHERE { ?s ?p ?o } GROUP BY ?s ?p } "
       "GROUP BY ?s", "GROUP BY with no aggregate"}};
  for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++) {
    char *out = run(ds, refused[i][0], NULL, &st, NULL, &err);
    assert_int_equal(st, CSTO_ERR_QUERY);
    assert_non_null(strstr(err.message, refused[i][1]));
    free(out);
  }
  const char *fine[] = {"ASK { ?s <http://x/values> ?values }", "ASK { ?s ?p \"VALUES\" }",
                        "SELECT (COUNT(?s) AS ?n) WHERE { ?s ?p \"DISTINCT\" }",
                        "ASK { ?s ?p ?o FILTER(REGEX(STR(?s), \"a,b\", \"i\")) }",
                        "ASK { ?s ?p \"a\\u00e9\\n\" }",
                        "ASK { ?s ?p ?o FILTER(REGEX(STR(?s), 'x')) }",
                        "# VALUES\nASK { }", "ASK { ?s ?p '''a \" VALUES''' }",
                        "SELECT ?p (COUNT(?o) AS ?n) (MAX(STR(?o)) AS ?m) WHERE { ?s ?p ?o } "
                        "GROUP BY ?p",
                        "SELECT (STR(?p) AS ?x) WHERE { ?s ?p ?o }", "ASK { ?s <http://e/concat> \"CONCAT\" }",
                        "SELECT ?s (COUNT(?p) AS ?n) WHERE { SELECT DISTINCT ?s ?p WHERE { ?s ?p ?o } } "
                        "GROUP BY ?s"};
  for (size_t i = 0; i < sizeof fine / sizeof fine[0]; i++) {
    char *out = run(ds, fine[i], NULL, &st, NULL, &err);
    assert_int_equal(st, CSTO_OK);
    free(out);
  }
  csto_query_dataset_free(ds);
}

/* What rasqal cannot parse is refused, naming the construct and the way to run it on a
 * server: property paths, EXISTS / NOT EXISTS, MINUS, SPARQL Update. The same characters
 * or words inside IRIs, strings, comments, variables and expressions are not refused. */
static void test_server_only_refused(void **state) {
  (void)state;
  csto_dataset *ds = dataset_with(fixture_a, NULL);
  csto_status st;
  csto_error err = {CSTO_OK, ""};
  const char *refused[][2] = {
      {PREFIXES "SELECT ?x WHERE { ?x csto:attends/csto:date ?d }", "('/' after a predicate)"},
      {"SELECT ?x WHERE { ?x a/<http://www.w3.org/2000/01/rdf-schema#subClassOf>* ?c }", "('/'"},
      {"SELECT ?x WHERE { ?x <http://e/p>* ?c }", "('*' after a predicate)"},
      {PREFIXES "SELECT ?x WHERE { ?x csto:p+ ?c }", "('+' after a predicate)"},
      {PREFIXES "SELECT ?x WHERE { ?x csto:p|csto:q ?c }", "('|' after a predicate)"},
      {PREFIXES "SELECT ?x WHERE { ?x ^csto:p ?c }", "('^' after a predicate)"},
      {"SELECT ?x WHERE { ?x ?p ?o FILTER EXISTS { ?o ?q ?r } }", "EXISTS and NOT EXISTS"},
      {"SELECT ?x WHERE { ?x ?p ?o FILTER(NOT EXISTS { ?o ?q ?r }) }", "EXISTS and NOT EXISTS"},
      {"SELECT ?x WHERE { ?x ?p ?o MINUS { ?x ?p 1 } }", "MINUS is refused"},
      {"INSERT DATA { <urn:a> <urn:b> 1 }", "INSERT (SPARQL Update)"},
      {"DELETE WHERE { ?s ?p ?o }", "DELETE (SPARQL Update)"},
      {"drop silent graph <urn:g>", "DROP (SPARQL Update)"},
      {"CLEAR ALL", "CLEAR (SPARQL Update)"},
      {"LOAD <http://e/x.ttl>", "LOAD (SPARQL Update)"},
      {"CREATE GRAPH <urn:g>", "CREATE (SPARQL Update)"}};
  for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++) {
    char *out = run(ds, refused[i][0], NULL, &st, NULL, &err);
    if (st != CSTO_ERR_QUERY || !strstr(err.message, refused[i][1]))
      fail_msg("%s: %s", refused[i][0], err.message);
    if (!strstr(refused[i][1], "Update") &&
        !strstr(err.message, "or run it on Virtuoso: csto-kg serve --store S, then csto-kg "
                             "query --endpoint URL"))
      fail_msg("%s: no way to run it in: %s", refused[i][0], err.message);
    free(out);
  }
  const char *fine[] = {
      "ASK { ?s <http://e/a/b*c+d|e^f> ?o }",
      "ASK { ?s ?p \"a/b|c^d*e+f\" }",
      "# a/b|c\nASK { }",
      "SELECT * WHERE { ?s ?p ?o }",
      "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }",
      "SELECT ?s WHERE { ?s ?p ?o FILTER(?o * 2 + 1 > 3 / 4 || ?o = \"1\"^^<http://www.w3.org/2001/XMLSchema#integer>) }",
      "SELECT ?s WHERE { ?s ?p ?o FILTER(\"1\"^^<http://www.w3.org/2001/XMLSchema#integer> + 1 > ?o) }",
      PREFIXES "SELECT ?s WHERE { ?s csto:attends ?e . ?e csto:date ?d }",
      "SELECT ?exists ?minus WHERE { ?exists <http://e/insert> ?minus }",
      "ASK { ?s ?p 'DELETE DROP' } # INSERT\n"};
  for (size_t i = 0; i < sizeof fine / sizeof fine[0]; i++) {
    char *out = run(ds, fine[i], NULL, &st, NULL, &err);
    if (st != CSTO_OK)
      fail_msg("%s: refused: %s", fine[i], err.message);
    free(out);
  }
  csto_query_dataset_free(ds);
}

/* rasqal loses a binding of the query's first triple pattern when the group also holds
 * a cross product and a nested group uses the variable (rows of other values appear: the
 * first query below gave every event's attendees in roqet too): refused, naming it; the
 * same query with another pattern first, or with connected patterns, is answered. */
static void test_lost_binding_refused(void **state) {
  (void)state;
  const char *nt = write_file("lost.nt", "<http://e/s1> <http://e/date> \"d\" .\n"
                                         "<http://e/s2> <http://e/date> \"e\" .\n"
                                         "<http://e/c1> <http://e/member> <http://e/org> .\n"
                                         "<http://e/c2> <http://e/member> <http://e/org> .\n"
                                         "<http://e/p1> <http://e/attends> <http://e/s1> .\n"
                                         "<http://e/p2> <http://e/attends> <http://e/s2> .\n");
  csto_dataset *ds = dataset_with(nt, NULL);
  csto_status st;
  csto_error err = {CSTO_OK, ""};
  const char *refused[] = {
      "PREFIX : <http://e/> SELECT * WHERE { ?s :date \"d\" . ?c :member :org . "
      "OPTIONAL { ?p :attends ?s } }",
      "PREFIX : <http://e/> SELECT * WHERE { ?s :date \"d\" ; :x ?y . ?c :member :org . "
      "{ ?p :attends ?s } UNION { ?p :chairs ?s } }",
      "PREFIX : <http://e/> SELECT * WHERE { ?s :date \"d\" . ?c :member :org . "
      "?s :date ?z OPTIONAL { ?p :attends ?s } }"};
  for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++) {
    char *out = run(ds, refused[i], NULL, &st, NULL, &err);
    if (st != CSTO_ERR_QUERY || !strstr(err.message, "?s is bound by the first triple pattern"))
      fail_msg("%s: %s", refused[i], err.message);
    free(out);
  }
  const char *answered[][2] = {
      {"PREFIX : <http://e/> SELECT ?c ?p WHERE { ?c :member :org . ?s :date \"d\" . "
       "OPTIONAL { ?p :attends ?s } } ORDER BY ?c", "c,p\r\nhttp://e/c1,http://e/p1\r\n"
                                                   "http://e/c2,http://e/p1\r\n"},
      {"PREFIX : <http://e/> SELECT ?s ?p WHERE { ?s :date \"d\" . ?s :date ?z . "
       "OPTIONAL { ?p :attends ?s } }", "s,p\r\nhttp://e/s1,http://e/p1\r\n"},
      {"PREFIX : <http://e/> SELECT ?s ?p WHERE { ?s :date \"d\" OPTIONAL { ?p :attends ?s } }",
       "s,p\r\nhttp://e/s1,http://e/p1\r\n"}};
  for (size_t i = 0; i < sizeof answered / sizeof answered[0]; i++) {
    char *out = run(ds, answered[i][0], "csv", &st, NULL, &err);
    if (st != CSTO_OK)
      fail_msg("%s: refused: %s", answered[i][0], err.message);
    assert_string_equal(out, answered[i][1]);
    free(out);
  }
  csto_query_dataset_free(ds);
}

/* A server's SPARQL XML results, read and printed by the code csto_query_run prints with. */
static void test_print_results_xml(void **state) {
  (void)state;
  static const char xml[] =
      "<?xml version=\"1.0\"?>\n<sparql xmlns=\"http://www.w3.org/2005/sparql-results#\">\n"
      " <head><variable name=\"p\"/><variable name=\"d\"/></head>\n <results>\n"
      "  <result><binding name=\"p\"><uri>https://w3id.org/csto-kg/resource/Sirojiddin_"
      "Muhriddin</uri></binding><binding name=\"d\"><literal datatype=\"http://www.w3.org/"
      "2001/XMLSchema#date\">2021-09-15</literal></binding></result>\n"
      "  <result><binding name=\"p\"><bnode>b0</bnode></binding></result>\n"
      " </results>\n</sparql>\n";
  csto_dataset *ds = dataset_with(NULL, NULL);
  const char *formats[][2] = {
      {"table", "?p                       | ?d\n"
                "-------------------------+-----------------------\n"
                "res:Sirojiddin_Muhriddin | \"2021-09-15\"^^xsd:date\n"
                "_:b0                     | \n"
                "(2 rows)\n"},
      {"csv", "p,d\r\nhttps://w3id.org/csto-kg/resource/Sirojiddin_Muhriddin,2021-09-15\r\n"
              "_:b0,\r\n"}};
  for (size_t i = 0; i < 2; i++) {
    char *buf = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&buf, &len);
    csto_query_options opt = {formats[i][0], NULL};
    csto_query_outcome oc = {CSTO_QUERY_ASK, 1};
    csto_error err = {CSTO_OK, ""};
    assert_int_equal(csto_query_print_results(ds, xml, strlen(xml), &opt, out, &oc, &err),
                     CSTO_OK);
    fclose(out);
    assert_int_equal(oc.kind, CSTO_QUERY_SELECT);
    assert_string_equal(buf, formats[i][1]);
    free(buf);
  }
  /* the same answer from the embedded engine prints the same table */
  csto_dataset *files = dataset_with(fixture_a, NULL);
  csto_status st;
  csto_error err = {CSTO_OK, ""};
  char *out = run(files, PREFIXES "SELECT ?p ?d WHERE { ?p csto:chairs ?e . ?e csto:date ?d }",
                  NULL, &st, NULL, &err);
  size_t head = (size_t)(strstr(formats[0][1], "_:b0") - formats[0][1]);
  assert_int_equal(st, CSTO_OK);
  assert_int_equal(strncmp(out, formats[0][1], head), 0); /* all but the blank node row */
  free(out);
  csto_query_dataset_free(files);
  csto_query_dataset_free(ds);
}

static void test_print_results_ask_and_bad(void **state) {
  (void)state;
  static const char ask[] = "<sparql xmlns=\"http://www.w3.org/2005/sparql-results#\">"
                            "<head></head><boolean>false</boolean></sparql>";
  csto_dataset *ds = dataset_with(NULL, NULL);
  char *buf = NULL;
  size_t len = 0;
  FILE *out = open_memstream(&buf, &len);
  csto_query_outcome oc = {CSTO_QUERY_SELECT, 1};
  csto_error err = {CSTO_OK, ""};
  assert_int_equal(csto_query_print_results(ds, ask, strlen(ask), NULL, out, &oc, &err), CSTO_OK);
  fclose(out);
  assert_int_equal(oc.kind, CSTO_QUERY_ASK);
  assert_int_equal(oc.ask, 0);
  assert_string_equal(buf, "false\n");
  free(buf);
  out = open_memstream(&buf, &len);
  assert_int_equal(csto_query_print_results(ds, "<html>busy</html>", 17, NULL, out, NULL, &err),
                   CSTO_ERR_QUERY);
  fclose(out);
  free(buf);
  assert_non_null(strstr(err.message, "cannot read the results"));
  csto_query_dataset_free(ds);
}

static void test_print_graph(void **state) {
  (void)state;
  static const char nt[] = "<https://w3id.org/csto-kg/resource/Sergey_Lavrov>\t"
                           "<https://w3id.org/csto-kg/ontology#attends>\t"
                           "<https://w3id.org/csto-kg/resource/event_CSTO_2021-09-15> .\n";
  csto_dataset *ds = dataset_with(NULL, NULL);
  char *buf = NULL;
  size_t len = 0;
  FILE *out = open_memstream(&buf, &len);
  csto_error err = {CSTO_OK, ""};
  assert_int_equal(csto_query_print_graph(ds, nt, strlen(nt), NULL, out, &err), CSTO_OK);
  fclose(out);
  assert_non_null(strstr(buf, "res:Sergey_Lavrov\n    csto:attends res:event_CSTO_2021-09-15 ."));
  free(buf);
  out = open_memstream(&buf, &len);
  assert_int_equal(csto_query_print_graph(ds, "<a> <b> .\n", 10, NULL, out, &err), CSTO_ERR_QUERY);
  fclose(out);
  free(buf);
  csto_query_dataset_free(ds);
}

static void test_bad_options(void **state) {
  (void)state;
  csto_error err = {CSTO_OK, ""};
  csto_query_options opt = {"yaml", NULL};
  assert_int_equal(csto_query_check_options(&opt, &err), CSTO_ERR_USAGE);
  assert_non_null(strstr(err.message, "yaml"));
  opt.results = NULL;
  opt.graph_format = "rdfxml";
  assert_int_equal(csto_query_check_options(&opt, &err), CSTO_ERR_USAGE);
  assert_int_equal(csto_query_check_options(NULL, &err), CSTO_OK);
}

/* COUNT makes rasqal log warnings; they must not turn into errors. */
static void test_count_warnings_dropped(void **state) {
  (void)state;
  csto_dataset *ds = dataset_with(fixture_a, fixture_b);
  csto_status st;
  csto_error err = {CSTO_OK, ""};
  char *out = run(ds, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", "csv", &st, NULL, &err);
  assert_int_equal(st, CSTO_OK);
  /* 44 + 31, less the 7 triples both files state: kept once, as in a store */
  assert_string_equal(out, "n\r\n68\r\n");
  free(out);
  csto_query_dataset_free(ds);
}

static void test_nquads_contexts(void **state) {
  (void)state;
  const char *nq = write_file("g.nq", "<http://e/a> <http://e/p> \"one\" <http://e/g1> .\n"
                                      "<http://e/a> <http://e/p> \"two\" <http://e/g2> .\n"
                                      "<http://e/a> <http://e/p> \"zero\" .\n");
  csto_dataset *ds = dataset_with(nq, NULL);
  csto_status st;
  csto_error err = {CSTO_OK, ""};
  char *out = run(ds, "SELECT ?g ?o WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g", "csv", &st,
                  NULL, &err);
  assert_int_equal(st, CSTO_OK);
  char expect[1024]; /* the triple goes into the graph named after the file */
  snprintf(expect, sizeof expect,
           "g,o\r\nfile://%s,zero\r\nhttp://e/g1,one\r\nhttp://e/g2,two\r\n", nq);
  assert_string_equal(out, expect);
  free(out);
  out = run(ds, "SELECT ?o WHERE { ?s ?p ?o } ORDER BY ?o", "csv", &st, NULL, &err);
  assert_string_equal(out, "o\r\none\r\ntwo\r\nzero\r\n");
  free(out);
  csto_query_dataset_free(ds);
}

/* An OPTIONAL that binds nothing leaves the cell empty (rasqal's own XML writer marks it
 * in a way its reader refuses: the answer once came out empty). */
static void test_unbound_values(void **state) {
  (void)state;
  const char *nt = write_file("u.nt", "<http://e/a> <http://e/p> \"x\" .\n"
                                      "<http://e/b> <http://e/p> \"y\" .\n"
                                      "<http://e/b> <http://e/q> \"z\" .\n");
  csto_dataset *ds = dataset_with(nt, NULL);
  csto_status st;
  csto_error err = {CSTO_OK, ""};
  const char *q = "SELECT ?s ?z WHERE { ?s <http://e/p> ?o OPTIONAL { ?s <http://e/q> ?z } } "
                  "ORDER BY ?s";
  char *out = run(ds, q, "csv", &st, NULL, &err);
  assert_int_equal(st, CSTO_OK);
  assert_string_equal(out, "s,z\r\nhttp://e/a,\r\nhttp://e/b,z\r\n");
  free(out);
  out = run(ds, q, "table", &st, NULL, &err);
  assert_non_null(strstr(out, "(2 rows)"));
  free(out);
  csto_query_dataset_free(ds);
}

/* As in a store: an article's facts go once to the merged graph, its provenance to the
 * named graph of its article. */
static void test_article_layout(void **state) {
  (void)state;
  csto_dataset *ds = dataset_with(fixture_a, fixture_b);
  csto_status st;
  csto_error err = {CSTO_OK, ""};
  char *out = run(ds, PREFIXES "SELECT ?g WHERE { GRAPH ?g { ?p csto:chairs ?e } } ORDER BY ?g",
                  "csv", &st, NULL, &err);
  assert_int_equal(st, CSTO_OK);
  assert_string_equal(out, "g\r\nhttps://w3id.org/csto-kg/graph/merged\r\n"
                           "https://w3id.org/csto-kg/graph/merged\r\n");
  free(out);
  out = run(ds, "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g "
                "ORDER BY ?g", "csv", &st, NULL, &err);
  assert_string_equal(out, "g,n\r\nhttps://w3id.org/csto-kg/graph/merged,37\r\n"
                           "https://w3id.org/csto-kg/resource/article_00000000000000a1,24\r\n"
                           "https://w3id.org/csto-kg/resource/article_00000000000000b2,7\r\n");
  free(out);
  csto_query_dataset_free(ds);
}

static void test_blank_nodes_per_file(void **state) {
  (void)state;
  const char *t1 = write_file("b1.ttl", "_:b1 <http://e/q> \"one\" .\n");
  const char *t2 = write_file("b2.ttl", "_:b1 <http://e/q> \"two\" .\n");
  const char *n1 = write_file("b3.nt", "_:b1 <http://e/q> \"three\" .\n");
  csto_dataset *ds = dataset_with(t1, t2);
  csto_error err = {CSTO_OK, ""};
  assert_int_equal(csto_query_dataset_add_file(ds, n1, NULL, &err), CSTO_OK);
  csto_status st;
  char *out = run(ds, "SELECT (COUNT(?s) AS ?n) WHERE { SELECT DISTINCT ?s WHERE { ?s ?p ?o } }",
                  "csv", &st, NULL, &err);
  assert_string_equal(out, "n\r\n3\r\n");
  free(out);
  csto_query_dataset_free(ds);
}

static void test_file_graph_named_by_article(void **state) {
  (void)state;
  csto_dataset *ds = dataset_with(NULL, NULL);
  csto_query_file *f = NULL;
  csto_error err = {CSTO_OK, ""};
  assert_int_equal(csto_query_file_read(ds, fixture_a, &f, &err), CSTO_OK);
  assert_int_equal(csto_query_file_graph_count(f), 1);
  assert_string_equal(csto_query_file_graph_iri(f, 0),
                      "https://w3id.org/csto-kg/resource/article_00000000000000a1");
  assert_int_equal(csto_query_file_graph_triples(f, 0), 44);
  assert_int_equal(csto_query_file_triples(f), 44);
  librdf_stream *s = csto_query_file_graph_stream(f, 0);
  long n = 0;
  for (; !librdf_stream_end(s); librdf_stream_next(s))
    n++;
  librdf_free_stream(s);
  assert_int_equal(n, 44);
  csto_query_file_free(f);
  /* the dataset's own model is untouched */
  assert_int_equal(librdf_model_size(csto_query_dataset_model(ds)), 0);
  csto_query_dataset_free(ds);
}

/* Triples of no article form the graph of the file's file: URI; triples of several
 * articles are refused (which article states what cannot be told). */
static void test_file_graph_without_article(void **state) {
  (void)state;
  const char *two = write_file("two.ttl", "@prefix csto: <https://w3id.org/csto-kg/ontology#> .\n"
                                          "<http://e/a1> a csto:Article .\n"
                                          "<http://e/a2> a csto:Article .\n");
  const char *none = write_file("none.ttl", "<http://e/a> <http://e/p> <http://e/o> .\n");
  csto_dataset *ds = dataset_with(NULL, NULL);
  csto_error err = {CSTO_OK, ""};
  csto_query_file *f = NULL;
  assert_int_equal(csto_query_file_read(ds, none, &f, &err), CSTO_OK);
  assert_int_equal(csto_query_file_graph_count(f), 1);
  char expect[600];
  snprintf(expect, sizeof expect, "file://%s", none);
  assert_string_equal(csto_query_file_graph_iri(f, 0), expect);
  csto_query_file_free(f);
  f = NULL;
  assert_int_equal(csto_query_file_read(ds, two, &f, &err), CSTO_ERR_INPUT);
  assert_null(f);
  assert_non_null(strstr(err.message, "several articles"));
  csto_query_dataset_free(ds);
}

static void test_file_graphs_from_quads(void **state) {
  (void)state;
  const char *nq = write_file(
      "art.nq", "<http://e/art> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
                "<https://w3id.org/csto-kg/ontology#Article> <http://e/art> .\n"
                "<http://e/x> <http://e/p> \"1\" <http://e/art> .\n"
                "<http://e/x> <http://e/p> \"2\" <http://e/other> .\n");
  csto_dataset *ds = dataset_with(NULL, NULL);
  csto_query_file *f = NULL;
  csto_error err = {CSTO_OK, ""};
  assert_int_equal(csto_query_file_read(ds, nq, &f, &err), CSTO_OK);
  assert_int_equal(csto_query_file_graph_count(f), 2);
  int seen = 0;
  for (size_t i = 0; i < 2; i++) {
    const char *g = csto_query_file_graph_iri(f, i);
    if (strcmp(g, "http://e/art") == 0 && csto_query_file_graph_triples(f, i) == 2)
      seen |= 1;
    if (strcmp(g, "http://e/other") == 0 && csto_query_file_graph_triples(f, i) == 1)
      seen |= 2;
  }
  assert_int_equal(seen, 3);
  csto_query_file_free(f);
  csto_query_dataset_free(ds);
}

static void test_file_read_bad(void **state) {
  (void)state;
  const char *bad = write_file("bad2.nt", "<http://e/a> <http://e/p> .\n");
  csto_dataset *ds = dataset_with(NULL, NULL);
  csto_query_file *f = NULL;
  csto_error err = {CSTO_OK, ""};
  assert_int_equal(csto_query_file_read(ds, bad, &f, &err), CSTO_ERR_RDF);
  assert_null(f);
  assert_non_null(strstr(err.message, "bad2.nt:1: "));
  csto_query_dataset_free(ds);
}

static void test_read_text(void **state) {
  (void)state;
  const char *q = write_file("q.rq", "ASK { ?s ?p ?o }\n");
  char *text = NULL;
  csto_error err = {CSTO_OK, ""};
  assert_int_equal(csto_query_read_text(q, &text, &err), CSTO_OK);
  assert_string_equal(text, "ASK { ?s ?p ?o }\n");
  free(text);
  assert_int_equal(csto_query_read_text("/nonexistent.rq", &text, &err), CSTO_ERR_IO);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_free_null),
      cmocka_unit_test(test_syntax_for_path),
      cmocka_unit_test(test_add_file_counts),
      cmocka_unit_test(test_missing_file),
      cmocka_unit_test(test_bad_file_names_line),
      cmocka_unit_test(test_select_formats),
      cmocka_unit_test(test_table_layout),
      cmocka_unit_test(test_ask),
      cmocka_unit_test(test_construct),
      cmocka_unit_test(test_syntax_error),
      cmocka_unit_test(test_wrong_answers_refused),
      cmocka_unit_test(test_server_only_refused),
      cmocka_unit_test(test_lost_binding_refused),
      cmocka_unit_test(test_print_results_xml),
      cmocka_unit_test(test_print_results_ask_and_bad),
      cmocka_unit_test(test_print_graph),
      cmocka_unit_test(test_bad_options),
      cmocka_unit_test(test_count_warnings_dropped),
      cmocka_unit_test(test_nquads_contexts),
      cmocka_unit_test(test_article_layout),
      cmocka_unit_test(test_unbound_values),
      cmocka_unit_test(test_blank_nodes_per_file),
      cmocka_unit_test(test_file_graph_named_by_article),
      cmocka_unit_test(test_file_graph_without_article),
      cmocka_unit_test(test_file_graphs_from_quads),
      cmocka_unit_test(test_file_read_bad),
      cmocka_unit_test(test_read_text),
  };
  return cmocka_run_group_tests(tests, setup_all, teardown_all);
}
