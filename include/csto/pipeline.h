/* csto-kg: the whole pipeline for one article, read -> segment -> recognize -> resolve ->
 * extract -> consolidate. The graph builder and serializer (graph.h) take it from there. */
#ifndef CSTO_PIPELINE_H
#define CSTO_PIPELINE_H

#include "csto/document.h"

/* Run every stage on article with kb; on success *out is a new document owned by the
 * caller (csto_doc_free) that borrows article and kb. */
csto_status csto_pipeline_run(const csto_kb *kb, const csto_article *article, csto_doc **out,
                              csto_error *err);

#endif
