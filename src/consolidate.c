#include "csto/consolidate.h"

#include <stdlib.h>

/* Candidates that state one fact share a key: heldIn and date have one fact per event.
 * Sorting by key, then by index, groups them with text order kept inside a group. */
typedef struct {
  csto_fact_kind kind;
  int subject, object;
  csto_role role;
  size_t index;
} keyed;

static int one_per_event(csto_fact_kind kind) {
  return kind == CSTO_FACT_HELD_IN || kind == CSTO_FACT_DATE;
}

static keyed key_of(const csto_candidate *c, size_t index) {
  int per_event = one_per_event(c->kind);
  return (keyed){c->kind, c->subject, per_event ? -1 : c->object, per_event ? CSTO_ROLE_NONE : c->role,
                 index};
}

static int same_key(const keyed *a, const keyed *b) {
  return a->kind == b->kind && a->subject == b->subject && a->object == b->object && a->role == b->role;
}

#define CMP(x, y) ((x) < (y) ? -1 : (x) > (y))

static int by_key_then_index(const void *pa, const void *pb) {
  const keyed *a = pa, *b = pb;
  int c = CMP(a->kind, b->kind);
  c = c ? c : CMP(a->subject, b->subject);
  c = c ? c : CMP(a->object, b->object);
  c = c ? c : CMP(a->role, b->role);
  return c ? c : CMP(a->index, b->index);
}

static int by_first_candidate(const void *pa, const void *pb) {
  const csto_fact *a = pa, *b = pb;
  return CMP(a->evidence.candidate, b->evidence.candidate);
}

static csto_evidence evidence_of(const csto_doc *doc, size_t i) {
  const csto_candidate *c = &doc->candidates[i];
  return (csto_evidence){c->rule, c->sentence, (int)i, c->cue >= 0 ? c->cue : c->agent};
}

static int specificity(csto_entity_type t) {
  return t == CSTO_ENTITY_VENUE ? 3 : t == CSTO_ENTITY_CITY ? 2 : 1;
}

/* The candidate of a group whose attributes the fact takes. */
static size_t chosen(const csto_doc *doc, const keyed *group, size_t n) {
  size_t best = group[0].index;
  if (doc->candidates[best].kind != CSTO_FACT_HELD_IN)
    return best;
  for (size_t i = 1; i < n; i++) {
    const csto_candidate *c = &doc->candidates[group[i].index];
    if (specificity(doc->entities[c->object].type) >
        specificity(doc->entities[doc->candidates[best].object].type))
      best = group[i].index;
  }
  return best;
}

/* mode.clause, then mode.arrival, each the first in text order; then the event's mode. */
static void choose_mode(const csto_doc *doc, const keyed *group, size_t n, csto_fact *f) {
  static const csto_rule precedence[] = {CSTO_RULE_MODE_CLAUSE, CSTO_RULE_MODE_ARRIVAL};
  for (size_t p = 0; p < sizeof precedence / sizeof precedence[0]; p++)
    for (size_t i = 0; i < n; i++) {
      const csto_candidate *c = &doc->candidates[group[i].index];
      if (c->mode_rule == precedence[p] && c->mode) {
        f->mode = c->mode;
        f->mode_evidence = (csto_evidence){c->mode_rule, doc->mentions[c->mode_mention].sentence,
                                           (int)group[i].index, c->mode_mention};
        return;
      }
    }
  const csto_doc_event *e = &doc->events[f->object];
  if (e->mode && e->mode_mention >= 0) {
    f->mode = e->mode;
    f->mode_evidence = (csto_evidence){CSTO_RULE_MODE_EVENT, doc->mentions[e->mode_mention].sentence,
                                       -1, e->mode_mention};
  }
}

static csto_fact fact_of(const csto_doc *doc, const keyed *group, size_t n) {
  size_t i = chosen(doc, group, n);
  const csto_candidate *c = &doc->candidates[i];
  csto_fact f = {.kind = c->kind, .subject = c->subject, .object = c->object, .role = c->role,
                 .date = c->date, .date_end = c->date_end, .evidence = evidence_of(doc, i),
                 .mode_evidence = {CSTO_RULE_NONE, 0, -1, -1}};
  if (f.kind == CSTO_FACT_ATTENDS)
    choose_mode(doc, group, n, &f);
  return f;
}

/* One fact per group of the sorted candidates. */
static size_t group_facts(const csto_doc *doc, const keyed *order, csto_fact *facts) {
  size_t n = 0;
  for (size_t g = 0, end; g < doc->n_candidates; g = end) {
    for (end = g + 1; end < doc->n_candidates && same_key(&order[g], &order[end]); end++)
      ;
    facts[n++] = fact_of(doc, order + g, end - g);
  }
  return n;
}

csto_status csto_consolidate(const csto_doc *doc, csto_fact **out, size_t *n, csto_error *err) {
  keyed *order = malloc((doc->n_candidates + 1) * sizeof *order);
  csto_fact *facts = malloc((doc->n_candidates + 1) * sizeof *facts);
  if (!order || !facts) {
    free(order);
    free(facts);
    return csto_error_set(err, CSTO_ERR_NOMEM, "out of memory");
  }
  for (size_t i = 0; i < doc->n_candidates; i++)
    order[i] = key_of(&doc->candidates[i], i);
  qsort(order, doc->n_candidates, sizeof *order, by_key_then_index);
  *n = group_facts(doc, order, facts);
  qsort(facts, *n, sizeof *facts, by_first_candidate);
  free(order);
  *out = facts;
  return CSTO_OK;
}
