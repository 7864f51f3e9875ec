/* csto-kg stage 5, the extractors: resolved mentions -> facts.
 *
 * One file per relation family under src/extract/. Each reads the mentions of one
 * sentence at a time, keeps to clauses (it does not reach across "after", "which",
 * ";"), respects negation ("did not attend", "the absence of"), and adds facts that name
 * the sentence stating them. */
#ifndef CSTO_EXTRACT_H
#define CSTO_EXTRACT_H

#include "csto/document.h"

void csto_extract_chairs(csto_doc *doc);     /* chairs.c: "chaired by", "under the chairmanship of" */
void csto_extract_attends(csto_doc *doc);    /* attends.c: attendance and its mode, bilateral talks */
void csto_extract_membership(csto_doc *doc); /* membership.c: "comprises", "member states -" */
void csto_extract_location(csto_doc *doc);   /* location.c: where each event is held */
void csto_extract_dates(csto_doc *doc);      /* dates.c: when each event is held */
void csto_extract_posts(csto_doc *doc);      /* posts.c: the posts titles give people */

/* All of the above, in that order. */
csto_status csto_extract(csto_doc *doc, csto_error *err);

#endif
