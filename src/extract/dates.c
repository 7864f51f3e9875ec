/* When an event is held: "will be held on Wednesday", "due on September 16", "On
 * December 3, the meeting was held", "commences today"; "the summit has opened" (the
 * report's day); a first line "May 25, 2023, The Kremlin, Moscow" (the day of the event
 * the report is about). Dates after a reporting verb ("said on Wednesday") date the
 * saying, and after another act ("signed on") that act, not the event. Consolidation
 * keeps the first date the text gives, so the first line's comes last. */
#include "clause.h"
#include "csto/extract.h"

enum {
  /* Mentions from a reporting verb or another act to the date that dates it: "said |
   * on | Wednesday", "signed | on | May 15, 1992". */
  DATED_VERB_REACH = 3,
};

/* "said at the meeting on Tuesday": the saying is at the event, whose date it is. */
static int spoken_at_event(const csto_doc *doc, size_t i, size_t to) {
  const csto_mention *m = &doc->mentions[i];
  int speak = 0;
  size_t j = i;
  while (j > 0 && doc->mentions[j - 1].first == m->first)
    j--;
  for (; j < to && doc->mentions[j].first == m->first; j++)
    speak |= csto_is_cue(&doc->mentions[j], CSTO_CUE_SPEAK);
  return speak && j < to && csto_event_of(doc, j) >= 0;
}

/* Whether the date at mention d dates a saying ("said on Wednesday") or another act
 * ("the treaty signed on May 15, 1992"), not an event: such a verb stands just before it
 * with no event predicate between ("is reported to be held this afternoon" dates the
 * meeting). */
static int dates_other_verb(const csto_doc *doc, size_t from, size_t d, size_t to) {
  for (size_t i = d; i-- > from && i + DATED_VERB_REACH > d;) {
    const csto_mention *m = &doc->mentions[i];
    if (csto_is_cue(m, CSTO_CUE_EVENT_PREDICATE))
      return 0;
    if ((csto_is_cue(m, CSTO_CUE_REPORTING) && !spoken_at_event(doc, i, to)) ||
        csto_is_cue(m, CSTO_CUE_OTHER_ACT))
      return 1;
  }
  return 0;
}

static int dated_event(const csto_doc *doc, size_t d, size_t from, size_t to) {
  size_t lo, hi;
  csto_clause(doc, d, from, to, &lo, &hi);
  int ev = csto_clause_event_before(doc, from, lo, d);
  /* another date, or a saying, between them: the date is not the event's, unless an event
   * predicate follows the saying ("the meeting is reported to be held this afternoon") */
  int reported = 0;
  for (size_t i = ev >= 0 ? (size_t)ev + 1 : d; ev >= 0 && i < d; i++) {
    const csto_mention *m = &doc->mentions[i];
    if (m->kind == CSTO_MENTION_DATE)
      ev = -1;
    else if (csto_is_cue(m, CSTO_CUE_REPORTING))
      reported = 1;
    else if (csto_is_cue(m, CSTO_CUE_EVENT_PREDICATE))
      reported = 0;
  }
  /* "X, who arrived on Wednesday, took part in the summit": a "who" clause dates what the
   * person did there, not the event the sentence goes on to name */
  if (ev < 0 || reported)
    ev = csto_relative_subject(doc, lo) < 0 ? csto_event_after(doc, d, hi) : -1;
  return ev;
}

static void offer(const csto_doc *doc, csto_sink *sink, csto_rule rule, size_t s, int ev,
                  csto_date date, csto_date date_end, int date_mention, int cue) {
  int e = ev >= 0 ? csto_event_of(doc, (size_t)ev) : -1;
  if (e < 0 || date.year == 0)
    return;
  csto_candidate c = csto_candidate_make(CSTO_FACT_DATE, rule, s);
  c.subject = e;
  c.date = date;
  c.date_end = date_end;
  c.event = ev;
  c.object_mention = date_mention;
  c.cue = cue;
  const csto_doc_event *whole = &doc->events[e];
  if (whole->series < 0 || whole->place >= 0 || !doc->mentions[ev].plural) {
    csto_sink_emit(sink, &c);
    return;
  }
  /* "meetings of the CSTO and the CIS will be held on May 8": each of them that day; not
   * the meetings held each in its own city */
  for (size_t i = (size_t)whole->series;
       i < doc->n_events && doc->events[i].series == whole->series; i++) {
    c.subject = (int)i;
    csto_sink_emit(sink, &c);
  }
}

