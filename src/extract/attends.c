/* Who attends an event and how: "X will attend E in person", "E was attended by X, Y and
 * Z", "Attending E were X and Y", "X addressed E", "X took part via videoconference", "X
 * represented Russia at E", "X arrived in Minsk" (the event held there), "the host
 * welcomed X" (guests attend), and bilateral talks: "X met with Y" (talks the resolver
 * made of the verb) both attend. Negated attendance is no attendance, nor is an
 * invitation or an expectation that was not met; the one who reports an attendance
 * ("Zakharova said Lavrov will attend") does not attend. A mode the clause states goes
 * with the candidate; the event-wide mode is consolidation's fallback. */
#include "clause.h"
#include "csto/extract.h"

enum { MAX_AGENTS = 32 }; /* people one clause lists; a delegation list is far shorter */

/* Agents by mention, each entity once. */
typedef struct {
  int mention[MAX_AGENTS];
  int entity[MAX_AGENTS];
  int n;
} agents;

static void add_agent(agents *a, int mention, int entity) {
  for (int i = 0; i < a->n; i++)
    if (a->entity[i] == entity)
      return;
  if (entity >= 0 && a->n < MAX_AGENTS) {
    a->mention[a->n] = mention;
    a->entity[a->n++] = entity;
  }
}

/* The person mention refers to, or each member of the group it means ("they"). */
static void add_person(const csto_doc *doc, agents *a, int mention) {
  int g = mention >= 0 ? csto_group_of(doc, (size_t)mention) : -1;
  if (g < 0) {
    if (mention >= 0)
      add_agent(a, mention, csto_person_of(doc, (size_t)mention));
    return;
  }
  for (size_t i = doc->groups[g].first; i < doc->groups[g].end; i++)
    add_agent(a, (int)i, csto_person_of(doc, i));
}

static int country_at(const csto_doc *doc, size_t k) {
  return doc->mentions[k].kind == CSTO_MENTION_ENTITY && doc->mentions[k].type == CSTO_ENTITY_COUNTRY;
}

/* The country first named after delegation cue k: "delegations of A, B", "delegations of
 * the defence ministries of A, B"; -1 when none follows at once. */
static int delegations_of(const csto_doc *doc, size_t k, size_t hi) {
  if (k + 1 >= hi || !csto_is_cue(&doc->mentions[k + 1], CSTO_CUE_OF))
    return -1;
  size_t i = k + 2;
  while (i < hi && (csto_is_cue(&doc->mentions[i], CSTO_CUE_OF) ||
                    csto_is_cue(&doc->mentions[i], CSTO_CUE_DEFINITE)))
    i++;
  return i < hi && country_at(doc, i) ? (int)i : -1;
}

/* People in [lo, hi); when there are none, the countries and organizations acting. */
static agents collect(const csto_doc *doc, size_t lo, size_t hi) {
  agents people = {.n = 0}, actors = {.n = 0};
  add_person(doc, &people, csto_relative_subject(doc, lo));
  for (size_t i = lo; i < hi; i++) {
    const csto_mention *m = &doc->mentions[i];
    if (i > lo && csto_is_cue(&doc->mentions[i - 1], CSTO_CUE_NEGATION))
      continue; /* "the absence of X" */
    add_person(doc, &people, (int)i);
    add_agent(&actors, (int)i, csto_actor_of(doc, i));
    if (csto_is_cue(m, CSTO_CUE_DELEGATION) && i > lo && /* "the Kazakh delegation" */
        country_at(doc, i - 1))
      add_agent(&actors, (int)i - 1, doc->links[i - 1].entity);
    int of = csto_is_cue(m, CSTO_CUE_DELEGATION) ? delegations_of(doc, i, hi) : -1;
    if (of >= 0) /* "delegations of A, B" */
      add_agent(&actors, of, doc->links[of].entity);
  }
  return people.n ? people : actors;
}

static void add_people(const csto_doc *doc, agents *a, size_t lo, size_t hi) {
  for (size_t i = lo; i < hi; i++)
    add_person(doc, a, (int)i);
}

static agents people_in(const csto_doc *doc, size_t lo, size_t hi) {
  agents a = {.n = 0};
  add_people(doc, &a, lo, hi);
  return a;
}

/* What a rule found: its cue, the event (and the mention naming it), the stated mode. */
typedef struct {
  csto_rule rule;
  size_t cue;
  int event_mention, event;
  int mode_mention;
  csto_rule mode_rule;
} attendance;

