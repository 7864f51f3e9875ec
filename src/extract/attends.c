/* Who attends an event and how: "X will attend E in person", "E was attended by X, Y and
 * Z", "X took part via videoconference", "X represented Russia at E", "X arrived in
 * Minsk" (the event held there), "the host welcomed X" (guests attend), and bilateral
 * talks: "X met with Y" is an event both attend. Negated attendance is no attendance. */
#include "clause.h"
#include "csto/extract.h"

enum { MAX_AGENTS = 32 };

typedef struct {
  int ids[MAX_AGENTS];
  int n;
} agents;

static void add_agent(agents *a, int id) {
  for (int i = 0; i < a->n; i++)
    if (a->ids[i] == id)
      return;
  if (id >= 0 && a->n < MAX_AGENTS)
    a->ids[a->n++] = id;
}

/* People in [lo, hi); when there are none, the countries and organizations acting. */
static agents collect(const csto_doc *doc, size_t lo, size_t hi) {
  agents people = {{0}, 0}, actors = {{0}, 0};
  add_agent(&people, csto_relative_subject(doc, lo));
  for (size_t i = lo; i < hi; i++) {
    const csto_mention *m = &doc->mentions[i];
    if (i > lo && csto_is_cue(&doc->mentions[i - 1], CSTO_CUE_NEGATION))
      continue; /* "the absence of X" */
    add_agent(&people, csto_person_of(doc, m));
    add_agent(&actors, csto_actor_of(doc, i));
    if (csto_is_cue(m, CSTO_CUE_DELEGATION) && i > lo && /* "the Kazakh delegation" */
        doc->mentions[i - 1].kind == CSTO_MENTION_ENTITY &&
        doc->mentions[i - 1].type == CSTO_ENTITY_COUNTRY)
      add_agent(&actors, doc->mentions[i - 1].entity);
  }
  return people.n ? people : actors;
}

/* An attendance the text gives no mode for takes the event's ("leaders gathered in
 * Astana for their summit": in person; "will take place as a video conference": remote). */
static void attend(csto_doc *doc, const agents *who, int event, csto_mode mode, size_t sentence) {
  if (event >= 0 && mode == CSTO_MODE_UNSPECIFIED)
    mode = doc->events[event].mode;
  for (int i = 0; event >= 0 && i < who->n; i++) {
    csto_fact f = {.kind = CSTO_FACT_ATTENDS, .subject = who->ids[i], .object = event,
                   .mode = mode, .sentence = sentence};
    csto_doc_add_fact(doc, &f);
  }
}

/* Events named in (k, hi), or else the one the article last spoke of. */
static void attend_events_after(csto_doc *doc, const agents *who, size_t k, size_t hi,
                                csto_mode mode) {
  int any = 0;
  for (size_t i = k + 1; i < hi; i++) {
    int e = csto_event_of(&doc->mentions[i]);
    if (e >= 0) {
      attend(doc, who, e, mode, doc->mentions[k].sentence);
      any = 1;
    }
  }
  if (!any)
    attend(doc, who, csto_latest_event(doc, k), mode, doc->mentions[k].sentence);
}

static void active(csto_doc *doc, size_t k, size_t lo, size_t hi) {
  agents who = collect(doc, lo, k);
  for (size_t i = k + 1; i < hi; i++) /* "X took part, as did Y" */
    if (csto_is_cue(&doc->mentions[i], CSTO_CUE_LIKEWISE))
      for (size_t j = i + 1; j < hi; j++)
        add_agent(&who, csto_person_of(doc, &doc->mentions[j]));
  attend_events_after(doc, &who, k, hi, csto_mode_in(doc, lo, hi, k));
}

