/* csto-kg stage 5, the extractors: the resolved document -> candidate facts.
 *
 * One file per relation family under src/extract/. Each reads the mentions of one
 * sentence at a time through `const`, keeps to clauses (it does not reach across "after",
 * "which", ";"), respects negation ("did not attend", "the absence of"), and emits
 * candidates that name their rule, their sentence and the mentions they used. Which
 * candidate becomes which fact is consolidation's business (consolidate.h), so the
 * extractors do not depend on each other or on their order. */
#ifndef CSTO_EXTRACT_H
#define CSTO_EXTRACT_H

#include "csto/document.h"

/* A growing array of candidates; an allocation failure is remembered and reported once
 * by csto_extract. */
typedef struct {
  csto_candidate *items;
  size_t n, cap;
  int out_of_memory;
} csto_sink;

/* A candidate of a kind by a rule from a sentence, every mention and index unset (-1). */
csto_candidate csto_candidate_make(csto_fact_kind kind, csto_rule rule, size_t sentence);
void csto_sink_emit(csto_sink *sink, const csto_candidate *candidate);

void csto_extract_chairs(const csto_doc *doc, csto_sink *sink);     /* chairs.c */
void csto_extract_attends(const csto_doc *doc, csto_sink *sink);    /* attends.c: and modes */
void csto_extract_membership(const csto_doc *doc, csto_sink *sink); /* membership.c */
void csto_extract_location(const csto_doc *doc, csto_sink *sink);   /* location.c */
void csto_extract_dates(const csto_doc *doc, csto_sink *sink);      /* dates.c */
void csto_extract_posts(const csto_doc *doc, csto_sink *sink);      /* posts.c */

/* All of the above. On success *out (owned by the caller) holds *n candidates, those of
 * each extractor in the order it read the text. */
csto_status csto_extract(const csto_doc *doc, csto_candidate **out, size_t *n, csto_error *err);

#endif
