/* Internal: reading the mentions of a sentence by clause, and what the resolver linked
 * them to. Shared by the resolver's later passes and the extractors; reads only. */
#ifndef CSTO_CLAUSE_H
#define CSTO_CLAUSE_H

#include "csto/document.h"

/* Mentions [from, to) of sentence s. */
void csto_sentence_mentions(const csto_doc *doc, size_t s, size_t *from, size_t *to);

int csto_is_cue(const csto_mention *m, csto_cue cue);

/* Index the recognizer's finished mentions for csto_sentence_mentions, csto_clause and
 * csto_negated (one pass each way); 0, or -1 when out of memory. */
int csto_clause_index(csto_recognition *rec);

/* The clause around mention k within [from, to): [*lo, *hi), bounded by clause breaks. */
void csto_clause(const csto_doc *doc, size_t k, size_t from, size_t to, size_t *lo, size_t *hi);

/* Whether a negation cue stands in [lo, hi). */
int csto_negated(const csto_doc *doc, size_t lo, size_t hi);

/* Whether a negation stands right before mention k, at most one word apart: "was not
 * attended by", "will not be chaired by" (a passive cue's agent follows it, so a negation
 * earlier in the clause may be about someone else: "in the absence of X, E was attended by Y"). */
int csto_negated_before(const csto_doc *doc, size_t from, size_t k);

/* Whether cue k opens its sentence, mention lo its clause's first (one word may precede
 * the cue: "Also attending the meeting were X and Y", "Presiding over the summit, X
 * said"): then its agent follows the event. */
int csto_fronted(const csto_doc *doc, size_t lo, size_t k);

/* The mention of the person a "who" clause starting at mention lo is about ("X, who
 * arrived"), or -1. */
int csto_relative_subject(const csto_doc *doc, size_t lo);

/* The person mention k refers to (a named or titled person or a pronoun), or -1. */
int csto_person_of(const csto_doc *doc, size_t k);

/* The group a plural reference k means ("the heads of state", "they"), or -1. */
int csto_group_of(const csto_doc *doc, size_t k);

/* A country or organization the mention names as an actor (not "Russian", not "of X"). */
int csto_actor_of(const csto_doc *doc, size_t k);

/* The event mention k names (an event phrase, or a verb that makes talks; not a plural
 * container), or -1. */
int csto_event_of(const csto_doc *doc, size_t k);

/* Nearest event mention before k in [lo, k) / after k in (k, hi); -1 when none. */
int csto_event_before(const csto_doc *doc, size_t lo, size_t k);
int csto_event_after(const csto_doc *doc, size_t k, size_t hi);

/* The event mention before k in its clause [lo, k), or, when the clause is a relative
 * one right after an event ("a summit that was held today"), that event; -1 if none. */
int csto_clause_event_before(const csto_doc *doc, size_t from, size_t lo, size_t k);

/* The event the article last spoke of before mention k, or -1. */
int csto_latest_event(const csto_doc *doc, size_t k);

/* The MODE mention in [lo, hi) nearest to k, or -1. */
int csto_mode_near(const csto_doc *doc, size_t lo, size_t hi, size_t k);

#endif