static void passive(csto_doc *doc, size_t k, size_t lo, size_t hi, size_t from) {
  agents who = collect(doc, k + 1, hi);
  if (who.n == 0) { /* "X joined by video link": no one after it, so active after all */
    agents before = {{0}, 0};
    for (size_t i = lo; i < k; i++) /* people only: "Ukraine was represented by a deputy" */
      add_agent(&before, csto_person_of(doc, &doc->mentions[i]));
    if (before.n)
      active(doc, k, lo, hi);
    return;
  }
  int ev = csto_event_before(doc, from, k);
  int e = ev >= 0 ? doc->mentions[ev].event : csto_latest_event(doc, k);
  attend(doc, &who, e, csto_mode_in(doc, lo, hi, k), doc->mentions[k].sentence);
}

/* "X represented Russia at E": only with an event named. */
static void represent(csto_doc *doc, size_t k, size_t lo, size_t hi) {
  agents who = collect(doc, lo, k);
  int ev = csto_event_after(doc, k, hi);
  if (ev >= 0)
    attend(doc, &who, doc->mentions[ev].event, csto_mode_in(doc, lo, hi, k), doc->mentions[k].sentence);
}

/* "The host welcomed X and Y": the guests attend; the host is neither guest nor chair. */
static void host(csto_doc *doc, size_t k, size_t lo, size_t hi) {
  agents guests = {{0}, 0};
  for (size_t i = k + 1; i < hi; i++)
    add_agent(&guests, csto_person_of(doc, &doc->mentions[i]));
  attend_events_after(doc, &guests, k, hi, csto_mode_in(doc, lo, hi, k));
}

/* "X arrived in Minsk": X attends the event held where X arrived, in person. */
static void arrive(csto_doc *doc, size_t k, size_t lo, size_t hi) {
  agents who = {{0}, 0};
  add_agent(&who, csto_relative_subject(doc, lo));
  for (size_t i = lo; i < k; i++)
    add_agent(&who, csto_person_of(doc, &doc->mentions[i]));
  int ev = csto_event_after(doc, k, hi);
  int e = ev >= 0 ? doc->mentions[ev].event : csto_latest_event(doc, k);
  csto_mode mode = csto_mode_in(doc, lo, hi, k);
  attend(doc, &who, e, mode ? mode : CSTO_MODE_IN_PERSON, doc->mentions[k].sentence);
}

/* "X met with Y": talks that both attend. */
static void meet(csto_doc *doc, size_t k, size_t lo, size_t hi) {
  agents a = {{0}, 0}, b = {{0}, 0};
  for (size_t i = lo; i < k; i++)
    add_agent(&a, csto_person_of(doc, &doc->mentions[i]));
  for (size_t i = k + 1; i < hi; i++)
    add_agent(&b, csto_person_of(doc, &doc->mentions[i]));
  if (!a.n || !b.n)
    return;
  int e = csto_doc_add_event(doc, CSTO_EVENT_TALKS, k);
  if (e < 0)
    return;
  /* The verb now names the talks, so that place and date extractors see them. */
  doc->mentions[k].kind = CSTO_MENTION_EVENT;
  doc->mentions[k].event_class = CSTO_EVENT_TALKS;
  doc->mentions[k].event = e;
  attend(doc, &a, e, CSTO_MODE_UNSPECIFIED, doc->mentions[k].sentence);
  attend(doc, &b, e, CSTO_MODE_UNSPECIFIED, doc->mentions[k].sentence);
}

/* "X will hold bilateral talks with Y": the talks have the people on both sides. */
static void talks(csto_doc *doc, size_t k, size_t lo, size_t hi) {
  agents a = {{0}, 0}, b = {{0}, 0};
  for (size_t i = lo; i < k; i++)
    add_agent(&a, csto_person_of(doc, &doc->mentions[i]));
  for (size_t i = k + 1; i < hi && csto_event_of(&doc->mentions[i]) < 0; i++)
    add_agent(&b, csto_person_of(doc, &doc->mentions[i]));
  if ((a.n && b.n) || a.n >= 2) { /* "X held talks with Y", "X and Y held talks" */
    attend(doc, &a, doc->mentions[k].event, CSTO_MODE_UNSPECIFIED, doc->mentions[k].sentence);
    attend(doc, &b, doc->mentions[k].event, CSTO_MODE_UNSPECIFIED, doc->mentions[k].sentence);
  }
}

