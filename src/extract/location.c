/* Where an event is held: "will be held in Kyrgyzstan's capital Bishkek", "the summit in
 * Ashgabat", "convened here", "the Qingdao summit", "events in Tajikistan - A, B and C".
 * When the text gives several places for one event, consolidation keeps the most
 * specific. */
#include "clause.h"
#include "csto/extract.h"

static int is_place(const csto_doc *doc, size_t k) {
  const csto_mention *m = &doc->mentions[k];
  return m->kind == CSTO_MENTION_ENTITY && doc->links[k].entity >= 0 && !m->demonym &&
         (m->type == CSTO_ENTITY_CITY || m->type == CSTO_ENTITY_COUNTRY ||
          m->type == CSTO_ENTITY_VENUE);
}

static void offer_to(csto_sink *sink, const csto_doc *doc, csto_rule rule, int e, int event_mention,
                     size_t place) {
  csto_candidate c = csto_candidate_make(CSTO_FACT_HELD_IN, rule, doc->mentions[place].sentence);
  c.subject = e;
  c.object = doc->links[place].entity;
  c.event = event_mention;
  c.object_mention = (int)place;
  csto_sink_emit(sink, &c);
}

/* The events one plural description stands for share the place the sentence gives
 * ("meetings of the CSTO and the CIS will be held in Moscow"), unless the resolver gave
 * each its own ("in Kazan and in Minsk"). */
static void offer(const csto_doc *doc, csto_sink *sink, csto_rule rule, int event_mention,
                  size_t place) {
  int e = event_mention >= 0 ? csto_event_of(doc, (size_t)event_mention) : -1;
  if (e < 0)
    return;
  const csto_doc_event *ev = &doc->events[e];
  if (ev->series < 0 || !doc->mentions[event_mention].plural)
    offer_to(sink, doc, rule, e, event_mention, place);
  else if (ev->place < 0)
    for (size_t i = (size_t)ev->series; i < doc->n_events && doc->events[i].series == ev->series;
         i++)
      offer_to(sink, doc, rule, (int)i, event_mention, place);
}

/* Whether a list starts between the place at p and the first event after it: "events in
 * X due this week - A, B and C", not "April events in X will be on the agenda of E". */
static int list_follows(const csto_doc *doc, size_t p, size_t hi) {
  for (size_t i = p + 1; i < hi && csto_event_of(doc, i) < 0; i++)
    if (csto_is_cue(&doc->mentions[i], CSTO_CUE_LIST_SEPARATOR))
      return 1;
  return 0;
}

/* The events a plural "events in X" stands for: the ones listed after it. */
static void offer_listed(const csto_doc *doc, csto_sink *sink, size_t p, size_t hi) {
  if (!list_follows(doc, p, hi))
    return;
  for (size_t i = p + 1; i < hi; i++)
    offer(doc, sink, CSTO_RULE_HELD_IN_LISTED, (int)i, p);
}

/* A verb that places an event ("was held", "gathered", "arrived in X for"), or a verb
 * that is one ("met with", which the resolver made talks of). */
static int predicate_between(const csto_doc *doc, size_t lo, size_t p) {
  for (size_t i = p; i-- > lo;) {
    const csto_mention *m = &doc->mentions[i];
    if (csto_is_cue(m, CSTO_CUE_EVENT_PREDICATE) || m->cue == CSTO_CUE_GATHER ||
        m->cue == CSTO_CUE_ARRIVE || (csto_is_cue(m, CSTO_CUE_MEET) && csto_event_of(doc, i) >= 0))
      return (int)i;
  }
  return -1;
}

/* A verb the sentence goes on with after a "who" clause: "X, who arrived in Minsk on
 * Wednesday, took part in the summit". */
static int main_verb(const csto_mention *m) {
  return m->kind == CSTO_MENTION_CUE &&
         (m->cue == CSTO_CUE_ATTEND_ACTIVE || m->cue == CSTO_CUE_ATTEND_PASSIVE ||
          m->cue == CSTO_CUE_SPEAK || m->cue == CSTO_CUE_CHAIR_ACTIVE ||
          m->cue == CSTO_CUE_REPORTING ||
          m->cue == CSTO_CUE_EVENT_PREDICATE);
}

/* The event someone arrived in the place at p for: the next one in the clause, unless
 * the text says they came from elsewhere ("arrived in Moscow from the summit"), or the
 * arrival is told in a "who" clause and another verb names the event. */
static int arrived_for(const csto_doc *doc, size_t p, size_t lo, size_t hi) {
  int ev = csto_event_after(doc, p, hi), relative = csto_relative_subject(doc, lo) >= 0;
  size_t i = p + 1;
  if (i + 1 < hi && csto_is_cue(&doc->mentions[i], CSTO_CUE_LIST_SEPARATOR) && is_place(doc, i + 1) &&
      doc->mentions[i + 1].type == CSTO_ENTITY_COUNTRY)
    i += 2; /* "is in Goa, India for the summit": the city's country */
  for (; ev >= 0 && i < (size_t)ev; i++)
    if (csto_is_cue(&doc->mentions[i], CSTO_CUE_ORIGIN) || is_place(doc, i) ||
        (relative && main_verb(&doc->mentions[i])))
      return -1;
  return ev;
}

