/* Who chairs an event: "the session, chaired by X", "co-chaired by X and Y", "under the
 * chairmanship of X", "X presided over the summit", "Presiding over the summit, X said",
 * "chaired by Kazakhstan", "by the Belarusian side". "Hosted by" is not chairing, nor is
 * "was not chaired by". */
#include <ctype.h>

#include "clause.h"
#include "csto/extract.h"

static int chair_agent(const csto_doc *doc, size_t k) {
  int p = csto_person_of(doc, k);
  return p >= 0 ? p : csto_actor_of(doc, k);
}

/* "the Belarusian side", "the Kazakh delegation": the country acts. */
static int side(const csto_doc *doc, size_t k, size_t to) {
  const csto_mention *m = &doc->mentions[k];
  return m->kind == CSTO_MENTION_ENTITY && m->demonym && m->type == CSTO_ENTITY_COUNTRY &&
         k + 1 < to && csto_is_cue(&doc->mentions[k + 1], CSTO_CUE_DELEGATION);
}

static void add_chair(const csto_doc *doc, csto_sink *sink, csto_rule rule, size_t cue, int agent,
                      int event_mention, int event) {
  if (agent < 0 || event < 0 || doc->links[agent].entity < 0)
    return;
  csto_candidate c = csto_candidate_make(CSTO_FACT_CHAIRS, rule, doc->mentions[cue].sentence);
  c.subject = doc->links[agent].entity;
  c.object = event;
  c.cue = (int)cue;
  c.agent = agent;
  c.event = event_mention;
  csto_sink_emit(sink, &c);
}

enum { MAX_CHAIRS = 4 }; /* co-chairs one clause lists */

/* "and", "as well as" close a list; a comma may end the chair's phrase ("chaired by X, Y
 * said"). */
static int word_separator(const csto_doc *doc, size_t k) {
  const char *w = doc->tokens[doc->mentions[k].first].norm;
  return isalpha((unsigned char)w[0]);
}

/* The chair right after a passive cue (past "the"), or -1: what stands further on is no
 * longer its agent ("under the chairmanship of the Belarusian side, ..., Zakharova said"). */
static int first_agent(const csto_doc *doc, size_t i, size_t to) {
  while (i < to && (csto_is_cue(&doc->mentions[i], CSTO_CUE_DEFINITE) ||
                    csto_is_cue(&doc->mentions[i], CSTO_CUE_INDEFINITE)))
    i++;
  return i < to && (chair_agent(doc, i) >= 0 || side(doc, i, to)) ? (int)i : -1;
}

/* "E, chaired by X": the chair follows the cue, the event precedes it (or follows); "It
 * will be chaired by X": the event last spoken of. "Co-chaired by X and Y": each of a
 * list that "and" closes. */
static void passive(const csto_doc *doc, csto_sink *sink, size_t k, size_t from, size_t to) {
  if (csto_negated_before(doc, from, k))
    return;
  int ev = csto_event_before(doc, from, k);
  if (ev < 0)
    ev = csto_event_after(doc, k, to);
  int e = ev >= 0 ? csto_event_of(doc, (size_t)ev) : csto_latest_event(doc, k);
  int chairs[MAX_CHAIRS], n = 0, closed = 0;
  for (int a = first_agent(doc, k + 1, to); a >= 0 && n < MAX_CHAIRS;) {
    chairs[n++] = a;
    size_t sep = (size_t)a + 1;
    if (sep >= to || !csto_is_cue(&doc->mentions[sep], CSTO_CUE_LIST_SEPARATOR))
      break;
    closed = word_separator(doc, sep);
    a = first_agent(doc, sep + 1, to);
  }
  for (int i = 0; i < (closed ? n : n > 0); i++)
    add_chair(doc, sink, CSTO_RULE_CHAIRS_PASSIVE, k, chairs[i], ev, e);
}

/* "X chaired E": the chair precedes the cue in its clause, the event follows it;
 * "Presiding over E, X said": the chair follows the event. */
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
  if (agent < 0 && csto_fronted(doc, lo, k))
    for (size_t i = ev >= 0 ? (size_t)ev + 1 : k + 1; i < hi && agent < 0; i++)
      if (chair_agent(doc, i) >= 0)
        agent = (int)i;
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
