/* Dates, resolved against the publication date by the calendar (csto/calendar.h).
 *
 * "today", "yesterday" (relative days); "on Friday" (a weekday: the nearest one, forward
 * when the clause speaks of the future: "will be held on Friday"); "Oct. 8, 2024",
 * "December 26-27", "3 December 2015", "15-16 September" (a month with a day, a span's
 * last day, a year). A month alone ("in May") is no date: "May" may be a verb. */
#include "recognize/recognize.h"

#include <stdlib.h>

enum {
  MAX_DAY = 31, /* the calendar rejects "February 30" when it resolves the date */
  /* A number after a month or a day is a year only in this range: "May 12, 2021", not
   * "on May 12, 300 troops". */
  FIRST_YEAR = 1900,
  LAST_YEAR = 2100,
  /* How many atoms before a date may hold its clause's verb: enough for "will be held in
   * the Kazakh capital at the Palace of Independence on Wednesday"; a clause is rarely
   * longer, and a verb further back belongs to another clause. */
  VERB_LOOKBACK_ATOMS = 19,
  /* Atoms before a verb that may hold its future marker: "would | also | attend", "is
   * expected | to | attend". */
  AUXILIARY_ATOMS = 3,
};

/* What a date phrase states. */
typedef struct {
  int year, month, day; /* 0 when not stated */
  int last;             /* the last day of a span ("26-27"), else 0 */
  int weekday;          /* 0 (Monday) - 6, or -1 */
} date_parts;

/* The number at atom ai, "12" or "12th", if it lies in [lo, hi]; else 0. */
static int number_token(const ctx *c, size_t ai, int lo, int hi) {
  if (sentence_end_atom(c, ai))
    return 0;
  const csto_token *t = tok(c, &c->atoms[ai]);
  if (!(t->flags & CSTO_TOKEN_DIGITS))
    return 0;
  char *end;
  long v = strtol(t->norm, &end, 10);
  if (*end && strcmp(end, "st") && strcmp(end, "nd") && strcmp(end, "rd") && strcmp(end, "th"))
    return 0;
  return v >= lo && v <= hi ? (int)v : 0;
}

static size_t skip_punct(const ctx *c, size_t ai, const char *p) {
  return !sentence_end_atom(c, ai) && is_punct(c, &c->atoms[ai], p) ? ai + 1 : ai;
}

/* Whether a future marker stands among the auxiliaries just before the verb at atom v:
 * "will attend", "would meet", "is expected to arrive". */
static int future_verb(const ctx *c, size_t v, size_t first) {
  for (size_t i = v; i-- > 0 && v - i <= AUXILIARY_ATOMS && c->atoms[i].first >= first;) {
    const atom *a = &c->atoms[i];
    if (is_cue(a, CSTO_CUE_FUTURE))
      return 1;
    if (is_cue(a, CSTO_CUE_CLAUSE_BREAK) || meaning(a, CSTO_LEX_ENTITY) || meaning(a, CSTO_LEX_ROLE))
      return 0;
  }
  return 0;
}

static int verb_cue(const atom *a) {
  return is_cue(a, CSTO_CUE_EVENT_PREDICATE) || is_cue(a, CSTO_CUE_GATHER) ||
         is_cue(a, CSTO_CUE_REPORTING) || is_cue(a, CSTO_CUE_ATTEND_ACTIVE) ||
         is_cue(a, CSTO_CUE_SPEAK) || is_cue(a, CSTO_CUE_ARRIVE);
}

/* Whether the verb nearest before a date, in its clause, speaks of the future ("will be
 * held on Wednesday", "will attend the meeting on Monday", "would meet in Yerevan on
 * Tuesday") or not ("said last week that he would not come; the meeting held on
 * Wednesday"); -1 when the clause has no verb before the date. */
static int future_before(const ctx *c, size_t ai) {
  size_t first = c->doc->sentences[c->sentence].first_token;
  for (size_t i = ai; i-- > 0 && ai - i <= VERB_LOOKBACK_ATOMS && c->atoms[i].first >= first;) {
    const atom *a = &c->atoms[i];
    if (is_cue(a, CSTO_CUE_FUTURE))
      return 1;
    if (is_cue(a, CSTO_CUE_CLAUSE_BREAK))
      return 0;
    if (verb_cue(a))
      return future_verb(c, i, first);
  }
  return -1;
}

