#include "clause.h"
#include <stdlib.h>

/* First mention of a sentence at or after s (mentions are in sentence order). */
static size_t first_of(const csto_doc *doc, size_t s) {
  return s < doc->n_sentence_first ? doc->sentence_first[s] : doc->n_mentions;
}

void csto_sentence_mentions(const csto_doc *doc, size_t s, size_t *from, size_t *to) {
  *from = first_of(doc, s);
  *to = first_of(doc, s + 1);
}

static int sentence_index(csto_recognition *rec) {
  size_t n = rec->n_mentions, last = n ? rec->mentions[n - 1].sentence : 0;
  rec->n_sentence_first = n ? last + 2 : 1;
  if (!(rec->sentence_first = malloc(rec->n_sentence_first * sizeof *rec->sentence_first)))
    return -1;
  size_t s = 0;
  for (size_t k = 0; k < n; k++)
    while (s <= rec->mentions[k].sentence)
      rec->sentence_first[s++] = (uint32_t)k;
  rec->sentence_first[s] = (uint32_t)n;
  return 0;
}

int csto_is_cue(const csto_mention *m, csto_cue cue) {
  return m->kind == CSTO_MENTION_CUE && m->cue == cue;
}

static int breaks(const csto_mention *m) {
  return csto_is_cue(m, CSTO_CUE_CLAUSE_BREAK) || csto_is_cue(m, CSTO_CUE_RELATIVE);
}

int csto_clause_index(csto_recognition *rec) {
  size_t n = rec->n_mentions;
  rec->clause_from = malloc((n + 1) * sizeof *rec->clause_from);
  rec->clause_to = malloc((n + 1) * sizeof *rec->clause_to);
  rec->negations_before = malloc((n + 1) * sizeof *rec->negations_before);
  if (!rec->clause_from || !rec->clause_to || !rec->negations_before || sentence_index(rec) != 0)
    return -1;
  rec->negations_before[0] = 0;
  for (size_t k = 0, start = 0; k < n; k++) {
    rec->clause_from[k] = start;
    start = breaks(&rec->mentions[k]) ? k + 1 : start;
    rec->negations_before[k + 1] = rec->negations_before[k] + csto_is_cue(&rec->mentions[k], CSTO_CUE_NEGATION);
  }
  for (size_t k = n, end = n; k-- > 0;) {
    rec->clause_to[k] = end;
    end = breaks(&rec->mentions[k]) ? k : end;
  }
  return 0;
}

void csto_clause(const csto_doc *doc, size_t k, size_t from, size_t to, size_t *lo, size_t *hi) {
  *lo = doc->clause_from[k] > from ? doc->clause_from[k] : from;
  *hi = doc->clause_to[k] < to ? doc->clause_to[k] : to;
}

int csto_negated(const csto_doc *doc, size_t lo, size_t hi) {
  return lo < hi && doc->negations_before[hi] > doc->negations_before[lo];
}

int csto_negated_before(const csto_doc *doc, size_t from, size_t k) {
  size_t first = doc->mentions[k].first;
  for (size_t j = k; j-- > from && k - j <= 3;) {
    const csto_mention *m = &doc->mentions[j];
    if (csto_is_cue(m, CSTO_CUE_NEGATION) && m->end <= first && first - m->end <= 1)
      return 1;
  }
  return 0;
}

int csto_fronted(const csto_doc *doc, size_t lo, size_t k) {
  for (size_t i = lo; i < k; i++)
    if (doc->mentions[i].kind != CSTO_MENTION_CUE)
      return 0;
  return doc->mentions[k].first <= doc->sentences[doc->mentions[k].sentence].first_token + 1;
}

int csto_person_of(const csto_doc *doc, size_t k) {
  csto_mention_kind kind = doc->mentions[k].kind;
  return kind == CSTO_MENTION_PERSON || kind == CSTO_MENTION_PRONOUN ? doc->links[k].entity : -1;
}

int csto_group_of(const csto_doc *doc, size_t k) {
  int g = doc->links[k].group;
  return g >= 0 && (size_t)g < doc->n_groups ? g : -1;
}

int csto_actor_of(const csto_doc *doc, size_t k) {
  const csto_mention *m = &doc->mentions[k];
  if (m->kind != CSTO_MENTION_ENTITY || doc->links[k].entity < 0 || m->demonym)
    return -1;
  if (m->type != CSTO_ENTITY_COUNTRY && m->type != CSTO_ENTITY_ORGANIZATION)
    return -1;
  size_t before = k; /* "of Russia", "of the Commonwealth", "in Russia": not actors */
  if (before > 0 && csto_is_cue(&doc->mentions[before - 1], CSTO_CUE_DEFINITE))
    before--;
  if (before > 0 && (csto_is_cue(&doc->mentions[before - 1], CSTO_CUE_OF) ||
                     csto_is_cue(&doc->mentions[before - 1], CSTO_CUE_PLACE_PREP)))
    return -1;
  return doc->links[k].entity;
}

int csto_event_of(const csto_doc *doc, size_t k) { return doc->links[k].event; }

int csto_event_before(const csto_doc *doc, size_t lo, size_t k) {
  for (size_t i = k; i-- > lo;)
    if (csto_event_of(doc, i) >= 0)
      return (int)i;
  return -1;
}

int csto_event_after(const csto_doc *doc, size_t k, size_t hi) {
  for (size_t i = k + 1; i < hi; i++)
    if (csto_event_of(doc, i) >= 0)
      return (int)i;
  return -1;
}

int csto_latest_event(const csto_doc *doc, size_t k) {
  /* side talks are not what an unnamed event means, nor another meeting than the one
   * reported unless the article spoke of no other */
  for (int next = 0; next < 2; next++)
    for (size_t i = k; i-- > 0;) {
      int e = csto_event_of(doc, i);
      if (e >= 0 && doc->events[e].next == next && doc->events[e].event_class != CSTO_EVENT_TALKS)
        return e;
    }
  return -1;
}

int csto_mode_near(const csto_doc *doc, size_t lo, size_t hi, size_t k) {
  int found = -1;
  size_t best = (size_t)-1;
  for (size_t i = lo; i < hi; i++) {
    size_t d = i > k ? i - k : k - i;
    if (doc->mentions[i].kind == CSTO_MENTION_MODE && d < best) {
      best = d;
      found = (int)i;
    }
  }
  return found;
}

int csto_relative_subject(const csto_doc *doc, size_t lo) {
  if (lo == 0 || lo >= doc->n_mentions || !csto_is_cue(&doc->mentions[lo - 1], CSTO_CUE_RELATIVE))
    return -1;
  for (size_t i = lo - 1; i-- > 0 && doc->mentions[i].sentence == doc->mentions[lo - 1].sentence;) {
    if (csto_person_of(doc, i) >= 0)
      return (int)i;
    if (!csto_is_cue(&doc->mentions[i], CSTO_CUE_LIST_SEPARATOR))
      return -1;
  }
  return -1;
}

int csto_clause_event_before(const csto_doc *doc, size_t from, size_t lo, size_t k) {
  int ev = csto_event_before(doc, lo, k);
  if (ev >= 0 || lo < from + 2 || !csto_is_cue(&doc->mentions[lo - 1], CSTO_CUE_CLAUSE_BREAK))
    return ev;
  size_t j = lo - 1; /* past the other meanings of the same word ("that": also a determiner) */
  while (j > from && doc->mentions[j - 1].first == doc->mentions[lo - 1].first)
    j--;
  return j > from && csto_event_of(doc, j - 1) >= 0 ? (int)j - 1 : -1;
}