static int has_kind(const csto_doc *doc, size_t lo, size_t hi, csto_mention_kind kind) {
  for (size_t i = lo; i < hi; i++)
    if (doc->mentions[i].kind == kind)
      return 1;
  return 0;
}

/* "The summit has opened in Moscow", "the talks are under way": a verb of the present (a
 * `Present` cue) says the event it has for subject goes on as the report is written, when
 * its clause gives no date. */
static void present(const csto_doc *doc, csto_sink *sink, size_t s, size_t k, size_t from,
                    size_t to) {
  size_t lo, hi;
  csto_clause(doc, k, from, to, &lo, &hi);
  if (!has_kind(doc, lo, hi, CSTO_MENTION_DATE))
    offer(doc, sink, CSTO_RULE_DATE_PRESENT, s, csto_clause_event_before(doc, from, lo, k),
          doc->article->date, (csto_date){0}, -1, (int)k);
}

/* Whether sentence s holds a date and then only names (places, organizations) and list
 * separators: a first line such as "May 25, 2023, The Kremlin, Moscow" that heads the
 * report with the day and place of its event. A newswire dateline ("MINSK, May 12.")
 * starts with its city and gives the day of writing. */
static int date_header(const csto_doc *doc, size_t s, size_t *date) {
  size_t from, to;
  csto_sentence_mentions(doc, s, &from, &to);
  if (from == to || doc->mentions[from].kind != CSTO_MENTION_DATE)
    return 0;
  for (size_t i = from + 1; i < to; i++) {
    const csto_mention *m = &doc->mentions[i];
    if (!(m->kind == CSTO_MENTION_ENTITY || csto_is_cue(m, CSTO_CUE_LIST_SEPARATOR) ||
          csto_is_cue(m, CSTO_CUE_DEFINITE)))
      return 0;
  }
  *date = from;
  return 1;
}

/* The day a first-line header gives dates the report's first event, unless the text
 * speaks of that event in the future. */
static void header(const csto_doc *doc, csto_sink *sink) {
  size_t d, from, to, lo, hi;
  if (doc->n_sentences == 0 || !date_header(doc, 0, &d))
    return;
  int ev = csto_event_after(doc, d, doc->n_mentions);
  if (ev < 0)
    return;
  csto_sentence_mentions(doc, doc->mentions[ev].sentence, &from, &to);
  csto_clause(doc, (size_t)ev, from, to, &lo, &hi);
  for (size_t i = lo; i < hi; i++)
    if (csto_is_cue(&doc->mentions[i], CSTO_CUE_FUTURE))
      return;
  const csto_mention *m = &doc->mentions[d];
  offer(doc, sink, CSTO_RULE_DATE_HEADER, 0, ev, m->date, m->date_end, (int)d, -1);
}

void csto_extract_dates(const csto_doc *doc, csto_sink *sink) {
  for (size_t s = 0; s < doc->n_sentences; s++) {
    size_t from, to;
    csto_sentence_mentions(doc, s, &from, &to);
    for (size_t d = from; d < to; d++) {
      const csto_mention *m = &doc->mentions[d];
      if (csto_is_cue(m, CSTO_CUE_PRESENT))
        present(doc, sink, s, d, from, to);
      if (m->kind != CSTO_MENTION_DATE || m->date.year == 0 || dates_other_verb(doc, from, d, to))
        continue;
      offer(doc, sink, CSTO_RULE_DATE_CLAUSE, s, dated_event(doc, d, from, to), m->date,
            m->date_end, (int)d, -1);
    }
  }
  header(doc, sink);
}