static void attend(const csto_doc *doc, csto_sink *sink, const agents *who, const attendance *a) {
  for (int i = 0; a->event >= 0 && i < who->n; i++) {
    csto_candidate c = csto_candidate_make(CSTO_FACT_ATTENDS, a->rule, doc->mentions[a->cue].sentence);
    c.subject = who->entity[i];
    c.object = a->event;
    c.cue = (int)a->cue;
    c.agent = who->mention[i];
    c.event = a->event_mention;
    if (a->mode_mention >= 0) {
      const csto_mention *mode = &doc->mentions[a->mode_mention];
      c.mode = mode->kind == CSTO_MENTION_MODE ? mode->mode : CSTO_MODE_IN_PERSON;
      c.mode_rule = a->mode_rule;
      c.mode_mention = a->mode_mention;
    }
    csto_sink_emit(sink, &c);
  }
}

static attendance at(const csto_doc *doc, csto_rule rule, size_t k, int event_mention, int mode) {
  int e = event_mention >= 0 ? csto_event_of(doc, (size_t)event_mention) : csto_latest_event(doc, k);
  return (attendance){rule, k, event_mention, e, mode, mode >= 0 ? CSTO_RULE_MODE_CLAUSE : CSTO_RULE_NONE};
}

/* Events named in (k, hi), or else the one the article last spoke of. */
static void attend_events_after(const csto_doc *doc, csto_sink *sink, const agents *who,
                                csto_rule rule, size_t k, size_t lo, size_t hi) {
  int mode = csto_mode_near(doc, lo, hi, k), any = 0;
  for (size_t i = k + 1; i < hi; i++)
    if (csto_event_of(doc, i) >= 0) {
      attendance a = at(doc, rule, k, (int)i, mode);
      attend(doc, sink, who, &a);
      any = 1;
    }
  if (!any) {
    attendance a = at(doc, rule, k, -1, mode);
    attend(doc, sink, who, &a);
  }
}

/* Where the people acting on cue k start: past the last reporting or sending verb before
 * it, whose subject only reports or sends ("Zakharova said Lavrov will attend", "Pakistan
 * decided to send its minister to attend"). */
static size_t after_reporting(const csto_doc *doc, size_t lo, size_t k) {
  size_t start = lo;
  for (size_t i = lo; i < k; i++)
    if ((csto_is_cue(&doc->mentions[i], CSTO_CUE_REPORTING) ||
         csto_is_cue(&doc->mentions[i], CSTO_CUE_SEND)) &&
        doc->mentions[i].end <= doc->mentions[k].first)
      start = i + 1;
  return start;
}

/* The people after the event a fronted cue k names (or after the cue), with the event. */
static void attend_fronted(const csto_doc *doc, csto_sink *sink, csto_rule rule, size_t k,
                           size_t lo, size_t hi) {
  int ev = csto_event_after(doc, k, hi);
  agents who = people_in(doc, ev >= 0 ? (size_t)ev + 1 : k + 1, hi);
  attendance a = at(doc, rule, k, ev, csto_mode_near(doc, lo, hi, k));
  attend(doc, sink, &who, &a);
}

/* The first mention after k's words (past the other meanings of the same phrase). */
static size_t next_after(const csto_doc *doc, size_t k, size_t hi) {
  size_t i = k + 1;
  while (i < hi && doc->mentions[i].first < doc->mentions[k].end)
    i++;
  return i;
}

/* Whether "by" follows cue k, past a mode, commas, the event and its place: "were joined,
 * via video link, by X", "will be represented at the summit in Minsk by X". */
static int agent_follows(const csto_doc *doc, size_t k, size_t hi) {
  size_t i = next_after(doc, k, hi);
  while (i < hi && (doc->mentions[i].kind == CSTO_MENTION_MODE || csto_event_of(doc, i) >= 0 ||
                    csto_is_cue(&doc->mentions[i], CSTO_CUE_LIST_SEPARATOR) ||
                    csto_is_cue(&doc->mentions[i], CSTO_CUE_PLACE_PREP) ||
                    (doc->mentions[i].kind == CSTO_MENTION_ENTITY && /* "in Minsk" */
                     csto_is_cue(&doc->mentions[i - 1], CSTO_CUE_PLACE_PREP))))
    i++;
  return i < hi && csto_is_cue(&doc->mentions[i], CSTO_CUE_AGENTIVE);
}

static void active(const csto_doc *doc, csto_sink *sink, size_t k, size_t lo, size_t hi) {
  agents who = collect(doc, after_reporting(doc, lo, k), k);
  if (who.n == 0 && csto_fronted(doc, lo, k)) {
    attend_fronted(doc, sink, CSTO_RULE_ATTENDS_FRONTED, k, lo, hi);
    return;
  }
  for (size_t i = k + 1; i < hi; i++) /* "X took part, as did Y" */
    if (csto_is_cue(&doc->mentions[i], CSTO_CUE_LIKEWISE))
      add_people(doc, &who, i + 1, hi);
  attend_events_after(doc, sink, &who, CSTO_RULE_ATTENDS_ACTIVE, k, lo, hi);
}

