/* csto-kg eval, libcsto-store: score a graph against a gold TSV
 * (shared/spec/gold-format.md).
 *
 * The scoring is that of the project's reference scorer (score.py), reproduced rule for
 * rule so that both give the same figures on the same files:
 *
 *   - the graph is read with raptor2 exactly as `rapper -i guess` reads it ("nquads" for
 *     .nq / .nquads); like rapper, a parse error or a parser warning rejects the graph;
 *   - gold entities match graph nodes by owl:sameAs / skos:exactMatch Wikidata QID or by
 *     an rdfs:label / skos:altLabel / skos:prefLabel equal after whitespace folding and
 *     Unicode case folding; a node belongs to the first gold entity (file order) it matches;
 *   - predicates are compared by local name (the text after the last '/' or '#');
 *   - gold events are aligned one-to-one with graph event nodes, greedily by how many
 *     gold facts the pairing makes true, ties broken by the larger gold key, then the
 *     larger node (its N-Triples form), as score.py's descending sort does;
 *   - a fact is a distinct (subject, object) pair after mapping nodes to gold keys;
 *     heldIn accepts any of the gold alternatives; a date is the first 10 characters of a
 *     csto:date / csto:startDate literal; a position is holdsPosition -> post's role and
 *     postIn;
 *   - mode accuracy is computed over gold attends facts the graph has an attends triple
 *     for, reading modes from csto:Attendance nodes (attendee, event, mode).
 *
 * The library never prints: csto_eval_report_text and csto_eval_report_json return the two
 * renderings as strings, byte for byte what score.py prints (without / with --json). */
#ifndef CSTO_EVAL_H
#define CSTO_EVAL_H

#include <stddef.h>

#include "csto/api.h"
#include "csto/error.h"

/* The scored relations, in report order. */
typedef enum {
  CSTO_EVAL_CHAIRS,
  CSTO_EVAL_ATTENDS,
  CSTO_EVAL_MEMBER_OF,
  CSTO_EVAL_HELD_IN,
  CSTO_EVAL_DATE,
  CSTO_EVAL_POSITION,
  CSTO_EVAL_N_RELATIONS
} csto_eval_relation;

/* Counts and unrounded figures of one relation, or of all of them (micro). */
typedef struct {
  size_t system;  /* distinct system facts */
  size_t gold;    /* gold rows */
  size_t correct; /* system facts that match some gold fact (precision numerator) */
  size_t found;   /* gold facts matched by some system fact (recall numerator; "tp") */
  double p, r, f1;
} csto_eval_counts;

typedef struct {
  csto_eval_counts relation[CSTO_EVAL_N_RELATIONS];
  csto_eval_counts micro;
  /* Mode accuracy = mode_correct / mode_total; undefined when mode_total is 0 (gold has
   * no attends fact the graph also states). */
  size_t mode_correct, mode_total;
  size_t gold_events;    /* distinct gold event keys */
  size_t system_events;  /* graph nodes typed or used as events */
  size_t aligned_events; /* gold events paired with a graph node */
} csto_eval_report;

/* The relation's name as the gold file and the report spell it ("memberOf"); NULL when
 * rel is out of range. Static storage. */
CSTO_API const char *csto_eval_relation_name(csto_eval_relation rel);

/* Score the graph file graph_path against the gold file gold_path. On success *out is a
 * new report owned by the caller (free with csto_eval_report_free). Fails with
 * CSTO_ERR_IO (a file cannot be read), CSTO_ERR_RDF ("GRAPH:LINE: ..." when raptor
 * reports an error or a warning), CSTO_ERR_INPUT ("GOLD:LINE: ..." for a gold row with
 * an unknown kind, too few columns, an unknown attendance mode or invalid UTF-8) or
 * CSTO_ERR_NOMEM; *out is then untouched. */
CSTO_API csto_status csto_eval_score(const char *graph_path, const char *gold_path,
                                     csto_eval_report **out, csto_error *err);

/* Free a report; NULL is a no-op. */
CSTO_API void csto_eval_report_free(csto_eval_report *report);

/* Mode accuracy: returns 1 and sets *accuracy when defined, 0 otherwise. */
CSTO_API int csto_eval_mode_accuracy(const csto_eval_report *report, double *accuracy);

/* x rounded to 3 decimals the way Python's round(x, 3) does (correctly rounded, ties to
 * even), which is how every figure is reported. */
CSTO_API double csto_eval_round3(double x);

/* The text report, lines ending in '\n':
 *     chairs    P=1.000 R=1.000 F1=1.000  (system 2, gold 2)   (one line per relation)
 *     mode accuracy 0.5  events {'gold': 2, 'system': 2, 'aligned': 2}
 *     micro P=0.750 R=0.600 F1=0.667
 * Returns a new string owned by the caller (free with free()), NULL when out of memory. */
CSTO_API char *csto_eval_report_text(const csto_eval_report *report);

/* The report as one JSON object without a trailing newline, keys and number formatting
 * as score.py --json writes them. Returns a new string owned by the caller (free with
 * free()), NULL when out of memory. */
CSTO_API char *csto_eval_report_json(const csto_eval_report *report);

#endif