/* A date that opens its sentence takes the tense of the verb after it: "On Tuesday, the
 * leaders will meet in Minsk". */
static int future_tense(const ctx *c, size_t ai, size_t end) {
  int before = future_before(c, ai);
  if (before >= 0)
    return before;
  for (size_t i = end; !sentence_end_atom(c, i) && i - end <= VERB_LOOKBACK_ATOMS; i++) {
    const atom *a = &c->atoms[i];
    if (is_cue(a, CSTO_CUE_FUTURE))
      return 1;
    if (is_cue(a, CSTO_CUE_CLAUSE_BREAK) || verb_cue(a))
      return 0;
  }
  return 0;
}

/* "-27" after a day: the last day of a span. Returns the atom after it. */
static size_t span_end(const ctx *c, size_t i, int *last) {
  if (!sentence_end_atom(c, i) && is_punct(c, &c->atoms[i], "-") &&
      (*last = number_token(c, i + 1, 1, MAX_DAY)))
    return i + 2;
  *last = 0;
  return i;
}

/* "Oct. 8, 2024", "December 26-27", "May 2021" (p->month is set, from atom ai). Returns
 * the atom after the date, or ai when a month alone stands there. */
static size_t month_first(const ctx *c, size_t ai, date_parts *p) {
  size_t i = skip_punct(c, ai + 1, ".");
  if ((p->day = number_token(c, i, 1, MAX_DAY)))
    i = span_end(c, i + 1, &p->last);
  size_t y = skip_punct(c, i, ",");
  if ((p->year = number_token(c, y, FIRST_YEAR, LAST_YEAR)))
    i = y + 1;
  if (!p->day && !p->year)
    return ai; /* "May" alone may be a verb; a bare month pins no day anyway */
  return i;
}

/* "3 December 2015", "15-16 September" (p->day is set, from atom ai). Returns the atom
 * after the date, or ai when no month follows the day. */
static size_t day_first(const ctx *c, size_t ai, date_parts *p) {
  size_t m_at = span_end(c, ai + 1, &p->last);
  const csto_lex_entry *e;
  if (sentence_end_atom(c, m_at) || !(e = meaning(&c->atoms[m_at], CSTO_LEX_MONTH)))
    return ai;
  p->month = e->value;
  size_t y = skip_punct(c, m_at + 1, ",");
  if ((p->year = number_token(c, y, FIRST_YEAR, LAST_YEAR)))
    return y + 1;
  return m_at + 1;
}

static void emit_date(ctx *c, size_t a0, size_t a1, const date_parts *p) {
  csto_mention *m = emit(c, CSTO_MENTION_DATE, a0, a1);
  if (!m)
    return;
  csto_date published = c->doc->article->date;
  if (p->day || p->weekday >= 0)
    m->date = csto_resolve_date(published, p->year, p->month, p->day, p->weekday,
                                future_tense(c, a0, a1));
  if (p->last > p->day && m->date.year)
    m->date_end = csto_resolve_date(m->date, m->date.year, p->month, p->last, -1, 0);
  m->year_given = p->year != 0;
}

/* "today", "yesterday": days from the publication date. */
static size_t relative_day(ctx *c, size_t ai, int days) {
  csto_mention *m = emit(c, CSTO_MENTION_DATE, ai, ai + 1);
  if (m)
    m->date = csto_date_add_days(c->doc->article->date, days);
  return ai + 1;
}

size_t csto_recognize_date(ctx *c, size_t ai) {
  const atom *a = &c->atoms[ai];
  const csto_lex_entry *e;
  date_parts p = {.weekday = -1};
  size_t end;
  if ((e = meaning(a, CSTO_LEX_RELATIVE_DAY)) && c->doc->article->date.year)
    return relative_day(c, ai, e->value);
  if ((e = meaning(a, CSTO_LEX_WEEKDAY))) {
    p.weekday = e->value;
    end = ai + 1;
  } else if ((e = meaning(a, CSTO_LEX_MONTH))) {
    p.month = e->value;
    end = month_first(c, ai, &p);
  } else if ((p.day = number_token(c, ai, 1, MAX_DAY))) {
    end = day_first(c, ai, &p);
  } else {
    return ai;
  }
  if (end != ai)
    emit_date(c, ai, end, &p);
  return end;
}