/* "X addressed the summit", "X said at the meeting": the speaker attends the event spoken
 * to, which must follow the cue at once ("addressed the issues" is no attendance). */
static void speak(const csto_doc *doc, csto_sink *sink, size_t k, size_t lo, size_t hi) {
  size_t ev = next_after(doc, k, hi);
  while (ev < hi && (csto_is_cue(&doc->mentions[ev], CSTO_CUE_DEFINITE) ||
                     csto_is_cue(&doc->mentions[ev], CSTO_CUE_INDEFINITE)))
    ev++;
  if (ev >= hi || csto_event_of(doc, ev) < 0)
    return;
  agents who = collect(doc, after_reporting(doc, lo, k), k);
  if (who.n == 0 && csto_fronted(doc, lo, k)) {
    attend_fronted(doc, sink, CSTO_RULE_ATTENDS_SPEAK, k, lo, hi);
    return;
  }
  attendance a = at(doc, CSTO_RULE_ATTENDS_SPEAK, k, (int)ev, csto_mode_near(doc, lo, hi, k));
  attend(doc, sink, &who, &a);
}

/* "attended by 12 countries; A, B and C": the clause after the break holds nothing but
 * the countries counted (two at least, up to the sentence's end). */
static agents listed_after(const csto_doc *doc, size_t hi, size_t to) {
  agents countries = {.n = 0};
  for (size_t i = hi + 1; i < to; i++) {
    if (country_at(doc, i))
      add_agent(&countries, (int)i, doc->links[i].entity);
    else if (!csto_is_cue(&doc->mentions[i], CSTO_CUE_LIST_SEPARATOR))
      return (agents){.n = 0};
  }
  return countries.n >= 2 ? countries : (agents){.n = 0};
}

/* "... will be represented by ministers, X, the ministry's spokesman, told media", "...
 * by ministers," he said": the person named (or the pronoun) last before a reporting verb
 * after cue k reports the news; returns where the agents after k stop. */
static size_t before_reporter(const csto_doc *doc, size_t k, size_t hi, size_t to) {
  size_t r = k + 1;
  while (r < to && !csto_is_cue(&doc->mentions[r], CSTO_CUE_REPORTING))
    r++;
  while (r < to && r-- > k + 1)
    if (doc->mentions[r].kind == CSTO_MENTION_PRONOUN ||
        (doc->mentions[r].kind == CSTO_MENTION_PERSON && /* past appositive titles */
         doc->mentions[r].name_first < doc->mentions[r].name_end))
      return r < hi ? r : hi;
  return hi;
}

static void passive(const csto_doc *doc, csto_sink *sink, size_t k, size_t lo, size_t hi, size_t from,
                    size_t to) {
  agents who = collect(doc, k + 1, before_reporter(doc, k, hi, to));
  if (who.n == 0 && hi < to)
    who = listed_after(doc, hi, to);
  if (who.n == 0) { /* "X joined by video link": no one after it, so active after all */
    /* people only: "Ukraine was represented by a deputy" */
    if (people_in(doc, lo, k).n)
      active(doc, sink, k, lo, hi);
    return;
  }
  attendance a = at(doc, CSTO_RULE_ATTENDS_PASSIVE, k, csto_event_before(doc, from, k),
                    csto_mode_near(doc, lo, hi, k));
  attend(doc, sink, &who, &a);
}

/* "X represented Russia at E": only with an event named. "Russia will be represented at E
 * by X": X attends, if named, and Russia only through X. */
static void represent(const csto_doc *doc, csto_sink *sink, size_t k, size_t lo, size_t hi) {
  agents who = agent_follows(doc, k, hi) ? people_in(doc, k + 1, hi)
                                         : collect(doc, after_reporting(doc, lo, k), k);
  int ev = csto_event_after(doc, k, hi);
  if (ev < 0)
    return;
  attendance a = at(doc, CSTO_RULE_ATTENDS_REPRESENT, k, ev, csto_mode_near(doc, lo, hi, k));
  attend(doc, sink, &who, &a);
}

/* "The host welcomed X and Y": the guests attend; the host is neither guest nor chair.
 * "X was welcomed by the host", "E, hosted by X": the guests stand before the cue. What is
 * "received from X" came from X, who is no guest. */
static void host(const csto_doc *doc, csto_sink *sink, size_t k, size_t lo, size_t hi) {
  size_t next = next_after(doc, k, hi);
  if (next < hi && csto_is_cue(&doc->mentions[next], CSTO_CUE_ORIGIN))
    return;
  agents guests = agent_follows(doc, k, hi) ? people_in(doc, after_reporting(doc, lo, k), k)
                                            : people_in(doc, k + 1, hi);
  attend_events_after(doc, sink, &guests, CSTO_RULE_ATTENDS_HOST, k, lo, hi);
}

