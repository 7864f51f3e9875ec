/* Who chairs an event: "the session, chaired by X", "under the chairmanship of X",
 * "X presided over the summit", "chaired by Kazakhstan". "Hosted by" is not chairing. */
#include "clause.h"
#include "csto/extract.h"

static int chair_agent(const csto_doc *doc, size_t k) {
  int p = csto_person_of(doc, k);
  return p >= 0 ? p : csto_actor_of(doc, k);
}

static void add_chair(const csto_doc *doc, csto_sink *sink, csto_rule rule, size_t cue, int agent,
                      int event_mention, int event) {
  if (agent < 0 || event < 0)
    return;
  csto_candidate c = csto_candidate_make(CSTO_FACT_CHAIRS, rule, doc->mentions[cue].sentence);
  c.subject = doc->links[agent].entity;
  c.object = event;
  c.cue = (int)cue;
  c.agent = agent;
  c.event = event_mention;
  csto_sink_emit(sink, &c);
}

/* "E, chaired by X": the chair follows the cue, the event precedes it (or follows); "It
 * will be chaired by X": the event last spoken of. */
static void passive(const csto_doc *doc, csto_sink *sink, size_t k, size_t from, size_t to) {
  int agent = -1;
  for (size_t i = k + 1; i < to && agent < 0; i++)
    if (chair_agent(doc, i) >= 0)
      agent = (int)i;
  int ev = csto_event_before(doc, from, k);
  if (ev < 0)
    ev = csto_event_after(doc, k, to);
  int e = ev >= 0 ? csto_event_of(doc, (size_t)ev) : csto_latest_event(doc, k);
  add_chair(doc, sink, CSTO_RULE_CHAIRS_PASSIVE, k, agent, ev, e);
}

/* "X chaired E": the chair precedes the cue in its clause, the event follows it. */
static void active(const csto_doc *doc, csto_sink *sink, size_t k, size_t from, size_t to) {
  size_t lo, hi;
  csto_clause(doc, k, from, to, &lo, &hi);
  if (csto_negated(doc, lo, k + 1))
    return;
  int agent = csto_relative_subject(doc, lo); /* "X, who presided over the meeting" */
  for (size_t i = k; i-- > lo && agent < 0;)
    if (chair_agent(doc, i) >= 0)
      agent = (int)i;
  int ev = csto_event_after(doc, k, hi);
  add_chair(doc, sink, CSTO_RULE_CHAIRS_ACTIVE, k, agent, ev, ev >= 0 ? csto_event_of(doc, (size_t)ev) : -1);
}

void csto_extract_chairs(const csto_doc *doc, csto_sink *sink) {
  for (size_t s = 0; s < doc->n_sentences; s++) {
    size_t from, to;
    csto_sentence_mentions(doc, s, &from, &to);
    for (size_t k = from; k < to; k++) {
      if (csto_is_cue(&doc->mentions[k], CSTO_CUE_CHAIR_PASSIVE))
        passive(doc, sink, k, from, to);
      else if (csto_is_cue(&doc->mentions[k], CSTO_CUE_CHAIR_ACTIVE))
        active(doc, sink, k, from, to);
    }
  }
}
