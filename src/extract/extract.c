#include "csto/extract.h"

#include <stdlib.h>

#include "array.h"

csto_candidate csto_candidate_make(csto_fact_kind kind, csto_rule rule, size_t sentence) {
  return (csto_candidate){.kind = kind, .rule = rule, .sentence = sentence, .subject = -1,
                          .object = -1, .mode_mention = -1, .cue = -1, .agent = -1,
                          .event = -1, .object_mention = -1};
}

void csto_sink_emit(csto_sink *sink, const csto_candidate *candidate) {
  if (csto_array_reserve((void **)&sink->items, &sink->cap, sink->n, sizeof *sink->items) != 0) {
    sink->out_of_memory = 1;
    return;
  }
  sink->items[sink->n++] = *candidate;
}

csto_status csto_extract(const csto_doc *doc, csto_candidate **out, size_t *n, csto_error *err) {
  csto_sink sink = {0};
  csto_extract_chairs(doc, &sink);
  csto_extract_attends(doc, &sink);
  csto_extract_membership(doc, &sink);
  csto_extract_location(doc, &sink);
  csto_extract_dates(doc, &sink);
  csto_extract_posts(doc, &sink);
  if (sink.out_of_memory) {
    free(sink.items);
    return csto_error_set(err, CSTO_ERR_NOMEM, "out of memory");
  }
  *out = sink.items;
  *n = sink.n;
  return CSTO_OK;
}