/* "X arrived in Minsk": X attends the event held where X arrived, in person. */
static void arrive(const csto_doc *doc, csto_sink *sink, size_t k, size_t lo, size_t hi) {
  agents who = {.n = 0};
  add_person(doc, &who, csto_relative_subject(doc, lo));
  add_people(doc, &who, after_reporting(doc, lo, k), k);
  attendance a = at(doc, CSTO_RULE_ATTENDS_ARRIVE, k, csto_event_after(doc, k, hi),
                    csto_mode_near(doc, lo, hi, k));
  if (a.mode_mention < 0) {
    a.mode_mention = (int)k;
    a.mode_rule = CSTO_RULE_MODE_ARRIVAL;
  }
  attend(doc, sink, &who, &a);
}

/* "X met with Y": talks that both attend, when the resolver made talks of the verb. */
static void meet(const csto_doc *doc, csto_sink *sink, size_t k, size_t lo, size_t hi) {
  attendance a = {CSTO_RULE_ATTENDS_MEET, k, (int)k, csto_event_of(doc, k), -1, CSTO_RULE_NONE};
  agents before = people_in(doc, lo, k), after = people_in(doc, k + 1, hi);
  attend(doc, sink, &before, &a);
  attend(doc, sink, &after, &a);
}

/* "X will hold bilateral talks with Y": the talks have the people on both sides. */
static void talks(const csto_doc *doc, csto_sink *sink, size_t k, size_t lo, size_t hi) {
  agents a = people_in(doc, lo, k), b = {.n = 0};
  for (size_t i = k + 1; i < hi && csto_event_of(doc, i) < 0; i++)
    add_person(doc, &b, (int)i);
  if ((a.n && b.n) || a.n >= 2) { /* "X held talks with Y", "X and Y held talks" */
    attendance t = {CSTO_RULE_ATTENDS_TALKS, k, (int)k, csto_event_of(doc, k), -1, CSTO_RULE_NONE};
    attend(doc, sink, &a, &t);
    attend(doc, sink, &b, &t);
  }
}

/* "bilateral talks with Y", "will have a separate meeting with Y" */
static int talks_like(const csto_doc *doc, size_t k) {
  const csto_mention *m = &doc->mentions[k];
  int e = csto_event_of(doc, k);
  if (m->kind != CSTO_MENTION_EVENT || e < 0)
    return 0;
  return m->event_class == CSTO_EVENT_TALKS
             ? doc->events[e].event_class == CSTO_EVENT_TALKS
             : m->event_class == CSTO_EVENT_MEETING && m->indefinite && !m->n_orgs;
}

static void cue(const csto_doc *doc, csto_sink *sink, size_t k, size_t from, size_t to) {
  const csto_mention *m = &doc->mentions[k];
  size_t lo, hi;
  csto_clause(doc, k, from, to, &lo, &hi);
  /* a passive cue's agents follow it: only a negation of its own verb counts. "The talks
   * were joined by X", but not "X took part, accompanied by Y". */
  int passive_voice = m->cue == CSTO_CUE_ATTEND_PASSIVE ||
                      ((m->cue == CSTO_CUE_ATTEND_ACTIVE || m->cue == CSTO_CUE_SPEAK) &&
                       agent_follows(doc, k, hi) && people_in(doc, lo, k).n == 0);
  if (passive_voice ? csto_negated_before(doc, from, k) : csto_negated(doc, lo, k + 1))
    return;
  if (passive_voice) {
    passive(doc, sink, k, lo, hi, from, to);
    return;
  }
  switch (m->cue) {
  case CSTO_CUE_ATTEND_ACTIVE: active(doc, sink, k, lo, hi); break;
  case CSTO_CUE_SPEAK: speak(doc, sink, k, lo, hi); break;
  case CSTO_CUE_REPRESENT: represent(doc, sink, k, lo, hi); break;
  case CSTO_CUE_HOST: host(doc, sink, k, lo, hi); break;
  case CSTO_CUE_ARRIVE: arrive(doc, sink, k, lo, hi); break;
  case CSTO_CUE_MEET:
    if (csto_event_of(doc, k) >= 0)
      meet(doc, sink, k, lo, hi);
    break;
  default: break;
  }
}

void csto_extract_attends(const csto_doc *doc, csto_sink *sink) {
  for (size_t s = 0; s < doc->n_sentences; s++) {
    size_t from, to, lo, hi;
    csto_sentence_mentions(doc, s, &from, &to);
    for (size_t k = from; k < to; k++) {
      if (talks_like(doc, k)) {
        csto_clause(doc, k, from, to, &lo, &hi);
        if (!csto_negated(doc, lo, k)) /* "were invited to join the talks" */
          talks(doc, sink, k, lo, hi);
      }
      if (doc->mentions[k].kind == CSTO_MENTION_CUE)
        cue(doc, sink, k, from, to);
    }
  }
}