/* The mention before "in [the historic city of] PLACE", or p when no preposition leads
 * to the place. */
static size_t before_preposition(const csto_doc *doc, size_t p, size_t from) {
  size_t before = p;
  while (before > from && (csto_is_cue(&doc->mentions[before - 1], CSTO_CUE_DEFINITE) ||
                           csto_is_cue(&doc->mentions[before - 1], CSTO_CUE_OF)))
    before--;
  return before > from && csto_is_cue(&doc->mentions[before - 1], CSTO_CUE_PLACE_PREP) ? before - 1 : p;
}

static void place_of(const csto_doc *doc, csto_sink *sink, size_t p, size_t from, size_t to) {
  size_t lo, hi, before = before_preposition(doc, p, from);
  if (p > from && csto_is_cue(&doc->mentions[p - 1], CSTO_CUE_ORIGIN))
    return; /* "chaired the session from Moscow": where the chair sat */
  csto_clause(doc, p, from, to, &lo, &hi);
  if (before > from && doc->mentions[before - 1].kind == CSTO_MENTION_EVENT) {
    if (doc->mentions[before - 1].event_class == CSTO_EVENT_PLURAL)
      offer_listed(doc, sink, p, hi);
    else /* "the summit in X"; "the council convened in X", the verb made an event */
      offer(doc, sink, doc->mentions[before - 1].cue ? CSTO_RULE_HELD_IN_PREDICATE : CSTO_RULE_HELD_IN_AFTER_EVENT,
            (int)before - 1, p);
    return;
  }
  int pred = predicate_between(doc, lo, p);
  if (pred < 0)
    return;
  if (doc->mentions[pred].cue == CSTO_CUE_ARRIVE) {
    offer(doc, sink, CSTO_RULE_HELD_IN_PREDICATE, arrived_for(doc, p, lo, hi), p);
    return;
  }
  /* the verb's object ("decided to hold the next meeting in X"), else its subject ("E,
   * which will be held in X") */
  int ev = csto_event_of(doc, (size_t)pred) >= 0 ? pred
                                                 : csto_event_before(doc, (size_t)pred + 1, p);
  if (ev < 0)
    ev = csto_event_before(doc, from, (size_t)pred);
  if (ev < 0)
    ev = csto_event_after(doc, p, hi);
  offer(doc, sink, CSTO_RULE_HELD_IN_PREDICATE, ev, p);
}

/* "Minsk hosted the CSTO summit", "Yerevan will host": a city that hosts an event is
 * where it is held. */
static void hosting_city(const csto_doc *doc, csto_sink *sink, size_t k, size_t from, size_t to) {
  size_t city = k;
  while (city > from && csto_is_cue(&doc->mentions[city - 1], CSTO_CUE_FUTURE))
    city--;
  if (city == from || !is_place(doc, city - 1) || doc->mentions[city - 1].type != CSTO_ENTITY_CITY)
    return;
  size_t lo, hi;
  csto_clause(doc, k, from, to, &lo, &hi);
  offer(doc, sink, CSTO_RULE_HELD_IN_HOST_CITY, csto_event_after(doc, k, hi), city - 1);
}

/* "the Qingdao summit": the place the resolver took from an event's description; "the
 * next meetings will be held in Kazan and in Minsk": the city it gave each event of one. */
static void named_places(const csto_doc *doc, csto_sink *sink) {
  for (size_t e = 0; e < doc->n_events; e++) {
    const csto_doc_event *ev = &doc->events[e];
    if (ev->place < 0)
      continue;
    csto_candidate c = csto_candidate_make(CSTO_FACT_HELD_IN,
                                           doc->mentions[ev->place_mention].kind == CSTO_MENTION_ENTITY
                                               ? CSTO_RULE_HELD_IN_SERIES
                                               : CSTO_RULE_HELD_IN_NAMED,
                                           doc->mentions[ev->place_mention].sentence);
    c.subject = (int)e;
    c.object = ev->place;
    c.event = ev->place_mention;
    csto_sink_emit(sink, &c);
  }
}

void csto_extract_location(const csto_doc *doc, csto_sink *sink) {
  named_places(doc, sink);
  for (size_t s = 0; s < doc->n_sentences; s++) {
    size_t from, to;
    csto_sentence_mentions(doc, s, &from, &to);
    for (size_t p = from; p < to; p++)
      if (is_place(doc, p))
        place_of(doc, sink, p, from, to);
      else if (csto_is_cue(&doc->mentions[p], CSTO_CUE_HOST))
        hosting_city(doc, sink, p, from, to);
  }
}
