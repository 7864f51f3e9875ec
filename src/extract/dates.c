/* When an event is held: "will be held on Wednesday", "due on September 16", "On
 * December 3, the meeting was held", "commences today". Dates after a reporting verb
 * ("said on Wednesday") date the saying, and after another act ("signed on") that act,
 * not the event. Consolidation keeps the first date the text gives. */
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
  if (ev < 0 || reported)
    ev = csto_event_after(doc, d, hi);
  return ev;
}

void csto_extract_dates(const csto_doc *doc, csto_sink *sink) {
  for (size_t s = 0; s < doc->n_sentences; s++) {
    size_t from, to;
    csto_sentence_mentions(doc, s, &from, &to);
    for (size_t d = from; d < to; d++) {
      const csto_mention *m = &doc->mentions[d];
      if (m->kind != CSTO_MENTION_DATE || m->date.year == 0 || dates_other_verb(doc, from, d, to))
        continue;
      int ev = dated_event(doc, d, from, to);
      int e = ev >= 0 ? csto_event_of(doc, (size_t)ev) : -1;
      if (e < 0)
        continue;
      csto_candidate c = csto_candidate_make(CSTO_FACT_DATE, CSTO_RULE_DATE_CLAUSE, s);
      c.subject = e;
      c.date = m->date;
      c.date_end = m->date_end;
      c.event = ev;
      c.object_mention = (int)d;
      csto_sink_emit(sink, &c);
    }
  }
}
