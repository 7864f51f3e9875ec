/* csto-kg: why the pipeline read an article as it did, for people.
 *
 * csto_explain_facts writes one line per fact: the fact, the rule that made it and the
 * mentions the rule used, each with its text and its offsets in code points of the body
 * (as NIF counts them); an attendance's mode says where it came from too:
 *
 *   attends Sergey Lavrov → E1 Meeting (in person) ← attends.active s2 cue "will attend"
 *     [412,423] agent "Lavrov" [380,386] event "the meeting" [400,411]; mode ← mode.clause
 *     s2 "in person" [430,439]
 *
 * csto_explain_mentions lists every mention by sentence and what it resolved to. Both
 * return a new string owned by the caller (free), NULL when out of memory. */
#ifndef CSTO_EXPLAIN_H
#define CSTO_EXPLAIN_H

#include "csto/api.h"

#include "csto/pipeline.h"

CSTO_API char *csto_explain_facts(const csto_doc *doc);
CSTO_API char *csto_explain_mentions(const csto_doc *doc);

#endif
