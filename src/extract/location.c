/* Where an event is held: "will be held in Kyrgyzstan's capital Bishkek", "the summit in
 * Ashgabat", "convened here", "the Qingdao summit", "events in Tajikistan - A, B and C".
 * When the text gives several places for one event, the most specific one is kept. */
#include <stdlib.h>

#include "clause.h"
#include "csto/extract.h"

static int is_place(const csto_mention *m) {
  return m->kind == CSTO_MENTION_ENTITY && m->entity >= 0 && !m->demonym &&
         (m->type == CSTO_ENTITY_CITY || m->type == CSTO_ENTITY_COUNTRY ||
          m->type == CSTO_ENTITY_VENUE);
}

static int specificity(csto_entity_type t) {
  return t == CSTO_ENTITY_VENUE ? 3 : t == CSTO_ENTITY_CITY ? 2 : 1;
}

typedef struct {
  int place;
  size_t sentence;
} place_choice;

static void offer(const csto_doc *doc, place_choice *choice, int event, int place, size_t s) {
  if (event < 0)
    return;
  place_choice *c = &choice[event];
  if (c->place < 0 || specificity(doc->entities[place].type) > specificity(doc->entities[c->place].type))
    *c = (place_choice){place, s};
}

/* The events a plural "events in X" stands for: the ones listed after it. */
static void offer_listed(const csto_doc *doc, place_choice *choice, size_t p, size_t hi, int place) {
  for (size_t i = p + 1; i < hi; i++)
    offer(doc, choice, csto_event_of(&doc->mentions[i]), place, doc->mentions[p].sentence);
}

/* A verb that places an event ("was held", "gathered"), or a verb that is one ("held
 * talks with", which the attendance extractor turned into the talks' mention). */
static int predicate_between(const csto_doc *doc, size_t lo, size_t p) {
  for (size_t i = p; i-- > lo;) {
    const csto_mention *m = &doc->mentions[i];
    if (csto_is_cue(m, CSTO_CUE_EVENT_PREDICATE) || csto_is_cue(m, CSTO_CUE_GATHER) ||
        (m->kind == CSTO_MENTION_EVENT && (m->cue == CSTO_CUE_MEET || m->cue == CSTO_CUE_GATHER)))
      return (int)i;
  }
  return -1;
}

static void place_of(const csto_doc *doc, place_choice *choice, size_t p, size_t from, size_t to) {
  const csto_mention *m = &doc->mentions[p];
  size_t lo, hi;
  csto_clause(doc, p, from, to, &lo, &hi);
  /* "in Samarkand", "in the historic city of Samarkand" */
  size_t before = p;
  while (before > from && (csto_is_cue(&doc->mentions[before - 1], CSTO_CUE_DEFINITE) ||
                           csto_is_cue(&doc->mentions[before - 1], CSTO_CUE_OF)))
    before--;
  if (before > from && csto_is_cue(&doc->mentions[before - 1], CSTO_CUE_PLACE_PREP))
    before--;
  else
    before = p;
  if (before > from && doc->mentions[before - 1].kind == CSTO_MENTION_EVENT) {
    const csto_mention *e = &doc->mentions[before - 1];
    if (e->event_class == CSTO_EVENT_PLURAL)
      offer_listed(doc, choice, p, hi, m->entity);
    else
      offer(doc, choice, e->event, m->entity, m->sentence);
    return;
  }
  int pred = predicate_between(doc, lo, p);
  if (pred < 0)
    return;
  int ev = doc->mentions[pred].kind == CSTO_MENTION_EVENT
               ? pred
               : csto_event_before(doc, from, (size_t)pred); /* "E, which will be held in X" */
  if (ev < 0)
    ev = csto_event_after(doc, p, hi);
  if (ev >= 0)
    offer(doc, choice, doc->mentions[ev].event, m->entity, m->sentence);
}

/* "Minsk hosted the CSTO summit": a city that hosts an event is where it is held. */
static void hosting_city(const csto_doc *doc, place_choice *choice, size_t k, size_t from, size_t to) {
  const csto_mention *city = k > from ? &doc->mentions[k - 1] : NULL;
  if (!city || !is_place(city) || city->type != CSTO_ENTITY_CITY)
    return;
  size_t lo, hi;
  csto_clause(doc, k, from, to, &lo, &hi);
  int ev = csto_event_after(doc, k, hi);
  if (ev >= 0)
    offer(doc, choice, doc->mentions[ev].event, city->entity, city->sentence);
}

void csto_extract_location(csto_doc *doc) {
  place_choice *choice = malloc((doc->n_events + 1) * sizeof *choice);
  if (!choice)
    return;
  for (size_t e = 0; e < doc->n_events; e++)
    choice[e] = (place_choice){doc->events[e].place, 0};
  for (size_t k = 0; k < doc->n_mentions; k++) /* "the Qingdao summit": its sentence */
    if (csto_event_of(&doc->mentions[k]) >= 0 && doc->mentions[k].place &&
        choice[doc->mentions[k].event].sentence == 0)
      choice[doc->mentions[k].event].sentence = doc->mentions[k].sentence;
  for (size_t s = 0; s < doc->n_sentences; s++) {
    size_t from, to;
    csto_sentence_mentions(doc, s, &from, &to);
    for (size_t p = from; p < to; p++)
      if (is_place(&doc->mentions[p]))
        place_of(doc, choice, p, from, to);
      else if (csto_is_cue(&doc->mentions[p], CSTO_CUE_HOST))
        hosting_city(doc, choice, p, from, to);
  }
  for (size_t e = 0; e < doc->n_events; e++) {
    csto_fact f = {.kind = CSTO_FACT_HELD_IN, .subject = (int)e, .object = choice[e].place,
                   .sentence = choice[e].sentence};
    if (choice[e].place >= 0)
      csto_doc_add_fact(doc, &f);
  }
  free(choice);
}
