/* Who chairs an event: "the session, chaired by X", "under the chairmanship of X",
 * "X presided over the summit", "chaired by Kazakhstan". "Hosted by" is not chairing. */
#include "clause.h"
#include "csto/extract.h"

static int chair_agent(const csto_doc *doc, size_t k) {
  int p = csto_person_of(doc, &doc->mentions[k]);
  return p >= 0 ? p : csto_actor_of(doc, k);
}

static void add_chair(csto_doc *doc, int agent, int event, size_t sentence) {
  csto_fact f = {.kind = CSTO_FACT_CHAIRS, .subject = agent, .object = event, .sentence = sentence};
  if (agent >= 0 && event >= 0)
    csto_doc_add_fact(doc, &f);
}

static int event_at(const csto_doc *doc, int mention) {
  return mention >= 0 ? doc->mentions[mention].event : -1;
}

/* "E, chaired by X": the chair follows the cue, the event precedes it (or follows). */
static void passive(csto_doc *doc, size_t k, size_t from, size_t to) {
  int agent = -1;
  for (size_t i = k + 1; i < to && agent < 0; i++)
    agent = chair_agent(doc, i);
  int ev = csto_event_before(doc, from, k);
  if (ev < 0)
    ev = csto_event_after(doc, k, to);
  /* "It will be chaired by X": the event last spoken of. */
  int e = ev >= 0 ? event_at(doc, ev) : csto_latest_event(doc, k);
  add_chair(doc, agent, e, doc->mentions[k].sentence);
}

/* "X chaired E": the chair precedes the cue in its clause, the event follows it. */
static void active(csto_doc *doc, size_t k, size_t from, size_t to) {
  size_t lo, hi;
  csto_clause(doc, k, from, to, &lo, &hi);
  if (csto_negated(doc, lo, k + 1))
    return;
  int agent = csto_relative_subject(doc, lo); /* "X, who presided over the meeting" */
  for (size_t i = k; i-- > lo && agent < 0;)
    agent = chair_agent(doc, i);
  add_chair(doc, agent, event_at(doc, csto_event_after(doc, k, hi)), doc->mentions[k].sentence);
}

void csto_extract_chairs(csto_doc *doc) {
  for (size_t s = 0; s < doc->n_sentences; s++) {
    size_t from, to;
    csto_sentence_mentions(doc, s, &from, &to);
    for (size_t k = from; k < to; k++) {
      if (csto_is_cue(&doc->mentions[k], CSTO_CUE_CHAIR_PASSIVE))
        passive(doc, k, from, to);
      else if (csto_is_cue(&doc->mentions[k], CSTO_CUE_CHAIR_ACTIVE))
        active(doc, k, from, to);
    }
  }
}