static int has_attendance_cue(const csto_doc *doc, size_t lo, size_t hi) {
  for (size_t i = lo; i < hi; i++) {
    const csto_mention *m = &doc->mentions[i];
    if (m->kind == CSTO_MENTION_CUE &&
        (m->cue == CSTO_CUE_ATTEND_ACTIVE || m->cue == CSTO_CUE_ATTEND_PASSIVE ||
         m->cue == CSTO_CUE_ARRIVE || m->cue == CSTO_CUE_REPRESENT))
      return 1;
  }
  return 0;
}

/* Event-wide modes: people "gathered in" a place meet in person; a mode said of the
 * event itself ("will take place on November 10 as a video conference") holds for all. */
static void event_modes(csto_doc *doc) {
  for (size_t s = 0; s < doc->n_sentences; s++) {
    size_t from, to, lo, hi;
    csto_sentence_mentions(doc, s, &from, &to);
    for (size_t k = from; k < to; k++) {
      const csto_mention *m = &doc->mentions[k];
      csto_clause(doc, k, from, to, &lo, &hi);
      if (m->cue == CSTO_CUE_GATHER && k + 1 < hi &&
          csto_is_cue(&doc->mentions[k + 1], CSTO_CUE_PLACE_PREP)) {
        int ev = m->kind == CSTO_MENTION_EVENT ? (int)k : csto_event_after(doc, k, hi);
        if (ev >= 0)
          doc->events[doc->mentions[ev].event].mode = CSTO_MODE_IN_PERSON;
      } else if (m->kind == CSTO_MENTION_MODE && !has_attendance_cue(doc, lo, hi)) {
        int ev = csto_clause_event_before(doc, from, lo, k);
        if (ev >= 0)
          doc->events[doc->mentions[ev].event].mode = m->mode;
      }
    }
  }
}

void csto_extract_attends(csto_doc *doc) {
  event_modes(doc);
  for (size_t s = 0; s < doc->n_sentences; s++) {
    size_t from, to;
    csto_sentence_mentions(doc, s, &from, &to);
    for (size_t k = from; k < to; k++) {
      const csto_mention *m = &doc->mentions[k];
      size_t lo, hi;
      /* "bilateral talks with Y", "will have a separate meeting with Y" */
      int talks_like = m->event_class == CSTO_EVENT_TALKS
                           ? doc->events[m->event].event_class == CSTO_EVENT_TALKS
                           : m->event_class == CSTO_EVENT_MEETING && m->indefinite && !m->n_orgs;
      if (m->kind == CSTO_MENTION_EVENT && m->event >= 0 && talks_like) {
        csto_clause(doc, k, from, to, &lo, &hi);
        talks(doc, k, lo, hi);
      }
      if (m->kind != CSTO_MENTION_CUE)
        continue;
      csto_clause(doc, k, from, to, &lo, &hi);
      if (csto_negated(doc, lo, k + 1) && m->cue != CSTO_CUE_ATTEND_PASSIVE)
        continue;
      switch (m->cue) {
      case CSTO_CUE_ATTEND_ACTIVE: active(doc, k, lo, hi); break;
      case CSTO_CUE_ATTEND_PASSIVE: passive(doc, k, lo, hi, from); break;
      case CSTO_CUE_REPRESENT: represent(doc, k, lo, hi); break;
      case CSTO_CUE_HOST: host(doc, k, lo, hi); break;
      case CSTO_CUE_ARRIVE: arrive(doc, k, lo, hi); break;
      case CSTO_CUE_MEET: meet(doc, k, lo, hi); break;
      default: break;
      }
    }
  }
}
