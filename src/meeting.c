/* The identity of a meeting across articles: who meets and the day (meeting.h). */
#include "csto/meeting.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "clause.h"
#include "csto/calendar.h"

csto_event_class csto_meeting_class(const csto_doc_event *e, int *from_bodies) {
  csto_event_class cls = CSTO_EVENT_GENERIC;
  for (int k = 0; k < e->n_meets; k++) {
    if (e->meets[k]->type != CSTO_ENTITY_BODY)
      continue;
    if (cls != CSTO_EVENT_SUMMIT)
      cls = e->meets[k]->meeting_class ? e->meets[k]->meeting_class : CSTO_EVENT_MEETING;
  }
  *from_bodies = cls != CSTO_EVENT_GENERIC;
  return *from_bodies ? cls : e->event_class;
}

/* The names of who meets (local names or labels) joined by sep, then tail; NULL when out
 * of memory. */
static char *joined(const csto_doc_event *e, int labels, const char *sep, const char *tail) {
  size_t n = strlen(tail) + 1;
  for (int k = 0; k < e->n_meets; k++)
    n += strlen(labels ? e->meets[k]->label : e->meets[k]->local) + strlen(sep);
  char *s = malloc(n), *p = s;
  for (int k = 0; s && k < e->n_meets; k++)
    p += sprintf(p, "%s%s", k ? sep : "", labels ? e->meets[k]->label : e->meets[k]->local);
  if (s)
    strcpy(p, tail);
  return s;
}

static void day_text(const csto_date *d, char buf[16]) {
  snprintf(buf, 16, "%04d-%02d-%02d", d->year, d->month, d->day);
}

char *csto_meeting_name(const csto_doc_event *e, const csto_date *day) {
  if (!day || !day->day || e->n_meets == 0)
    return NULL;
  int from_bodies;
  csto_event_class cls = csto_meeting_class(e, &from_bodies);
  char tail[64], date[16];
  day_text(day, date);
  snprintf(tail, sizeof tail, "%s%s_%s", from_bodies ? "" : "_",
           from_bodies ? "" : csto_event_class_name(cls), date);
  char *who = joined(e, 0, "-", tail), *name = who ? malloc(strlen(who) + 7) : NULL;
  if (name)
    sprintf(name, "event_%s", who);
  free(who);
  return name;
}

char *csto_meeting_label(const csto_doc_event *e, const csto_date *day) {
  int from_bodies;
  char tail[64], date[16] = "";
  if (day && day->day)
    day_text(day, date);
  snprintf(tail, sizeof tail, "%s%s%s%s", e->n_meets ? " " : "",
           csto_event_class_name(csto_meeting_class(e, &from_bodies)), *date ? ", " : "", date);
  return joined(e, 1, " and ", tail);
}

/* ---- the knowledge base's session a meeting without its day is --------------------------- */

/* The KB city a heldIn fact names, or NULL. */
static const csto_kb_entity *city_named(const csto_doc *doc, const csto_fact *f) {
  const csto_kb_entity *kb = f->object >= 0 ? doc->entities[f->object].kb : NULL;
  return kb && kb->type == CSTO_ENTITY_CITY ? kb : NULL;
}

csto_meeting_facts *csto_meeting_facts_of(const csto_doc *doc) {
  csto_meeting_facts *of = calloc(doc->n_events + 1, sizeof *of);
  unsigned char *two_cities = calloc(doc->n_events + 1, 1);
  for (size_t i = 0; of && two_cities && i < doc->n_facts; i++) {
    const csto_fact *f = &doc->facts[i];
    if (f->subject < 0 || (size_t)f->subject >= doc->n_events)
      continue;
    csto_meeting_facts *e = &of[f->subject];
    const csto_kb_entity *city = NULL;
    if (f->kind == CSTO_FACT_DATE && !e->date)
      e->date = f;
    else if (f->kind == CSTO_FACT_HELD_IN && (city = city_named(doc, f)) && !e->place)
      e->place = f;
    else if (f->kind == CSTO_FACT_HELD_IN && city && city != city_named(doc, e->place))
      two_cities[f->subject] = 1;
  }
  for (size_t e = 0; of && two_cities && e < doc->n_events; e++)
    if (two_cities[e])
      of[e].place = NULL;
  if (!two_cities) {
    free(of);
    of = NULL;
  }
  free(two_cities);
  return of;
}

/* Whether a future cue stands in the clause of mention k ("will be held in Moscow"). */
static int future_clause(const csto_doc *doc, int k) {
  if (k < 0)
    return 0;
  size_t from, to, lo, hi;
  csto_sentence_mentions(doc, doc->mentions[k].sentence, &from, &to);
  csto_clause(doc, (size_t)k, from, to, &lo, &hi);
  for (size_t i = lo; i < hi; i++)
    if (csto_is_cue(&doc->mentions[i], CSTO_CUE_FUTURE))
      return 1;
  return 0;
}

/* When the meeting lies against the publication: as its phrase says ("the upcoming summit",
 * "last year's summit"), else later when the clause of the event or of the place that the
 * place's fact names speaks of the future, else before (a report). */
static int when_of(const csto_doc *doc, const csto_candidate *said) {
  if (!said)
    return 0;
  /* a held-in fact of a series names its city's mention here, not an event phrase */
  const csto_mention *m = said->event >= 0 ? &doc->mentions[said->event] : NULL;
  if (m && m->kind == CSTO_MENTION_EVENT && m->when)
    return m->when;
  return future_clause(doc, said->event) || future_clause(doc, said->object_mention);
}

static int in_window(csto_date day, csto_date published, int when) {
  csto_date year_before = {published.year - 1, published.month, published.day};
  csto_date year_after = {published.year + 1, published.month, published.day};
  if (when < 0)
    return day.year == published.year - 1;
  if (when > 0)
    return csto_date_compare(day, published) >= 0 && csto_date_compare(day, year_after) <= 0;
  return csto_date_compare(day, year_before) >= 0 && csto_date_compare(day, published) <= 0;
}

const csto_kb_session *csto_meeting_session(const csto_doc *doc, int e,
                                             const csto_fact *place) {
  const csto_doc_event *ev = &doc->events[e];
  csto_date published = doc->article->date;
  if (ev->n_meets != 1 || ev->meets[0]->type != CSTO_ENTITY_BODY || !published.year || !place)
    return NULL;
  const csto_kb_entity *city = city_named(doc, place);
  const csto_candidate *said =
      place->evidence.candidate >= 0 ? &doc->candidates[place->evidence.candidate] : NULL;
  const csto_kb_session *const *sessions;
  size_t n = csto_kb_sessions_in(doc->kb, ev->meets[0], city, &sessions);
  int when = when_of(doc, said);
  const csto_kb_session *found = NULL;
  for (size_t i = 0; i < n; i++) {
    if (!in_window(sessions[i]->start, published, when))
      continue;
    if (found)
      return NULL; /* two sessions in the city that year: which one, the text does not say */
    found = sessions[i];
  }
  return found;
}

const csto_date *csto_meeting_day(const csto_doc *doc, int e, const csto_meeting_facts *of) {
  if (of->date)
    return &of->date->date;
  const csto_kb_session *s = csto_meeting_session(doc, e, of->place);
  return s ? &s->start : NULL;
}
