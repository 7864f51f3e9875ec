/* Internal to the extractors: walking the mentions of a sentence by clause. */
#ifndef CSTO_EXTRACT_CLAUSE_H
#define CSTO_EXTRACT_CLAUSE_H

#include "csto/document.h"

/* Mentions [from, to) of sentence s. */
void csto_sentence_mentions(const csto_doc *doc, size_t s, size_t *from, size_t *to);

int csto_is_cue(const csto_mention *m, csto_cue cue);

/* The clause around mention k within [from, to): [*lo, *hi), bounded by clause breaks. */
void csto_clause(const csto_doc *doc, size_t k, size_t from, size_t to, size_t *lo, size_t *hi);

/* Whether a negation cue stands in [lo, hi). */
int csto_negated(const csto_doc *doc, size_t lo, size_t hi);

/* The person a "who" clause starting at mention lo is about ("X, who arrived"), or -1. */
int csto_relative_subject(const csto_doc *doc, size_t lo);

/* A person the mention refers to (a named or titled person or a pronoun), or -1. */
int csto_person_of(const csto_doc *doc, const csto_mention *m);

/* A country or organization the mention names as an actor (not "Russian", not "of X"). */
int csto_actor_of(const csto_doc *doc, size_t k);

/* The event a mention refers to (not a plural container), or -1. */
int csto_event_of(const csto_mention *m);

/* Nearest event mention before k in [lo, k) / after k in (k, hi); -1 when none. */
int csto_event_before(const csto_doc *doc, size_t lo, size_t k);
int csto_event_after(const csto_doc *doc, size_t k, size_t hi);

/* The event mention before k in its clause [lo, k), or, when the clause is a relative
 * one right after an event ("a summit that was held today"), that event; -1 if none. */
int csto_clause_event_before(const csto_doc *doc, size_t from, size_t lo, size_t k);

/* The event the article last spoke of before mention k, or -1. */
int csto_latest_event(const csto_doc *doc, size_t k);

/* The mode a MODE mention states in [lo, hi), nearest to k; unspecified when none. */
csto_mode csto_mode_in(const csto_doc *doc, size_t lo, size_t hi, size_t k);

#endif
